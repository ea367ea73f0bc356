#include "idlemonitor.h"

#include <QCoreApplication>
#include <QEvent>

#include <cmath>

namespace fest {

IdleMonitor::IdleMonitor(QObject *parent)
    : QObject(parent)
{
    // A coarse tick is enough for a countdown shown in seconds; the moment of the reset
    // is what the elapsed timer says, not a count of ticks.
    m_tick.setInterval(250);
    connect(&m_tick, &QTimer::timeout, this, &IdleMonitor::tick);
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
    poke();
}

IdleMonitor::~IdleMonitor()
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

void IdleMonitor::setSeconds(int seconds)
{
    seconds = std::max(1, seconds);
    if (m_seconds == seconds)
        return;
    m_seconds = seconds;
    emit secondsChanged();
    poke();
}

void IdleMonitor::setWarningSeconds(int seconds)
{
    seconds = std::max(0, seconds);
    if (m_warningSeconds == seconds)
        return;
    m_warningSeconds = seconds;
    emit secondsChanged();
    poke();
}

void IdleMonitor::setRunning(bool running)
{
    if (m_running == running)
        return;
    m_running = running;
    emit runningChanged();
    poke();
}

void IdleMonitor::poke()
{
    m_sinceTouch.start();
    setWarning(false);
    setSecondsLeft(m_seconds);
    if (m_running)
        m_tick.start();
    else
        m_tick.stop();
}

void IdleMonitor::tick()
{
    const qint64 leftMs = qint64(m_seconds) * 1000 - m_sinceTouch.elapsed();
    if (leftMs <= 0) {
        m_tick.stop();
        setWarning(false);
        setSecondsLeft(0);
        emit idle();
        // Counting again from now: the reset itself is the start of a new wait.
        poke();
        return;
    }
    setSecondsLeft(int(std::ceil(double(leftMs) / 1000.0)));
    if (leftMs <= qint64(m_warningSeconds) * 1000)
        setWarning(true);
}

void IdleMonitor::setWarning(bool warning)
{
    if (m_warning == warning)
        return;
    m_warning = warning;
    emit warningChanged();
}

void IdleMonitor::setSecondsLeft(int left)
{
    if (m_secondsLeft == left)
        return;
    m_secondsLeft = left;
    emit secondsLeftChanged();
}

bool IdleMonitor::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::KeyPress:
    case QEvent::Wheel:
        poke();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace fest
