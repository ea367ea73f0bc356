// ProgrammeJson::decode (a programme file or an import request): an accepted programme
// encodes canonically (encode -> decode -> encode gives the same bytes and an equal
// programme) and the validator runs on it to the end. A refused one names its problems.
#include "fuzzinvariant.h"
#include "programmejson.h"
#include "programmevalidator.h"

using namespace fest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QList<ProgrammeError> errors;
    const std::optional<Programme> programme = ProgrammeJson::decode(FuzzInvariant::bytes(data, size), &errors);
    if (!programme) {
        FUZZ_INVARIANT(!errors.isEmpty());
        return 0;
    }
    FUZZ_INVARIANT(errors.isEmpty());
    const QByteArray encoded = ProgrammeJson::encode(*programme);
    const std::optional<Programme> again = ProgrammeJson::decode(encoded, &errors);
    FUZZ_INVARIANT(again && *again == *programme);
    FUZZ_INVARIANT(ProgrammeJson::encode(*again) == encoded);
    for (const ProgrammeError &e : ProgrammeValidator::validate(*programme, 10))
        FUZZ_INVARIANT(!e.where.isEmpty() && !e.message.isEmpty());
    return 0;
}
