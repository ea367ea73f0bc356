#pragma once

#include "mqttclient.h"

#include <QList>
#include <QObject>

namespace fest {

// One test participant on the bus: an MqttClient that records what it receives, with
// blocking helpers that run the event loop until the broker has answered. Used by the
// security and bridge tests to play accounts (kiosk, player, organiser, ...).
class BusProbe : public QObject
{
    Q_OBJECT
public:
    static constexpr int NoAnswer = -1;

    explicit BusProbe(MqttOptions options, QObject *parent = nullptr);

    MqttClient &client() { return m_client; }
    // True once connected; false when the broker refused (client().error() says why) or
    // did not answer in time.
    bool connectToBroker(int timeoutMs = 10000);
    // QoS 1 publish: 0 when the broker accepted it, its PUBACK reason code when refused,
    // NoAnswer when nothing came back.
    int publish(const QString &topic, const QByteArray &payload, bool retain = false, int timeoutMs = 5000);
    int publish(const MqttMessage &message, int timeoutMs = 5000);
    // The granted QoS (0-2), the SUBACK reason code (>= 0x80) when refused, or NoAnswer.
    int subscribe(const QString &filter, int timeoutMs = 5000);

    // A QoS 1 round trip to the broker (a publish on fest/v1/sync/..., refused or not).
    // mosquitto hands a message to every subscriber before it acknowledges it, and
    // answers each client in order: once this returns true, everything the broker had
    // queued for this client before has arrived.
    bool sync(int timeoutMs = 5000);

    bool waitForMessage(const QString &topic, const QByteArray &payload, int timeoutMs = 5000);
    bool received(const QString &topic, const QByteArray &payload = {}) const;
    int count(const QString &topic, const QByteArray &payload) const;
    const QList<MqttMessage> &messages() const { return m_messages; }
    int disconnections() const { return m_disconnections; }

private:
    MqttClient m_client;
    QList<MqttMessage> m_messages;
    int m_disconnections = 0;
};

} // namespace fest
