#include "screenbus.h"

#include "envelope.h"
#include "mosquittoprocess.h"
#include "playerstatus.h"
#include "playlistjson.h"
#include "topics.h"

#include <QTest>

namespace fest {

namespace {
MqttOptions controllerOptions(const MosquittoProcess &broker)
{
    MqttOptions o;
    o.host = broker.host();
    o.port = broker.port();
    o.username = QStringLiteral("controller");
    return o;
}
} // namespace

ScreenBus::ScreenBus(const MosquittoProcess &broker, const QString &screen, QObject *parent)
    : QObject(parent)
    , m_screen(screen)
    , m_bus(controllerOptions(broker))
{
    connect(&m_bus, &MqttClient::messageReceived, this, [this](const MqttMessage &m) {
        if (const auto body = Envelope::decode(m.payload, QStringLiteral("status")))
            m_status = *body;
    });
}

bool ScreenBus::connectToBroker(int timeoutMs)
{
    m_bus.subscribe(Topics::nodeStatus(PlayerStatus::accountForScreen(m_screen)), 1);
    m_bus.open();
    return QTest::qWaitFor([this] { return m_bus.state() == MqttClient::State::Connected; }, timeoutMs);
}

bool ScreenBus::publish(const Playlist &playlist)
{
    return m_bus.publish({Topics::playlist(m_screen), Envelope::encode(QStringLiteral("playlist"), PlaylistJson::toJson(playlist)),
                          1, true}) > 0;
}

} // namespace fest
