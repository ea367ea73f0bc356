#include "itempipeline.h"

#include "decoderchoice.h"
#include "realtimepriority.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QTimer>
#include <QUrl>

#include <gst/gst.h>

#include <chrono>

Q_DECLARE_LOGGING_CATEGORY(lcPlayer)

namespace fest {

namespace {
// Arming later than this before the render instant risks a late first frame.
constexpr qint64 kMinArmMarginNs = 30'000'000;
constexpr qint64 kMaxChaseLeadNs = 3'000'000'000;

GstElement *makeSink(const QString &description, QString *error)
{
    GError *raw = nullptr;
    // A chain ("identity ! fakesink") becomes a bin with a ghost sink pad.
    const QByteArray desc = description.toUtf8();
    GstElement *sink = description.contains(QLatin1Char('!')) ? gst_parse_bin_from_description(desc.constData(), TRUE, &raw)
                                                               : gst_parse_launch(desc.constData(), &raw);
    std::unique_ptr<GError, GErrorFree> err(raw);
    if (err) {
        *error = QString::fromUtf8(err->message);
        if (sink)
            gst_object_unref(sink);
        return nullptr;
    }
    return sink;
}

// Sinks without a handoff signal (qml6glsink in glsinkbin): a video sink sends a QoS
// event upstream right after it renders (or drops) each buffer, carrying the buffer's
// running time; the segment turns that back into a position. A probe on the buffers
// themselves would fire when they arrive, up to a frame (or, at preroll, seconds) early.
// A sink sends no QoS for its preroll frame, so the first frame reported is the second.
GstPadProbeReturn videoSinkProbe(GstPad *, GstPadProbeInfo *info, gpointer self)
{
    GstEvent *event = GST_PAD_PROBE_INFO_EVENT(info);
    if (GST_EVENT_TYPE(event) == GST_EVENT_SEGMENT || GST_EVENT_TYPE(event) == GST_EVENT_QOS)
        static_cast<ItemPipeline *>(self)->onSinkEvent(event);
    return GST_PAD_PROBE_OK;
}

bool hasProperty(GstElement *element, const char *name)
{
    return g_object_class_find_property(G_OBJECT_GET_CLASS(element), name) != nullptr;
}

// The element that renders: the sink itself, or the sink inside a sink bin (glsinkbin,
// a parsed chain). Borrowed from the bin.
GstElement *renderSinkOf(GstElement *sink)
{
    while (GST_IS_BIN(sink)) {
        GstElement *inner = nullptr;
        GstIterator *it = gst_bin_iterate_sinks(GST_BIN(sink));
        GValue item = G_VALUE_INIT;
        if (gst_iterator_next(it, &item) == GST_ITERATOR_OK)
            inner = GST_ELEMENT(g_value_get_object(&item));
        g_value_unset(&item);
        gst_iterator_free(it);
        if (!inner)
            break;
        sink = inner;
    }
    return sink;
}
} // namespace

ItemPipeline::ItemPipeline(const PlaybackItem &item, const Options &options, QObject *parent)
    : QObject(parent)
    , m_item(item)
    , m_options(options)
    , m_chaseLeadNs(options.chaseLeadNs)
{
}

ItemPipeline::~ItemPipeline()
{
    {
        // Waits for a state-change job that is running; later ones do nothing.
        QMutexLocker lock(&m_gate->mutex);
        m_gate->alive = false;
    }
    if (!m_pipeline)
        return;
    // NULL first: joins the streaming threads, so no handoff runs after this point.
    gst_element_set_state(m_pipeline.get(), GST_STATE_NULL);
    GstBus *bus = gst_element_get_bus(m_pipeline.get());
    gst_bus_remove_watch(bus);
    gst_bus_set_sync_handler(bus, nullptr, nullptr, nullptr);
    gst_object_unref(bus);
}

qint64 ItemPipeline::now() const
{
    return qint64(gst_clock_get_time(m_options.clock));
}

bool ItemPipeline::preroll()
{
    GstElement *playbin = gst_element_factory_make("playbin", nullptr);
    if (!playbin) {
        fail(PlaybackError::Code::PlaybackFailed, QStringLiteral("playbin is not installed"));
        return false;
    }
    m_pipeline.reset(GST_ELEMENT(gst_object_ref_sink(playbin)));

    QString sinkError;
    GstElement *video = m_options.videoSinkElement ? m_options.videoSinkElement
                                                   : makeSink(m_options.videoSink, &sinkError);
    GstElement *audio = makeSink(m_options.audioSink, &sinkError);
    if (!video || !audio) {
        if (video && !m_options.videoSinkElement)
            gst_object_unref(video);
        if (audio)
            gst_object_unref(audio);
        fail(PlaybackError::Code::PlaybackFailed, QStringLiteral("bad sink: %1").arg(sinkError));
        return false;
    }
    m_videoSink = video;
    m_audioSink = audio;
    m_renderSink = renderSinkOf(video);
    // The segment at the video sink turns a frame's timestamp into its place in the film
    // (MP4 edit lists, MPEG-TS clocks and B-frame delays start timestamps above 0).
    const bool handoffs = hasProperty(m_renderSink, "signal-handoffs");
    if (handoffs) {
        g_object_set(m_renderSink, "signal-handoffs", TRUE, nullptr);
        g_signal_connect(m_renderSink, "handoff", G_CALLBACK(&ItemPipeline::handoffCallback), this);
    } else {
        g_object_set(m_renderSink, "qos", TRUE, nullptr);
    }
    if (GstPad *pad = gst_element_get_static_pad(video, "sink")) {
        gst_pad_add_probe(pad, handoffs ? GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM
                                        : GstPadProbeType(GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM | GST_PAD_PROBE_TYPE_EVENT_UPSTREAM),
                          &videoSinkProbe, this, nullptr);
        gst_object_unref(pad);
    }
    if (hasProperty(audio, "signal-handoffs")) {
        g_object_set(audio, "signal-handoffs", TRUE, nullptr);
        g_signal_connect(audio, "handoff", G_CALLBACK(&ItemPipeline::audioHandoffCallback), this);
    }
    const QByteArray uri = QUrl::fromLocalFile(QFileInfo(m_item.mediaPath).absoluteFilePath()).toEncoded();
    g_object_set(playbin, "uri", uri.constData(), "video-sink", video, "audio-sink", audio, nullptr);
    // The film's own subtitle tracks are the player's to show (SubtitleLines), in the
    // screening's languages: playbin would burn the first one into every picture.
    constexpr guint playTextFlag = 0x4;   // GST_PLAY_FLAG_TEXT
    guint flags = 0;
    g_object_get(playbin, "flags", &flags, nullptr);
    g_object_set(playbin, "flags", flags & ~playTextFlag, nullptr);
    // The room's speakers and the film's loudness gain.
    m_audioFilter = AudioLayout::makeFilter(m_options.speakers);
    if (m_audioFilter) {
        g_object_set(playbin, "audio-filter", m_audioFilter, nullptr);
        AudioLayout::setGainDb(m_audioFilter, m_filmGainDb);
    }

    // Every player uses the same clock, no automatic base time, and the same latency:
    // that is what makes two screens show the same frame together.
    gst_pipeline_use_clock(GST_PIPELINE(playbin), m_options.clock);
    gst_element_set_start_time(playbin, GST_CLOCK_TIME_NONE);
    gst_pipeline_set_latency(GST_PIPELINE(playbin), GstClockTime(m_options.outputLatencyNs));

    GstBus *bus = gst_element_get_bus(playbin);
    gst_bus_add_watch(bus, GstBusFunc(&ItemPipeline::busCallback), this);
    gst_bus_set_sync_handler(bus, GstBusSyncHandler(&ItemPipeline::busSyncHandler), this, nullptr);
    gst_object_unref(bus);

    m_phase = Phase::Prerolling;
    m_prerollStartNs = now();
    // A refusal posts an ERROR on the bus; its handler reports it.
    raiseState(GST_STATE_PAUSED);
    return true;
}

void ItemPipeline::playFrom(qint64 effectiveStartNs)
{
    m_effectiveStartNs = effectiveStartNs;
    m_mode = Mode::Chase;
    m_held = false;
    if (m_phase == Phase::Ready)
        proceed();
}

void ItemPipeline::playFreely()
{
    if (!m_pipeline)
        return;
    m_effectiveStartNs = now() + m_options.outputLatencyNs;
    m_renderStartNs = m_effectiveStartNs;
    m_mode = Mode::Chase;
    m_phase = Phase::Playing;
    gst_element_set_start_time(m_pipeline.get(), 0);
    raiseState(GST_STATE_PLAYING);
}

void ItemPipeline::hold()
{
    if (m_held || m_phase == Phase::Finished || m_phase == Phase::Failed || !m_pipeline)
        return;
    m_heldPositionNs = positionNs(now());
    m_held = true;
    m_mode = Mode::None;
    pauseThenProceed();
}

void ItemPipeline::resume()
{
    if (!m_held)
        return;
    rebase(m_heldPositionNs);
}

void ItemPipeline::rebase(qint64 positionNs)
{
    if (m_phase == Phase::Finished || m_phase == Phase::Failed || !m_pipeline)
        return;
    positionNs = qBound<qint64>(0, positionNs, qMax<qint64>(0, durationNs() - 1));
    m_held = false;
    m_mode = Mode::Rebase;
    m_effectiveStartNs = now() + m_options.rebaseLeadNs - positionNs;
    m_pendingSeekNs = positionNs;
    pauseThenProceed();
}

void ItemPipeline::setVolume(double level)
{
    if (m_pipeline)
        g_object_set(m_pipeline.get(), "volume", qBound(0.0, level, 1.0), nullptr);
}

void ItemPipeline::setFilmGainDb(double gainDb)
{
    m_filmGainDb = gainDb;
    AudioLayout::setGainDb(m_audioFilter, gainDb);
}

void ItemPipeline::pauseThenProceed()
{
    if (m_phase == Phase::Prerolling || m_phase == Phase::Seeking || m_phase == Phase::Pausing)
        return;  // proceed() runs when that finishes
    if (lowerState(GST_STATE_PAUSED) == GST_STATE_CHANGE_ASYNC) {
        m_phase = Phase::Pausing;
        return;
    }
    m_phase = Phase::Ready;
    // Not from inside the caller's stack: a staff command returns before the seek.
    QTimer::singleShot(0, this, [this] {
        if (m_phase == Phase::Ready)
            proceed();
    });
}

void ItemPipeline::proceed()
{
    if (m_mode == Mode::None || m_phase != Phase::Ready)
        return;
    if (m_pendingSeekNs >= 0) {
        const qint64 target = m_pendingSeekNs;
        m_pendingSeekNs = -1;
        seekTo(target);
        return;
    }
    const qint64 t = now();
    const qint64 renderAt = m_effectiveStartNs + m_readyPositionNs;
    if (renderAt - t >= kMinArmMarginNs) {
        armAt(renderAt);
        return;
    }
    if (m_mode == Mode::Rebase) {
        // A staff action may move later; keep the requested position.
        m_effectiveStartNs = t + m_options.rebaseLeadNs - m_readyPositionNs;
        armAt(m_effectiveStartNs + m_readyPositionNs);
        return;
    }
    // Chase: join where the show will be once the seek has prerolled.
    const qint64 target = t - m_effectiveStartNs + m_chaseLeadNs;
    m_chaseLeadNs = qMin(m_chaseLeadNs * 2, kMaxChaseLeadNs);
    if (target >= durationNs()) {
        finish();
        return;
    }
    qCInfo(lcPlayer) << "item" << m_item.id << "joins in progress at" << target / 1'000'000 << "ms";
    seekTo(target);
}

void ItemPipeline::seekTo(qint64 positionNs)
{
    m_phase = Phase::Seeking;
    m_readyPositionNs = positionNs;
    const auto flags = GstSeekFlags(GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_ACCURATE);
    if (!gst_element_seek_simple(m_pipeline.get(), GST_FORMAT_TIME, flags, positionNs))
        fail(PlaybackError::Code::PlaybackFailed, QStringLiteral("seek to %1 ms refused").arg(positionNs / 1'000'000));
}

void ItemPipeline::armAt(qint64 renderAtNs)
{
    m_renderStartNs = renderAtNs;
    gst_element_set_base_time(m_pipeline.get(), GstClockTime(renderAtNs - m_options.outputLatencyNs));
    m_phase = Phase::Playing;
    // The sinks wait on the show clock, so PLAYING can be set well before the instant,
    // and a render job that runs a frame later still starts the picture at the instant.
    raiseState(GST_STATE_PLAYING);
}

qint64 ItemPipeline::positionNs(qint64 nowNs) const
{
    if (m_held)
        return m_heldPositionNs;
    return qBound<qint64>(0, nowNs - m_effectiveStartNs, durationNs());
}

quint64 ItemPipeline::droppedFrames() const
{
    return sinkDroppedFrames() + m_qosDropped.load();
}

bool ItemPipeline::hasSinkStats() const
{
    return m_renderSink && hasProperty(m_renderSink, "stats");
}

quint64 ItemPipeline::sinkDroppedFrames() const
{
    guint64 dropped = 0;
    if (m_renderSink && hasProperty(m_renderSink, "stats")) {
        GstStructure *stats = nullptr;
        g_object_get(m_renderSink, "stats", &stats, nullptr);
        if (stats) {
            gst_structure_get_uint64(stats, "dropped", &dropped);
            gst_structure_free(stats);
        }
    }
    return dropped;
}

void ItemPipeline::raiseState(int state)
{
    quint64 generation;
    {
        QMutexLocker lock(&m_gate->mutex);
        generation = ++m_gate->generation;
    }
    std::shared_ptr<GstElement> pipeline(GST_ELEMENT(gst_object_ref(m_pipeline.get())), GstObjectUnref());
    auto job = [gate = m_gate, pipeline, state, generation, id = m_item.id] {
        QMutexLocker lock(&gate->mutex);
        if (!gate->alive || gate->generation != generation)
            return;
        if (gst_element_set_state(pipeline.get(), GstState(state)) == GST_STATE_CHANGE_FAILURE)
            qCWarning(lcPlayer) << "item" << id << "refused to go to" << gst_element_state_get_name(GstState(state));
    };
    if (m_options.stateChangeRunner)
        m_options.stateChangeRunner(std::move(job));
    else
        job();
}

int ItemPipeline::lowerState(int state)
{
    {
        QMutexLocker lock(&m_gate->mutex);
        ++m_gate->generation;  // a raise still waiting for its job is overtaken
    }
    return gst_element_set_state(m_pipeline.get(), GstState(state));
}

bool ItemPipeline::stalled(qint64 nowNs, qint64 timeoutNs) const
{
    if (m_held || m_phase == Phase::Finished || m_phase == Phase::Failed)
        return false;
    // A damaged file can leave a demuxer waiting forever: a preroll that never ends is a stall.
    if (m_phase == Phase::Prerolling)
        return nowNs - m_prerollStartNs > timeoutNs;
    if (m_mode == Mode::None)
        return false;
    // Before arming, the render start is the instant the item was due.
    const qint64 due = m_phase == Phase::Playing ? m_renderStartNs : m_effectiveStartNs + m_readyPositionNs;
    const qint64 since = qMax(due, m_lastBufferNs.load());
    return nowNs - since > timeoutNs;
}

QList<ItemPipeline::Frame> ItemPipeline::takeFrames()
{
    QMutexLocker lock(&m_framesMutex);
    return std::exchange(m_recorded, {});
}

void ItemPipeline::finish()
{
    if (m_phase == Phase::Finished || m_phase == Phase::Failed)
        return;
    m_phase = Phase::Finished;
    Q_EMIT finished();
}

void ItemPipeline::fail(PlaybackError::Code code, const QString &detail)
{
    if (m_phase == Phase::Failed)
        return;
    m_phase = Phase::Failed;
    if (m_pipeline)
        lowerState(GST_STATE_NULL);
    QString message = PlaybackError::describe(code, m_item.mediaPath);
    if (!detail.isEmpty())
        message += QStringLiteral(" (%1)").arg(detail);
    qCWarning(lcPlayer).noquote() << "item" << m_item.id << message;
    Q_EMIT failed(code, message);
}

// Streaming threads announce themselves here, from inside the new thread.
int ItemPipeline::busSyncHandler(GstBus *, GstMessage *msg, void *self)
{
    if (GST_MESSAGE_TYPE(msg) == GST_MESSAGE_STREAM_STATUS) {
        GstStreamStatusType type;
        GstElement *owner = nullptr;
        gst_message_parse_stream_status(msg, &type, &owner);
        if (type == GST_STREAM_STATUS_TYPE_ENTER)
            RealtimePriority::raiseCurrentThread(static_cast<ItemPipeline *>(self)->m_options.realtimePriority);
        else if (type == GST_STREAM_STATUS_TYPE_LEAVE)
            RealtimePriority::restoreCurrentThread();
    }
    return GST_BUS_PASS;
}

int ItemPipeline::busCallback(GstBus *, GstMessage *msg, void *self)
{
    return static_cast<ItemPipeline *>(self)->onBusMessage(msg) ? TRUE : FALSE;
}

bool ItemPipeline::onBusMessage(GstMessage *msg)
{
    switch (GST_MESSAGE_TYPE(msg)) {
    case GST_MESSAGE_ERROR: {
        GError *raw = nullptr;
        gchar *rawDebug = nullptr;
        gst_message_parse_error(msg, &raw, &rawDebug);
        std::unique_ptr<GError, GErrorFree> error(raw);
        std::unique_ptr<gchar, GFree> debug(rawDebug);
        qCWarning(lcPlayer) << "item" << m_item.id << "error from" << GST_OBJECT_NAME(GST_MESSAGE_SRC(msg))
                            << error->message << "|" << (debug ? debug.get() : "");
        GST_DEBUG_BIN_TO_DOT_FILE(GST_BIN(m_pipeline.get()), GST_DEBUG_GRAPH_SHOW_ALL, "fest-player-error");
        // A sink that cannot open its output is not the film's fault.
        bool fromSink = false;
        for (GstElement *sink : {m_videoSink, m_audioSink}) {
            fromSink = fromSink || (sink && (GST_MESSAGE_SRC(msg) == GST_OBJECT(sink)
                                             || gst_object_has_as_ancestor(GST_MESSAGE_SRC(msg), GST_OBJECT(sink))));
        }
        fail(fromSink ? PlaybackError::Code::PlaybackFailed : PlaybackError::fromGError(error.get()),
             QString::fromUtf8(error->message));
        break;
    }
    case GST_MESSAGE_WARNING: {
        GError *raw = nullptr;
        gchar *rawDebug = nullptr;
        gst_message_parse_warning(msg, &raw, &rawDebug);
        std::unique_ptr<GError, GErrorFree> error(raw);
        std::unique_ptr<gchar, GFree> debug(rawDebug);
        qCWarning(lcPlayer) << "item" << m_item.id << "warning:" << error->message;
        break;
    }
    case GST_MESSAGE_EOS:
        // A film that ends before its first picture is damaged (e.g. truncated).
        if (m_frames.load() == 0 && hasProperty(m_renderSink, "signal-handoffs"))
            fail(PlaybackError::Code::MediaUndecodable, QStringLiteral("ended before its first picture"));
        else
            finish();
        break;
    case GST_MESSAGE_ASYNC_DONE:
        if (m_videoDecoder.isEmpty())
            m_videoDecoder = DecoderChoice::videoDecoderOf(m_pipeline.get());
        onAsyncDone();
        break;
    case GST_MESSAGE_BUFFERING: {
        gint percent = 0;
        gst_message_parse_buffering(msg, &percent);
        qCDebug(lcPlayer) << "item" << m_item.id << "buffering" << percent;
        break;
    }
    case GST_MESSAGE_CLOCK_LOST:
        // Our clock is forced with use_clock, so this means the net clock went away
        // under us; re-selecting it is what gst-play does.
        qCWarning(lcPlayer) << "item" << m_item.id << "clock lost; re-selecting";
        if (m_phase == Phase::Playing) {
            lowerState(GST_STATE_PAUSED);
            raiseState(GST_STATE_PLAYING);
        }
        break;
    case GST_MESSAGE_LATENCY:
        gst_bin_recalculate_latency(GST_BIN(m_pipeline.get()));
        break;
    case GST_MESSAGE_QOS:
        onQos(msg);
        break;
    case GST_MESSAGE_STATE_CHANGED:
        if (GST_MESSAGE_SRC(msg) == GST_OBJECT(m_pipeline.get())) {
            GstState from, to;
            gst_message_parse_state_changed(msg, &from, &to, nullptr);
            qCDebug(lcPlayer) << "item" << m_item.id << gst_element_state_get_name(from) << "->"
                              << gst_element_state_get_name(to);
        }
        break;
    default:
        break;
    }
    return true;
}

// The render sink's own drops are in its stats; a decoder that skips late frames reports
// them only here (cumulative per element).
void ItemPipeline::onQos(GstMessage *msg)
{
    GstFormat format;
    guint64 processed = 0, dropped = 0;
    gst_message_parse_qos_stats(msg, &format, &processed, &dropped);
    GstObject *src = GST_MESSAGE_SRC(msg);
    if (format != GST_FORMAT_BUFFERS || GST_ELEMENT_CAST(src) == m_renderSink || GST_OBJECT_FLAG_IS_SET(src, GST_ELEMENT_FLAG_SINK))
        return;
    const quint64 before = m_qosDroppedBy.value(src, 0);
    if (dropped > before) {
        m_qosDroppedBy.insert(src, dropped);
        m_qosDropped.fetch_add(dropped - before);
    }
}

void ItemPipeline::onAsyncDone()
{
    switch (m_phase) {
    case Phase::Prerolling:
        m_prerollNs = now() - m_prerollStartNs;
        m_phase = Phase::Ready;
        qCDebug(lcPlayer) << "item" << m_item.id << "prerolled in" << m_prerollNs / 1000 << "us";
        Q_EMIT prerolled(m_prerollNs);
        proceed();
        break;
    case Phase::Pausing:
    case Phase::Seeking:
        m_phase = Phase::Ready;
        proceed();
        break;
    default:
        break;
    }
}

void ItemPipeline::handoffCallback(GstElement *, GstBuffer *buffer, GstPad *, void *self)
{
    auto *pipe = static_cast<ItemPipeline *>(self);
    pipe->onFrameRendered(GST_BUFFER_PTS_IS_VALID(buffer) ? pipe->streamTime(qint64(GST_BUFFER_PTS(buffer))) : -1);
}

void ItemPipeline::audioHandoffCallback(GstElement *, GstBuffer *, GstPad *, void *self)
{
    auto *pipe = static_cast<ItemPipeline *>(self);
    pipe->m_lastBufferNs.store(pipe->now());
}

// Streaming thread.
void ItemPipeline::onSinkEvent(GstEvent *event)
{
    QMutexLocker lock(&m_segmentMutex);
    if (GST_EVENT_TYPE(event) == GST_EVENT_SEGMENT) {
        const GstSegment *segment = nullptr;
        gst_event_parse_segment(event, &segment);
        m_videoSegment = std::make_unique<GstSegment>(*segment);
        return;
    }
    GstClockTime runningTime = GST_CLOCK_TIME_NONE;
    gst_event_parse_qos(event, nullptr, nullptr, nullptr, &runningTime);
    qint64 pts = -1;
    if (m_videoSegment && GST_CLOCK_TIME_IS_VALID(runningTime)) {
        const guint64 position = gst_segment_position_from_running_time(m_videoSegment.get(), GST_FORMAT_TIME, runningTime);
        const guint64 stream = position == GST_CLOCK_TIME_NONE
            ? GST_CLOCK_TIME_NONE : gst_segment_to_stream_time(m_videoSegment.get(), GST_FORMAT_TIME, position);
        pts = stream == GST_CLOCK_TIME_NONE ? -1 : qint64(stream);
    }
    lock.unlock();
    onFrameRendered(pts);
}

// Streaming thread.
qint64 ItemPipeline::streamTime(qint64 bufferPts)
{
    QMutexLocker lock(&m_segmentMutex);
    if (!m_videoSegment)
        return bufferPts;
    const guint64 stream = gst_segment_to_stream_time(m_videoSegment.get(), GST_FORMAT_TIME, guint64(bufferPts));
    return stream == GST_CLOCK_TIME_NONE ? -1 : qint64(stream);
}

// Streaming thread: atomics and the mutex only.
void ItemPipeline::onFrameRendered(qint64 pts)
{
    const qint64 renderNs = now();
    const qint64 wallNs = std::chrono::duration_cast<std::chrono::nanoseconds>(
                              std::chrono::system_clock::now().time_since_epoch()).count();
    m_lastBufferNs.store(renderNs);
    if (m_frames.fetch_add(1) == 0) {
        m_firstFrameNs.store(renderNs);
        QMetaObject::invokeMethod(this, [this, renderNs, pts] { Q_EMIT firstFrame(renderNs, pts); },
                                  Qt::QueuedConnection);
    }
    if (m_options.recordFrames) {
        QMutexLocker lock(&m_framesMutex);
        m_recorded.append({pts, renderNs, wallNs});
    }
}

} // namespace fest
