// Staff commands on a player (Request::decode as the player node reads its request topic,
// then PlayerCommands::execute on an idle engine): every command gets a typed reply with
// a code by the id rule and a message, whatever its arguments, and the reply decodes.
#include "fuzzinvariant.h"
#include "playbackengine.h"
#include "playercommands.h"
#include "topics.h"

#include <gst/gst.h>

using namespace fest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static PlaybackEngine engine(gst_system_clock_obtain(), PlaybackEngine::Options{});
    const std::optional<Request> request = Request::decode(FuzzInvariant::bytes(data, size));
    if (!request)
        return 0;
    PlayerCommands commands(engine);
    const Reply reply = commands.execute(*request);
    if (!reply.ok)
        FUZZ_INVARIANT(Topics::isValidId(reply.code) && !reply.message.isEmpty());
    FUZZ_INVARIANT(Reply::decode(reply.encode()).has_value());
    return 0;
}
