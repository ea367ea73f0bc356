#include "idlemonitor.h"

#include <QCoreApplication>
#include <QEvent>

namespace fest {

IdleMonitor::IdleMonitor(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(m_seconds * 1000);
    connect(&m_timer, &QTimer::timeout, this, &IdleMonitor::idle);
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
    m_timer.start();
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
    m_timer.setInterval(m_seconds * 1000);
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
    if (m_running)
        m_timer.start();
    else
        m_timer.stop();
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
