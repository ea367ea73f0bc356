#include "ballot.h"

#include "envelope.h"
#include "jsonreader.h"

#include <QJsonObject>
#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>

#include <array>

namespace fest {

namespace {
QString canonicalUuid(const QString &text)
{
    const QUuid uuid = QUuid::fromString(text);
    return uuid.isNull() ? QString() : uuid.toString(QUuid::WithoutBraces);
}
} // namespace

QString Ballot::newVoteId()
{
    return newVoteId(QDateTime::currentMSecsSinceEpoch());
}

QString Ballot::newVoteId(qint64 msSinceEpoch)
{
    // RFC 9562 version 7: 48 bits of milliseconds, then 74 random bits. Ids made later
    // sort later, so the controller's vote-id index grows at one end instead of dirtying
    // a random page per vote (a few KB written per vote with random ids).
    std::array<quint32, 4> words;
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    QByteArray bytes(reinterpret_cast<const char *>(words.data()), sizeof(words));
    const quint64 ms = quint64(msSinceEpoch) & 0xffffffffffffULL;
    for (int i = 0; i < 6; ++i)
        bytes[i] = char(ms >> (40 - 8 * i));
    bytes[6] = char((bytes[6] & 0x0f) | 0x70);  // version 7
    bytes[8] = char((bytes[8] & 0x3f) | 0x80);  // RFC variant
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

QByteArray Ballot::toJson() const
{
    const QJsonObject o{
        {QStringLiteral("voteId"), voteId},
        {QStringLiteral("ticket"), ticket},
        {QStringLiteral("screening"), screening},
        {QStringLiteral("film"), film},
        {QStringLiteral("score"), score},
        {QStringLiteral("castAt"), castAt.toOffsetFromUtc(castAt.offsetFromUtc()).toString(Qt::ISODateWithMs)},
    };
    return Envelope::encode(QStringLiteral("ballot"), o);
}

std::optional<Ballot> Ballot::fromJson(const QByteArray &data, QString *error, QString *voteId)
{
    // A ballot is tiny; a large one is hostile.
    const JsonLimits limits{4096, 2, 256, 0};
    const std::optional<QJsonObject> object = Envelope::decode(data, QStringLiteral("ballot"), limits, error);
    if (!object)
        return std::nullopt;
    JsonReader r(*object, QStringLiteral("ballot"));
    Ballot b;
    b.voteId = canonicalUuid(r.requiredString(QStringLiteral("voteId"), {.maxLength = 38}));
    if (b.voteId.isEmpty())
        r.addError(QStringLiteral("voteId"), QStringLiteral("expected a UUID such as 123e4567-e89b-12d3-a456-426614174000"));
    else if (voteId)
        *voteId = b.voteId;
    b.ticket = r.requiredString(QStringLiteral("ticket"), {.maxLength = MaxTicketLength});
    b.screening = r.requiredId(QStringLiteral("screening"));
    b.film = r.requiredId(QStringLiteral("film"));
    b.score = r.requiredInteger(QStringLiteral("score"), {.min = -1000, .max = 1000});
    b.castAt = r.requiredDateTime(QStringLiteral("castAt"));
    r.rejectUnknownFields();
    if (!r.ok()) {
        if (error) {
            QStringList problems;
            for (const JsonError &e : r.errors())
                problems << e.toString();
            *error = problems.join(QStringLiteral("; "));
        }
        return std::nullopt;
    }
    return b;
}

} // namespace fest
