#include "mosquittoprocess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

#include <pwd.h>
#include <unistd.h>

namespace fest {

namespace {
constexpr auto brokerPath = "/usr/sbin/mosquitto";
constexpr int startTimeoutMs = 10000;
constexpr int portAttempts = 5;

// mosquitto started as root switches to the user "mosquitto", which could not read the
// password or ACL files a test writes into its 0700 temporary directory.
QString currentUserName()
{
    const passwd *pw = getpwuid(geteuid());
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QString();
}
} // namespace

MosquittoProcess::MosquittoProcess(QObject *parent)
    : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    connect(&m_process, &QProcess::readyRead, this, [this] { collectOutput(); });
}

MosquittoProcess::~MosquittoProcess()
{
    stop();
}

void MosquittoProcess::setAllowAnonymous(bool allow)
{
    m_allowAnonymous = allow;
}

void MosquittoProcess::setLimits(const Limits &limits)
{
    m_limits = limits;
}

void MosquittoProcess::addConfigLines(const QStringList &lines)
{
    m_extraLines += lines;
}

quint16 MosquittoProcess::addListener(const QStringList &lines)
{
    const quint16 port = freePort();
    m_listeners.append({port, lines});
    return port;
}

QString MosquittoProcess::filePath(const QString &name) const
{
    return m_dir.filePath(name);
}

QString MosquittoProcess::url() const
{
    return QStringLiteral("mqtt://%1:%2").arg(host()).arg(m_port);
}

quint16 MosquittoProcess::freePort()
{
    // mosquitto cannot listen on port 0, so borrow a free port from the kernel; another
    // process may take it before the broker binds, which start() detects and retries.
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QString MosquittoProcess::configText() const
{
    QStringList lines = {
        QStringLiteral("persistence false"),
        QStringLiteral("log_dest stderr"),
        QStringLiteral("log_type error"),
        QStringLiteral("log_type warning"),
        QStringLiteral("log_type notice"),
        QStringLiteral("log_type information"),
        QStringLiteral("connection_messages true"),
        QStringLiteral("set_tcp_nodelay true"),
        QStringLiteral("max_packet_size %1").arg(m_limits.maxPacketSize),
        QStringLiteral("max_queued_messages %1").arg(m_limits.maxQueuedMessages),
        QStringLiteral("max_keepalive %1").arg(m_limits.maxKeepaliveSeconds),
        QStringLiteral("allow_anonymous %1").arg(m_allowAnonymous ? "true" : "false"),
    };
    const QString user = currentUserName();
    if (!user.isEmpty())
        lines << QStringLiteral("user %1").arg(user);
    lines << QStringLiteral("listener %1 127.0.0.1").arg(m_port);
    lines += m_extraLines;
    for (const Listener &listener : m_listeners) {
        lines << QStringLiteral("listener %1 127.0.0.1").arg(listener.port);
        lines += listener.lines;
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

bool MosquittoProcess::writeConfig(QString *error) const
{
    QFile file(filePath(QStringLiteral("mosquitto.conf")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(configText().toUtf8()) < 0) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

bool MosquittoProcess::start(QString *error)
{
    if (isRunning())
        return true;
    if (!m_dir.isValid()) {
        if (error)
            *error = QStringLiteral("cannot create a temporary directory: %1").arg(m_dir.errorString());
        return false;
    }
    const bool keepPort = m_port != 0;
    for (int attempt = 0; attempt < portAttempts; ++attempt) {
        if (!keepPort)
            m_port = freePort();
        bool portTaken = false;
        if (startOnce(error, &portTaken))
            return true;
        if (!portTaken || keepPort)
            return false;
    }
    return false;
}

bool MosquittoProcess::restart(QString *error)
{
    stop();
    return start(error);
}

bool MosquittoProcess::startOnce(QString *error, bool *portTaken)
{
    if (m_port == 0) {
        if (error)
            *error = QStringLiteral("no free loopback port");
        return false;
    }
    if (!writeConfig(error))
        return false;
    m_process.start(QString::fromLatin1(brokerPath),
                    {QStringLiteral("-c"), filePath(QStringLiteral("mosquitto.conf"))});
    if (!m_process.waitForStarted(startTimeoutMs)) {
        if (error)
            *error = QStringLiteral("cannot run %1: %2 (install the mosquitto package)")
                         .arg(QString::fromLatin1(brokerPath), m_process.errorString());
        return false;
    }
    return waitUntilListening(error, portTaken);
}

bool MosquittoProcess::waitUntilListening(QString *error, bool *portTaken)
{
    const QDeadlineTimer deadline(startTimeoutMs);
    QList<quint16> waiting{m_port};
    for (const Listener &listener : m_listeners)
        waiting << listener.port;
    while (!deadline.hasExpired()) {
        // Listeners open one after another: wait for every one of them.
        while (!waiting.isEmpty()) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, waiting.constFirst());
            if (!probe.waitForConnected(200))
                break;
            waiting.removeFirst();
        }
        if (waiting.isEmpty())
            return true;
        if (m_process.state() == QProcess::NotRunning) {
            collectOutput();
            *portTaken = m_log.contains(QLatin1String("Address already in use"));
            if (error)
                *error = QStringLiteral("mosquitto exited (code %1) on port %2: %3")
                             .arg(m_process.exitCode()).arg(m_port).arg(m_log.trimmed());
            return false;
        }
        // The broker prints its "running" line once the listeners are open, so waiting
        // for output wakes us up at the right moment rather than after a fixed delay.
        m_process.waitForReadyRead(100);
    }
    if (error)
        *error = QStringLiteral("mosquitto did not accept connections on port %1 within %2 ms")
                     .arg(m_port).arg(startTimeoutMs);
    stop();
    return false;
}

void MosquittoProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    // mosquitto 2.0.11 installs its SIGTERM handler before it sets its "keep running"
    // flag, so a SIGTERM sent just after start-up is forgotten: repeat it until it exits.
    const QDeadlineTimer deadline(5000);
    do {
        m_process.terminate();
    } while (!m_process.waitForFinished(200) && !deadline.hasExpired());
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    collectOutput();
}

void MosquittoProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
    collectOutput();
}

bool MosquittoProcess::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

QString MosquittoProcess::logText() const
{
    // QProcess only reads the pipe from the event loop or a waitFor call.
    if (isRunning())
        m_process.waitForReadyRead(0);
    collectOutput();
    return m_log;
}

void MosquittoProcess::collectOutput() const
{
    m_log += QString::fromLocal8Bit(m_process.readAll());
}

} // namespace fest
