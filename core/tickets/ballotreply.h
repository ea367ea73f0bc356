#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <optional>

namespace fest {

// The controller's answer to one ballot (message type "ballot-reply"), sent only after
// the ballot's fate is committed:
//   {"type":"ballot-reply","v":1,"voteId":"<uuid>","result":"rejected",
//    "reason":"ticket_used","message":"This ticket has already voted for this screening."}
// accepted and duplicate both mean "counted exactly once": the kiosk may forget the
// ballot. rejected means it will never count; the reason says why.
class BallotReply
{
    Q_GADGET
public:
    enum class Result { Accepted, Duplicate, Rejected };
    Q_ENUM(Result)
    enum class Reason {
        None,
        TicketUsed,       // this ticket already voted for this screening
        TicketForged,     // MAC wrong or key unknown
        TicketMalformed,  // not a ticket code, or a typo the check symbol caught
        WindowNotOpen,
        WindowClosed,
        UnknownScreening,
        UnknownFilm,      // film not shown in that screening
        BadScore,
        BadBallot,        // undecodable message
    };
    Q_ENUM(Reason)

    QString voteId;
    Result result = Result::Rejected;
    Reason reason = Reason::None;
    QString message;

    static BallotReply accepted(const QString &voteId);
    static BallotReply duplicate(const QString &voteId);
    static BallotReply rejected(const QString &voteId, Reason reason);
    // A rejection that names the film it is about (UnknownFilm, BadScore): the voter reads
    // which of the films they rated is the problem.
    static BallotReply rejected(const QString &voteId, Reason reason, const QString &film);

    QByteArray toJson() const;
    // Tries fromPlainJson, then the full decoder (JsonGuard + JsonReader), which explains
    // what is wrong.
    static std::optional<BallotReply> fromJson(const QByteArray &data, QString *error);
    // What the controller sends, read in one pass (PlainJson): the envelope, voteId,
    // result, and optionally reason and message, each once, in printable ASCII without
    // escapes. nullopt for anything else; fromJson then uses the full decoder. Whatever
    // it accepts, the full decoder accepts the same (tst_ballotreply, fuzz_ballot_reply).
    static std::optional<BallotReply> fromPlainJson(const QByteArray &data);
    static std::optional<BallotReply> fromAnyJson(const QByteArray &data, QString *error);

    // Wire codes ("ticket_used", ...) and the words a voter reads at the kiosk.
    static QString resultCode(Result result);
    static QString reasonCode(Reason reason);
    static QString reasonMessage(Reason reason);
    static QString reasonMessage(Reason reason, const QString &film);

private:
    QByteArray encode() const;   // the general encoder; toJson() reuses its output
};

} // namespace fest
