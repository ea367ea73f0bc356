// Two real brokers on loopback, bridged as config/mosquitto/bridge-venue.conf says: a
// central broker (controller, organisers) and a venue broker (players, kiosks, booth),
// the venue logging in to the centre over TLS with a "bridge" account. Both run the
// shipped listener settings and ACLs. The player and kiosk are played by MqttClient test
// clients with their real accounts and topics; the controller too, and then, in the last
// test, the real festival-controller.
#include "ballot.h"
#include "ballotreply.h"
#include "brokeraccounts.h"
#include "busprobe.h"
#include "controllerprocess.h"
#include "mosquittoprocess.h"
#include "shippedbrokerconfig.h"
#include "topics.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>
#include <memory>

using namespace fest;

namespace {
// The bridge reconnects with jitter between 2 and 30 s (restart_timeout 2 30).
constexpr int bridgeTimeoutMs = 45000;
const QString bridgeAccount = QStringLiteral("bridge-v1");
const QString bridgeState = QStringLiteral("fest/v1/bridge/bridge-v1/state");

QByteArray uniquePayload()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}
} // namespace

class tst_VenueBridge : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void playlistReachesTheVenuePlayer();
    void ballotReachesTheControllerAndTheReplyComesBack();
    void controllerCommandsAVenuePlayerAndGetsItsReply();
    void venueStatusReachesTheCentreOnce();
    void resultsNeverLeaveTheCentre();
    void venueKeepsWorkingWhileTheCentreIsDownAndResyncs();
    void realControllerServesTheVenueThroughTheBridge();

private:
    BusProbe *connectTo(MosquittoProcess &broker, BrokerAccounts &accounts, const QString &name, bool tls = false);

    MosquittoProcess m_central;
    MosquittoProcess m_venue;
    std::unique_ptr<BrokerAccounts> m_centralAccounts;
    std::unique_ptr<BrokerAccounts> m_venueAccounts;
    quint16 m_centralTlsPort = 0;
    BusProbe *m_controller = nullptr;     // central
    BusProbe *m_centralObserver = nullptr;
    BusProbe *m_player = nullptr;         // venue
    BusProbe *m_kiosk = nullptr;          // venue
    BusProbe *m_staff = nullptr;          // venue booth
    BusProbe *m_venueObserver = nullptr;
};

BusProbe *tst_VenueBridge::connectTo(MosquittoProcess &broker, BrokerAccounts &accounts, const QString &name, bool tls)
{
    MqttOptions o;
    o.host = broker.host();
    o.port = tls ? m_centralTlsPort : broker.port();
    o.tlsCaFile = tls ? accounts.caFile() : QString();
    o.username = name;
    o.password = accounts.password(name);
    o.clientId = name;
    o.reconnectMinMs = 100;
    o.reconnectMaxMs = 1000;
    auto *probe = new BusProbe(o, this);
    if (!probe->connectToBroker())
        qWarning("%s cannot connect: %s", qPrintable(name), qPrintable(probe->client().errorString()));
    return probe;
}

