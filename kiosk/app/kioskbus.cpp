#include "kioskbus.h"

#include "programmefeed.h"
#include "screenstatusbook.h"
#include "stillcache.h"
#include "topics.h"
#include "votingstatus.h"

namespace fest {

KioskBus::KioskBus(const MqttOptions &options, const QString &account, ProgrammeFeed *feed, VotingStatus *windows,
                   ScreenStatusBook *players, StillCache *stills, QObject *parent)
    : QObject(parent)
    , m_client(withWill(options, account))
    , m_account(account)
    , m_feed(feed)
    , m_windows(windows)
    , m_players(players)
    , m_stills(stills)
{
    m_client.subscribe(Topics::programme(), 1);
    m_client.subscribe(Topics::voting(), 1);
    m_client.subscribe(Topics::nodeStatus(QStringLiteral("+")), 1);
    m_client.subscribe(Topics::still(QStringLiteral("+")), 1);
    connect(&m_client, &MqttClient::messageReceived, this, &KioskBus::onMessage);
    connect(&m_client, &MqttClient::connected, this, [this] {
        // The broker published our Will if the last connection died: say we are back.
        if (m_lastStatus)
            publishStatus(*m_lastStatus);
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
    will.payload = KioskStatus::offline().encode();
    will.qos = 1;
    will.retain = true;
    options.will = will;
    return options;
}

void KioskBus::publishStatus(const KioskStatus &status)
{
    m_lastStatus = status;
    if (m_client.state() != MqttClient::State::Connected)
        return;
    m_lastStatus->sentAt = QDateTime::currentDateTimeUtc();
    MqttMessage m;
    m.topic = statusTopic(m_account);
    m.payload = m_lastStatus->encode();
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
    } else if (Topics::parseStill(message.topic)) {
        ok = m_stills->applyMessage(message.topic, message.payload, &error);
    }
    if (!ok)
        qCWarning(lcKiosk).noquote() << "dropped a message on" << message.topic << "-" << error;
}

} // namespace fest
