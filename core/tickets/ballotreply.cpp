#include "ballotreply.h"

#include "envelope.h"
#include "jsonreader.h"

#include <QJsonObject>
#include <QMetaEnum>

namespace fest {

namespace {
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
    return Envelope::encode(QStringLiteral("ballot-reply"), o);
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
    if (!isCanonicalUuid(voteId))
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

bool BallotReply::isCanonicalUuid(const QString &text)
{
    if (text.size() != 36)
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? c != u'-' : !((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

std::optional<BallotReply> BallotReply::fromJson(const QByteArray &data, QString *error)
{
    const std::optional<QJsonObject> object = Envelope::decode(data, QStringLiteral("ballot-reply"), JsonLimits{4096, 2, 1024, 0}, error);
    if (!object)
        return std::nullopt;
    JsonReader r(*object, QStringLiteral("ballot-reply"));
    BallotReply reply;
    reply.voteId = r.requiredString(QStringLiteral("voteId"), {.maxLength = 38});
    reply.result = Result(qMax(0, r.requiredChoice(QStringLiteral("result"), resultCodes())));
    QStringList reasons = reasonCodes();
    reasons.removeFirst();
    reply.reason = Reason(r.optionalChoice(QStringLiteral("reason"), reasons, -1) + 1);
    reply.message = r.optionalString(QStringLiteral("message"), {.maxLength = 512});
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
