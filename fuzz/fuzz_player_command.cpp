// Staff commands on a player (Request::decode as the player node reads its request topic,
// then PlayerCommands::execute) on an idle engine and on one whose item spans the present
// (never started, so no pipeline runs, but the commands reach their arithmetic on the
// item): every command gets a typed reply with a code by the id rule and a message,
// whatever its arguments, and the reply decodes.
#include "fuzzinvariant.h"
#include "playbackengine.h"
#include "playercommands.h"
#include "topics.h"

#include <gst/gst.h>

using namespace fest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static PlaybackEngine idle(gst_system_clock_obtain(), PlaybackEngine::Options{});
    static PlaybackEngine busy(gst_system_clock_obtain(), PlaybackEngine::Options{});
    static const bool scheduled = [] {
        const qint64 nowUs = qint64(gst_clock_get_time(gst_system_clock_obtain())) / 1000;
        busy.setItems({PlaybackItem{.id = QStringLiteral("S-1/F-1"), .title = QStringLiteral("Film"), .titleZh = QStringLiteral("Film"),
                                    .mediaPath = QStringLiteral("/nonexistent/film.webm"), .startUs = nowUs - 1'000'000,
                                    .durationUs = qint64(3600) * 1'000'000}});
        return true;
    }();
    FUZZ_INVARIANT(scheduled);
    const std::optional<Request> request = Request::decode(FuzzInvariant::bytes(data, size));
    if (!request)
        return 0;
    for (PlaybackEngine *engine : {&idle, &busy}) {
        PlayerCommands commands(*engine);
        const Reply reply = commands.execute(*request);
        if (!reply.ok)
            FUZZ_INVARIANT(Topics::isValidId(reply.code) && !reply.message.isEmpty());
        FUZZ_INVARIANT(Reply::decode(reply.encode()).has_value());
    }
    return 0;
}
