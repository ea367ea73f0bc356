#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace fest {

// One audience ballot as a kiosk sends it (message type "ballot", topic
// fest/v1/vote/<kiosk account>). The kiosk's identity is its broker account, never a
// field here. A ballot rates one or more films of one screening: the film of a feature,
// or any or all films of a block of shorts, each at most once. A ticket casts one
// ballot per screening, whatever it rates; each rated film is counted (Tally).
// Two forms on the wire, one or the other, never both:
//   one film   {"type":"ballot","v":1,"voteId":"<uuid>","ticket":"K7QF-4M9X-R2DA-BC3P",
//               "screening":"S-0412","film":"F-017","score":5,"castAt":"2026-12-05T16:02:11+08:00"}
//   a block    {"type":"ballot","v":1,"voteId":"<uuid>","ticket":"K7QF-4M9X-R2DA-BC3P",
//               "screening":"S-0412","ratings":[{"film":"F-017","score":5},{"film":"F-018","score":3}],
//               "castAt":"2026-12-05T16:02:11+08:00"}
// toJson writes the first form for a ballot of one rating (what every kiosk and
// controller has always read, so old and new kiosks and controllers mix), the second
// for two or more.
struct Ballot
{
    static constexpr int MinScore = 1;
    static constexpr int MaxScore = 5;
    static constexpr int MaxTicketLength = 64;
    static constexpr int MaxRatings = 32;   // a block has a handful of films; more is hostile

    struct Rating
    {
        QString film;
        qint64 score = 0; // may be out of range after decoding: that is a rejection, not a decode error
        bool operator==(const Rating &) const = default;
    };

    QString voteId;   // canonical lower-case UUID without braces
    QString ticket;   // as typed; verified and hashed by the controller
    QString screening;
    QList<Rating> ratings;   // 1..MaxRatings, each film once, in the order the voter gave them
    QDateTime castAt;

    static bool scoreInRange(qint64 score) { return score >= MinScore && score <= MaxScore; }
    // Every rating's score is 1..5.
    bool scoresInRange() const;
    // The first film rated twice, or an empty string.
    QString filmRatedTwice() const;
    QByteArray toJson() const;
    // Decodes untrusted bytes. On failure returns nullopt and the problems in *error;
    // *voteId gets the vote id when that much was readable, so the sender can still be
    // told which ballot was refused. Tries fromPlainJson first, then fromAnyJson.
    static std::optional<Ballot> fromJson(const QByteArray &data, QString *error, QString *voteId = nullptr);
    // The full decoder (JsonGuard + JsonReader): any JSON, every rule, and messages that
    // say what is wrong.
    static std::optional<Ballot> fromAnyJson(const QByteArray &data, QString *error, QString *voteId = nullptr);
    // The one-film shape kiosks send (toJson), read in one pass without building a
    // QJsonObject: a flat object of the eight fields, each once, strings of printable
    // ASCII without escapes, plain integers, a lower-case vote id. Returns nullopt for
    // anything else, valid or not (a block's "ratings" included); fromAnyJson then
    // decides. Whatever it accepts, fromAnyJson accepts with the same fields (tst_ballot,
    // fuzz_ballot).
    static std::optional<Ballot> fromPlainJson(const QByteArray &data);
    // A fresh vote id: a time-ordered UUID (version 7) made now, or at the given instant.
    static QString newVoteId();
    static QString newVoteId(qint64 msSinceEpoch);
};

} // namespace fest
