// Ballot::fromJson (what the controller reads from every kiosk): an accepted ballot has a
// canonical vote id, ids by the id rule, 1..MaxRatings ratings each of a different film,
// a bounded ticket and a valid instant, and survives toJson -> fromJson unchanged. A refused one always says why. The fast decoder
// for the kiosks' plain shape agrees with the full one on everything it accepts.
#include "ballot.h"
#include "fuzzinvariant.h"
#include "topics.h"

#include <QUuid>

using namespace fest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = FuzzInvariant::bytes(data, size);
    // The fast decoder never accepts what the full one refuses, and reads the same fields.
    if (const std::optional<Ballot> plain = Ballot::fromPlainJson(bytes)) {
        const std::optional<Ballot> full = Ballot::fromAnyJson(bytes, nullptr);
        FUZZ_INVARIANT(full);
        FUZZ_INVARIANT(plain->voteId == full->voteId && plain->ticket == full->ticket && plain->screening == full->screening
                       && plain->ratings == full->ratings && plain->castAt == full->castAt
                       && plain->castAt.offsetFromUtc() == full->castAt.offsetFromUtc()
                       && plain->castAt.timeSpec() == full->castAt.timeSpec());
    }
    QString error;
    QString voteId;
    const std::optional<Ballot> ballot = Ballot::fromJson(bytes, &error, &voteId);
    if (!ballot) {
        FUZZ_INVARIANT(!error.isEmpty());
        return 0;
    }
    FUZZ_INVARIANT(voteId == ballot->voteId);
    FUZZ_INVARIANT(QUuid::fromString(ballot->voteId).toString(QUuid::WithoutBraces) == ballot->voteId);
    FUZZ_INVARIANT(ballot->ticket.size() <= Ballot::MaxTicketLength);
    FUZZ_INVARIANT(Topics::isValidId(ballot->screening));
    FUZZ_INVARIANT(!ballot->ratings.isEmpty() && ballot->ratings.size() <= Ballot::MaxRatings);
    for (const Ballot::Rating &rating : ballot->ratings)
        FUZZ_INVARIANT(Topics::isValidId(rating.film));
    FUZZ_INVARIANT(ballot->filmRatedTwice().isEmpty());
    FUZZ_INVARIANT(ballot->castAt.isValid());
    const std::optional<Ballot> again = Ballot::fromJson(ballot->toJson(), &error);
    FUZZ_INVARIANT(again);
    FUZZ_INVARIANT(again->voteId == ballot->voteId && again->ticket == ballot->ticket && again->screening == ballot->screening
                   && again->ratings == ballot->ratings && again->castAt == ballot->castAt
                   && again->castAt.offsetFromUtc() == ballot->castAt.offsetFromUtc());
    return 0;
}
