#pragma once

#include "mqttoptions.h"

#include <QThread>
#include <atomic>

namespace fest {

// One simulated lobby kiosk on a thread of its own, with its own broker connection, show
// clock and CueFollower: a real kiosk is a machine of its own, so its follower never waits
// for another kiosk's to finish firing (which 50 followers sharing one thread do).
// fired() is emitted from the kiosk's thread (receivers elsewhere get it queued), with the
// instant on the kiosk's show clock and, for comparing nodes on this one machine, on the
// machine's realtime clock.
class SimulatedKiosk : public QThread
{
    Q_OBJECT
public:
    SimulatedKiosk(int index, MqttOptions options, QString clockHost, quint16 clockPort, QObject *parent = nullptr);
    // Quits the kiosk's event loop and joins the thread.
    ~SimulatedKiosk() override;

    int index() const { return m_index; }
    bool isConnected() const { return m_connected.load(); }
    // The machine's realtime clock (what ShowClock's offset is measured against), in us.
    static qint64 realtimeUs();

Q_SIGNALS:
    // lastStretchAtUs: when the cue timer began its last stretch (show clock; 0 = skipped);
    // scheduledAtUs: when the cue's message was taken in (show clock).
    void fired(int index, qint64 seq, qint64 firedAtUs, qint64 firedAtWallUs, qint64 lastStretchAtUs, qint64 scheduledAtUs);

protected:
    void run() override;

private:
    const int m_index;
    const MqttOptions m_options;
    const QString m_clockHost;
    const quint16 m_clockPort;
    std::atomic<bool> m_connected{false};
};

} // namespace fest
