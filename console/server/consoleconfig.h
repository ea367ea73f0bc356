#pragma once

#include "mqttoptions.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace fest {

class Config;

// festival-console's settings, read from its INI file and --set overrides (keys in
// docs/console.md and console/app/console.sample.ini). Every problem is reported through the
// Config, naming the file and the key.
struct ConsoleConfig
{
    // [http]
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8480;
    QString tlsCertFile;        // both set: HTTPS and wss:// only
    QString tlsKeyFile;
    QString webRoot;            // the web app's files
    QStringList extraOrigins;   // origins besides the server's own (a reverse proxy)

    // [broker]: where each user's own session connects; user and password come from
    // the login.
    MqttOptions broker;

    // [sessions]
    int idleSeconds = 60 * 60;
    int absoluteSeconds = 12 * 60 * 60;
    int loginTimeoutMs = 8000;
    int requestTimeoutMs = 10000;
    int maxSessions = 200;

    // [limits]
    int maxFrameBytes = 1024 * 1024;   // a bigger frame gets an error; twice that closes
    int maxSubscriptions = 64;         // per socket
    int maxPendingRequests = 32;       // per session
    int maxSocketsPerSession = 8;

    // [throttle]: failed logins per user and address
    int throttleAttempts = 5;
    int throttleWindowSeconds = 300;
    int throttleLockoutSeconds = 60;

    bool useTls() const { return !tlsCertFile.isEmpty(); }

    // defaultWebRoot applies when [http] web_root is not set.
    static ConsoleConfig from(const Config &config, const QString &defaultWebRoot);
};

} // namespace fest
