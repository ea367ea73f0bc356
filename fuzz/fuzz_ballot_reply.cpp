// BallotReply::fromJson (what a kiosk reads back for each ballot): a rejection always
// carries a reason, and an accepted reply survives toJson -> fromJson unchanged. The fast
// decoder for the controller's plain replies agrees with the full one.
#include "ballotreply.h"
#include "fuzzinvariant.h"

using namespace fest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = FuzzInvariant::bytes(data, size);
    // The fast decoder never accepts what the full one refuses, and reads the same fields.
    if (const std::optional<BallotReply> plain = BallotReply::fromPlainJson(bytes)) {
        const std::optional<BallotReply> full = BallotReply::fromAnyJson(bytes, nullptr);
        FUZZ_INVARIANT(full);
        FUZZ_INVARIANT(plain->voteId == full->voteId && plain->result == full->result && plain->reason == full->reason
                       && plain->message == full->message);
    }
    QString error;
    const std::optional<BallotReply> reply = BallotReply::fromJson(bytes, &error);
    if (!reply) {
        FUZZ_INVARIANT(!error.isEmpty());
        return 0;
    }
    FUZZ_INVARIANT(reply->result != BallotReply::Result::Rejected || reply->reason != BallotReply::Reason::None);
    FUZZ_INVARIANT(!BallotReply::resultCode(reply->result).isEmpty());
    const std::optional<BallotReply> again = BallotReply::fromJson(reply->toJson(), &error);
    FUZZ_INVARIANT(again);
    FUZZ_INVARIANT(again->voteId == reply->voteId && again->result == reply->result && again->reason == reply->reason
                   && again->message == reply->message);
    return 0;
}
