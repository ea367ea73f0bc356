#pragma once

#include "cuefollower.h"

#include <QJsonObject>
#include <QObject>
#include <memory>

namespace fest {

class MqttClient;
class ShowClock;
struct Programme;

// The award ceremony on a kiosk: a CueFollower on a ShowClock slaved to the controller's
// clock provider ([clock] address), so that the lobby shows each cue at the same instant
// as the players. QML reads follower(); the kiosk switches to its ceremony view while
// active() and back home when it ends.
class KioskCeremony : public QObject
{
    Q_OBJECT
    Q_PROPERTY(fest::CueFollower *follower READ follower CONSTANT)
    Q_PROPERTY(bool active READ isActive NOTIFY activeChanged)
    Q_PROPERTY(bool following READ isFollowing NOTIFY followingChanged)

public:
    explicit KioskCeremony(QObject *parent = nullptr);
    ~KioskCeremony() override;

    // Follows fest/v1/ceremony on client (borrowed; outlives this object) on the show
    // clock at clockAddress ("host:port"). false with a message for a bad address.
    bool follow(MqttClient *client, const QString &clockAddress, QString *error);

    CueFollower *follower() { return m_follower.get(); }
    bool isActive() const { return m_follower->isActive(); }
    bool isFollowing() const { return m_client != nullptr; }
    ShowClock *clock() const { return m_clock.get(); }
    // For the kiosk's status: CueFollower::statusJson(), plus whether the clock synced.
    QJsonObject statusJson() const;

    // Screenshots and rehearsal without a controller: shows a sample cue ("intro",
    // "title", "nominee", "reveal", "outro") built from the programme's first award, as
    // a node that joined late would; an empty type ends the sample ceremony.
    void showSample(const QString &type, const Programme &programme);

Q_SIGNALS:
    void activeChanged();
    void followingChanged();
    // The follower applied a state (the node's status carries it).
    void applied();

private:
    qint64 nowUs() const;

    std::unique_ptr<ShowClock> m_clock;
    std::unique_ptr<CueFollower> m_follower;
    MqttClient *m_client = nullptr;
    qint64 m_sampleSeq = 0;
};

} // namespace fest
