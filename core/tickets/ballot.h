#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

namespace fest {

// One audience vote as a kiosk sends it (message type "ballot", topic
// fest/v1/vote/<kiosk account>). The kiosk's identity is its broker account, never a
// field here. For a block of shorts the voter picks one film of the block: the ballot
// names the film, and a ticket votes once per screening whatever the film.
//   {"type":"ballot","v":1,"voteId":"<uuid>","ticket":"K7QF-4M9X-R2DA-BC3P",
//    "screening":"S-0412","film":"F-017","score":5,"castAt":"2026-12-05T16:02:11+08:00"}
struct Ballot
{
    static constexpr int MinScore = 1;
    static constexpr int MaxScore = 5;
    static constexpr int MaxTicketLength = 64;

    QString voteId;   // canonical lower-case UUID without braces
    QString ticket;   // as typed; verified and hashed by the controller
    QString screening;
    QString film;
    qint64 score = 0; // may be out of range after decoding: that is a rejection, not a decode error
    QDateTime castAt;

    bool scoreInRange() const { return score >= MinScore && score <= MaxScore; }
    QByteArray toJson() const;
    // Decodes untrusted bytes (JsonGuard + JsonReader). On failure returns nullopt and
    // the problems in *error; *voteId gets the vote id when that much was readable, so
    // the sender can still be told which ballot was refused.
    static std::optional<Ballot> fromJson(const QByteArray &data, QString *error, QString *voteId = nullptr);
    // A fresh vote id: a time-ordered UUID (version 7) made now, or at the given instant.
    static QString newVoteId();
    static QString newVoteId(qint64 msSinceEpoch);
};

} // namespace fest