void tst_VenueBridge::initTestCase()
{
    QString error;
    const std::optional<ShippedBrokerConfig> shipped = ShippedBrokerConfig::load(&error);
    QVERIFY2(shipped, qPrintable(error));

    m_centralAccounts = std::make_unique<BrokerAccounts>(m_central.filePath(QStringLiteral("festival")));
    m_venueAccounts = std::make_unique<BrokerAccounts>(m_venue.filePath(QStringLiteral("festival")));
    for (BrokerAccounts *accounts : {m_centralAccounts.get(), m_venueAccounts.get()}) {
        QVERIFY2(accounts->installTemplates(&error), qPrintable(error));
        QVERIFY2(accounts->addTestRole(QStringLiteral("observer"), {QStringLiteral("topic readwrite fest/#")}, &error),
                 qPrintable(error));
        QVERIFY2(accounts->add(QStringLiteral("observer"), QStringLiteral("observer"), &error), qPrintable(error));
    }
    QVERIFY2(m_centralAccounts->add(QStringLiteral("controller"), QStringLiteral("controller"), &error), qPrintable(error));
    QVERIFY2(m_centralAccounts->add(QStringLiteral("bridge"), bridgeAccount, &error), qPrintable(error));
    QVERIFY2(m_venueAccounts->add(QStringLiteral("player"), QStringLiteral("player-a1"), &error), qPrintable(error));
    QVERIFY2(m_venueAccounts->add(QStringLiteral("kiosk"), QStringLiteral("kiosk-01"), &error), qPrintable(error));
    QVERIFY2(m_venueAccounts->add(QStringLiteral("staff"), QStringLiteral("staff-ben"), &error), qPrintable(error));
    QVERIFY2(m_centralAccounts->makeCertificates(&error), qPrintable(error));
    QVERIFY2(m_venueAccounts->makeCertificates(&error), qPrintable(error));

    m_centralTlsPort = shipped->apply(m_central, m_centralAccounts->folder(), &error);
    QVERIFY2(m_centralTlsPort, qPrintable(error));
    QVERIFY2(shipped->apply(m_venue, m_venueAccounts->folder(), &error), qPrintable(error));
    const std::optional<QStringList> bridge = ShippedBrokerConfig::bridgeLines(
        bridgeAccount, m_centralAccounts->password(bridgeAccount), m_central.host(), m_centralTlsPort,
        m_centralAccounts->caFile(), &error);
    QVERIFY2(bridge, qPrintable(error));
    m_venue.addConfigLines(*bridge);

    QVERIFY2(m_central.start(&error), qPrintable(error));
    m_controller = connectTo(m_central, *m_centralAccounts, QStringLiteral("controller"));
    QCOMPARE(m_controller->subscribe(QStringLiteral("fest/v1/bridge/+/state")), 1);
    QVERIFY2(m_venue.start(&error), qPrintable(error));

    // The bridge announces itself on the central broker: the controller sees "1".
    QVERIFY2(m_controller->waitForMessage(bridgeState, "1", bridgeTimeoutMs), qPrintable(m_venue.logText()));

    m_centralObserver = connectTo(m_central, *m_centralAccounts, QStringLiteral("observer"));
    m_venueObserver = connectTo(m_venue, *m_venueAccounts, QStringLiteral("observer"));
    m_player = connectTo(m_venue, *m_venueAccounts, QStringLiteral("player-a1"));
    m_kiosk = connectTo(m_venue, *m_venueAccounts, QStringLiteral("kiosk-01"));
    m_staff = connectTo(m_venue, *m_venueAccounts, QStringLiteral("staff-ben"));
    for (BusProbe *p : {m_centralObserver, m_venueObserver, m_player, m_kiosk, m_staff})
        QCOMPARE(p->client().state(), MqttClient::State::Connected);
    QCOMPARE(m_centralObserver->subscribe(QStringLiteral("fest/#")), 1);
    QCOMPARE(m_venueObserver->subscribe(QStringLiteral("fest/#")), 1);
}

void tst_VenueBridge::playlistReachesTheVenuePlayer()
{
    const QString topic = Topics::playlist(QStringLiteral("a1"));
    const QByteArray playlist = R"({"type":"playlist","v":1,"screen":"a1","seq":1,"items":[]})";
    QCOMPARE(m_player->subscribe(topic), 1);
    QCOMPARE(m_controller->publish(topic, playlist, true), 0);
    QVERIFY(m_player->waitForMessage(topic, playlist, bridgeTimeoutMs));

    // Retained at the venue too: a player that restarts now gets it from its own broker.
    m_player->client().close();
    BusProbe *late = connectTo(m_venue, *m_venueAccounts, QStringLiteral("player-a1"));
    m_player = late;
    QCOMPARE(late->subscribe(topic), 1);
    QVERIFY(late->waitForMessage(topic, playlist));
    QVERIFY(late->messages().constFirst().retain);
}

