// Request::decode: an accepted request has an op by the id rule, and survives
// encode -> decode unchanged; the programme-sized limits accept whatever the default does.
#include "fuzzinvariant.h"
#include "request.h"
#include "topics.h"

using namespace fest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray payload = FuzzInvariant::bytes(data, size);
    DecodeError error;
    const std::optional<Request> request = Request::decode(payload, JsonLimits{}, error);
    const std::optional<Request> large = Request::decode(payload, JsonLimits::programme(), nullptr);
    if (!request) {
        FUZZ_INVARIANT(error.kind != DecodeError::Kind::None && !error.message.isEmpty());
        return 0;
    }
    FUZZ_INVARIANT(large && large->op == request->op && large->args == request->args);
    FUZZ_INVARIANT(Topics::isValidId(request->op));
    const std::optional<Request> again = Request::decode(request->encode(), JsonLimits::programme(), nullptr);
    FUZZ_INVARIANT(again && again->op == request->op && again->args == request->args);
    return 0;
}
