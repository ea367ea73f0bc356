#include "xvfbdisplay.h"

#include <QDeadlineTimer>

namespace fest {

XvfbDisplay::~XvfbDisplay()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(3000))
            m_process.kill();
        m_process.waitForFinished(1000);
    }
}

bool XvfbDisplay::start(int timeoutMs, const QString &size)
{
    // -displayfd: Xvfb chooses a free display and writes its number once it is ready.
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(QStringLiteral("Xvfb"), {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-screen"),
                                             QStringLiteral("0"), size + QStringLiteral("x24"), QStringLiteral("-nolisten"),
                                             QStringLiteral("tcp")});
    if (!m_process.waitForStarted(timeoutMs)) {
        m_error = QStringLiteral("Xvfb did not start (%1); install the xvfb package").arg(m_process.errorString());
        return false;
    }
    QByteArray out;
    const QDeadlineTimer deadline(timeoutMs);
    while (!out.contains('\n') && !deadline.hasExpired() && m_process.waitForReadyRead(int(deadline.remainingTime())))
        out += m_process.readAllStandardOutput();
    bool ok = false;
    const int display = out.trimmed().toInt(&ok);
    if (!ok) {
        m_error = QStringLiteral("Xvfb did not report a display: %1").arg(QString::fromLocal8Bit(m_process.readAllStandardError()));
        return false;
    }
    m_name = ':' + QByteArray::number(display);
    return true;
}

} // namespace fest
