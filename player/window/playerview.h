#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTimeZone>
#include <QTimer>
#include <QVariantList>

#include "playbackengine.h"

#include <functional>

typedef struct _GstElement GstElement;

namespace fest {

class PlayerNode;

// What the player window shows, for QML: the state, which slate the audience sees when no
// film is on screen (the festival's and the screen's names, what plays next and when, in
// English and 繁中), a countdown, blackout, and which of the two video items carries the
// current item (items alternate between them, so the next film prerolls on the hidden one
// while the current one plays). The app creates it before the QML loads.
// It carries nothing for staff: a failed film is the "interrupted" slate here, and its
// error (code, message, file) goes to the node's status only.
class PlayerView : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(bool videoVisible READ videoVisible NOTIFY changed)
    Q_PROPERTY(int activeVideo READ activeVideo NOTIFY changed)
    Q_PROPERTY(bool blackout READ blackout NOTIFY changed)
    // The slate, when no film is on screen: "" (nothing: black), "next" (the next
    // screening; on a later day only when none has played today), "interrupted" (the
    // current film failed and more plays today), "dayEnded" (today's screenings are over,
    // the next is on a later day), "festivalEnded" (this screen has nothing more to play).
    Q_PROPERTY(QString slate READ slate NOTIFY changed)
    Q_PROPERTY(QString festivalNameEn READ festivalNameEn NOTIFY changed)
    Q_PROPERTY(QString festivalNameZh READ festivalNameZh NOTIFY changed)
    Q_PROPERTY(QString screenNameEn READ screenNameEn NOTIFY changed)
    Q_PROPERTY(QString screenNameZh READ screenNameZh NOTIFY changed)
    // What plays next: the screening's title (a block's), or the film's between the films
    // of a block and for a single film.
    Q_PROPERTY(QString nextTitleEn READ nextTitleEn NOTIFY changed)
    Q_PROPERTY(QString nextTitleZh READ nextTitleZh NOTIFY changed)
    // When it starts, in the festival's time zone: "14:30", days from today (0 = today,
    // 1 = tomorrow) and its date ("Sat 6 Dec", "12月6日 (星期六)").
    Q_PROPERTY(QString nextStartsAt READ nextStartsAt NOTIFY changed)
    Q_PROPERTY(int nextDaysAway READ nextDaysAway NOTIFY changed)
    Q_PROPERTY(QString nextDateEn READ nextDateEn NOTIFY changed)
    Q_PROPERTY(QString nextDateZh READ nextDateZh NOTIFY changed)
    Q_PROPERTY(int countdownSeconds READ countdownSeconds NOTIFY changed)
    Q_PROPERTY(QString screen READ screen CONSTANT)
    // The picture area's aspect ratio ([video] masking, e.g. 2.39); 0 = the whole output.
    Q_PROPERTY(double pictureAspect READ pictureAspect CONSTANT)
    // The subtitle lines on screen, top first: [{language, text (StyledText)}].
    Q_PROPERTY(QVariantList subtitles READ subtitles NOTIFY subtitlesChanged)

public:
    static PlayerView *create(QQmlEngine *, QJSEngine *);
    static void setInstance(PlayerView *view);

    // Whose festival and which screen the slates name, and the time zone of their times
    // (IANA id; empty = this machine's): what the screen's playlist says.
    struct Branding
    {
        QString festivalEn, festivalZh, screenEn, screenZh;
        QString timeZone;
        bool operator==(const Branding &) const = default;
    };

    PlayerView(const QString &screen, QObject *parent = nullptr, double pictureAspect = 0);
    void setEngine(PlaybackEngine *engine);
    void setBranding(const Branding &branding);
    // The node's engine, and the branding of every playlist the node applies.
    void follow(PlayerNode *node);
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
    QString slate() const { return m_slate.kind; }
    QString festivalNameEn() const { return m_branding.festivalEn; }
    QString festivalNameZh() const { return m_branding.festivalZh; }
    QString screenNameEn() const { return m_branding.screenEn; }
    QString screenNameZh() const { return m_branding.screenZh; }
    QString nextTitleEn() const { return m_slate.titleEn; }
    QString nextTitleZh() const { return m_slate.titleZh; }
    QString nextStartsAt() const { return m_slate.startsAt; }
    int nextDaysAway() const { return m_slate.daysAway; }
    QString nextDateEn() const { return m_slate.dateEn; }
    QString nextDateZh() const { return m_slate.dateZh; }
    int countdownSeconds() const { return m_countdown; }
    QString screen() const { return m_screen; }
    QVariantList subtitles() const;
    QList<PlaybackEngine::SubtitleLine> subtitleLines() const { return m_subtitles; }

Q_SIGNALS:
    void changed();
    void subtitlesChanged();

private:
    struct Slate
    {
        QString kind;
        QString titleEn, titleZh, startsAt, dateEn, dateZh;
        int daysAway = -1;
        bool operator==(const Slate &) const = default;
    };
    Slate slateNow(bool video) const;
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
    Branding m_branding;
    QTimeZone m_zone = QTimeZone::systemTimeZone();   // the branding's, resolved once
    Slate m_slate;
    int m_countdown = -1;
    QList<PlaybackEngine::SubtitleLine> m_subtitles;
};

} // namespace fest
