#include "mqttrequester.h"

#include "mqttclient.h"

#include <QRandomGenerator>
#include <QTimer>

namespace fest {

namespace {
constexpr int correlationBytes = 16;

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), count / int(sizeof(quint32)));
    return bytes;
}
} // namespace

MqttRequester::MqttRequester(MqttClient *client, const QString &replyPrefix, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_responseTopic(replyPrefix + QLatin1Char('/') + QString::fromLatin1(randomBytes(8).toHex()))
{
    // Only our own response topic: replies to other requesters of the same account (and
    // the kiosk's vote replies) are none of our business.
    m_client->subscribe(m_responseTopic, 1);
    connect(m_client, &MqttClient::messageReceived, this, &MqttRequester::onMessage);
    connect(m_client, &MqttClient::connected, this, &MqttRequester::sendWaiting);
}

MqttRequester::~MqttRequester()
{
    if (m_client)
        m_client->unsubscribe(m_responseTopic);
}

void MqttRequester::request(const QString &topic, const QByteArray &payload, int timeoutMs,
                            std::function<void(const RequesterResult &)> done)
{
    const QByteArray correlation = randomBytes(correlationBytes);
    Pending &pending = m_pending[correlation];
    pending.topic = topic;
    pending.payload = payload;
    pending.done = std::move(done);
    pending.timer = std::make_unique<QTimer>();
    pending.timer->setSingleShot(true);
    connect(pending.timer.get(), &QTimer::timeout, this, [this, correlation, topic, timeoutMs] {
        const auto it = m_pending.find(correlation);
        const bool wasSent = it != m_pending.end() && it->second.sent;
        const QString broker = m_client ? m_client->brokerAddress() : QString();
        finish(correlation, {true, {}, wasSent
            ? QStringLiteral("no reply to the request on %1 within %2 ms: is the controller running?").arg(topic).arg(timeoutMs)
            : QStringLiteral("not connected to the broker at %1 within %2 ms: is it running and reachable?").arg(broker).arg(timeoutMs)});
    });
    pending.timer->start(timeoutMs);
    if (m_client && m_client->state() == MqttClient::State::Connected)
        send(correlation, pending);
}

void MqttRequester::send(const QByteArray &correlation, Pending &pending)
{
    MqttMessage message{pending.topic, pending.payload, 1};
    message.responseTopic = m_responseTopic;
    message.correlationData = correlation;
    if (m_client->publish(message) > 0) {
        pending.sent = true;
        return;
    }
    // Refused locally (too large, invalid topic): waiting would not help.
    const QString why = m_client->errorString();
    QMetaObject::invokeMethod(this, [this, correlation, why] { finish(correlation, {false, {}, why}); },
                              Qt::QueuedConnection);
}

void MqttRequester::sendWaiting()
{
    for (auto &[correlation, pending] : m_pending) {
        if (!pending.sent)
            send(correlation, pending);
    }
}

void MqttRequester::onMessage(const MqttMessage &message)
{
    if (message.topic != m_responseTopic)
        return;
    if (m_pending.find(message.correlationData) == m_pending.end()) {
        qCDebug(lcMqtt) << "ignored a reply on" << message.topic << "that matches no waiting request (late or foreign)";
        return;
    }
    finish(message.correlationData, {false, message.payload, {}});
}

void MqttRequester::finish(const QByteArray &correlation, const RequesterResult &result)
{
    auto it = m_pending.find(correlation);
    if (it == m_pending.end())
        return;
    // Out of the table before the callback, which may issue new requests or delete us.
    std::function<void(const RequesterResult &)> done = std::move(it->second.done);
    it->second.timer->stop();
    // finish() may run from this very timer's timeout signal.
    it->second.timer.release()->deleteLater();
    m_pending.erase(it);
    if (done)
        done(result);
}

} // namespace fest
