#pragma once

#include <QObject>
#include <QSize>
#include <QStringList>

class QQuickWindow;

namespace fest {

class Kiosk;

// --screenshot DIR: shows every screen in both languages and both orientations, as it
// is and with the reading help on (larger text, high contrast), grabs each frame to
// DIR/<orientation>-<language>-[large-]<screen>.png, then reports done(). Used by the
// screenshot test and to review the UI without a display.
class ScreenshotRenderer : public QObject
{
    Q_OBJECT
public:
    struct Shot {
        QString screen;
        QString argument;
    };

    ScreenshotRenderer(Kiosk *kiosk, QQuickWindow *window, const QString &dir, QObject *parent = nullptr);

    void setShots(const QList<Shot> &shots) { m_shots = shots; }
    // The screens the UI offers, with an argument where one is needed (a film id).
    static QList<Shot> defaultShots(Kiosk *kiosk);
    static QList<QSize> orientations() { return {QSize(1920, 1080), QSize(1080, 1920)}; }

    void start();
    QStringList written() const { return m_written; }
    QStringList failures() const { return m_failures; }

signals:
    void done();

private:
    void next();
    void grab();
    // Shots come plain, then with the reading help on, per orientation.
    bool largeShot() const;
    // Sets the reading help the current shot wants; true when it had to change it.
    bool applyReadingHelp();

    Kiosk *m_kiosk;
    QQuickWindow *m_window;
    QString m_dir;
    QList<Shot> m_shots;
    QStringList m_written;
    QStringList m_failures;
    int m_index = 0;
};

} // namespace fest
