#pragma once

namespace fest {

// Real-time scheduling for threads that act at an instant of the show clock: a player's
// streaming threads (every player renders a frame at the same instant) and a node's cue
// timer in its last stretch (docs/ceremony.md). On a busy machine the spread between
// nodes is the time a thread waits for a CPU after its clock wait ends, not clock error
// (bench/README.md). A real-time (SCHED_FIFO) thread preempts ordinary work at once; it
// is bounded by what it waits for (the clock between frames, a few milliseconds before a
// cue) and by the kernel's real-time throttling. Needs CAP_SYS_NICE or an RLIMIT_RTPRIO at least this high (systemd:
// LimitRTPRIO=); without it the thread keeps its priority, with timer slack minimised.
class RealtimePriority
{
public:
    // Applies to the calling thread. priority 1..99 asks for SCHED_FIFO at that priority;
    // 0 leaves the scheduling class alone. Returns true when the thread runs real-time.
    // The first refusal is logged (once per process) with what to grant.
    static bool raiseCurrentThread(int priority);
    // Back to normal scheduling: GStreamer's thread pool may reuse the thread for other work.
    static void restoreCurrentThread();

    // Threads inherit their creator's scheduling: runs create() with the calling thread
    // raised, so that a thread it starts runs real-time too. For the show clock: its
    // observation thread timestamps each exchange with the provider, and when real-time
    // streaming threads delay it, each player's clock settles on a different offset
    // (bench/README.md: clock disagreement).
    template <typename Create>
    static auto createRaised(int priority, Create create)
    {
        const bool raised = raiseCurrentThread(priority);
        auto made = create();
        if (raised)
            restoreCurrentThread();
        return made;
    }
};

} // namespace fest
