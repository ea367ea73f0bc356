#include "cuetimer.h"

namespace fest {

CueTimer::CueTimer(Clock now, QObject *parent)
    : QObject(parent)
    , m_now(std::move(now))
{
    m_coarse.setSingleShot(true);
    m_coarse.setTimerType(Qt::PreciseTimer);
    connect(&m_coarse, &QTimer::timeout, this, &CueTimer::wake);
}

void CueTimer::start(qint64 atUs)
{
    m_targetUs = atUs;
    m_active = true;
    // Decided on the next event loop iteration, so that the caller returns first.
    m_coarse.start(0);
}

void CueTimer::stop()
{
    m_active = false;
    m_coarse.stop();
}

void CueTimer::wake()
{
    if (!m_active)
        return;
    const qint64 remaining = m_targetUs - m_now();
    if (remaining > spinUs) {
        // Timers may wake early; wake() simply sleeps again for what is left.
        m_coarse.start(int((remaining - spinUs) / 1000));
        return;
    }
    // No yield: on a loaded machine a yielded thread may not run again for a whole
    // scheduler slice, which is longer than the precision this timer is for.
    qint64 now = m_now();
    while (now < m_targetUs)
        now = m_now();
    m_active = false;
    emit due(m_targetUs, now);
}

} // namespace fest
