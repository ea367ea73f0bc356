#include "consoleconfig.h"

#include "brokersettings.h"
#include "config.h"

#include <QDir>
#include <QFileInfo>
#include <limits>

namespace fest {

namespace {
constexpr int maxInt = std::numeric_limits<int>::max();

void readHttp(const Config &config, ConsoleConfig &c, const QString &defaultWebRoot)
{
    const QString address = config.string(QStringLiteral("http/address"), QStringLiteral("127.0.0.1"));
    if (!c.address.setAddress(address))
        config.addError(QStringLiteral("http/address"), QStringLiteral("\"%1\" is not an IP address; use e.g. 127.0.0.1 or 0.0.0.0").arg(address));
    c.port = quint16(config.integer(QStringLiteral("http/port"), c.port, 0, 65535));
    c.tlsCertFile = config.path(QStringLiteral("http/tls_cert"));
    c.tlsKeyFile = config.path(QStringLiteral("http/tls_key"));
    if (c.tlsCertFile.isEmpty() != c.tlsKeyFile.isEmpty())
        config.addError(QStringLiteral("http/tls_cert"), QStringLiteral("HTTPS needs both tls_cert and tls_key"));
    c.webRoot = config.path(QStringLiteral("http/web_root"), defaultWebRoot);
    if (!QFileInfo(c.webRoot).isDir())
        config.addError(QStringLiteral("http/web_root"), QStringLiteral("%1 is not a folder; point web_root at the console's web files").arg(c.webRoot));
    c.extraOrigins = config.list(QStringLiteral("http/origins"));
}

void readBroker(const Config &config, ConsoleConfig &c)
{
    // Each signed-in person connects with their own account; the section's user, if any,
    // is not used.
    c.broker = BrokerSettings::read(config, QString());
    c.broker.username.clear();
    c.broker.clientId.clear();
    c.broker.password.clear();
    // A user's session should notice a dead broker quickly and say so in the page.
    c.broker.keepAliveSeconds = 20;
    c.broker.reconnectMaxMs = 4000;
}
} // namespace

ConsoleConfig ConsoleConfig::from(const Config &config, const QString &defaultWebRoot)
{
    ConsoleConfig c;
    readHttp(config, c, defaultWebRoot);
    readBroker(config, c);
    c.idleSeconds = config.integer(QStringLiteral("sessions/idle_seconds"), c.idleSeconds, 1, maxInt / 1000);
    c.absoluteSeconds = config.integer(QStringLiteral("sessions/absolute_seconds"), c.absoluteSeconds, 1, maxInt / 1000);
    c.loginTimeoutMs = 1000 * config.integer(QStringLiteral("sessions/login_timeout_seconds"), c.loginTimeoutMs / 1000, 1, 120);
    c.requestTimeoutMs = 1000 * config.integer(QStringLiteral("sessions/request_timeout_seconds"), c.requestTimeoutMs / 1000, 1, 600);
    c.maxSessions = config.integer(QStringLiteral("sessions/max"), c.maxSessions, 1, 100000);
    c.maxFrameBytes = config.integer(QStringLiteral("limits/frame_bytes"), c.maxFrameBytes, 1024, 64 * 1024 * 1024);
    c.maxSubscriptions = config.integer(QStringLiteral("limits/subscriptions"), c.maxSubscriptions, 1, 10000);
    c.maxPendingRequests = config.integer(QStringLiteral("limits/pending_requests"), c.maxPendingRequests, 1, 10000);
    c.maxSocketsPerSession = config.integer(QStringLiteral("limits/sockets_per_session"), c.maxSocketsPerSession, 1, 1000);
    c.throttleAttempts = config.integer(QStringLiteral("throttle/attempts"), c.throttleAttempts, 1, 1000);
    c.throttleWindowSeconds = config.integer(QStringLiteral("throttle/window_seconds"), c.throttleWindowSeconds, 1, 86400);
    c.throttleLockoutSeconds = config.integer(QStringLiteral("throttle/lockout_seconds"), c.throttleLockoutSeconds, 1, 86400);
    return c;
}

} // namespace fest
