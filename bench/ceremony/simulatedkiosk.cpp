#include "simulatedkiosk.h"

#include "clockwait.h"
#include "cuefollower.h"
#include "mqttclient.h"
#include "showclock.h"

#include <chrono>

namespace fest {

qint64 SimulatedKiosk::realtimeUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

SimulatedKiosk::SimulatedKiosk(int index, MqttOptions options, QString clockHost, quint16 clockPort, QObject *parent)
    : QThread(parent)
    , m_index(index)
    , m_options(std::move(options))
    , m_clockHost(std::move(clockHost))
    , m_clockPort(clockPort)
{
}

SimulatedKiosk::~SimulatedKiosk()
{
    quit();
    wait();
}

void SimulatedKiosk::run()
{
    // Created here so that their timers, sockets and the cue timer live on this thread.
    MqttClient client(m_options);
    ShowClock clock(m_clockHost, m_clockPort);
    clock.waitForSync(10000);
    // The product's follower on the show clock (as CueFollower(client, ShowClock *) builds
    // it), with its waiter noting when the last stretch began: a fire is late either
    // because that began late (the thread, at normal priority until then, was not
    // scheduled in time) or because the thread woke late from the wait.
    qint64 lastStretchAtUs = 0;
    CueFollower follower(&client, [&clock] { return clock.nowUs(); }, nullptr, [&clock, &lastStretchAtUs](qint64 atUs) {
        lastStretchAtUs = clock.nowUs();
        return ClockWait::until(clock.clock(), atUs);
    });
    qint64 scheduledAtUs = 0;
    connect(&follower, &CueFollower::cueScheduled, &follower, [&] { scheduledAtUs = clock.nowUs(); });
    connect(&follower, &CueFollower::cueFired, &follower, [&, this](qint64 seq, qint64 firedAtUs) {
        // The show clock's offset from the machine's clock, read now, turns the instant
        // into one every node on this machine can be compared on.
        const qint64 offsetUs = clock.nowUs() - realtimeUs();
        // 0: the last stretch was skipped (the thread got there after the instant).
        const qint64 stretchAt = lastStretchAtUs;
        lastStretchAtUs = 0;
        emit fired(m_index, seq, firedAtUs, firedAtUs - offsetUs, stretchAt, scheduledAtUs);
    });
    connect(&client, &MqttClient::stateChanged, &client, [this, &client] {
        m_connected = client.state() == MqttClient::State::Connected;
    });
    client.open();
    exec();
    m_connected = false;
}

} // namespace fest
