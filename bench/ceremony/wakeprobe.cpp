#include "wakeprobe.h"

#include "cuetimer.h"
#include "realtimepriority.h"

#include <cerrno>
#include <ctime>

namespace fest {

namespace {

// Above every thread of the nodes (cue timers, streaming threads, the players' clock
// threads at one above those), so that the probe is the first to run when it wakes: its
// lateness is then the machine's alone, not its place in the queue of nodes woken with it.
constexpr int priority = CueTimer::realtimePriority + 2;

qint64 realtimeNowUs()
{
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return qint64(ts.tv_sec) * 1'000'000 + ts.tv_nsec / 1000;
}

} // namespace

WakeProbe::~WakeProbe()
{
    if (m_thread.joinable())
        m_thread.join();
}

void WakeProbe::arm(qint64 wallUs)
{
    lateUs();
    m_lateUs = -1;
    m_thread = std::thread([this, wallUs] {
        const bool raised = RealtimePriority::raiseCurrentThread(priority);
        const timespec at{time_t(wallUs / 1'000'000), long(wallUs % 1'000'000) * 1000};
        while (clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &at, nullptr) == EINTR) {
        }
        m_lateUs = realtimeNowUs() - wallUs;
        if (raised)
            RealtimePriority::restoreCurrentThread();
    });
}

qint64 WakeProbe::lateUs()
{
    if (m_thread.joinable())
        m_thread.join();
    return m_lateUs;
}

} // namespace fest
