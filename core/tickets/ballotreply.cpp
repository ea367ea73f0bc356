#include "ballotreply.h"

#include "envelope.h"
#include "jsonreader.h"
#include "plainjson.h"
#include "messagetype.h"

#include <QJsonObject>
#include <QMetaEnum>

#include <array>

namespace fest {

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype MaxBytes = 4096;
constexpr qsizetype MaxVoteIdLength = 38;
constexpr qsizetype MaxMessageLength = 512;

const QStringList &resultCodes()
{
    static const QStringList codes{QStringLiteral("accepted"), QStringLiteral("duplicate"), QStringLiteral("rejected")};
    return codes;
}

const QStringList &reasonCodes()
{
    static const QStringList codes{
        QString(), QStringLiteral("ticket_used"), QStringLiteral("ticket_forged"), QStringLiteral("ticket_malformed"),
        QStringLiteral("window_not_open"), QStringLiteral("window_closed"), QStringLiteral("unknown_screening"),
        QStringLiteral("unknown_film"), QStringLiteral("bad_score"), QStringLiteral("bad_ballot"),
    };
    return codes;
}
} // namespace

BallotReply BallotReply::accepted(const QString &voteId)
{
    return {voteId, Result::Accepted, Reason::None, QObject::tr("Thank you, your vote has been counted.")};
}

BallotReply BallotReply::duplicate(const QString &voteId)
{
    return {voteId, Result::Duplicate, Reason::None, QObject::tr("Thank you, your vote has been counted.")};
}

BallotReply BallotReply::rejected(const QString &voteId, Reason reason)
{
    return {voteId, Result::Rejected, reason, reasonMessage(reason)};
}

BallotReply BallotReply::rejected(const QString &voteId, Reason reason, const QString &film)
{
    return {voteId, Result::Rejected, reason, reasonMessage(reason, film)};
}

QString BallotReply::resultCode(Result result)
{
    return resultCodes().value(int(result));
}

QString BallotReply::reasonCode(Reason reason)
{
    return reasonCodes().value(int(reason));
}

QString BallotReply::reasonMessage(Reason reason)
{
    switch (reason) {
    case Reason::None: return {};
    case Reason::TicketUsed: return QObject::tr("This ticket has already voted for this screening.");
    case Reason::TicketForged: return QObject::tr("This ticket code is not one the festival issued. Please ask a volunteer.");
    case Reason::TicketMalformed: return QObject::tr("This is not a valid ticket code. Check the code on your ticket and try again.");
    case Reason::WindowNotOpen: return QObject::tr("Voting for this screening has not opened yet. Vote after the film starts.");
    case Reason::WindowClosed: return QObject::tr("Voting for this screening has closed.");
    case Reason::UnknownScreening: return QObject::tr("This screening is not in the festival programme. Pick the screening again.");
    case Reason::UnknownFilm: return QObject::tr("This film was not shown in that screening. Pick the film again.");
    case Reason::BadScore: return QObject::tr("A score is 1 to 5 stars. Pick a score and vote again.");
    case Reason::BadBallot: return QObject::tr("The kiosk sent a damaged ballot. Please ask a volunteer.");
    }
    return {};
}

QString BallotReply::reasonMessage(Reason reason, const QString &film)
{
    if (film.isEmpty())
        return reasonMessage(reason);
    switch (reason) {
    case Reason::UnknownFilm: return QObject::tr("Film %1 was not shown in that screening. Rate only the films you saw.").arg(film);
    case Reason::BadScore: return QObject::tr("The score for film %1 is not 1 to 5 stars. Pick a score and vote again.").arg(film);
    default: return reasonMessage(reason);
    }
}

QByteArray BallotReply::encode() const
{
    QJsonObject o{
        {QStringLiteral("voteId"), voteId},
        {QStringLiteral("result"), resultCode(result)},
    };
    if (reason != Reason::None)
        o.insert(QStringLiteral("reason"), reasonCode(reason));
    if (!message.isEmpty())
        o.insert(QStringLiteral("message"), message);
    return Envelope::encode(MessageType::ballotReply(), o);
}

