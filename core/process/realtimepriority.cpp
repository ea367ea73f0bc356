#include "realtimepriority.h"

#include <QLoggingCategory>

#include <atomic>
#include <cstring>

#include <pthread.h>
#include <sched.h>
#include <sys/prctl.h>

Q_LOGGING_CATEGORY(lcRealtime, "fest.process.realtime")

namespace fest {

bool RealtimePriority::raiseCurrentThread(int priority)
{
    // Ordinary threads may wake up to 50 us after their deadline (the default timer
    // slack); a sink's clock wait should not. Real-time threads have no slack anyway.
    prctl(PR_SET_TIMERSLACK, 1UL, 0UL, 0UL, 0UL);
    if (priority <= 0)
        return false;
    sched_param param{};
    param.sched_priority = qBound(sched_get_priority_min(SCHED_FIFO), priority, sched_get_priority_max(SCHED_FIFO));
    const int rc = pthread_setschedparam(pthread_self(), SCHED_FIFO, &param);
    if (rc == 0)
        return true;
    static std::atomic<bool> warned{false};
    if (!warned.exchange(true)) {
        qCWarning(lcRealtime).noquote()
            << QStringLiteral("Threads that act on the show clock run at normal priority (%1): frames and cues may "
                              "come late on a busy machine. Grant this program real-time priority %2 "
                              "(systemd: LimitRTPRIO=%2, or CAP_SYS_NICE).")
                   .arg(QString::fromLocal8Bit(std::strerror(rc)))
                   .arg(param.sched_priority);
    }
    return false;
}

void RealtimePriority::restoreCurrentThread()
{
    sched_param param{};
    pthread_setschedparam(pthread_self(), SCHED_OTHER, &param);
}

} // namespace fest
