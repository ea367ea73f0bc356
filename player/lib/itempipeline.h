#pragma once

#include "audiolayout.h"
#include "gstref.h"
#include "playbackerror.h"
#include "playbackitem.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

typedef struct _GstElement GstElement;
typedef struct _GstClock GstClock;
typedef struct _GstBus GstBus;
typedef struct _GstMessage GstMessage;
typedef struct _GstBuffer GstBuffer;
typedef struct _GstPad GstPad;
typedef struct _GstEvent GstEvent;
typedef struct _GstSegment GstSegment;

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
        SpeakerLayout speakers = SpeakerLayout::Stereo;  // the film's channels are mixed to these
        qint64 chaseLeadNs = 300'000'000;    // how far ahead a chase seeks
        qint64 rebaseLeadNs = 150'000'000;   // resume/seek/restart delay before the picture moves
        int realtimePriority = 10;           // streaming threads' SCHED_FIFO priority; 0 = normal
        // Runs the jobs that raise the pipeline's state (to PAUSED for preroll, to PLAYING)
        // where the video sink needs them: qml6glsink only works when they run on the
        // window's render thread (a render job). Empty = at once, on the caller's thread.
        // A job may run later or never; a job overtaken by a newer state change does nothing.
        std::function<void(std::function<void()>)> stateChangeRunner;
    };
    struct Frame
    {
        qint64 ptsNs;
        qint64 renderNs;   // show clock when the sink rendered it
        qint64 wallNs;    // this machine's realtime clock at the same moment: comparable
                          // across processes on one machine, unlike each one's show clock
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
    // The film's loudness gain (dB), on top of the screen's volume; any time.
    void setFilmGainDb(double gainDb);
    double filmGainDb() const { return m_filmGainDb; }
    // The video decoder GStreamer chose for the film ("avdec_h264", "vah264dec"), known
    // once prerolled; empty before, or without a picture.
    QString videoDecoder() const { return m_videoDecoder; }
    GstElement *audioSinkElement() const { return m_audioSink; }  // what the playbin was given

    bool isPrerolled() const { return m_prerollNs >= 0; }
    bool isHeld() const { return m_held; }
    bool isFinished() const { return m_phase == Phase::Finished; }
    bool isFailed() const { return m_phase == Phase::Failed; }
    qint64 effectiveStartNs() const { return m_effectiveStartNs; }
    qint64 prerollTimeNs() const { return m_prerollNs; }
    qint64 positionNs(qint64 nowNs) const;
    qint64 durationNs() const { return m_item.durationUs * 1000; }
    quint64 framesRendered() const { return m_frames.load(); }
    // Frames that never reached the screen: dropped late by the video sink (its `stats`)
    // plus frames other elements dropped on QoS (decoders skipping late frames).
    quint64 droppedFrames() const;
    quint64 sinkDroppedFrames() const;  // the render sink's own count alone
    bool hasSinkStats() const;          // the render sink keeps statistics (GstBaseSink `stats`)
    qint64 firstFrameRenderNs() const { return m_firstFrameNs.load(); }
    // True when no buffer reached a sink for timeoutNs although the picture should move,
    // or when prerolling has taken longer than timeoutNs.
    bool stalled(qint64 nowNs, qint64 timeoutNs) const;
    QList<Frame> takeFrames();
    // Streaming threads: the video sink rendered the frame at position pts (-1 unknown);
    // a SEGMENT or QOS event passed the video sink's pad.
    // pts: the frame's position in the film (stream time: 0 is its first frame, whatever
    // timestamps its container starts at), -1 when unknown.
    void onFrameRendered(qint64 pts);
    void onSinkEvent(GstEvent *event);
    qint64 streamTime(qint64 bufferPts);

Q_SIGNALS:
    void prerolled(qint64 tookNs);
    void firstFrame(qint64 renderNs, qint64 ptsNs);
    void finished();
    void failed(fest::PlaybackError::Code code, const QString &message);

private:
    enum class Phase { Idle, Prerolling, Pausing, Seeking, Ready, Playing, Finished, Failed };
    enum class Mode { None, Chase, Rebase };

    qint64 now() const;
    // Shared with jobs in flight on another thread: a job acts only while the pipeline
    // exists and no newer state change was made.
    struct StateGate
    {
        QMutex mutex;
        bool alive = true;
        quint64 generation = 0;
    };

    void raiseState(int state);
    int lowerState(int state);
    void pauseThenProceed();
    void proceed();
    void seekTo(qint64 positionNs);
    void armAt(qint64 renderAtNs);
    void finish();
    void fail(PlaybackError::Code code, const QString &detail);
    bool onBusMessage(GstMessage *msg);
    void onAsyncDone();
    void onQos(GstMessage *msg);
    static int busCallback(GstBus *bus, GstMessage *msg, void *self);
    static int busSyncHandler(GstBus *bus, GstMessage *msg, void *self);
    static void handoffCallback(GstElement *sink, GstBuffer *buffer, GstPad *pad, void *self);
    static void audioHandoffCallback(GstElement *sink, GstBuffer *buffer, GstPad *pad, void *self);

    PlaybackItem m_item;
    Options m_options;
    GstPtr<GstElement> m_pipeline;
    GstElement *m_videoSink = nullptr;  // owned by the pipeline; what the playbin was given
    GstElement *m_audioSink = nullptr;  // owned by the pipeline
    GstElement *m_audioFilter = nullptr;  // owned by the pipeline; AudioLayout::makeFilter
    double m_filmGainDb = 0;
    QString m_videoDecoder;
    GstElement *m_renderSink = nullptr; // owned by the pipeline; the element that renders (may be inside m_videoSink)
    std::shared_ptr<StateGate> m_gate = std::make_shared<StateGate>();
    std::atomic<quint64> m_qosDropped{0};
    QHash<const void *, quint64> m_qosDroppedBy;  // Qt thread: last cumulative count per element  // dropped on QoS by elements other than the render sink
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
    QMutex m_segmentMutex;
    std::unique_ptr<GstSegment> m_videoSegment;  // last segment at the video sink (guarded by m_segmentMutex)
    QList<Frame> m_recorded;
};

} // namespace fest
