#pragma once

#include <QList>
#include <QString>

#include <optional>

typedef struct _GstElement GstElement;

namespace fest {

// A screen's speakers ([audio] layout) and how a film's channels are mixed to them.
enum class SpeakerLayout { Stereo, Surround51 };

class AudioLayout
{
public:
    static std::optional<SpeakerLayout> fromName(const QString &name);  // "stereo", "5.1"
    static QString name(SpeakerLayout layout);
    static int channels(SpeakerLayout layout);
    // Loudness weights of the room's channels in GStreamer's order (ITU-R BS.1770: the
    // surrounds count 1.41, the LFE not at all).
    static QList<double> loudnessWeights(SpeakerLayout layout);

    // The mix of a film's channels (count and GStreamer channel mask, channels in
    // GStreamer's order) to the room's, rows = the room's channels; empty when the film's
    // layout is not one of mono, stereo or 5.1 (audioconvert's own mix then applies):
    // - the same layout: unchanged;
    // - 5.1 in a stereo room: ITU-R BS.775 downmix, L = FL + 0.707 C + 0.707 Ls (R alike),
    //   LFE left out;
    // - stereo in a 5.1 room: left and right only (no invented centre, LFE or surrounds);
    // - mono: the centre of a 5.1 room, both channels at -3 dB in a stereo room.
    static QList<QList<float>> mix(int inChannels, quint64 inMask, SpeakerLayout room);

    // audioconvert (its mix set from each stream's caps as they arrive) ! capsfilter (the
    // room's channels) ! volume (named "filmgain": the film's loudness gain). Floating.
    static GstElement *makeFilter(SpeakerLayout room);
    // Sets the film gain of a filter made by makeFilter, in dB.
    static void setGainDb(GstElement *filter, double gainDb);
};

} // namespace fest
