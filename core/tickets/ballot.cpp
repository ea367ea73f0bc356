#include "ballot.h"

#include "envelope.h"
#include "identifier.h"
#include "jsonreader.h"
#include "plainjson.h"
#include "messagetype.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>
#include <array>

namespace fest {

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype MaxBytes = 4096;   // a ballot is tiny; a large one is hostile
constexpr qint64 MaxAbsScore = 1000;   // decoded; the range check is a rejection reason

QString canonicalUuid(const QString &text)
{
    const QUuid uuid = QUuid::fromString(text);
    return uuid.isNull() ? QString() : uuid.toString(QUuid::WithoutBraces);
}

// The fields of the plain shape, in toJson's order.
constexpr std::array<QLatin1StringView, 8> plainFields{"type"_L1, "v"_L1, "voteId"_L1, "ticket"_L1,
                                                       "screening"_L1, "film"_L1, "score"_L1, "castAt"_L1};

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// The shape JsonReader::dateTime asks for, offset required, in ASCII digits:
// YYYY-MM-DDTHH:MM[:SS[.s{1,3}]](Z|+HH:MM|-HH:MM).
bool hasIsoShapeWithOffset(QLatin1StringView s)
{
    auto digits = [&](qsizetype at, qsizetype count) {
        if (at + count > s.size())
            return false;
        for (qsizetype i = at; i < at + count; ++i) {
            if (!isDigit(s[i].toLatin1()))
                return false;
        }
        return true;
    };
    auto is = [&](qsizetype at, char c) { return at < s.size() && s[at].toLatin1() == c; };
    if (!(digits(0, 4) && is(4, '-') && digits(5, 2) && is(7, '-') && digits(8, 2) && is(10, 'T') && digits(11, 2)
          && is(13, ':') && digits(14, 2)))
        return false;
    qsizetype at = 16;
    if (is(at, ':')) {
        if (!digits(at + 1, 2))
            return false;
        at += 3;
        if (is(at, '.')) {
            qsizetype n = 0;
            while (n < 4 && digits(at + 1 + n, 1))
                ++n;
            if (n < 1 || n > 3)
                return false;
            at += 1 + n;
        }
    }
    if (is(at, 'Z'))
        return at + 1 == s.size();
    return (is(at, '+') || is(at, '-')) && digits(at + 1, 2) && is(at + 3, ':') && digits(at + 4, 2) && at + 6 == s.size();
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

bool Ballot::scoresInRange() const
{
    return std::all_of(ratings.cbegin(), ratings.cend(), [](const Rating &r) { return scoreInRange(r.score); });
}

QString Ballot::filmRatedTwice() const
{
    for (qsizetype i = 1; i < ratings.size(); ++i) {
        for (qsizetype j = 0; j < i; ++j) {
            if (ratings[i].film == ratings[j].film)
                return ratings[i].film;
        }
    }
    return {};
}

QByteArray Ballot::toJson() const
{
    QJsonObject o{
        {QStringLiteral("voteId"), voteId},
        {QStringLiteral("ticket"), ticket},
        {QStringLiteral("screening"), screening},
        {QStringLiteral("castAt"), castAt.toOffsetFromUtc(castAt.offsetFromUtc()).toString(Qt::ISODateWithMs)},
    };
    // One film: the form every controller reads, on its fast path.
    if (ratings.size() == 1) {
        o.insert(QStringLiteral("film"), ratings.constFirst().film);
        o.insert(QStringLiteral("score"), ratings.constFirst().score);
    } else {
        QJsonArray list;
        for (const Rating &r : ratings)
            list.append(QJsonObject{{QStringLiteral("film"), r.film}, {QStringLiteral("score"), r.score}});
        o.insert(QStringLiteral("ratings"), list);
    }
    return Envelope::encode(MessageType::ballot(), o);
}

std::optional<Ballot> Ballot::fromJson(const QByteArray &data, QString *error, QString *voteId)
{
    std::optional<Ballot> b = fromPlainJson(data);
    if (!b)
        return fromAnyJson(data, error, voteId);
    if (voteId)
        *voteId = b->voteId;
    return b;
}

std::optional<Ballot> Ballot::fromPlainJson(const QByteArray &data)
{
    if (data.size() > MaxBytes)
        return std::nullopt;
    PlainJson in(data);
    QLatin1StringView type, voteId, ticket, screening, film, castAt;
    qint64 version = 0, score = 0;
    const std::optional<unsigned> seen = in.object(plainFields, [&](int field) {
        switch (field) {
        case 0: return in.string(&type);
        case 1: return in.integer(&version, 1);
        case 2: return in.string(&voteId);
        case 3: return in.string(&ticket);
        case 4: return in.string(&screening);
        case 5: return in.string(&film);
        case 6: return in.integer(&score, 4);
        case 7: return in.string(&castAt);
        }
        return false;
    });
    if (seen != (1u << plainFields.size()) - 1)
        return std::nullopt;
    if (type != "ballot"_L1 || version != Envelope::protocolVersion || !PlainJson::isLowerCaseUuid(voteId)
        || voteId == "00000000-0000-0000-0000-000000000000"_L1 /* QUuid's null: refused */
        || ticket.size() > MaxTicketLength || !Identifier::isValid(screening)
        || !Identifier::isValid(film) || score < -MaxAbsScore || score > MaxAbsScore
        || !hasIsoShapeWithOffset(castAt))
        return std::nullopt;
    Ballot b;
    b.castAt = QDateTime::fromString(QString(castAt), Qt::ISODateWithMs);
    if (!b.castAt.isValid())
        return std::nullopt;
    b.voteId = QString(voteId);
    b.ticket = QString(ticket);
    b.screening = QString(screening);
    b.ratings = {Rating{QString(film), score}};
    return b;
}

std::optional<Ballot> Ballot::fromAnyJson(const QByteArray &data, QString *error, QString *voteId)
{
    // A ballot is tiny; a large one is hostile. Three levels: the ballot, its ratings,
    // a rating. Lists up to twice MaxRatings pass the guard, so that the reader can say
    // which ballot rated too many films.
    const JsonLimits limits{MaxBytes, 3, 256, 2 * MaxRatings};
    const std::optional<QJsonObject> object = Envelope::decode(data, MessageType::ballot(), limits, error);
    if (!object)
        return std::nullopt;
    JsonReader r(*object, MessageType::ballot());
    Ballot b;
    b.voteId = canonicalUuid(r.requiredString(QStringLiteral("voteId"), {.maxLength = 38}));
    if (b.voteId.isEmpty())
        r.addError(QStringLiteral("voteId"), QStringLiteral("expected a UUID such as 123e4567-e89b-12d3-a456-426614174000"));
    else if (voteId)
        *voteId = b.voteId;
    b.ticket = r.requiredString(QStringLiteral("ticket"), {.maxLength = MaxTicketLength});
    b.screening = r.requiredId(QStringLiteral("screening"));
    const JsonReader::IntegerRule scoreRule{.min = -MaxAbsScore, .max = MaxAbsScore};
    const QString film = QStringLiteral("film"), score = QStringLiteral("score"), ratings = QStringLiteral("ratings");
    if (!r.has(ratings)) {
        if (object->contains(ratings)) {
            r.optionalArray(ratings);
            r.addError(ratings, QStringLiteral("expected a list of ratings, got null"));
        }
        b.ratings = {Rating{r.requiredId(film), r.requiredInteger(score, scoreRule)}};
    } else {
        if (r.has(film) || r.has(score)) {
            r.addError(ratings, QStringLiteral("the ballot also has film or score: rate one film with film and score, or "
                                               "the films of a block with ratings, not both"));
            r.optionalString(film);
            r.optionalInteger(score, scoreRule);
        }
        const bool isList = object->value(ratings).isArray();
        const QJsonArray list = r.requiredArray(ratings);
        if (isList && list.isEmpty())
            r.addError(ratings, QStringLiteral("rates no film: give at least one {\"film\":ID,\"score\":1..5}"));
        else if (list.size() > MaxRatings)
            r.addError(ratings, QStringLiteral("rates %1 films; a ballot rates at most %2").arg(list.size()).arg(MaxRatings));
        for (qsizetype i = 0; i < list.size() && list.size() <= MaxRatings; ++i) {
            JsonReader e = r.element(ratings, list, i);
            Rating rating{e.requiredId(film), e.requiredInteger(score, scoreRule)};
            e.rejectUnknownFields();
            if (!rating.film.isEmpty()
                && std::any_of(b.ratings.cbegin(), b.ratings.cend(), [&](const Rating &o) { return o.film == rating.film; }))
                e.addError(film, QStringLiteral("%1 is rated twice; rate each film once").arg(rating.film));
            b.ratings.append(rating);
        }
    }
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
