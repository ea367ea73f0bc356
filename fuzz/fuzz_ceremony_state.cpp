// CeremonyState::decode (what every node follows during the award ceremony): an accepted
// state keeps the ordering rules (cueSeq <= seq, expires after it executes, an active
// ceremony has a current cue inside the list, a winner only on a reveal) and survives
// encode -> decode unchanged.
#include "ceremonystate.h"
#include "fuzzinvariant.h"

using namespace fest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    DecodeError error;
    const std::optional<CeremonyState> state = CeremonyState::decode(FuzzInvariant::bytes(data, size), &error);
    if (!state) {
        FUZZ_INVARIANT(error.kind != DecodeError::Kind::None && !error.message.isEmpty());
        return 0;
    }
    FUZZ_INVARIANT(state->seq >= 1 && state->cueSeq >= 0 && state->cueSeq <= state->seq);
    FUZZ_INVARIANT(state->expiresAtUs >= state->executeAtUs);
    if (state->active)
        FUZZ_INVARIANT(state->cue && state->index >= 0 && state->index < state->count);
    if (state->cue && state->cue->winner)
        FUZZ_INVARIANT(state->cue->type == Cue::Type::Reveal);
    const std::optional<CeremonyState> again = CeremonyState::decode(state->encode(), &error);
    FUZZ_INVARIANT(again && *again == *state);
    return 0;
}
