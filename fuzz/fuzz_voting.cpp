// The retained voting message as a kiosk reads it (VotingStatus::applyMessage): an
// accepted message lists screenings by the id rule, each in a known state; a refused one
// changes nothing.
#include "fuzzinvariant.h"
#include "topics.h"
#include "votingstatus.h"

using namespace fest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    VotingStatus status;
    const QHash<QString, VotingStatus::Window> before{{QStringLiteral("S-0001"), {VotingStatus::State::Open, {}}}};
    status.setWindows(before);
    QString error;
    if (!status.applyMessage(FuzzInvariant::bytes(data, size), &error)) {
        FUZZ_INVARIANT(!error.isEmpty() && status.windows().size() == 1 && status.state(QStringLiteral("S-0001")) == VotingStatus::State::Open);
        return 0;
    }
    for (auto it = status.windows().cbegin(); it != status.windows().cend(); ++it) {
        FUZZ_INVARIANT(Topics::isValidId(it.key()));
        FUZZ_INVARIANT(int(it.value().state) >= 0 && int(it.value().state) < VotingStatus::stateNames().size());
    }
    return 0;
}
