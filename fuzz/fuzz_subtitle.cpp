// A subtitle file as the player reads it from the media folder (SubtitleTrack::parse): a
// refused file names its line; an accepted one has cues in start order that each end
// after they start, shows each cue's text at its start, and its next change always lies
// ahead.
#include "fuzzinvariant.h"
#include "subtitletrack.h"

using namespace fest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QString error;
    const std::optional<SubtitleTrack> track = SubtitleTrack::parse(FuzzInvariant::bytes(data, size),
                                                                    QStringLiteral("f.srt"), QStringLiteral("en"), &error);
    if (!track) {
        FUZZ_INVARIANT(error.startsWith(QStringLiteral("f.srt line ")));
        return 0;
    }
    FUZZ_INVARIANT(!track->cues().isEmpty());
    qint64 previousStart = 0;
    for (const SubtitleTrack::Cue &cue : track->cues()) {
        FUZZ_INVARIANT(cue.startNs >= previousStart && cue.endNs > cue.startNs && cue.line >= 1);
        FUZZ_INVARIANT(track->textAt(cue.startNs).contains(cue.text));
        const qint64 next = track->nextChangeAfter(cue.startNs);
        FUZZ_INVARIANT(next > cue.startNs && next <= cue.endNs);
        previousStart = cue.startNs;
    }
    return 0;
}
