#include "busprobe.h"

#include <QTest>
#include <QUuid>

namespace fest {

BusProbe::BusProbe(MqttOptions options, QObject *parent)
    : QObject(parent)
    , m_client(std::move(options))
{
    connect(&m_client, &MqttClient::messageReceived, this, [this](const MqttMessage &m) { m_messages.append(m); });
    connect(&m_client, &MqttClient::disconnected, this, [this] { ++m_disconnections; });
}

bool BusProbe::connectToBroker(int timeoutMs)
{
    m_client.open();
    (void)QTest::qWaitFor([this] {
        return m_client.state() == MqttClient::State::Connected || m_client.error() != MqttClient::Error::NoError;
    }, timeoutMs);
    return m_client.state() == MqttClient::State::Connected;
}

int BusProbe::publish(const QString &topic, const QByteArray &payload, bool retain, int timeoutMs)
{
    MqttMessage message;
    message.topic = topic;
    message.payload = payload;
    message.qos = 1;
    message.retain = retain;
    return publish(message, timeoutMs);
}

int BusProbe::publish(const MqttMessage &message, int timeoutMs)
{
    int result = NoAnswer;
    int id = 0;
    // Connected before publish(): the acknowledgement may come within the same call.
    const auto ok = connect(&m_client, &MqttClient::published, this, [&](int mid) {
        if (mid == id)
            result = 0;
    });
    const auto refused = connect(&m_client, &MqttClient::publishRejected, this, [&](int mid, int code) {
        if (mid == id)
            result = code;
    });
    id = m_client.publish(message);
    if (id > 0)
        (void)QTest::qWaitFor([&] { return result != NoAnswer; }, timeoutMs);
    disconnect(ok);
    disconnect(refused);
    return result;
}

int BusProbe::subscribe(const QString &filter, int timeoutMs)
{
    int result = NoAnswer;
    const auto granted = connect(&m_client, &MqttClient::subscribed, this, [&](const QString &f, int qos) {
        if (f == filter)
            result = qos;
    });
    const auto refused = connect(&m_client, &MqttClient::subscriptionRejected, this, [&](const QString &f, int code) {
        if (f == filter)
            result = code < 0 ? 0x80 : code;
    });
    m_client.subscribe(filter, 1);
    (void)QTest::qWaitFor([&] { return result != NoAnswer; }, timeoutMs);
    disconnect(granted);
    disconnect(refused);
    return result;
}

bool BusProbe::sync(int timeoutMs)
{
    const QString topic = QStringLiteral("fest/v1/sync/") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    return publish(topic, QByteArray("sync"), false, timeoutMs) != NoAnswer;
}

bool BusProbe::waitForMessage(const QString &topic, const QByteArray &payload, int timeoutMs)
{
    return QTest::qWaitFor([&] { return received(topic, payload); }, timeoutMs);
}

bool BusProbe::received(const QString &topic, const QByteArray &payload) const
{
    return count(topic, payload) > 0;
}

int BusProbe::count(const QString &topic, const QByteArray &payload) const
{
    return int(std::count_if(m_messages.cbegin(), m_messages.cend(), [&](const MqttMessage &m) {
        return m.topic == topic && (payload.isNull() || m.payload == payload);
    }));
}

} // namespace fest
