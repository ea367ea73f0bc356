#pragma once

#include "mqttmessage.h"

#include <QString>
#include <optional>

namespace fest {

// How an MqttClient connects. TLS is used when `tls` is set (mqtts:// URLs) or a CA file
// is given; without a CA file the system's CA directory verifies the broker.
struct MqttOptions
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 1883;
    QString clientId;                 // empty: the broker assigns one (needs cleanStart)
    QString username;
    QString password;
    bool tls = false;
    QString tlsCaFile;
    QString tlsCertFile;
    QString tlsKeyFile;
    int keepAliveSeconds = 30;
    // Largest packet we accept; sent to the broker in CONNECT so that it drops anything
    // bigger instead of sending it.
    quint32 maxPacketSize = 16 * 1024 * 1024;
    bool cleanStart = true;
    quint32 sessionExpirySeconds = 0;
    std::optional<MqttMessage> will;
    int reconnectMinMs = 250;
    int reconnectMaxMs = 8000;
    // A connection attempt without CONNACK by then is abandoned and retried (a host that
    // drops packets would otherwise hold it until TCP gives up, minutes later).
    int connectTimeoutMs = 10000;

    bool useTls() const { return tls || !tlsCaFile.isEmpty(); }

    // "mqtt://host[:port]" (default port 1883) or "mqtts://host[:port]" (8883). User names
    // and passwords are refused in URLs: they would leak into process lists and logs.
    static std::optional<MqttOptions> fromUrl(const QString &url, QString *error);

    // Problems that make connecting pointless, as one user-facing sentence; empty if fine.
    QString validate() const;
};

} // namespace fest
