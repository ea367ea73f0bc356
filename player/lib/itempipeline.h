#pragma once

#include "playbackerror.h"
#include "playbackitem.h"

#include <QList>
#include <QMutex>
#include <QObject>

#include <atomic>
#include <memory>

typedef struct _GstElement GstElement;
typedef struct _GstClock GstClock;
typedef struct _GstBus GstBus;
typedef struct _GstMessage GstMessage;
typedef struct _GstBuffer GstBuffer;
typedef struct _GstPad GstPad;

namespace fest {

// One item's playbin on the show clock. The timeline contract: position p of the film
// is rendered at effectiveStart + p (show-clock ns). With start_time NONE the pipeline
// never picks its own base time; after each (flushing) seek to p the running time
// restarts at 0, so base_time = effectiveStart + p - outputLatency.
class ItemPipeline : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        GstClock *clock = nullptr;           // borrowed; outlives the pipeline
        qint64 outputLatencyNs = 100'000'000;
        QString videoSink = QStringLiteral("fakesink sync=true");  // gst-launch description
        QString audioSink = QStringLiteral("fakesink sync=true");
        GstElement *videoSinkElement = nullptr;  // overrides videoSink (floating ref adopted)
        bool recordFrames = false;
        qint64 chaseLeadNs = 300'000'000;    // how far ahead a chase seeks
        qint64 rebaseLeadNs = 150'000'000;   // resume/seek/restart delay before the picture moves
    };
    struct Frame
    {
        qint64 ptsNs;
        qint64 renderNs;  // show clock when the sink rendered it
    };

    ItemPipeline(const PlaybackItem &item, const Options &options, QObject *parent = nullptr);
    ~ItemPipeline() override;

    const PlaybackItem &item() const { return m_item; }
    // Builds the pipeline and prerolls it in PAUSED. false (and failed()) when it cannot be built.
    bool preroll();
    // Plays so that position p renders at effectiveStartNs + p; joins mid-way when late.
    void playFrom(qint64 effectiveStartNs);
    // Measurement baseline only: PLAYING now with GStreamer choosing the base time, as a
    // player without a shared base time would start.
    void playFreely();
    // Staff actions. rebase(): position renders after rebaseLead (seek, restart, resume).
    void hold();
    void resume();
    void rebase(qint64 positionNs);
    void setVolume(double level);

    bool isPrerolled() const { return m_prerollNs >= 0; }
    bool isHeld() const { return m_held; }
    bool isFinished() const { return m_phase == Phase::Finished; }
    bool isFailed() const { return m_phase == Phase::Failed; }
    qint64 effectiveStartNs() const { return m_effectiveStartNs; }
    qint64 prerollTimeNs() const { return m_prerollNs; }
    qint64 positionNs(qint64 nowNs) const;
    qint64 durationNs() const { return m_item.durationUs * 1000; }
    quint64 framesRendered() const { return m_frames.load(); }
    quint64 droppedFrames() const;
    qint64 firstFrameRenderNs() const { return m_firstFrameNs.load(); }
    // True when no buffer reached a sink for timeoutNs although the picture should move,
    // or when prerolling has taken longer than timeoutNs.
    bool stalled(qint64 nowNs, qint64 timeoutNs) const;
    QList<Frame> takeFrames();
    // Called from streaming threads when a sink renders (or, for sinks without a handoff
    // signal, receives) a buffer.
    void onBufferRendered(GstBuffer *buffer, bool video);

Q_SIGNALS:
    void prerolled(qint64 tookNs);
    void firstFrame(qint64 renderNs, qint64 ptsNs);
    void finished();
    void failed(fest::PlaybackError::Code code, const QString &message);

private:
    enum class Phase { Idle, Prerolling, Pausing, Seeking, Ready, Playing, Finished, Failed };
    enum class Mode { None, Chase, Rebase };

    struct GstObjectUnref { void operator()(void *o) const; };

    qint64 now() const;
    void pauseThenProceed();
    void proceed();
    void seekTo(qint64 positionNs);
    void armAt(qint64 renderAtNs);
    void finish();
    void fail(PlaybackError::Code code, const QString &detail);
    bool onBusMessage(GstMessage *msg);
    void onAsyncDone();
    static int busCallback(GstBus *bus, GstMessage *msg, void *self);
    static void handoffCallback(GstElement *sink, GstBuffer *buffer, GstPad *pad, void *self);
    static void audioHandoffCallback(GstElement *sink, GstBuffer *buffer, GstPad *pad, void *self);

    PlaybackItem m_item;
    Options m_options;
    std::unique_ptr<GstElement, GstObjectUnref> m_pipeline;
    GstElement *m_videoSink = nullptr;  // owned by the pipeline
    Phase m_phase = Phase::Idle;
    Mode m_mode = Mode::None;
    qint64 m_effectiveStartNs = 0;
    qint64 m_readyPositionNs = 0;  // position the pipeline is prerolled at
    qint64 m_pendingSeekNs = -1;
    qint64 m_chaseLeadNs = 0;
    qint64 m_heldPositionNs = 0;
    qint64 m_renderStartNs = 0;   // show-clock instant the picture should start moving
    bool m_held = false;
    qint64 m_prerollStartNs = 0;
    qint64 m_prerollNs = -1;
    std::atomic<quint64> m_frames{0};
    std::atomic<qint64> m_lastBufferNs{0};
    std::atomic<qint64> m_firstFrameNs{0};
    QMutex m_framesMutex;
    QList<Frame> m_recorded;
};

} // namespace fest
