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
    // Decodes untrusted bytes. On failure returns nullopt and the problems in *error;
    // *voteId gets the vote id when that much was readable, so the sender can still be
    // told which ballot was refused. Tries fromPlainJson first, then fromAnyJson.
    static std::optional<Ballot> fromJson(const QByteArray &data, QString *error, QString *voteId = nullptr);
    // The full decoder (JsonGuard + JsonReader): any JSON, every rule, and messages that
    // say what is wrong.
    static std::optional<Ballot> fromAnyJson(const QByteArray &data, QString *error, QString *voteId = nullptr);
    // The shape kiosks send (toJson), read in one pass without building a QJsonObject:
    // a flat object of the eight fields, each once, strings of printable ASCII without
    // escapes, plain integers, a lower-case vote id. Returns nullopt for anything else,
    // valid or not; fromAnyJson then decides. Whatever it accepts, fromAnyJson accepts
    // with the same fields (tst_ballot, fuzz_ballot).
    static std::optional<Ballot> fromPlainJson(const QByteArray &data);
    // A fresh vote id: a time-ordered UUID (version 7) made now, or at the given instant.
    static QString newVoteId();
    static QString newVoteId(qint64 msSinceEpoch);
};

} // namespace fest
