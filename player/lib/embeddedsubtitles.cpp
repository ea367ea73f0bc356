#include "embeddedsubtitles.h"

#include "gstreamerinit.h"
#include "gstref.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>
#include <QMutex>
#include <QRegularExpression>
#include <QUrl>

#include <atomic>
#include <memory>

#include <gst/gst.h>

namespace fest {

namespace {

constexpr qint64 kSecondNs = 1'000'000'000;

struct Stream
{
    QString language;           // from the first tags that name them
    QString title;
    bool picture = false;
    bool markup = false;        // Pango markup (ASS/SSA, WebVTT) rather than plain UTF-8
    QList<SubtitleTrack::Cue> cues;
};

struct Collector
{
    GstElement *pipeline = nullptr;
    QMutex mutex;
    QList<std::shared_ptr<Stream>> streams;
    QStringList unreadable;
    std::atomic<bool> noMorePads{false};
};

// A container (Matroska, QuickTime, MPEG-TS) goes on to its demuxer; everything a demuxer
// gives out but text stays as it is, so that no picture or sound is decoded.
bool isContainer(GstCaps *caps)
{
    GList *demuxers = gst_element_factory_list_get_elements(GST_ELEMENT_FACTORY_TYPE_DEMUXER, GST_RANK_MARGINAL);
    GList *fitting = gst_element_factory_list_filter(demuxers, caps, GST_PAD_SINK, FALSE);
    const bool container = fitting != nullptr;
    gst_plugin_feature_list_free(fitting);
    gst_plugin_feature_list_free(demuxers);
    return container;
}

gboolean continueAutoplug(GstElement *, GstPad *, GstCaps *caps, gpointer)
{
    const char *name = gst_structure_get_name(gst_caps_get_structure(caps, 0));
    const bool elementary = g_str_has_prefix(name, "video/") || g_str_has_prefix(name, "audio/")
        || g_str_has_prefix(name, "image/") || g_str_has_prefix(name, "subpicture/");
    return !elementary || isContainer(caps);
}

// The stream's language and name: a parser after the demuxer sends tags of its own (the
// codec) that replace the demuxer's, so they are read as they pass.
void readTags(GstEvent *event, Stream *stream)
{
    GstTagList *tags = nullptr;
    gst_event_parse_tag(event, &tags);
    gchar *value = nullptr;
    if (stream->language.isEmpty() && gst_tag_list_get_string(tags, GST_TAG_LANGUAGE_CODE, &value))
        stream->language = QString::fromUtf8(value);
    g_free(value);
    value = nullptr;
    if (stream->title.isEmpty() && gst_tag_list_get_string(tags, GST_TAG_TITLE, &value))
        stream->title = QString::fromUtf8(value);
    g_free(value);
}

GstPadProbeReturn onData(GstPad *pad, GstPadProbeInfo *info, gpointer data)
{
    auto *stream = static_cast<Stream *>(data);
    if (info->type & GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM) {
        if (GST_EVENT_TYPE(GST_PAD_PROBE_INFO_EVENT(info)) == GST_EVENT_TAG)
            readTags(GST_PAD_PROBE_INFO_EVENT(info), stream);
        return GST_PAD_PROBE_OK;
    }
    GstBuffer *buffer = GST_PAD_PROBE_INFO_BUFFER(info);
    if (!buffer || !GST_BUFFER_PTS_IS_VALID(buffer))
        return GST_PAD_PROBE_OK;
    GstClockTime start = GST_BUFFER_PTS(buffer);
    GstClockTime end = GST_BUFFER_DURATION_IS_VALID(buffer) ? start + GST_BUFFER_DURATION(buffer) : GST_CLOCK_TIME_NONE;
    // Film positions: the stream time of the buffer's segment.
    if (GstEvent *event = gst_pad_get_sticky_event(pad, GST_EVENT_SEGMENT, 0)) {
        const GstSegment *segment = nullptr;
        gst_event_parse_segment(event, &segment);
        const GstClockTime s = gst_segment_to_stream_time(segment, GST_FORMAT_TIME, start);
        if (GST_CLOCK_TIME_IS_VALID(end))
            end = gst_segment_to_stream_time(segment, GST_FORMAT_TIME, end);
        start = s;
        gst_event_unref(event);
    }
    GstMapInfo map;
    if (!GST_CLOCK_TIME_IS_VALID(start) || !gst_buffer_map(buffer, &map, GST_MAP_READ))
        return GST_PAD_PROBE_OK;
    SubtitleTrack::Cue cue;
    cue.startNs = qint64(start);
    cue.endNs = GST_CLOCK_TIME_IS_VALID(end) ? qint64(end) : -1;
    // Text samples may end in NULs (MP4 timed text).
    qsizetype size = qsizetype(map.size);
    while (size > 0 && map.data[size - 1] == 0)
        --size;
    cue.text = QString::fromUtf8(reinterpret_cast<const char *>(map.data), size);
    gst_buffer_unmap(buffer, &map);
    if (stream->cues.size() < SubtitleTrack::maxCues)
        stream->cues.append(cue);
    return GST_PAD_PROBE_OK;
}

void onPadAdded(GstElement *, GstPad *pad, gpointer data)
{
    auto *collector = static_cast<Collector *>(data);
    GstCaps *caps = gst_pad_get_current_caps(pad);
    if (!caps)
        caps = gst_pad_query_caps(pad, nullptr);
    const GstStructure *s = gst_caps_get_structure(caps, 0);
    const char *name = gst_structure_get_name(s);
    auto stream = std::make_shared<Stream>();
    const bool text = g_str_has_prefix(name, "text/x-raw");
    stream->picture = g_str_has_prefix(name, "subpicture/");
    stream->markup = text && g_strcmp0(gst_structure_get_string(s, "format"), "pango-markup") == 0;
    gst_caps_unref(caps);

    GstElement *sink = gst_element_factory_make("fakesink", nullptr);
    g_object_set(sink, "sync", FALSE, "async", FALSE, nullptr);
    gst_bin_add(GST_BIN(collector->pipeline), sink);
    gst_element_sync_state_with_parent(sink);
    const GstPtr<GstPad> sinkPad(gst_element_get_static_pad(sink, "sink"));
    if (text || stream->picture)
        gst_pad_add_probe(sinkPad.get(), GstPadProbeType(GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM),
                          onData, stream.get(), nullptr);
    gst_pad_link(pad, sinkPad.get());
    if (text || stream->picture) {
        QMutexLocker lock(&collector->mutex);
        collector->streams.append(stream);
    }
}

// A stream no element here decodes: noted when it is subtitles.
void onUnknownType(GstElement *, GstPad *, GstCaps *caps, gpointer data)
{
    auto *collector = static_cast<Collector *>(data);
    const QString name = QString::fromUtf8(gst_structure_get_name(gst_caps_get_structure(caps, 0)));
    if (name.contains(QLatin1String("subtitle")) || name.startsWith(QLatin1String("text/"))) {
        QMutexLocker lock(&collector->mutex);
        collector->unreadable << name;
    }
}

void onNoMorePads(GstElement *, gpointer data)
{
    static_cast<Collector *>(data)->noMorePads = true;
}

// Cues without a duration last until the next one, five seconds at most.
void closeOpenCues(QList<SubtitleTrack::Cue> &cues)
{
    std::stable_sort(cues.begin(), cues.end(), [](const auto &a, const auto &b) { return a.startNs < b.startNs; });
    for (qsizetype i = 0; i < cues.size(); ++i) {
        if (cues[i].endNs > cues[i].startNs)
            continue;
        qint64 end = cues[i].startNs + 5 * kSecondNs;
        if (i + 1 < cues.size() && cues[i + 1].startNs > cues[i].startNs)
            end = qMin(end, cues[i + 1].startNs);
        cues[i].endNs = end;
    }
}

QString primaryLanguage(const QString &tag)
{
    return tag.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
}

// Words in a track's name that say which script a Chinese (or Serbian...) track is in.
QStringList scriptWords(const QString &bcp47)
{
    if (bcp47.contains(QLatin1String("Hant"), Qt::CaseInsensitive))
        return {QStringLiteral("hant"), QStringLiteral("traditional"), QStringLiteral("繁"), QStringLiteral("tw"),
                QStringLiteral("hk")};
    if (bcp47.contains(QLatin1String("Hans"), Qt::CaseInsensitive))
        return {QStringLiteral("hans"), QStringLiteral("simplified"), QStringLiteral("简"), QStringLiteral("cn")};
    return {};
}

QString describeTrack(const EmbeddedSubtitles::Track &t)
{
    QString d = t.language.isEmpty() ? QStringLiteral("untagged") : t.language;
    if (!t.title.isEmpty())
        d += QStringLiteral(" \"%1\"").arg(t.title.left(40));
    if (t.picture)
        d += QStringLiteral(" (pictures)");
    return d;
}

} // namespace

bool EmbeddedSubtitles::sameLanguage(const QString &bcp47, const QString &fileLanguage)
{
    const QString a = primaryLanguage(bcp47);
    const QString b = primaryLanguage(fileLanguage);
    if (a.isEmpty() || b.isEmpty())
        return false;
    if (a == b)
        return true;
    const QLocale::Language la = QLocale::codeToLanguage(a);
    return la != QLocale::AnyLanguage && la == QLocale::codeToLanguage(b);
}

EmbeddedSubtitles EmbeddedSubtitles::read(const QString &mediaPath, int timeoutMs)
{
    GStreamerInit::ensure();
    EmbeddedSubtitles result;
    result.m_path = mediaPath;
    GstElement *decodebin = gst_element_factory_make("uridecodebin", nullptr);
    GstElement *pipeline = gst_pipeline_new(nullptr);
    if (!decodebin || !pipeline) {
        for (GstElement *e : {decodebin, pipeline}) {
            if (e)
                gst_object_unref(gst_object_ref_sink(e));
        }
        result.m_error = QStringLiteral("GStreamer's uridecodebin is missing (gstreamer1.0-plugins-base)");
        return result;
    }
    GstPtr<GstElement> owner(GST_ELEMENT(gst_object_ref_sink(pipeline)));
    gst_bin_add(GST_BIN(pipeline), decodebin);
    const QByteArray uri = QUrl::fromLocalFile(QFileInfo(mediaPath).absoluteFilePath()).toEncoded();
    g_object_set(decodebin, "uri", uri.constData(), nullptr);
    Collector collector;
    collector.pipeline = pipeline;
    g_signal_connect(decodebin, "autoplug-continue", G_CALLBACK(continueAutoplug), nullptr);
    g_signal_connect(decodebin, "pad-added", G_CALLBACK(onPadAdded), &collector);
    g_signal_connect(decodebin, "unknown-type", G_CALLBACK(onUnknownType), &collector);
    g_signal_connect(decodebin, "no-more-pads", G_CALLBACK(onNoMorePads), &collector);

    GstPtr<GstBus> bus(gst_element_get_bus(pipeline));
    gst_element_set_state(pipeline, GST_STATE_PLAYING);
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        std::unique_ptr<GstMessage, GstMessageUnref> msg(gst_bus_timed_pop_filtered(
            bus.get(), 100 * GST_MSECOND, GstMessageType(GST_MESSAGE_ERROR | GST_MESSAGE_EOS)));
        if (msg && GST_MESSAGE_TYPE(msg.get()) == GST_MESSAGE_ERROR) {
            GError *raw = nullptr;
            gst_message_parse_error(msg.get(), &raw, nullptr);
            std::unique_ptr<GError, GErrorFree> error(raw);
            result.m_error = error ? QString::fromUtf8(error->message) : QStringLiteral("the film cannot be read");
            break;
        }
        if (msg)
            break;   // EOS: every cue is in
        if (collector.noMorePads) {
            QMutexLocker lock(&collector.mutex);
            if (collector.streams.isEmpty() && collector.unreadable.isEmpty())
                break;   // no subtitles in the film: nothing to read
        }
        if (clock.elapsed() > timeoutMs) {
            result.m_error = QStringLiteral("reading the film's subtitles took longer than %1 min").arg(timeoutMs / 60000);
            break;
        }
    }
    QList<std::shared_ptr<Stream>> streams;
    {
        QMutexLocker lock(&collector.mutex);
        streams = collector.streams;
        result.m_unreadable = collector.unreadable;
    }
    gst_element_set_state(pipeline, GST_STATE_NULL);
    // The streaming threads have stopped: the cues are complete.
    for (qsizetype i = 0; i < streams.size(); ++i) {
        Track track;
        track.picture = streams[i]->picture;
        track.language = streams[i]->language;
        track.title = streams[i]->title;
        if (!track.picture) {
            closeOpenCues(streams[i]->cues);
            const QString name = QStringLiteral("%1 (subtitle track %2, %3)").arg(mediaPath).arg(i + 1).arg(describeTrack(track));
            track.cues = SubtitleTrack::fromCues(streams[i]->cues, name, track.language, streams[i]->markup);
        }
        result.m_tracks.append(track);
    }
    return result;
}

