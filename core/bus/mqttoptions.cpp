#include "mqttoptions.h"

#include <QUrl>

namespace fest {

std::optional<MqttOptions> MqttOptions::fromUrl(const QString &url, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<MqttOptions> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid())
        return fail(QStringLiteral("\"%1\" is not a valid broker URL: use mqtt://host:port or mqtts://host:port").arg(url));
    const QString scheme = parsed.scheme().toLower();
    if (scheme != QLatin1String("mqtt") && scheme != QLatin1String("mqtts"))
        return fail(QStringLiteral("broker URL \"%1\" must start with mqtt:// or mqtts://").arg(url));
    if (parsed.host().isEmpty())
        return fail(QStringLiteral("broker URL \"%1\" has no host: use mqtt://host:port").arg(url));
    if (!parsed.userInfo().isEmpty())
        return fail(QStringLiteral("broker URL \"%1\" contains a user name or password: give them separately (--user, --password-file)").arg(url));
    if (!parsed.path().isEmpty() && parsed.path() != QLatin1String("/"))
        return fail(QStringLiteral("broker URL \"%1\" has a path; only mqtt://host:port is understood").arg(url));
    if (parsed.hasQuery() || parsed.hasFragment())
        return fail(QStringLiteral("broker URL \"%1\" has a query or fragment; only mqtt://host:port is understood").arg(url));

    MqttOptions options;
    options.tls = scheme == QLatin1String("mqtts");
    options.host = parsed.host();
    const int port = parsed.port(options.tls ? 8883 : 1883);
    if (port <= 0)
        return fail(QStringLiteral("broker URL \"%1\" has port 0; give a port between 1 and 65535").arg(url));
    options.port = quint16(port);
    return options;
}

QString MqttOptions::validate() const
{
    if (host.isEmpty())
        return QStringLiteral("no broker host given");
    if (port == 0)
        return QStringLiteral("broker port 0 is not valid; give a port between 1 and 65535");
    if (clientId.isEmpty() && !cleanStart)
        return QStringLiteral("a persistent session (clean start off) needs a client id");
    if (keepAliveSeconds < 5 || keepAliveSeconds > 65535)
        return QStringLiteral("keepalive %1 s is out of range: use 5 to 65535 seconds").arg(keepAliveSeconds);
    if (maxPacketSize < 128)
        return QStringLiteral("maximum packet size %1 bytes is too small: use at least 128").arg(maxPacketSize);
    if (reconnectMinMs <= 0 || reconnectMaxMs < reconnectMinMs)
        return QStringLiteral("reconnect delays %1..%2 ms are not valid").arg(reconnectMinMs).arg(reconnectMaxMs);
    if (connectTimeoutMs <= 0)
        return QStringLiteral("connect timeout %1 ms is not valid: use a positive number").arg(connectTimeoutMs);
    if (receiveMaximum < 0 || receiveMaximum > 65535 || sendMaximum < 0 || sendMaximum > 65535)
        return QStringLiteral("receive/send maximum %1/%2 is out of range: use 1 to 65535 (0 for the default of 20)")
            .arg(receiveMaximum).arg(sendMaximum);
    if (password.size() > 0 && username.isEmpty())
        return QStringLiteral("a password was given without a user name");
    if (tlsCertFile.isEmpty() != tlsKeyFile.isEmpty())
        return QStringLiteral("a TLS client certificate needs both a certificate file and a key file");
    if (will && will->topic.isEmpty())
        return QStringLiteral("the Will message has no topic");
    if (will && (will->topic.contains(QLatin1Char('+')) || will->topic.contains(QLatin1Char('#'))))
        return QStringLiteral("the Will topic \"%1\" must not contain '+' or '#'").arg(will->topic);
    if (will && (will->qos < 0 || will->qos > 2))
        return QStringLiteral("the Will QoS %1 is not valid: use 0, 1 or 2").arg(will->qos);
    return {};
}

} // namespace fest
