#include "scenariocontroller.h"

#include "envelope.h"
#include "mqttclient.h"
#include "projectbinaries.h"
#include "topics.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QTest>
#include <QUdpSocket>

namespace fest {

ScenarioController::ScenarioController(Settings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
{
    if (m_settings.databaseFolder.isEmpty())
        m_settings.databaseFolder = m_settings.folder;
    if (m_settings.clockPort == 0) {
        // Borrowed from the kernel once; kept across restarts so players resync to it.
        QUdpSocket probe;
        if (probe.bind(QHostAddress::LocalHost, 0))
            m_settings.clockPort = probe.localPort();
    }
}

ScenarioController::~ScenarioController()
{
    if (isRunning()) {
        kill();
    }
}

QString ScenarioController::binary()
{
    return projectBinary(QStringLiteral("festival-controller"));
}

QString ScenarioController::iniPath() const
{
    return QDir(m_settings.folder).filePath(QStringLiteral("controller.ini"));
}

QString ScenarioController::database() const
{
    return QDir(m_settings.databaseFolder).filePath(QStringLiteral("festival.db"));
}

QString ScenarioController::votesDatabase() const
{
    return QDir(m_settings.databaseFolder).filePath(QStringLiteral("festival.votes.db"));
}

QString ScenarioController::ticketKeys() const
{
    return QDir(m_settings.folder).filePath(QStringLiteral("ticket-keys"));
}

bool ScenarioController::writeIni(QString *error) const
{
    QStringList lines{
        QStringLiteral("[broker]"), QStringLiteral("url=%1").arg(m_settings.brokerUrl), QStringLiteral("user=controller"),
        QStringLiteral("[database]"), QStringLiteral("path=%1").arg(database()),
        QStringLiteral("[clock]"), QStringLiteral("port=%1").arg(m_settings.clockPort),
        QStringLiteral("[votes]"), QStringLiteral("database=%1").arg(votesDatabase()),
        QStringLiteral("ticket_keys=%1").arg(ticketKeys()),
        QStringLiteral("[ceremony]"), QStringLiteral("database=%1").arg(QDir(m_settings.databaseFolder).filePath(QStringLiteral("festival.ceremony.db"))),
        QStringLiteral("[roles]"), QStringLiteral("organiser=%1").arg(m_settings.organisers.join(u',')),
    };
    if (!m_settings.seedProgramme.isEmpty())
        lines << QStringLiteral("[programme]") << QStringLiteral("seed=%1").arg(m_settings.seedProgramme);
    lines += m_settings.extraIni;
    QFile ini(iniPath());
    if (!ini.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)
        || ini.write(lines.join(u'\n').toUtf8() + '\n') < 0) {
        *error = QStringLiteral("cannot write %1: %2").arg(ini.fileName(), ini.errorString());
        return false;
    }
    return true;
}

bool ScenarioController::start(QString *error, int timeoutMs)
{
    if (binary().isEmpty()) {
        *error = QStringLiteral("festival-controller was not built");
        return false;
    }
    if (!writeIni(error))
        return false;
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(QDir(m_settings.folder).filePath(QStringLiteral("controller.log")), QIODevice::Append);
    // startedAt in the status has whole seconds.
    const qint64 launchedAtMs = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
    m_process.start(binary(), {QStringLiteral("--config"), iniPath()});
    if (!m_process.waitForStarted()) {
        *error = QStringLiteral("cannot run %1: %2").arg(binary(), m_process.errorString());
        return false;
    }
    return waitOnline(launchedAtMs, timeoutMs, error);
}

bool ScenarioController::waitOnline(qint64 launchedAtMs, int timeoutMs, QString *error)
{
    std::optional<MqttOptions> options = MqttOptions::fromUrl(m_settings.brokerUrl, error);
    if (!options)
        return false;
    options->username = QStringLiteral("scenario-observer");
    options->clientId = QStringLiteral("scenario-observer-%1").arg(QDateTime::currentMSecsSinceEpoch());
    MqttClient observer(*options);
    bool online = false;
    connect(&observer, &MqttClient::messageReceived, this, [&](const MqttMessage &m) {
        const std::optional<QJsonObject> status = Envelope::decode(m.payload, QStringLiteral("status"), {}, nullptr);
        if (!status || status->value(QStringLiteral("state")).toString() == QLatin1String("offline"))
            return;
        const QDateTime started = QDateTime::fromString(status->value(QStringLiteral("startedAt")).toString(), Qt::ISODate);
        online = started.isValid() && started.toMSecsSinceEpoch() >= launchedAtMs;
    });
    observer.subscribe(Topics::nodeStatus(QStringLiteral("controller")), 1);
    observer.open();
    if (QTest::qWaitFor([&] { return online || m_process.state() == QProcess::NotRunning; }, timeoutMs) && online)
        return true;
    *error = m_process.state() == QProcess::NotRunning
        ? QStringLiteral("festival-controller exited (code %1); its log:\n%2").arg(m_process.exitCode()).arg(log().right(3000))
        : QStringLiteral("festival-controller did not report online within %1 ms; its log:\n%2").arg(timeoutMs).arg(log().right(3000));
    return false;
}

void ScenarioController::kill()
{
    if (!isRunning())
        return;
    m_process.kill();
    m_process.waitForFinished(10000);
}

bool ScenarioController::terminate()
{
    if (!isRunning())
        return false;
    m_process.terminate();
    if (!m_process.waitForFinished(15000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
        return false;
    }
    return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
}

bool ScenarioController::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

qint64 ScenarioController::pid() const
{
    return isRunning() ? m_process.processId() : 0;
}

qint64 ScenarioController::rssKb() const
{
    return rssKbOf(pid());
}

qint64 ScenarioController::rssKbOf(qint64 pid)
{
    if (pid <= 0)
        return 0;
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

QString ScenarioController::log() const
{
    QFile file(QDir(m_settings.folder).filePath(QStringLiteral("controller.log")));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace fest
