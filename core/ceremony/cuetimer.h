#pragma once

#include <QObject>
#include <QTimer>
#include <functional>

namespace fest {

// Fires once at an instant of a given clock (microseconds), within about a millisecond:
// a coarse Qt timer wakes the thread shortly before the instant, which then polls the
// clock until it is reached. A Qt timer alone may be late by a whole millisecond or
// more, and is slaved to the machine's clock, not the show clock.
//
// Last stretch: with a waiter (a node's show clock, see ClockWait) the thread sleeps in
// the kernel until the instant; without one, or when the waiter cannot wait, it polls the
// clock. Either blocks the thread for spinUs (at most a millisecond more), which is why
// it is short; an instant already past fires on the next event loop iteration.
// FEST_CUE_WAIT=spin in the environment forces polling (to compare, bench/ceremony).
//
// Approach: from approachUs before the instant the thread runs real-time at the lowest
// priority (approachPriority) while it goes on with its ordinary work, so that the wake-up
// for the last stretch is not left waiting for a CPU behind ordinary processes. At normal
// priority that wake-up came more than spinUs late on a busy machine, and then the cue
// fired late by as much (bench/ceremony: 20-80 ms). An instant already that close when
// start() is called (a late message) starts the approach there. Back to normal once the
// cue fired, or on stop(). Priorities belong to the thread: with several timers on one
// thread (a node has one), the first to fire ends the others' approach too.
class CueTimer : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>;   // microseconds
    using Waiter = std::function<bool(qint64 atUs)>;   // sleeps until atUs; false = cannot
    static constexpr qint64 spinUs = 5000;
    // SCHED_FIFO priority of the last stretch (RealtimePriority): the player's streaming
    // threads' level, below its show clock's thread.
    static constexpr int realtimePriority = 10;
    // The approach: long enough to cover an ordinary thread's wait for a CPU on a busy
    // machine, at a priority below every other real-time thread of a node (a player's
    // streaming threads and show clock) and above all ordinary work.
    static constexpr qint64 approachUs = 100'000;
    static constexpr int approachPriority = 1;

    explicit CueTimer(Clock now, QObject *parent = nullptr);
    // waiter is used for the last spinUs unless FEST_CUE_WAIT=spin.
    CueTimer(Clock now, Waiter waiter, QObject *parent = nullptr);
    // Gives the thread its ordinary priority back if it was approaching an instant.
    ~CueTimer() override;

    // Replaces any pending instant.
    void start(qint64 atUs);
    void stop();
    bool isActive() const { return m_active; }
    qint64 targetUs() const { return m_targetUs; }

Q_SIGNALS:
    // firedAtUs: the clock when the instant was reached (>= atUs).
    void due(qint64 atUs, qint64 firedAtUs);

private:
    void wake();
    void endApproach();

    Clock m_now;
    Waiter m_waiter;
    QTimer m_coarse;
    qint64 m_targetUs = 0;
    bool m_active = false;
    bool m_approaching = false;   // this thread raised for the approach
};

} // namespace fest
