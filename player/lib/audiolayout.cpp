#include "audiolayout.h"

#include "gstref.h"

#include <cmath>

#include <gst/gst.h>

namespace fest {

namespace {

constexpr quint64 kMaskMono = 0x4;            // front centre
constexpr quint64 kMaskStereo = 0x3;          // FL FR
constexpr quint64 kMask51Rear = 0x3f;         // FL FR FC LFE RL RR
constexpr quint64 kMask51Side = 0xc0f;        // FL FR FC LFE SL SR
constexpr float kMinus3dB = 0.70710678f;

struct Layout
{
    int channels;
    quint64 mask;
};

Layout roomLayout(SpeakerLayout room)
{
    return room == SpeakerLayout::Stereo ? Layout{2, kMaskStereo} : Layout{6, kMask51Rear};
}

GValue floatRow(const QList<float> &row)
{
    GValue array = G_VALUE_INIT;
    gst_value_array_init(&array, row.size());
    for (float v : row) {
        GValue value = G_VALUE_INIT;
        g_value_init(&value, G_TYPE_FLOAT);
        g_value_set_float(&value, v);
        gst_value_array_append_and_take_value(&array, &value);
    }
    return array;
}

// Streaming thread: a new stream's caps reach the converter; its mix follows them.
GstPadProbeReturn onCaps(GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
    GstEvent *event = GST_PAD_PROBE_INFO_EVENT(info);
    if (GST_EVENT_TYPE(event) != GST_EVENT_CAPS)
        return GST_PAD_PROBE_OK;
    GstCaps *caps = nullptr;
    gst_event_parse_caps(event, &caps);
    const GstStructure *s = caps ? gst_caps_get_structure(caps, 0) : nullptr;
    int channels = 0;
    guint64 mask = 0;
    if (!s || !gst_structure_get_int(s, "channels", &channels))
        return GST_PAD_PROBE_OK;
    if (!gst_structure_get(s, "channel-mask", GST_TYPE_BITMASK, &mask, nullptr))
        mask = 0;
    const auto room = SpeakerLayout(GPOINTER_TO_INT(data));
    const QList<QList<float>> mix = AudioLayout::mix(channels, mask, room);
    GValue matrix = G_VALUE_INIT;
    gst_value_array_init(&matrix, mix.size());
    for (const QList<float> &row : mix) {
        GValue value = floatRow(row);
        gst_value_array_append_and_take_value(&matrix, &value);
    }
    GstPtr<GstElement> convert(gst_pad_get_parent_element(pad));
    g_object_set_property(G_OBJECT(convert.get()), "mix-matrix", &matrix);
    g_value_unset(&matrix);
    return GST_PAD_PROBE_OK;
}

} // namespace

std::optional<SpeakerLayout> AudioLayout::fromName(const QString &name)
{
    if (name == QLatin1String("stereo"))
        return SpeakerLayout::Stereo;
    if (name == QLatin1String("5.1"))
        return SpeakerLayout::Surround51;
    return std::nullopt;
}

QString AudioLayout::name(SpeakerLayout layout)
{
    return layout == SpeakerLayout::Stereo ? QStringLiteral("stereo") : QStringLiteral("5.1");
}

int AudioLayout::channels(SpeakerLayout layout)
{
    return roomLayout(layout).channels;
}

QList<double> AudioLayout::loudnessWeights(SpeakerLayout layout)
{
    if (layout == SpeakerLayout::Stereo)
        return {1.0, 1.0};
    return {1.0, 1.0, 1.0, 0.0, 1.41, 1.41};
}

QList<QList<float>> AudioLayout::mix(int inChannels, quint64 inMask, SpeakerLayout room)
{
    const int out = channels(room);
    QList<QList<float>> m(out, QList<float>(inChannels, 0.0f));
    const bool mono = inChannels == 1 && (inMask == 0 || inMask == kMaskMono);
    const bool stereo = inChannels == 2 && (inMask == 0 || inMask == kMaskStereo);
    const bool surround = inChannels == 6 && (inMask == kMask51Rear || inMask == kMask51Side);
    if (mono) {
        if (room == SpeakerLayout::Stereo)
            m[0][0] = m[1][0] = kMinus3dB;
        else
            m[2][0] = 1.0f;
    } else if (stereo) {
        m[0][0] = m[1][1] = 1.0f;
    } else if (surround && room == SpeakerLayout::Surround51) {
        for (int i = 0; i < 6; ++i)
            m[i][i] = 1.0f;
    } else if (surround) {
        m[0] = {1.0f, 0.0f, kMinus3dB, 0.0f, kMinus3dB, 0.0f};
        m[1] = {0.0f, 1.0f, kMinus3dB, 0.0f, 0.0f, kMinus3dB};
    } else {
        return {};
    }
    return m;
}

GstElement *AudioLayout::makeFilter(SpeakerLayout room)
{
    GstElement *bin = gst_bin_new(nullptr);
    GstElement *convert = gst_element_factory_make("audioconvert", nullptr);
    GstElement *filter = gst_element_factory_make("capsfilter", nullptr);
    GstElement *gain = gst_element_factory_make("volume", "filmgain");
    if (!convert || !filter || !gain) {
        for (GstElement *e : {convert, filter, gain}) {
            if (e)
                gst_object_unref(gst_object_ref_sink(e));
        }
        gst_object_unref(gst_object_ref_sink(bin));
        return nullptr;
    }
    const Layout layout = roomLayout(room);
    GstCaps *caps = gst_caps_new_simple("audio/x-raw", "channels", G_TYPE_INT, layout.channels,
                                        "channel-mask", GST_TYPE_BITMASK, guint64(layout.mask), nullptr);
    g_object_set(filter, "caps", caps, nullptr);
    gst_caps_unref(caps);
    gst_bin_add_many(GST_BIN(bin), convert, filter, gain, nullptr);
    gst_element_link_many(convert, filter, gain, nullptr);
    GstPtr<GstPad> in(gst_element_get_static_pad(convert, "sink"));
    gst_pad_add_probe(in.get(), GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM, &onCaps, GINT_TO_POINTER(int(room)), nullptr);
    GstPtr<GstPad> out(gst_element_get_static_pad(gain, "src"));
    gst_element_add_pad(bin, gst_ghost_pad_new("src", out.get()));
    gst_element_add_pad(bin, gst_ghost_pad_new("sink", in.get()));
    return bin;
}

void AudioLayout::setGainDb(GstElement *filter, double gainDb)
{
    if (!filter)
        return;
    GstPtr<GstElement> gain(gst_bin_get_by_name(GST_BIN(filter), "filmgain"));
    if (gain)
        g_object_set(gain.get(), "volume", std::pow(10.0, gainDb / 20.0), nullptr);
}

} // namespace fest
