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
// clock. Either blocks the thread for at most spinUs, which is why it is short; an
// instant already past fires on the next event loop iteration.
// FEST_CUE_WAIT=spin in the environment forces polling (to compare, bench/ceremony).
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

    explicit CueTimer(Clock now, QObject *parent = nullptr);
    // waiter is used for the last spinUs unless FEST_CUE_WAIT=spin.
    CueTimer(Clock now, Waiter waiter, QObject *parent = nullptr);

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

    Clock m_now;
    Waiter m_waiter;
    QTimer m_coarse;
    qint64 m_targetUs = 0;
    bool m_active = false;
};

} // namespace fest