void tst_VenueBridge::ballotReachesTheControllerAndTheReplyComesBack()
{
    QCOMPARE(m_controller->subscribe(Topics::vote(QStringLiteral("+"))), 1);
    const QString replyFilter = Topics::replyFilterPrefix(QStringLiteral("kiosk-01")) + QStringLiteral("/#");
    QCOMPARE(m_kiosk->subscribe(replyFilter), 1);
    QVERIFY(m_kiosk->sync());   // subscriptions in place before anything is sent

    Ballot ballot;
    ballot.voteId = Ballot::newVoteId();
    ballot.ticket = QStringLiteral("K7QF-4M9X-R2DA-BC3P");
    ballot.screening = QStringLiteral("S-0412");
    ballot.ratings = {{QStringLiteral("F-017"), 5}};
    ballot.castAt = QDateTime::currentDateTimeUtc();
    MqttMessage vote;
    vote.topic = Topics::vote(QStringLiteral("kiosk-01"));
    vote.payload = ballot.toJson();
    vote.qos = 1;
    vote.responseTopic = Topics::ballotReplyPrefix(QStringLiteral("kiosk-01"));
    vote.correlationData = ballot.voteId.toUtf8();
    QCOMPARE(m_kiosk->publish(vote), 0);

    // At the centre: the kiosk's identity from the topic, the MQTT 5 properties intact.
    QVERIFY(m_controller->waitForMessage(vote.topic, vote.payload, bridgeTimeoutMs));
    const auto arrived = std::find_if(m_controller->messages().cbegin(), m_controller->messages().cend(),
                                      [&](const MqttMessage &m) { return m.topic == vote.topic; });
    QCOMPARE(Topics::parseVote(arrived->topic), std::optional<QString>(QStringLiteral("kiosk-01")));
    QCOMPARE(arrived->responseTopic, vote.responseTopic);
    QCOMPARE(arrived->correlationData, vote.correlationData);

    MqttMessage reply;
    reply.topic = arrived->responseTopic;
    reply.payload = BallotReply::accepted(ballot.voteId).toJson();
    reply.qos = 1;
    reply.correlationData = arrived->correlationData;
    QCOMPARE(m_controller->publish(reply), 0);
    QVERIFY(m_kiosk->waitForMessage(reply.topic, reply.payload, bridgeTimeoutMs));
    QCOMPARE(m_kiosk->messages().constLast().correlationData, vote.correlationData);
    QString error;
    const std::optional<BallotReply> decoded = BallotReply::fromJson(m_kiosk->messages().constLast().payload, &error);
    QVERIFY2(decoded, qPrintable(error));
    QCOMPARE(decoded->result, BallotReply::Result::Accepted);
}

void tst_VenueBridge::controllerCommandsAVenuePlayerAndGetsItsReply()
{
    const QString requestTopic = Topics::nodeRequest(QStringLiteral("player-a1"));
    QCOMPARE(m_player->subscribe(requestTopic), 1);
    QCOMPARE(m_controller->subscribe(Topics::replyFilterPrefix(QStringLiteral("controller")) + QStringLiteral("/#")), 1);
    QVERIFY(m_player->sync());

    MqttMessage request;
    request.topic = requestTopic;
    request.payload = R"({"type":"request","v":1,"op":"screen.hold","args":{}})";
    request.qos = 1;
    // A player may only answer under reply/<requester>/<itself>/ (acl.d/player.acl).
    request.responseTopic = Topics::replyPrefix(QStringLiteral("controller"), QStringLiteral("player-a1")) + QStringLiteral("/r1");
    request.correlationData = "r1";
    QCOMPARE(m_controller->publish(request), 0);
    QVERIFY(m_player->waitForMessage(request.topic, request.payload, bridgeTimeoutMs));
    const MqttMessage got = m_player->messages().constLast();
    QCOMPARE(got.responseTopic, request.responseTopic);

    MqttMessage reply;
    reply.topic = got.responseTopic;
    reply.payload = R"({"type":"reply","v":1,"ok":true,"result":{}})";
    reply.qos = 1;
    reply.correlationData = got.correlationData;
    QCOMPARE(m_player->publish(reply), 0);
    QVERIFY(m_controller->waitForMessage(reply.topic, reply.payload, bridgeTimeoutMs));
    QCOMPARE(m_controller->messages().constLast().correlationData, QByteArray("r1"));
}

void tst_VenueBridge::venueStatusReachesTheCentreOnce()
{
    const QString topic = Topics::nodeStatus(QStringLiteral("player-a1"));
    const QByteArray status = R"({"type":"status","v":1,"online":true,"seq":)" + uniquePayload() + "}";
    QCOMPARE(m_player->publish(topic, status, true), 0);
    QVERIFY(m_centralObserver->waitForMessage(topic, status, bridgeTimeoutMs));

    // An echo back to the venue (a bridge loop) would be on its way before anything the
    // centre sends after this point, on the same link.
    const QByteArray marker = uniquePayload();
    QCOMPARE(m_controller->publish(Topics::programme(), marker), 0);
    QVERIFY(m_venueObserver->waitForMessage(Topics::programme(), marker, bridgeTimeoutMs));
    QCOMPARE(m_venueObserver->count(topic, status), 1);
    QVERIFY(m_centralObserver->sync());
    QCOMPARE(m_centralObserver->count(topic, status), 1);
}

void tst_VenueBridge::resultsNeverLeaveTheCentre()
{
    const QByteArray results = R"({"type":"results","v":1,"sealed":true})";
    const QByteArray marker = uniquePayload();
    QCOMPARE(m_controller->publish(Topics::results(), results, true), 0);
    QCOMPARE(m_controller->publish(Topics::programme(), marker), 0);
    QVERIFY(m_venueObserver->waitForMessage(Topics::programme(), marker, bridgeTimeoutMs));
    QVERIFY(!m_venueObserver->received(Topics::results()));
    QVERIFY(m_centralObserver->waitForMessage(Topics::results(), results));
}

