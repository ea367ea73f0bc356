#include "playerprocess.h"

#include "projectbinaries.h"

#include <QDir>
#include <QFile>

namespace fest {

PlayerProcess::PlayerProcess(Settings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
{
}

PlayerProcess::~PlayerProcess()
{
    kill();
}

QString PlayerProcess::binary()
{
    return projectBinary(QStringLiteral("festival-player"));
}

QString PlayerProcess::logPath() const
{
    return QDir(m_settings.folder).filePath(account() + QStringLiteral(".log"));
}

bool PlayerProcess::start(QString *error)
{
    if (binary().isEmpty()) {
        *error = QStringLiteral("festival-player was not built");
        return false;
    }
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(logPath(), QIODevice::Append);
    const QStringList args = QStringList{
        QStringLiteral("--headless"),
        QStringLiteral("--screen"), m_settings.screen,
        QStringLiteral("--broker"), m_settings.brokerUrl,
        QStringLiteral("--media"), m_settings.mediaFolder,
        QStringLiteral("--cache"), QDir(m_settings.folder).filePath(account() + QStringLiteral(".playlist.json")),
        QStringLiteral("--clock"), QStringLiteral("127.0.0.1:%1").arg(m_settings.clockPort),
        QStringLiteral("--preroll-lead-ms"), QString::number(m_settings.prerollLeadMs),
        QStringLiteral("--set"), QStringLiteral("clock/sync_timeout_ms=3000"),
    } + m_settings.extraArgs;
    m_process.start(binary(), args);
    if (!m_process.waitForStarted()) {
        *error = QStringLiteral("cannot run %1: %2").arg(binary(), m_process.errorString());
        return false;
    }
    return true;
}

void PlayerProcess::kill()
{
    if (!isRunning())
        return;
    m_process.kill();
    m_process.waitForFinished(10000);
}

bool PlayerProcess::terminate()
{
    if (!isRunning())
        return false;
    m_process.terminate();
    if (!m_process.waitForFinished(15000)) {
        kill();
        return false;
    }
    return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
}

bool PlayerProcess::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

qint64 PlayerProcess::pid() const
{
    return isRunning() ? m_process.processId() : 0;
}

QString PlayerProcess::log() const
{
    QFile file(logPath());
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace fest
