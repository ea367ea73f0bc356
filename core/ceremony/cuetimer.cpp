#include "cuetimer.h"

#include "realtimepriority.h"

namespace fest {

CueTimer::CueTimer(Clock now, QObject *parent)
    : CueTimer(std::move(now), Waiter(), parent)
{
}

CueTimer::CueTimer(Clock now, Waiter waiter, QObject *parent)
    : QObject(parent)
    , m_now(std::move(now))
{
    if (qEnvironmentVariable("FEST_CUE_WAIT") != QLatin1String("spin"))
        m_waiter = std::move(waiter);
    m_coarse.setSingleShot(true);
    m_coarse.setTimerType(Qt::PreciseTimer);
    connect(&m_coarse, &QTimer::timeout, this, &CueTimer::wake);
}

CueTimer::~CueTimer()
{
    endApproach();
}

void CueTimer::start(qint64 atUs)
{
    m_targetUs = atUs;
    m_active = true;
    // An instant already within the approach (a message that came late): real-time from
    // here, or the first wake-up could itself wait for a CPU past the instant.
    if (!m_approaching && atUs - m_now() <= approachUs)
        m_approaching = RealtimePriority::raiseCurrentThread(approachPriority);
    // Decided on the next event loop iteration, so that the caller returns first.
    m_coarse.start(0);
}

void CueTimer::stop()
{
    m_active = false;
    m_coarse.stop();
    endApproach();
}

void CueTimer::endApproach()
{
    if (m_approaching)
        RealtimePriority::restoreCurrentThread();
    m_approaching = false;
}

void CueTimer::wake()
{
    if (!m_active)
        return;
    const qint64 remaining = m_targetUs - m_now();
    if (remaining > approachUs) {
        endApproach();   // a new, later instant replaced the one being approached
        // Timers may wake early; wake() simply sleeps again for what is left. At most a
        // minute at a time: an instant far away (or a clock that jumps) never overflows.
        // Rounded up: waking a little inside the approach is fine, before it is a lap.
        m_coarse.start(int(qMin<qint64>((remaining - approachUs + 999) / 1000, 60'000)));
        return;
    }
    // Within a millisecond of the last stretch it begins at once: the Qt timer counts whole
    // milliseconds, and a zero timeout would go round the event loop real-time.
    if (remaining >= spinUs + 1000) {
        if (!m_approaching)
            m_approaching = RealtimePriority::raiseCurrentThread(approachPriority);
        // Rounded down: the last stretch may begin a little early, never late.
        m_coarse.start(int((remaining - spinUs) / 1000));
        return;
    }
    // Real-time for the last stretch (spinUs, up to a millisecond more): woken at the instant, the
    // thread runs at once instead of waiting for a CPU behind ordinary work, which was
    // most of the spread between nodes on a busy machine (docs/ceremony.md).
    const bool raised = remaining > 0 && RealtimePriority::raiseCurrentThread(realtimePriority);
    if (m_waiter && remaining > 0)
        m_waiter(m_targetUs);
    // No yield: on a loaded machine a yielded thread may not run again for a whole
    // scheduler slice, which is longer than the precision this timer is for. After a
    // waiter this only covers its rounding.
    qint64 now = m_now();
    while (now < m_targetUs)
        now = m_now();
    if (raised || m_approaching)
        RealtimePriority::restoreCurrentThread();
    m_approaching = false;
    m_active = false;
    emit due(m_targetUs, now);
}

} // namespace fest
