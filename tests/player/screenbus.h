#pragma once

#include "mqttclient.h"
#include "playlist.h"

#include <QJsonObject>
#include <QObject>

namespace fest {

class MosquittoProcess;

// The controller's side of one screen on a real broker, for tests of the player process:
// the player's last status, and the playlist given to it (retained, as the controller
// publishes it).
class ScreenBus : public QObject
{
    Q_OBJECT

public:
    ScreenBus(const MosquittoProcess &broker, const QString &screen, QObject *parent = nullptr);
    // Connected, and following the player's status; false after timeoutMs.
    bool connectToBroker(int timeoutMs = 5000);
    QJsonObject status() const { return m_status; }
    bool publish(const Playlist &playlist);

private:
    QString m_screen;
    MqttClient m_bus;
    QJsonObject m_status;
};

} // namespace fest
