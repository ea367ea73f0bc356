#pragma once

#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace fest {

// Notices when nobody has touched the kiosk for `seconds`: any touch, click, wheel or
// key press anywhere in the application restarts the count. The app singleton then
// resets the UI (home screen, default language, half-entered ticket code cleared).
class IdleMonitor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int seconds READ seconds WRITE setSeconds NOTIFY secondsChanged)
    Q_PROPERTY(bool running READ running WRITE setRunning NOTIFY runningChanged)
public:
    explicit IdleMonitor(QObject *parent = nullptr);
    ~IdleMonitor() override;

    int seconds() const { return m_seconds; }
    void setSeconds(int seconds);
    bool running() const { return m_running; }
    void setRunning(bool running);

    // Counts as a touch (also for tests and the scanner path).
    Q_INVOKABLE void poke();

signals:
    void idle();
    void secondsChanged();
    void runningChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTimer m_timer;
    int m_seconds = 90;
    bool m_running = true;
};

} // namespace fest
