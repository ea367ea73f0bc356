// The retained programme message as a kiosk reads it (ProgrammeFeed::applyMessage, which
// also fills the kiosk's list models): an accepted message leaves a version and a
// programme the models show; a refused one leaves the previous programme on screen.
#include "fuzzinvariant.h"
#include "programmefeed.h"

using namespace fest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ProgrammeFeed feed;
    QString error;
    if (!feed.applyMessage(FuzzInvariant::bytes(data, size), &error)) {
        FUZZ_INVARIANT(!error.isEmpty() && feed.version() == -1 && feed.programme() == Programme{});
        return 0;
    }
    FUZZ_INVARIANT(feed.version() >= 0 && feed.hash().size() <= 128);
    FUZZ_INVARIANT(feed.error() == ProgrammeFeed::Error::NoError);
    feed.setLanguage(DisplayLanguage::Language::Chinese);
    return 0;
}
