#pragma once

#include "itempipeline.h"
#include "mediaprobe.h"
#include "playbackerror.h"
#include "playbackitem.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

typedef struct _GstClock GstClock;
typedef struct _GstElement GstElement;

namespace fest {

// Plays a screen's ordered items on the show clock: each item gets its own playbin,
// prerolled `prerollLead` before its instant and started with base time = its instant,
// so that every player given the same instant shows the same frame together. A player
// that starts late chases. Faults end the item (slate, error), never the schedule.
class PlaybackEngine : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool blackout READ blackout WRITE setBlackout NOTIFY blackoutChanged)
    Q_PROPERTY(double volume READ volume WRITE setVolume NOTIFY volumeChanged)
    Q_PROPERTY(fest::PlaybackError::Code lastError READ lastError NOTIFY errorOccurred)

public:
    enum class State { Idle, Waiting, Prerolling, Countdown, Playing, Held, Error };
    Q_ENUM(State)
    using Error = PlaybackError::Code;

    struct Options
    {
        qint64 prerollLeadNs = 5'000'000'000;
        qint64 outputLatencyNs = 100'000'000;
        qint64 noBufferTimeoutNs = 3'000'000'000;
        QString videoSink = QStringLiteral("fakesink sync=true");
        QString audioSink = QStringLiteral("fakesink sync=true");
        // When set, called once per item for its video sink (window mode).
        std::function<GstElement *(const PlaybackItem &)> videoSinkFactory;
        // Window mode: where pipelines raise their state (ItemPipeline::Options).
        std::function<void(std::function<void()>)> stateChangeRunner;
        bool recordFrames = false;
        // Sound ([audio]): the room's speakers, and the integrated loudness every film is
        // brought to (unset: films play at their own level). The gain is at most
        // maxGainDb, and never lifts a film's peak above peakCeilingDbfs.
        SpeakerLayout speakers = SpeakerLayout::Stereo;
        std::optional<double> targetLufs;
        double maxGainDb = 15.0;
        double peakCeilingDbfs = -1.0;
        // Readiness also measures how fast each film decodes (MediaProbeOptions).
        bool measureDecodeSpeed = false;
        int realtimePriority = 10;  // streaming threads (RealtimePriority); 0 = normal
        int tickMs = 50;
        // An item that was not ready is checked again this often, so that a film copied
        // into the media folder (what the error tells staff to do) clears the error.
        int recheckMs = 30'000;
    };
    struct RenderedFrame
    {
        QString itemId;
        qint64 ptsNs;
        qint64 renderNs;
        qint64 wallNs;  // see ItemPipeline::Frame
    };

    PlaybackEngine(GstClock *clock, const Options &options, QObject *parent = nullptr);
    ~PlaybackEngine() override;

    // Replaces the playlist. An item that is playing keeps playing (matched by id), so a
    // playlist update never interrupts the current film.
    void setItems(const PlaybackItems &items);
    PlaybackItems items() const;
    void start();

    // Staff actions; false when there is nothing to act on.
    bool hold();
    // Continues a held item from where it stopped (returns the delay it adds, ns), or
    // restarts the schedule after stop() (returns 0). -1 when neither.
    qint64 resume();
    bool stop();
    bool skip();
    bool restartItem();
    bool seek(qint64 positionNs);
    void setVolume(double level);
    void setBlackout(bool on);

    State state() const { return m_state; }
    bool blackout() const { return m_blackout; }
    double volume() const { return m_volume; }
    bool isStopped() const { return m_stopped; }
    std::optional<PlaybackItem> currentItem() const;
    std::optional<PlaybackItem> nextItem() const;
    qint64 positionNs() const;
    struct SubtitleLine
    {
        QString language;
        QString text;   // StyledText (SubtitleTrack)
        bool operator==(const SubtitleLine &) const = default;
    };
    // The current film's subtitles at its position now: one line per language shown that
    // has a cue on, top line first; none between films, before the start, or on blackout.
    QList<SubtitleLine> subtitlesNow() const;
    // The loudness gain (dB) an item plays with: 0 until its film is measured.
    double filmGainDb(const QString &itemId) const;
    // What the room hears now (status "audio"): layout, target, the current film's
    // loudness and gain.
    struct AudioReport
    {
        SpeakerLayout speakers;
        std::optional<double> targetLufs;
        std::optional<double> filmLufs;
        double gainDb = 0;
    };
    AudioReport audioReport() const;
    // The video decoder of the film playing now (empty when none plays).
    QString videoDecoder() const;
    // Every item still to play (and the one playing), as its readiness check found it.
    QList<MediaReport> mediaReports() const;
    // The show-clock instant the subtitles next change while the film plays on; -1 when
    // they do not (no subtitles, no more cues, held).
    qint64 nextSubtitleChangeNs() const;
    qint64 heldForNs() const;  // how long the current hold has lasted
    qint64 nowNs() const;
    quint64 droppedFrames() const;
    Error lastError() const { return m_lastError; }
    QString lastErrorMessage() const { return m_lastErrorMessage; }
    QString lastErrorItemId() const { return m_lastErrorItemId; }
    // Readiness of an item (none = not checked yet).
    std::optional<MediaProbe::Result> readiness(const QString &itemId) const;
    ItemPipeline *pipeline(const QString &itemId) const;
    QList<RenderedFrame> takeFrames();

Q_SIGNALS:
    void stateChanged(fest::PlaybackEngine::State state);
    void currentItemChanged();
    void blackoutChanged(bool on);
    void volumeChanged(double level);
    void itemPrerolled(const QString &itemId, qint64 tookNs);
    void itemStarted(const QString &itemId, qint64 renderNs, qint64 ptsNs);
    void itemFinished(const QString &itemId);
    void errorOccurred(fest::PlaybackError::Code code, const QString &message, const QString &itemId);
    void readinessChecked(const fest::MediaProbe::Result &result);
    void resumed(qint64 delayNs);

private:
    enum class SlotStatus { Pending, Active, Finished, Failed, Skipped };
    struct Slot
    {
        PlaybackItem item;
        SlotStatus status = SlotStatus::Pending;
        std::unique_ptr<ItemPipeline> pipe;
        int stallRestarts = 0;   // pipelines rebuilt after a stall (at most kMaxStallRestarts)
        qint64 effectiveStartNs() const;
        qint64 effectiveEndNs() const;
        bool open() const { return status == SlotStatus::Pending || status == SlotStatus::Active; }
    };

    void tick();
    void recheckNotReady();
    int currentIndex(qint64 now) const;
    int nextIndex(qint64 now) const;
    void ensurePipeline(Slot &slot);
    void retire(Slot &slot, SlotStatus status);
    void reportError(Error code, const QString &message, const QString &itemId);
    void updateState(qint64 now);
    // The subtitle tracks of the film on screen (playing or held), or null.
    const QList<std::shared_ptr<const SubtitleTrack>> *subtitlesShown() const;
    Slot *current();
    const Slot *current() const;

    GstClock *m_clock;
    Options m_options;
    std::vector<std::unique_ptr<Slot>> m_slots;
    MediaProbe m_probe;
    QHash<QString, MediaProbe::Result> m_readiness;
    QTimer m_tick;
    QTimer m_recheck;
    State m_state = State::Idle;
    QString m_currentId;
    bool m_stopped = false;
    bool m_blackout = false;
    double m_volume = 1.0;
    qint64 m_heldSinceNs = -1;
    Error m_lastError = Error::None;
    QString m_lastErrorMessage;
    QString m_lastErrorItemId;
    QList<RenderedFrame> m_frames;
};

} // namespace fest
