#include "loudness.h"

#include "gstreamerinit.h"
#include "gstref.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <limits>

#include <gst/app/gstappsink.h>
#include <gst/gst.h>

namespace fest {

namespace {
constexpr qsizetype kSubBlock = LoudnessMeter::rate / 10;   // 100 ms
constexpr double kAbsoluteGate = -70.0;

double loudnessOf(double meanSquare)
{
    return -0.691 + 10.0 * std::log10(meanSquare);
}
} // namespace

double LoudnessMeter::Biquad::run(double x)
{
    // Transposed direct form II.
    const double y = b0 * x + z1;
    z1 = b1 * x - a1 * y + z2;
    z2 = b2 * x - a2 * y;
    return y;
}

LoudnessMeter::LoudnessMeter(const QList<double> &channelWeights)
    : m_weights(channelWeights)
    , m_sum(channelWeights.size(), 0.0)
    , m_peaks(channelWeights.size(), 0.0)
{
    // BS.1770's filters at 48 kHz: a high shelf (+4 dB above ~1.5 kHz, the head's
    // effect) and a high pass (RLB weighting).
    for (qsizetype i = 0; i < channelWeights.size(); ++i) {
        m_shelf.append({1.53512485958697, -2.69169618940638, 1.19839281085285, -1.69065929318241, 0.73248077421585});
        m_highPass.append({1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621});
    }
}

void LoudnessMeter::add(const float *interleaved, qsizetype frames)
{
    const qsizetype channels = m_weights.size();
    for (qsizetype f = 0; f < frames; ++f) {
        for (qsizetype c = 0; c < channels; ++c) {
            const double x = interleaved[f * channels + c];
            m_peaks[c] = std::max(m_peaks[c], std::abs(x));
            const double y = m_highPass[c].run(m_shelf[c].run(x));
            m_sum[c] += y * y;
        }
        if (++m_inSubBlock == kSubBlock)
            endSubBlock();
    }
    m_frames += frames;
}

void LoudnessMeter::endSubBlock()
{
    double weighted = 0;
    for (qsizetype c = 0; c < m_weights.size(); ++c) {
        weighted += m_weights[c] * m_sum[c] / double(kSubBlock);
        m_sum[c] = 0;
    }
    m_subBlocks.append(weighted);
    m_inSubBlock = 0;
}

std::optional<double> LoudnessMeter::integratedLufs() const
{
    // Gating blocks: 400 ms (four sub-blocks), a new one every 100 ms.
    QList<double> blocks;
    for (qsizetype i = 3; i < m_subBlocks.size(); ++i)
        blocks.append((m_subBlocks[i - 3] + m_subBlocks[i - 2] + m_subBlocks[i - 1] + m_subBlocks[i]) / 4.0);
    auto meanAbove = [&](double gate, qsizetype *count) {
        double sum = 0;
        *count = 0;
        for (double z : blocks) {
            if (z > 0 && loudnessOf(z) > gate) {
                sum += z;
                ++*count;
            }
        }
        return *count ? sum / double(*count) : 0.0;
    };
    qsizetype count = 0;
    const double aboveAbsolute = meanAbove(kAbsoluteGate, &count);
    if (count == 0)
        return std::nullopt;
    const double relativeGate = loudnessOf(aboveAbsolute) - 10.0;
    const double gated = meanAbove(std::max(kAbsoluteGate, relativeGate), &count);
    return count ? std::optional(loudnessOf(gated)) : std::nullopt;
}

double LoudnessMeter::peakDbfs() const
{
    double peak = -std::numeric_limits<double>::infinity();
    for (double p : channelPeaksDbfs())
        peak = std::max(peak, p);
    return peak;
}

QList<double> LoudnessMeter::channelPeaksDbfs() const
{
    QList<double> peaks;
    for (double p : m_peaks)
        peaks.append(p > 0 ? 20.0 * std::log10(p) : -std::numeric_limits<double>::infinity());
    return peaks;
}

double LoudnessMeter::normalisingGainDb(double targetLufs, double filmLufs, double peakDbfs, double maxGainDb,
                                        double peakCeilingDbfs)
{
    return std::min({targetLufs - filmLufs, maxGainDb, peakCeilingDbfs - peakDbfs});
}

LoudnessMeter::FileLoudness LoudnessMeter::measureFile(const QString &path, SpeakerLayout room, int timeoutMs)
{
    GStreamerInit::ensure();
    FileLoudness result;
    GstElement *playbin = gst_element_factory_make("playbin", nullptr);
    GstElement *sink = gst_element_factory_make("appsink", nullptr);
    GstElement *filter = AudioLayout::makeFilter(room);
    if (!playbin || !sink || !filter) {
        for (GstElement *e : {playbin, sink, filter}) {
            if (e)
                gst_object_unref(gst_object_ref_sink(e));
        }
        result.error = QStringLiteral("GStreamer's playbin, appsink or audioconvert is missing");
        return result;
    }
    GstPtr<GstElement> pipeline(GST_ELEMENT(gst_object_ref_sink(playbin)));
    const int channels = AudioLayout::channels(room);
    GstCaps *caps = gst_caps_new_simple("audio/x-raw", "format", G_TYPE_STRING, "F32LE", "rate", G_TYPE_INT, rate,
                                        "layout", G_TYPE_STRING, "interleaved", "channels", G_TYPE_INT, channels, nullptr);
    g_object_set(sink, "caps", caps, "sync", FALSE, "max-buffers", 16u, nullptr);
    gst_caps_unref(caps);
    const QByteArray uri = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toEncoded();
    // flags=audio only: the video is demuxed but never decoded.
    // A video sink of its own, or playbin would look for a display's.
    g_object_set(playbin, "uri", uri.constData(), "audio-sink", sink, "audio-filter", filter, "flags", 0x2,
                 "video-sink", gst_element_factory_make("fakesink", nullptr), nullptr);

    LoudnessMeter meter(AudioLayout::loudnessWeights(room));
    GstPtr<GstBus> bus(gst_element_get_bus(playbin));
    if (gst_element_set_state(playbin, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE) {
        result.error = QStringLiteral("the film's audio cannot be decoded");
        return result;
    }
    QElapsedTimer clock;
    clock.start();
    while (result.error.isEmpty()) {
        if (GstSample *sample = gst_app_sink_try_pull_sample(GST_APP_SINK(sink), 200 * GST_MSECOND)) {
            GstBuffer *buffer = gst_sample_get_buffer(sample);
            GstMapInfo map;
            if (buffer && gst_buffer_map(buffer, &map, GST_MAP_READ)) {
                meter.add(reinterpret_cast<const float *>(map.data), qsizetype(map.size / sizeof(float) / channels));
                gst_buffer_unmap(buffer, &map);
            }
            gst_sample_unref(sample);
            continue;
        }
        if (gst_app_sink_is_eos(GST_APP_SINK(sink)))
            break;
        std::unique_ptr<GstMessage, GstMessageUnref> msg(
            gst_bus_pop_filtered(bus.get(), GstMessageType(GST_MESSAGE_ERROR | GST_MESSAGE_EOS)));
        if (msg && GST_MESSAGE_TYPE(msg.get()) == GST_MESSAGE_ERROR) {
            GError *raw = nullptr;
            gst_message_parse_error(msg.get(), &raw, nullptr);
            std::unique_ptr<GError, GErrorFree> error(raw);
            result.error = error ? QString::fromUtf8(error->message) : QStringLiteral("decoding failed");
        } else if (msg) {
            break;  // EOS: a film without audio ends without a sample
        } else if (clock.elapsed() > timeoutMs) {
            result.error = QStringLiteral("measuring took longer than %1 s").arg(timeoutMs / 1000);
        }
    }
    gst_element_set_state(playbin, GST_STATE_NULL);
    result.lufs = meter.integratedLufs();
    result.peakDbfs = meter.peakDbfs();
    result.channelPeaksDbfs = meter.channelPeaksDbfs();
    result.seconds = double(meter.frames()) / rate;
    return result;
}

} // namespace fest