QByteArray BallotReply::toJson() const
{
    // The controller sends one reply per ballot, and replies of one kind differ only in
    // their vote id, a canonical UUID with nothing to escape: the kind's encoding is
    // made once and the id spliced in (a JSON document per reply was a tenth of the
    // controller's work per ballot).
    static const QString placeholder = QStringLiteral("00000000-0000-0000-0000-000000000000");
    struct Kind
    {
        Result result;
        Reason reason;
        QString message;
        QByteArray before, after;
    };
    static thread_local std::optional<Kind> last;
    if (!PlainJson::isLowerCaseUuid(voteId))
        return encode();
    if (!last || last->result != result || last->reason != reason || last->message != message) {
        BallotReply model = *this;
        model.voteId = placeholder;
        const QByteArray encoded = model.encode();
        const qsizetype at = encoded.indexOf(placeholder.toLatin1());
        last = Kind{result, reason, message, encoded.left(at), encoded.mid(at + placeholder.size())};
    }
    return last->before + voteId.toLatin1() + last->after;
}

std::optional<BallotReply> BallotReply::fromJson(const QByteArray &data, QString *error)
{
    std::optional<BallotReply> reply = fromPlainJson(data);
    return reply ? reply : fromAnyJson(data, error);
}

std::optional<BallotReply> BallotReply::fromPlainJson(const QByteArray &data)
{
    if (data.size() > MaxBytes)
        return std::nullopt;
    static constexpr std::array<QLatin1StringView, 6> fields{"type"_L1, "v"_L1, "voteId"_L1, "result"_L1, "reason"_L1,
                                                             "message"_L1};
    PlainJson in(data);
    std::array<QLatin1StringView, 6> text;
    qint64 version = 0;
    const std::optional<unsigned> seen = in.object(fields, [&](int field) {
        return field == 1 ? in.integer(&version, 1) : in.string(&text[size_t(field)]);
    });
    const unsigned required = 0b1111;   // type, v, voteId, result
    if (!seen || (*seen & required) != required)
        return std::nullopt;
    const auto indexIn = [](const QStringList &codes, QLatin1StringView code) {
        for (qsizetype i = 0; i < codes.size(); ++i) {
            if (!codes[i].isEmpty() && codes[i] == code)
                return int(i);
        }
        return -1;
    };
    BallotReply reply;
    const int result = indexIn(resultCodes(), text[3]);
    const int reason = (*seen & (1u << 4)) ? indexIn(reasonCodes(), text[4]) : 0;
    if (text[0] != "ballot-reply"_L1 || version != Envelope::protocolVersion || text[2].size() > MaxVoteIdLength
        || result < 0 || reason < 0 || text[5].size() > MaxMessageLength
        || (Result(result) == Result::Rejected && Reason(reason) == Reason::None))
        return std::nullopt;
    reply.voteId = QString(text[2]);
    reply.result = Result(result);
    reply.reason = Reason(reason);
    reply.message = QString(text[5]);
    return reply;
}

std::optional<BallotReply> BallotReply::fromAnyJson(const QByteArray &data, QString *error)
{
    const std::optional<QJsonObject> object = Envelope::decode(data, MessageType::ballotReply(),
                                                               JsonLimits{MaxBytes, 2, 1024, 0}, error);
    if (!object)
        return std::nullopt;
    JsonReader r(*object, MessageType::ballotReply());
    BallotReply reply;
    reply.voteId = r.requiredString(QStringLiteral("voteId"), {.maxLength = MaxVoteIdLength});
    reply.result = Result(qMax(0, r.requiredChoice(QStringLiteral("result"), resultCodes())));
    QStringList reasons = reasonCodes();
    reasons.removeFirst();
    reply.reason = Reason(r.optionalChoice(QStringLiteral("reason"), reasons, -1) + 1);
    reply.message = r.optionalString(QStringLiteral("message"), {.maxLength = MaxMessageLength});
    if (reply.result == Result::Rejected && reply.reason == Reason::None)
        r.addError(QStringLiteral("reason"), QStringLiteral("a rejection needs a reason"));
    r.rejectUnknownFields();
    if (!r.ok()) {
        if (error)
            *error = r.errors().constFirst().toString();
        return std::nullopt;
    }
    return reply;
}

} // namespace fest
