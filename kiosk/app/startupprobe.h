#pragma once

#include <QObject>
#include <atomic>
#include <optional>

class QQuickWindow;

namespace fest {

class ProgrammeFeed;

// festival-kiosk --measure-start: notes when the first frame is on screen and when the
// first frame showing the programme is, each with the resident memory and the CPU time
// the process has used, prints them on one line (key=value) and reports done(). Times
// are counted from `startEpochMs` (the start of main()); the `*_at` keys are wall-clock
// epoch milliseconds, so that a benchmark that spawned the process can count from then.
class StartupProbe : public QObject
{
    Q_OBJECT
public:
    StartupProbe(QQuickWindow *window, ProgrammeFeed *feed, qint64 startEpochMs, QObject *parent = nullptr);

signals:
    void done();

private:
    struct Sample {
        qint64 atEpochMs = 0;
        qint64 rssKb = 0;
        qint64 cpuMs = 0;
    };
    static Sample now();
    void onFrame();
    void report();

    QQuickWindow *m_window;
    qint64 m_startEpochMs;
    std::atomic<bool> m_programmeApplied = false;
    std::optional<Sample> m_firstFrame;
    std::optional<Sample> m_programmeFrame;
};

} // namespace fest