const EmbeddedSubtitles::Track *EmbeddedSubtitles::find(const QString &language) const
{
    const QStringList script = scriptWords(language);
    const Track *best = nullptr;
    int bestScore = 0;
    for (const Track &t : m_tracks) {
        if (t.picture || t.cues.cues().isEmpty() || !sameLanguage(language, t.language))
            continue;
        int score = 1;
        if (t.language.compare(language, Qt::CaseInsensitive) == 0)
            score = 3;
        else if (!script.isEmpty()) {
            static const QRegularExpression separators(QStringLiteral("[^a-z]+"));
            const QString title = t.title.toLower();
            const QStringList words = title.split(separators, Qt::SkipEmptyParts);
            for (const QString &word : script) {
                // "tw", "hk", "cn" as whole words; "traditional", "繁" anywhere.
                if (word.size() <= 2 && word.at(0).isLetter() && word.at(0).unicode() < 128 ? words.contains(word)
                                                                                           : title.contains(word))
                    score = 2;
            }
        }
        if (score > bestScore) {
            best = &t;
            bestScore = score;
        }
    }
    return best;
}

QString EmbeddedSubtitles::missing(const QString &language) const
{
    if (!m_error.isEmpty())
        return QStringLiteral("%1: its subtitles could not be read (%2).").arg(m_path, m_error);
    QStringList have;
    for (const Track &t : m_tracks) {
        if (t.picture && sameLanguage(language, t.language))
            return QStringLiteral("%1: its %2 subtitles are pictures (PGS, DVB or VobSub), which the player does not show. "
                                  "Give a %2 SRT file in the film's subtitleFiles instead.").arg(m_path, language);
        have << describeTrack(t);
    }
    for (const QString &format : m_unreadable)
        have << QStringLiteral("one in a format the player cannot read (%1; WebVTT in MKV is one: remux it as SRT)").arg(format);
    if (have.isEmpty())
        return QStringLiteral("%1 has no subtitle track. Give a %2 SRT or WebVTT file in the film's subtitleFiles instead.")
            .arg(m_path, language);
    return QStringLiteral("%1 has no %2 text subtitles (it has: %3). Give a %2 SRT file in the film's subtitleFiles, or show "
                          "one of those languages.").arg(m_path, language, have.join(QStringLiteral(", ")));
}

} // namespace fest
