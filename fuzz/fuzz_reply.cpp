// Reply::decode: a failure always has a code by the id rule and a message; an accepted
// reply survives encode -> decode unchanged.
#include "fuzzinvariant.h"
#include "reply.h"
#include "topics.h"

using namespace fest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::optional<Reply> reply = Reply::decode(FuzzInvariant::bytes(data, size), JsonLimits{}, nullptr);
    if (!reply)
        return 0;
    if (!reply->ok)
        FUZZ_INVARIANT(Topics::isValidId(reply->code));
    const std::optional<Reply> again = Reply::decode(reply->encode(), JsonLimits::programme(), nullptr);
    FUZZ_INVARIANT(again);
    FUZZ_INVARIANT(again->ok == reply->ok && again->result == reply->result && again->code == reply->code
                   && again->message == reply->message && again->details == reply->details);
    return 0;
}
