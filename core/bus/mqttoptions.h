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
    // MQTT 5 flow control: how many QoS 1/2 messages may be unacknowledged at once towards
    // us (receive maximum, sent in CONNECT) and from us (send maximum; the broker's own
    // receive maximum still caps it). 0 keeps libmosquitto's default of 20, right for a
    // node; a connection that one whole stream of requests enters through (the vote
    // ingest) needs more, or every 20 messages wait for a round trip.
    int receiveMaximum = 0;
    int sendMaximum = 0;
    // Hold the socket's small writes (TCP_CORK) until the event loop has finished what it
    // is doing, so that a burst of publishes and acknowledgements leaves in a few TCP
    // segments instead of one each. For connections that carry many small messages at
    // once (the vote ingest, load generators); off, every packet leaves at once.
    bool coalesceWrites = false;

    bool useTls() const { return tls || !tlsCaFile.isEmpty(); }

    // "mqtt://host[:port]" (default port 1883) or "mqtts://host[:port]" (8883). User names
    // and passwords are refused in URLs: they would leak into process lists and logs.
    static std::optional<MqttOptions> fromUrl(const QString &url, QString *error);

    // Problems that make connecting pointless, as one user-facing sentence; empty if fine.
    QString validate() const;
};

} // namespace fest
