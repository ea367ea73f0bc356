#include "kioskbus.h"

#include "envelope.h"
#include "programmefeed.h"
#include "screenstatusbook.h"
#include "topics.h"
#include "votingstatus.h"

namespace fest {

namespace {
QByteArray statusPayload(QJsonObject fields)
{
    fields.insert(QStringLiteral("role"), QStringLiteral("kiosk"));
    return Envelope::encode(QStringLiteral("status"), fields);
}
} // namespace

KioskBus::KioskBus(const MqttOptions &options, const QString &account, ProgrammeFeed *feed, VotingStatus *windows,
                   ScreenStatusBook *players, QObject *parent)
    : QObject(parent)
    , m_client(withWill(options, account))
    , m_account(account)
    , m_feed(feed)
    , m_windows(windows)
    , m_players(players)
{
    m_client.subscribe(Topics::programme(), 1);
    m_client.subscribe(Topics::voting(), 1);
    m_client.subscribe(Topics::nodeStatus(QStringLiteral("+")), 1);
    connect(&m_client, &MqttClient::messageReceived, this, &KioskBus::onMessage);
    connect(&m_client, &MqttClient::connected, this, [this] {
        // The broker published our Will if the last connection died: say we are back.
        if (!m_lastStatus.isEmpty())
            publishStatus({});
    });
}

QString KioskBus::statusTopic(const QString &account)
{
    return Topics::nodeStatus(account);
}

MqttOptions KioskBus::withWill(MqttOptions options, const QString &account)
{
    if (options.username.isEmpty())
        options.username = account;
    if (options.clientId.isEmpty())
        options.clientId = QStringLiteral("kiosk-") + account;
    MqttMessage will;
    will.topic = statusTopic(account);
    will.payload = statusPayload({{QStringLiteral("state"), QStringLiteral("offline")}});
    will.qos = 1;
    will.retain = true;
    options.will = will;
    return options;
}

void KioskBus::publishStatus(const QJsonObject &fields)
{
    for (auto it = fields.begin(); it != fields.end(); ++it)
        m_lastStatus.insert(it.key(), it.value());
    m_lastStatus.insert(QStringLiteral("state"), QStringLiteral("online"));
    if (m_client.state() != MqttClient::State::Connected)
        return;
    MqttMessage m;
    m.topic = statusTopic(m_account);
    m.payload = statusPayload(m_lastStatus);
    m.qos = 1;
    m.retain = true;
    m_client.publish(m);
}

void KioskBus::onMessage(const MqttMessage &message)
{
    QString error;
    bool ok = true;
    if (message.topic == Topics::programme()) {
        // Decoded off this thread (a large programme takes a while); the feed logs a bad one.
        if (!message.payload.isEmpty())
            m_feed->applyMessageInBackground(message.payload);
    } else if (message.topic == Topics::voting()) {
        ok = message.payload.isEmpty() || m_windows->applyMessage(message.payload, &error);
    } else if (Topics::parseNodeStatus(message.topic)) {
        ok = m_players->applyMessage(message.topic, message.payload, &error);
    }
    if (!ok)
        qCWarning(lcKiosk).noquote() << "dropped a message on" << message.topic << "-" << error;
}

} // namespace fest
