#include "controllerprocess.h"
#include "projectbinaries.h"
#include "shippedbrokerconfig.h"

#include <QFile>
#include <QHostAddress>
#include <QUdpSocket>

namespace fest {

ControllerProcess::~ControllerProcess()
{
    stop();
}

QString ControllerProcess::binary()
{
    return projectBinary(QStringLiteral("festival-controller"));
}

bool ControllerProcess::start(const Settings &settings, QString *error)
{
    // A free UDP port for the show clock, borrowed from the kernel.
    QUdpSocket clockProbe;
    if (!clockProbe.bind(QHostAddress::LocalHost, 0)) {
        *error = QStringLiteral("no free UDP port for the show clock");
        return false;
    }
    const quint16 clockPort = clockProbe.localPort();
    clockProbe.close();

    QFile ini(m_dir.filePath(QStringLiteral("controller.ini")));
    if (!ini.open(QIODevice::WriteOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot write %1").arg(ini.fileName());
        return false;
    }
    ini.write(QStringLiteral("[broker]\nurl=mqtt://127.0.0.1:%1\nuser=controller\npassword_file=%2\n"
                             "[database]\npath=%3\n[clock]\nport=%4\n[programme]\nseed=%5\n"
                             "[roles]\norganiser=%6\nstaff=%7\n")
                  .arg(settings.brokerPort)
                  .arg(settings.passwordFile, m_dir.filePath(QStringLiteral("festival.db")))
                  .arg(clockPort)
                  .arg(ShippedBrokerConfig::sourceFile(QStringLiteral("config/programme.sample.json")),
                       settings.organisers.join(QLatin1Char(',')), settings.staff.join(QLatin1Char(',')))
                  .toUtf8());
    ini.close();

    m_process.setProcessChannelMode(QProcess::ForwardedChannels);
    m_process.start(binary(), {QStringLiteral("--config"), ini.fileName()});
    if (!m_process.waitForStarted()) {
        *error = QStringLiteral("cannot run %1: %2").arg(binary(), m_process.errorString());
        return false;
    }
    return true;
}

void ControllerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

} // namespace fest
