#include "shippedbrokerconfig.h"

#include <QDir>
#include <QFile>

namespace fest {

namespace {
const QString shippedFolder = QStringLiteral("/etc/festival/mosquitto");

// Global options the test broker sets itself (MosquittoProcess) or must not have.
bool ownedByTheTestBroker(const QString &key)
{
    static const QStringList keys = {
        QStringLiteral("per_listener_settings"), QStringLiteral("persistence"),
        QStringLiteral("autosave_interval"), QStringLiteral("persistent_client_expiration"),
        QStringLiteral("log_type"), QStringLiteral("log_dest"), QStringLiteral("log_timestamp_format"),
        QStringLiteral("connection_messages"), QStringLiteral("max_packet_size"),
        QStringLiteral("max_queued_messages"), QStringLiteral("max_keepalive"),
    };
    return keys.contains(key);
}

QString keyOf(const QString &line)
{
    return line.section(QLatin1Char(' '), 0, 0);
}

// Options that per_listener_settings makes per-listener; without it they are global
// and may appear once.
bool perListenerSecurityOption(const QString &key)
{
    static const QStringList keys = {
        QStringLiteral("password_file"), QStringLiteral("acl_file"), QStringLiteral("psk_file"),
        QStringLiteral("allow_anonymous"), QStringLiteral("allow_zero_length_clientid"),
        QStringLiteral("auth_plugin"), QStringLiteral("auto_id_prefix"),
    };
    return keys.contains(key) || key.startsWith(QLatin1String("auth_opt_"));
}
} // namespace

QString ShippedBrokerConfig::sourceFile(const QString &relativePath)
{
    return QDir(qEnvironmentVariable("FEST_SOURCE_DIR", QStringLiteral(FEST_SOURCE_DIR))).filePath(relativePath);
}

std::optional<ShippedBrokerConfig> ShippedBrokerConfig::load(QString *error)
{
    QFile file(sourceFile(QStringLiteral("config/mosquitto/mosquitto.conf")));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString());
        return std::nullopt;
    }
    ShippedBrokerConfig config;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (keyOf(line) == QLatin1String("listener"))
            config.m_listeners.append(QStringList());
        else if (config.m_listeners.isEmpty())
            config.m_global.append(line);
        else
            config.m_listeners.last().append(line);
    }
    if (config.m_listeners.size() != 2) {
        *error = QStringLiteral("%1 should define a loopback and a TLS listener, found %2 listeners")
                     .arg(file.fileName()).arg(config.m_listeners.size());
        return std::nullopt;
    }
    return config;
}

std::optional<QString> ShippedBrokerConfig::asIs(const QString &festivalDir, quint16 loopbackPort, quint16 tlsPort,
                                                 const QString &runAsUser, QString *error)
{
    QFile file(sourceFile(QStringLiteral("config/mosquitto/mosquitto.conf")));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString());
        return std::nullopt;
    }
    QStringList out;
    int listeners = 0;
    for (QString line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        const QString key = keyOf(line.trimmed());
        if (key == QLatin1String("listener"))
            line = QStringLiteral("listener %1 127.0.0.1").arg(listeners++ == 0 ? loopbackPort : tlsPort);
        else if (key == QLatin1String("persistence"))
            line = QStringLiteral("persistence false");
        line.replace(shippedFolder, festivalDir);
        out.append(line);
    }
    if (listeners != 2) {
        *error = QStringLiteral("%1 should define two listeners, found %2").arg(file.fileName()).arg(listeners);
        return std::nullopt;
    }
    // Global lines may go last: they do not belong to a listener.
    out << QStringLiteral("user ") + runAsUser << QStringLiteral("log_dest stderr");
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

std::optional<QStringList> ShippedBrokerConfig::bridgeLines(const QString &bridgeAccount, const QString &password,
                                                           const QString &centralHost, quint16 centralPort,
                                                           const QString &centralCaFile, QString *error)
{
    QFile file(sourceFile(QStringLiteral("config/mosquitto/bridge-venue.conf")));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString());
        return std::nullopt;
    }
    QStringList lines;
    for (const QString &raw : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (keyOf(line) == QLatin1String("address"))
            line = QStringLiteral("address %1:%2").arg(centralHost).arg(centralPort);
        else if (keyOf(line) == QLatin1String("bridge_cafile"))
            line = QStringLiteral("bridge_cafile ") + centralCaFile;
        line.replace(QLatin1String("bridge-VENUE"), bridgeAccount);
        line.replace(QLatin1String("CHANGE-ME"), password);
        lines.append(line);
    }
    if (!std::any_of(lines.cbegin(), lines.cend(), [](const QString &l) { return keyOf(l) == QLatin1String("connection"); })) {
        *error = QStringLiteral("%1 has no \"connection\" line").arg(file.fileName());
        return std::nullopt;
    }
    return lines;
}

QStringList ShippedBrokerConfig::listenerLines(int index, const QString &festivalDir) const
{
    QStringList lines;
    for (QString line : m_listeners.value(index))
        lines.append(line.replace(shippedFolder, festivalDir));
    return lines;
}

QString ShippedBrokerConfig::value(const QString &key) const
{
    for (const QString &line : m_global) {
        if (keyOf(line) == key)
            return line.section(QLatin1Char(' '), 1).trimmed();
    }
    return {};
}

MosquittoProcess::Limits ShippedBrokerConfig::limits() const
{
    MosquittoProcess::Limits limits;
    limits.maxPacketSize = value(QStringLiteral("max_packet_size")).toUInt();
    limits.maxQueuedMessages = value(QStringLiteral("max_queued_messages")).toInt();
    limits.maxKeepaliveSeconds = value(QStringLiteral("max_keepalive")).toInt();
    return limits;
}

quint16 ShippedBrokerConfig::apply(MosquittoProcess &broker, const QString &festivalDir, QString *error) const
{
    const QStringList first = listenerLines(0, festivalDir);
    QStringList second;
    for (const QString &line : listenerLines(1, festivalDir)) {
        if (!perListenerSecurityOption(keyOf(line))) {
            second.append(line);
        } else if (!first.contains(line)) {
            *error = QStringLiteral("the shipped listeners differ in \"%1\"; the test broker cannot "
                                    "reproduce per-listener security settings").arg(line);
            return 0;
        }
    }
    broker.setAllowAnonymous(false);
    broker.setLimits(limits());
    QStringList global;
    for (const QString &line : m_global) {
        if (!ownedByTheTestBroker(keyOf(line)))
            global.append(line);
    }
    broker.addConfigLines(first + global);
    return broker.addListener(second);
}

} // namespace fest
