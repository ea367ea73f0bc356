#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace fest {

// Notices when nobody has touched the kiosk for `seconds`: any touch, click, wheel or
// key press anywhere in the application restarts the count. `warningSeconds` before the
// end it raises `warning` (the UI asks "still there?" and offers more time, counting
// down `secondsLeft`); a touch then clears it and keeps everything as it was. At the end
// the app singleton resets the UI (home screen, default language, half-entered ticket
// code cleared).
class IdleMonitor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("IdleMonitor belongs to the Kiosk singleton")
    Q_PROPERTY(int seconds READ seconds WRITE setSeconds NOTIFY secondsChanged)
    Q_PROPERTY(int warningSeconds READ warningSeconds WRITE setWarningSeconds NOTIFY secondsChanged)
    Q_PROPERTY(bool running READ running WRITE setRunning NOTIFY runningChanged)
    Q_PROPERTY(bool warning READ warning NOTIFY warningChanged)
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY secondsLeftChanged)
public:
    explicit IdleMonitor(QObject *parent = nullptr);
    ~IdleMonitor() override;

    int seconds() const { return m_seconds; }
    void setSeconds(int seconds);
    int warningSeconds() const { return m_warningSeconds; }
    void setWarningSeconds(int seconds);
    bool running() const { return m_running; }
    void setRunning(bool running);
    bool warning() const { return m_warning; }
    int secondsLeft() const { return m_secondsLeft; }

    // Counts as a touch (also for tests, the scanner path and "more time").
    Q_INVOKABLE void poke();

signals:
    void idle();
    void secondsChanged();
    void runningChanged();
    void warningChanged();
    void secondsLeftChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void tick();
    void setWarning(bool warning);
    void setSecondsLeft(int left);

    QTimer m_tick;             // once a second while running
    QElapsedTimer m_sinceTouch;
    int m_seconds = 90;
    int m_warningSeconds = 15;
    int m_secondsLeft = 90;
    bool m_running = true;
    bool m_warning = false;
};

} // namespace fest
