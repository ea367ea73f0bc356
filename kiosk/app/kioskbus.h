#pragma once

#include "mqttclient.h"
#include "nodestatus.h"

#include <QJsonObject>
#include <QObject>
#include <memory>

namespace fest {

class ProgrammeFeed;
class ScreenStatusBook;
class StillCache;
class VotingStatus;

// The kiosk's side of the bus: reads the retained programme, voting windows, players'
// status and films' stills into the kiosk's state, and keeps the kiosk's own retained status
// (Will = offline) up to date for staff screens. Bad messages are logged and dropped;
// what is on screen stays as it was.
class KioskBus : public QObject
{
    Q_OBJECT
public:
    KioskBus(const MqttOptions &options, const QString &account, ProgrammeFeed *feed, VotingStatus *windows,
             ScreenStatusBook *players, StillCache *stills, QObject *parent = nullptr);

    MqttClient *client() { return &m_client; }
    QString account() const { return m_account; }
    void open() { m_client.open(); }
    // Publishes the kiosk's status (retained) when connected, and again after a reconnect.
    void publishStatus(const KioskStatus &status);

    static QString statusTopic(const QString &account);
    static MqttOptions withWill(MqttOptions options, const QString &account);

private:
    void onMessage(const MqttMessage &message);

    MqttClient m_client;
    QString m_account;
    ProgrammeFeed *m_feed;
    VotingStatus *m_windows;
    ScreenStatusBook *m_players;
    StillCache *m_stills;
    std::optional<KioskStatus> m_lastStatus;
};

} // namespace fest
