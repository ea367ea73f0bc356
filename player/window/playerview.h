#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantList>

#include "playbackengine.h"

#include <functional>

typedef struct _GstElement GstElement;

namespace fest {

// What the player window shows, for QML: the state, the current and next film (EN +
// 繁中), a countdown, blackout, and which of the two video items carries the current
// item (items alternate between them, so the next film prerolls on the hidden one while
// the current one plays). The app creates it before the QML loads.
class PlayerView : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(bool videoVisible READ videoVisible NOTIFY changed)
    Q_PROPERTY(int activeVideo READ activeVideo NOTIFY changed)
    Q_PROPERTY(bool blackout READ blackout NOTIFY changed)
    Q_PROPERTY(QString nextTitleEn READ nextTitleEn NOTIFY changed)
    Q_PROPERTY(QString nextTitleZh READ nextTitleZh NOTIFY changed)
    Q_PROPERTY(int countdownSeconds READ countdownSeconds NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)
    Q_PROPERTY(QString screen READ screen CONSTANT)
    // The picture area's aspect ratio ([video] masking, e.g. 2.39); 0 = the whole output.
    Q_PROPERTY(double pictureAspect READ pictureAspect CONSTANT)
    // The subtitle lines on screen, top first: [{language, text (StyledText)}].
    Q_PROPERTY(QVariantList subtitles READ subtitles NOTIFY subtitlesChanged)

public:
    static PlayerView *create(QQmlEngine *, QJSEngine *);
    static void setInstance(PlayerView *view);

    PlayerView(const QString &screen, QObject *parent = nullptr, double pictureAspect = 0);
    void setEngine(PlaybackEngine *engine);
    // The QML video items (GstGLQt6VideoItem objects) once the window has loaded. Their
    // window's frames also pace the subtitles: each frame shows the cues of its moment.
    void setVideoItems(QObject *first, QObject *second);
    // Video sink factory for PlaybackEngine::Options: glsinkbin + qml6glsink bound to
    // the next video item in turn.
    GstElement *makeVideoSink(const QString &itemId);
    // State-change runner for PlaybackEngine::Options: qml6glsink must go to PAUSED and
    // PLAYING on the window's render thread, before the scene graph syncs (a render job
    // at BeforeSynchronizingStage), or its item stays black. The window is asked to
    // render, so the job runs within a frame; before the window's first frame it waits
    // for that frame (the sink needs the window's GL context).
    void runOnRenderThread(std::function<void()> job);

    QString state() const { return m_state; }
    bool videoVisible() const { return m_videoVisible; }
    int activeVideo() const { return m_activeVideo; }
    bool blackout() const { return m_blackout; }
    double pictureAspect() const { return m_pictureAspect; }
    QString nextTitleEn() const { return m_nextEn; }
    QString nextTitleZh() const { return m_nextZh; }
    int countdownSeconds() const { return m_countdown; }
    QString errorText() const { return m_error; }
    QString screen() const { return m_screen; }
    QVariantList subtitles() const;
    QList<PlaybackEngine::SubtitleLine> subtitleLines() const { return m_subtitles; }

Q_SIGNALS:
    void changed();
    void subtitlesChanged();

private:
    void refresh();
    void updateSubtitles();

    static PlayerView *s_instance;
    QPointer<PlaybackEngine> m_engine;
    QObject *m_videoItems[2] = {nullptr, nullptr};
    int m_sinksMade = 0;
    QHash<QString, int> m_videoOfItem;
    QTimer m_refresh;
    QTimer m_subtitleTimer;   // fires when the next cue starts or ends
    QString m_screen;
    double m_pictureAspect = 0;
    QString m_state = QStringLiteral("idle");
    bool m_videoVisible = false;
    int m_activeVideo = 0;
    bool m_blackout = false;
    QString m_nextEn, m_nextZh, m_error;
    int m_countdown = -1;
    QList<PlaybackEngine::SubtitleLine> m_subtitles;
};

} // namespace fest
