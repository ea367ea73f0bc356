#include "ticketscanner.h"

#include "scannedtext.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QKeyEvent>

namespace fest {

TicketScanner::TicketScanner(QObject *parent)
    : QObject(parent)
{
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    m_nowMs = [clock] { return clock->elapsed(); };
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

TicketScanner::~TicketScanner()
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

bool TicketScanner::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QObject::eventFilter(watched, event);
    // A key press reaches the filter once for the window, then again for each item the
    // window hands it to: look at it once, at the window.
    if (!watched->isWindowType())
        return QObject::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    const qint64 now = m_nowMs();
    const bool inBurst = !m_burst.isEmpty() && now - m_lastKeyMs <= m_burstGapMs;
    m_lastKeyMs = now;
    if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
        const QString code = inBurst ? ScannedText::ticketCode(m_burst) : QString();
        m_burst.clear();
        if (code.isEmpty())
            return QObject::eventFilter(watched, event);
        Q_EMIT scanned(code);
        return true;
    }
    const QString text = key->text();
    if (text.size() != 1 || !text.at(0).isPrint()) {
        m_burst.clear();
        return QObject::eventFilter(watched, event);
    }
    if (!inBurst)
        m_burst.clear();
    if (m_burst.size() < 512)
        m_burst += text;
    return QObject::eventFilter(watched, event);
}

} // namespace fest