void tst_VenueBridge::venueKeepsWorkingWhileTheCentreIsDownAndResyncs()
{
    QCOMPARE(m_staff->subscribe(QStringLiteral("fest/v1/bridge/+/state")), 1);
    QCOMPARE(m_staff->subscribe(Topics::nodeStatus(QStringLiteral("+"))), 1);
    m_central.stop();
    // The booth sees the link down (the alarm in docs/operations.md)...
    QVERIFY(m_staff->waitForMessage(bridgeState, "0", bridgeTimeoutMs));

    // ...and the venue still works on its own: the booth commands its player directly.
    const QString requestTopic = Topics::nodeRequest(QStringLiteral("player-a1"));
    QCOMPARE(m_player->subscribe(requestTopic), 1);
    const QByteArray hold = R"({"type":"request","v":1,"op":"screen.hold","args":{}})";
    QCOMPARE(m_staff->publish(requestTopic, hold), 0);
    QVERIFY(m_player->waitForMessage(requestTopic, hold));

    // The centre comes back (without its retained state: persistence is off here); the
    // link returns and the controller's fresh playlist reaches the venue.
    QString error;
    QVERIFY2(m_central.start(&error), qPrintable(error));
    QVERIFY(m_staff->waitForMessage(bridgeState, "1", bridgeTimeoutMs));
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->client().state(), MqttClient::State::Connected, 10000);
    const QString topic = Topics::playlist(QStringLiteral("a1"));
    const QByteArray playlist = R"({"type":"playlist","v":1,"screen":"a1","seq":2,"items":[]})";
    QCOMPARE(m_player->subscribe(topic), 1);
    QCOMPARE(m_controller->publish(topic, playlist, true), 0);
    QVERIFY(m_player->waitForMessage(topic, playlist, bridgeTimeoutMs));
}

void tst_VenueBridge::realControllerServesTheVenueThroughTheBridge()
{
    QVERIFY2(!ControllerProcess::binary().isEmpty(), "festival-controller was not built");
    m_controller->client().close();   // the account is the real controller's now
    m_staff->subscribe(QStringLiteral("fest/v1/reply/staff-ben/#"));
    const qsizetype before = m_venueObserver->messages().size();

    ControllerProcess controller;
    QString error;
    QVERIFY2(controller.start({m_central.port(), QDir(m_centralAccounts->folder()).filePath(QStringLiteral("controller.password")),
                               {}, {QStringLiteral("staff-ben")}},
                              &error),
             qPrintable(error));

    // Its playlists reach the venue broker, retained, for the players there.
    auto firstPlaylist = [&]() -> std::optional<MqttMessage> {
        for (qsizetype i = before; i < m_venueObserver->messages().size(); ++i) {
            const MqttMessage &m = m_venueObserver->messages().at(i);
            if (Topics::parsePlaylist(m.topic) && m.payload.contains("committedAtUs"))
                return m;
        }
        return std::nullopt;
    };
    QTRY_VERIFY_WITH_TIMEOUT(firstPlaylist(), bridgeTimeoutMs);
    const MqttMessage playlist = *firstPlaylist();
    BusProbe *player = m_player;
    QCOMPARE(player->subscribe(playlist.topic), 1);
    QVERIFY(player->waitForMessage(playlist.topic, playlist.payload));

    // The booth asks the controller through the bridge and gets its answer back.
    MqttMessage request;
    request.topic = Topics::controllerRequest(QStringLiteral("staff-ben"));
    request.payload = R"({"type":"request","v":1,"op":"nodes.list","args":{}})";
    request.qos = 1;
    request.responseTopic = Topics::controllerReplyPrefix(QStringLiteral("staff-ben")) + QStringLiteral("/nodes");
    request.correlationData = "n1";
    QCOMPARE(m_staff->publish(request), 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_staff->received(request.responseTopic), bridgeTimeoutMs);
    const auto reply = std::find_if(m_staff->messages().cbegin(), m_staff->messages().cend(),
                                    [&](const MqttMessage &m) { return m.topic == request.responseTopic; });
    QCOMPARE(reply->correlationData, request.correlationData);
    const QJsonObject answer = QJsonDocument::fromJson(reply->payload).object();
    QVERIFY2(answer.value(QStringLiteral("ok")).toBool(), reply->payload.constData());
}

QTEST_GUILESS_MAIN(tst_VenueBridge)
#include "tst_venuebridge.moc"
