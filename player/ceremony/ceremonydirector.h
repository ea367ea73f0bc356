#pragma once

#include "cuefollower.h"
#include "itempipeline.h"

#include <QJsonObject>
#include <QObject>
#include <QQmlEngine>

#include <functional>
#include <memory>

typedef struct _GstElement GstElement;

namespace fest {

class MqttClient;
class PlaybackEngine;
class ShowClock;

// A player on a ceremony screen: follows the award ceremony (CueFollower on the node's
// show clock) and, while it is active, preempts the screen's playlist.
// - A cue with a clip: the clip is prerolled as soon as the cue is scheduled and played
//   with base time = executeAtUs (the same start-on-instant path as playlist items), so
//   every screen shows its first frame at the instant. A node that joins late (or
//   reconnects) chases: it joins the clip where the others are.
// - Cards are drawn by QML (CeremonyOverlay.qml) from follower() and clipVisible.
// - Blackout: black picture (QML) and silence.
// - When the ceremony ends, the clip stops and the playlist resumes.
// Also the QML singleton CeremonyDirector (the app creates it before the QML loads).
class CeremonyDirector : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(fest::CueFollower *follower READ follower CONSTANT)
    Q_PROPERTY(bool clipVisible READ clipVisible NOTIFY clipChanged)
    Q_PROPERTY(int activeVideo READ activeVideo NOTIFY clipChanged)

public:
    struct Options
    {
        QString mediaFolder;                 // cue media paths are relative to it
        qint64 outputLatencyNs = 100'000'000;  // the same as the playlist's
        QString videoSink = QStringLiteral("fakesink sync=true");
        QString audioSink = QStringLiteral("fakesink sync=true");
        // Window mode: a sink bound to video item 0 or 1 (they alternate, so that the
        // next clip prerolls on the hidden one while the current one plays).
        std::function<GstElement *(int video)> videoSinkFactory;
    };

    static CeremonyDirector *create(QQmlEngine *, QJSEngine *);
    static void setInstance(CeremonyDirector *director);
    // glsinkbin + qml6glsink drawing into a GstGLQt6VideoItem (window mode).
    static GstElement *makeQmlVideoSink(QObject *videoItem);

    // client, clock and playlist are borrowed and must outlive this object.
    CeremonyDirector(MqttClient *client, ShowClock *clock, PlaybackEngine *playlist, const Options &options,
                     QObject *parent = nullptr);
    ~CeremonyDirector() override;

    CueFollower *follower() { return &m_follower; }
    bool clipVisible() const;
    int activeVideo() const { return m_clip ? m_clip->video : 0; }
    // The clip of the current cue (null when it has none or it ended).
    ItemPipeline *clip() const { return m_clip ? m_clip->pipe.get() : nullptr; }
    // For the node's status: CueFollower::statusJson() plus the clip's first frame.
    QJsonObject statusJson() const;

Q_SIGNALS:
    void clipChanged();
    // Something the status reports changed (a cue applied, a clip's first frame).
    void statusChanged();

private:
    struct Clip
    {
        qint64 cueSeq = 0;
        int video = 0;
        std::unique_ptr<ItemPipeline> pipe;
        bool ended = false;
    };

    void onScheduled();
    void onApplied();
    std::unique_ptr<Clip> makeClip(const CeremonyState &state);
    QString clipPath(const QString &media) const;
    void preemptPlaylist(bool active);

    static CeremonyDirector *s_instance;
    Options m_options;
    ShowClock *m_clock;
    PlaybackEngine *m_playlist;
    CueFollower m_follower;
    std::unique_ptr<Clip> m_clip;      // the current cue's
    std::unique_ptr<Clip> m_nextClip;  // prerolling for the scheduled cue
    int m_clipsMade = 0;
    bool m_stoppedPlaylist = false;
};

} // namespace fest
