#pragma once

#include <QtGlobal>
#include <atomic>
#include <thread>

namespace fest {

// The floor under every node's lateness on this machine: a bare thread at real-time
// priority, above every node's, sleeps until the cue's instant on the machine's own clock
// (clock_nanosleep, no show clock, no Qt, no follower) and notes how late it woke. When the
// nodes are late on the same cue as the probe, the delay is the machine's (a CPU held by
// non-preemptible kernel work, the hypervisor), not the product's.
class WakeProbe
{
public:
    WakeProbe() = default;
    WakeProbe(const WakeProbe &) = delete;
    WakeProbe &operator=(const WakeProbe &) = delete;
    ~WakeProbe();

    // Starts a thread that wakes at wallUs (the realtime clock, microseconds since the epoch).
    void arm(qint64 wallUs);
    // Joins the thread; how late it woke, in microseconds (-1 if it was not armed).
    qint64 lateUs();

private:
    std::thread m_thread;
    std::atomic<qint64> m_lateUs{-1};
};

} // namespace fest
