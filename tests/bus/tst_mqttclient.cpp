#include "mosquittoprocess.h"
#include "mqttclient.h"
#include "projectbinaries.h"
#include "scriptedmqttserver.h"
#include "testcertificates.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using fest::MosquittoProcess;
using fest::MqttClient;
using fest::MqttMessage;
using fest::MqttOptions;
using fest::ScriptedMqttServer;

Q_DECLARE_METATYPE(MqttClient::Error)
Q_DECLARE_METATYPE(fest::MqttOptions)

namespace {

// Client options for a test broker, started first if needed (so configure it before).
MqttOptions optionsFor(MosquittoProcess &broker)
{
    QString error;
    if (!broker.isRunning() && !broker.start(&error))
        qWarning("broker: %s", qPrintable(error));
    MqttOptions options;
    options.host = broker.host();
    options.port = broker.port();
    options.reconnectMinMs = 20;
    options.reconnectMaxMs = 200;
    return options;
}

// Payloads received on one client, in order.
QList<MqttMessage> received(const QSignalSpy &spy)
{
    QList<MqttMessage> messages;
    for (const QList<QVariant> &args : spy)
        messages << args.at(0).value<MqttMessage>();
    return messages;
}

} // namespace

class tst_MqttClient : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void roundTrip_data();
    void roundTrip();
    void retainedMessageSeenByNewSubscriber();
    void mqtt5PropertiesArrive();
    void willPublishedWhenClientDies();
    void cleanCloseSendsNoWill();
    void reconnectsAfterBrokerRestartWithSubscriptions();
    void connectionRefusedGivesTypedError();
    void badPasswordGivesTypedError();
    void publishDeniedByAclIsReported();
    void oversizedInboundMessageRefused();
    void oversizedOutboundMessageRejected();
    void publishWhileDisconnectedFails();
    void invalidTopicsRejected();
    void invalidOptionsRejected_data();
    void invalidOptionsRejected();
    void waitForPublishedDrainsQueue();
    void refusedConnAckGivesTypedError_data();
    void refusedConnAckGivesTypedError();
    void oversizedMessageFromRogueBrokerDropped();
    void garbageFromServerIsAProtocolError();
    void tlsConnectsWithTheFestivalCa();
    void tlsRefusesABrokerFromAnotherCa();
    void tlsMissingCaFileIsReported();
    void unknownHostGivesTypedError();
    void sessionTakenOverIsExplained();
    void silentServerTimesOutAndRetries();
    void describe_data();
    void describe();

private:
    // Opens a client to the test broker and waits until it is connected.
    std::unique_ptr<MqttClient> connectedClient(MqttOptions options);
    std::unique_ptr<MqttClient> connectedClient() { return connectedClient(optionsFor(*m_broker)); }
    // Subscribes and waits for the broker's SUBACK.
    static bool subscribeAndWait(MqttClient &client, const QString &filter, int qos = 1);

    std::unique_ptr<MosquittoProcess> m_broker;
};

void tst_MqttClient::init()
{
    m_broker = std::make_unique<MosquittoProcess>();
}

void tst_MqttClient::cleanup()
{
    m_broker.reset();
}

std::unique_ptr<MqttClient> tst_MqttClient::connectedClient(MqttOptions options)
{
    auto client = std::make_unique<MqttClient>(std::move(options));
    QSignalSpy connected(client.get(), &MqttClient::connected);
    client->open();
    if (!connected.wait(5000))
        qWarning("not connected: %s", qPrintable(client->errorString()));
    return client;
}

bool tst_MqttClient::subscribeAndWait(MqttClient &client, const QString &filter, int qos)
{
    QSignalSpy subscribed(&client, &MqttClient::subscribed);
    client.subscribe(filter, qos);
    return subscribed.wait(5000) && subscribed.at(0).at(0).toString() == filter;
}

void tst_MqttClient::roundTrip_data()
{
    QTest::addColumn<int>("qos");
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("qos 0") << 0 << QByteArray("{\"type\":\"status\"}");
    QTest::newRow("qos 1") << 1 << QByteArray("{\"type\":\"status\"}");
    QTest::newRow("qos 1 binary") << 1 << QByteArray("\x00\x01\xff", 3);
    QTest::newRow("qos 1 empty") << 1 << QByteArray();
}

void tst_MqttClient::roundTrip()
{
    QFETCH(int, qos);
    QFETCH(QByteArray, payload);
    auto subscriber = connectedClient();
    QCOMPARE(subscriber->state(), MqttClient::State::Connected);
    QVERIFY(subscribeAndWait(*subscriber, QStringLiteral("fest/v1/node/+/status"), qos));
    auto publisher = connectedClient();

    QSignalSpy messages(subscriber.get(), &MqttClient::messageReceived);
    QSignalSpy published(publisher.get(), &MqttClient::published);
    const int id = publisher->publish({QStringLiteral("fest/v1/node/kiosk-1/status"), payload, qos});
    QVERIFY(id > 0);
    QTRY_COMPARE(published.size(), 1);
    QCOMPARE(published.at(0).at(0).toInt(), id);
    QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 1, 5000);
    const MqttMessage got = received(messages).at(0);
    QCOMPARE(got.topic, QStringLiteral("fest/v1/node/kiosk-1/status"));
    QCOMPARE(got.payload, payload);
    QCOMPARE(got.qos, qos);
    QCOMPARE(got.retain, false);
    QCOMPARE(publisher->pendingPublishes(), 0);
}

void tst_MqttClient::retainedMessageSeenByNewSubscriber()
{
    auto publisher = connectedClient();
    QSignalSpy published(publisher.get(), &MqttClient::published);
    QVERIFY(publisher->publish({QStringLiteral("fest/v1/programme"), "{\"version\":3}", 1, true}) > 0);
    QVERIFY(published.wait(5000));

    auto late = connectedClient();
    QSignalSpy messages(late.get(), &MqttClient::messageReceived);
    late->subscribe(QStringLiteral("fest/v1/programme"));
    QVERIFY(messages.wait(5000));
    const MqttMessage got = received(messages).at(0);
    QCOMPARE(got.payload, QByteArray("{\"version\":3}"));
    QVERIFY(got.retain);
}

void tst_MqttClient::mqtt5PropertiesArrive()
{
    auto subscriber = connectedClient();
    QVERIFY(subscribeAndWait(*subscriber, QStringLiteral("fest/v1/controller/request/#")));
    auto publisher = connectedClient();
    QSignalSpy messages(subscriber.get(), &MqttClient::messageReceived);

    MqttMessage request{QStringLiteral("fest/v1/controller/request/organiser-1"), "{}", 1};
    request.responseTopic = QStringLiteral("fest/v1/reply/organiser-1/abc");
    request.correlationData = QByteArray("\x00\x10\x7f\x80\xff corr", 10);
    request.expirySeconds = 30;
    QVERIFY(publisher->publish(request) > 0);
    QVERIFY(messages.wait(5000));
    const MqttMessage got = received(messages).at(0);
    QCOMPARE(got.responseTopic, request.responseTopic);
    QCOMPARE(got.correlationData, request.correlationData);
    // The broker forwards the remaining lifetime, which can only have shrunk.
    QVERIFY(got.expirySeconds > 0 && got.expirySeconds <= 30);
}

void tst_MqttClient::willPublishedWhenClientDies()
{
    const QString child = fest::projectBinary(QStringLiteral("mqttwillclient"));
    QVERIFY2(!child.isEmpty(), "mqttwillclient was not built");
    auto watcher = connectedClient();
    QVERIFY(subscribeAndWait(*watcher, QStringLiteral("fest/v1/node/player-a1/status")));
    QSignalSpy messages(watcher.get(), &MqttClient::messageReceived);

    QProcess node;
    node.start(child, {m_broker->url(), QStringLiteral("fest/v1/node/player-a1/status"), QStringLiteral("offline")});
    QVERIFY(node.waitForStarted());
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += node.readAllStandardOutput()).contains("connected"), 5000);
    QCOMPARE(messages.size(), 0);

    node.kill();   // no DISCONNECT: the broker must publish the Will
    node.waitForFinished();
    QVERIFY(messages.wait(5000));
    QCOMPARE(received(messages).at(0).payload, QByteArray("offline"));
}

void tst_MqttClient::cleanCloseSendsNoWill()
{
    auto watcher = connectedClient();
    QVERIFY(subscribeAndWait(*watcher, QStringLiteral("fest/v1/node/+/status")));
    QSignalSpy messages(watcher.get(), &MqttClient::messageReceived);

    MqttOptions options = optionsFor(*m_broker);
    options.will = MqttMessage{QStringLiteral("fest/v1/node/kiosk-2/status"), "offline", 1};
    auto node = connectedClient(options);
    QSignalSpy disconnected(node.get(), &MqttClient::disconnected);
    node->close();
    QCOMPARE(disconnected.size(), 1);
    QCOMPARE(node->state(), MqttClient::State::Disconnected);
    node.reset();

    // A later message from another client arrives; had a Will been sent it would be first.
    auto other = connectedClient();
    QVERIFY(other->publish({QStringLiteral("fest/v1/node/kiosk-3/status"), "online", 1}) > 0);
    QVERIFY(messages.wait(5000));
    QCOMPARE(received(messages).at(0).topic, QStringLiteral("fest/v1/node/kiosk-3/status"));
}

void tst_MqttClient::reconnectsAfterBrokerRestartWithSubscriptions()
{
    auto subscriber = connectedClient();
    QVERIFY(subscribeAndWait(*subscriber, QStringLiteral("fest/v1/voting")));
    auto publisher = connectedClient();
    QSignalSpy lost(subscriber.get(), &MqttClient::disconnected);
    QSignalSpy back(subscriber.get(), &MqttClient::connected);
    QSignalSpy resubscribed(subscriber.get(), &MqttClient::subscribed);

    QString error;
    QVERIFY2(m_broker->restart(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(lost.size(), 1, 5000);
    QCOMPARE(subscriber->error(), MqttClient::Error::NetworkError);
    QTRY_COMPARE_WITH_TIMEOUT(back.size(), 1, 5000);
    QCOMPARE(subscriber->error(), MqttClient::Error::NoError);
    QTRY_COMPARE_WITH_TIMEOUT(resubscribed.size(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(publisher->state(), MqttClient::State::Connected, 5000);

    QSignalSpy messages(subscriber.get(), &MqttClient::messageReceived);
    QVERIFY(publisher->publish({QStringLiteral("fest/v1/voting"), "{\"open\":true}", 1}) > 0);
    QVERIFY(messages.wait(5000));
    QCOMPARE(received(messages).at(0).payload, QByteArray("{\"open\":true}"));
}

void tst_MqttClient::connectionRefusedGivesTypedError()
{
    QString error;
    MqttClient client(optionsFor(*m_broker));
    m_broker->stop();   // a port where nothing listens any more

    QSignalSpy errors(&client, &MqttClient::errorChanged);
    QSignalSpy connected(&client, &MqttClient::connected);
    client.open();
    QTRY_COMPARE_WITH_TIMEOUT(client.error(), MqttClient::Error::ConnectionRefused, 5000);
    QCOMPARE(client.state(), MqttClient::State::Connecting);   // still trying
    QVERIFY2(client.errorString().contains(QStringLiteral("127.0.0.1:%1").arg(m_broker->port())), qPrintable(client.errorString()));
    QVERIFY2(client.errorString().contains(QLatin1String("running")), qPrintable(client.errorString()));

    // It keeps trying, and gets there once the broker is up.
    QVERIFY2(m_broker->start(&error), qPrintable(error));
    QVERIFY(connected.wait(5000));
    QCOMPARE(client.error(), MqttClient::Error::NoError);
    client.close();
    QCOMPARE(client.state(), MqttClient::State::Disconnected);
}

void tst_MqttClient::badPasswordGivesTypedError()
{
    const QString passwords = m_broker->filePath(QStringLiteral("passwords"));
    QProcess passwd;
    passwd.start(QStringLiteral("mosquitto_passwd"), {QStringLiteral("-c"), QStringLiteral("-b"), passwords,
                                                       QStringLiteral("organiser-1"), QStringLiteral("right")});
    QVERIFY(passwd.waitForFinished());
    QCOMPARE(passwd.exitCode(), 0);
    m_broker->setAllowAnonymous(false);
    m_broker->addConfigLines({QStringLiteral("password_file %1").arg(passwords)});
    QString error;
    QVERIFY2(m_broker->start(&error), qPrintable(error));

    MqttOptions options = optionsFor(*m_broker);
    options.username = QStringLiteral("organiser-1");
    options.password = QStringLiteral("wrong");
    MqttClient refused(options);
    refused.open();
    QTRY_COMPARE_WITH_TIMEOUT(refused.error(), MqttClient::Error::BadCredentials, 5000);
    QVERIFY2(refused.errorString().contains(QLatin1String("--password-file")), qPrintable(refused.errorString()));
    QVERIFY(refused.state() != MqttClient::State::Connected);

    options.password = QStringLiteral("right");
    auto accepted = connectedClient(options);
    QCOMPARE(accepted->state(), MqttClient::State::Connected);
}

void tst_MqttClient::publishDeniedByAclIsReported()
{
    const QString acl = m_broker->filePath(QStringLiteral("acl"));
    QFile file(acl);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("topic read fest/v1/programme\ntopic readwrite fest/v1/results\n");
    file.close();
    m_broker->addConfigLines({QStringLiteral("acl_file %1").arg(acl)});

    auto client = connectedClient();
    QSignalSpy rejected(client.get(), &MqttClient::publishRejected);
    QSignalSpy published(client.get(), &MqttClient::published);
    const int denied = client->publish({QStringLiteral("fest/v1/programme"), "{}", 1, true});
    QVERIFY(denied > 0);
    QVERIFY(rejected.wait(5000));
    QCOMPARE(rejected.at(0).at(0).toInt(), denied);
    QCOMPARE(rejected.at(0).at(1).toInt(), 0x87);
    QCOMPARE(client->error(), MqttClient::Error::PublishRejected);
    QVERIFY2(client->errorString().contains(QLatin1String("ACL")), qPrintable(client->errorString()));
    QCOMPARE(client->pendingPublishes(), 0);
    QCOMPARE(client->state(), MqttClient::State::Connected);

    QVERIFY(client->publish({QStringLiteral("fest/v1/results"), "{}", 1}) > 0);
    QVERIFY(published.wait(5000));
}

void tst_MqttClient::oversizedInboundMessageRefused()
{
    MqttOptions small = optionsFor(*m_broker);
    small.maxPacketSize = 1024;
    auto subscriber = connectedClient(small);
    QVERIFY(subscribeAndWait(*subscriber, QStringLiteral("fest/v1/results")));
    QSignalSpy messages(subscriber.get(), &MqttClient::messageReceived);

    auto publisher = connectedClient();
    QVERIFY(publisher->publish({QStringLiteral("fest/v1/results"), QByteArray(4000, 'x'), 1}) > 0);
    QVERIFY(publisher->publish({QStringLiteral("fest/v1/results"), "small", 1}) > 0);
    QVERIFY(messages.wait(5000));
    // Delivery is in order, so the big one would have come first.
    QCOMPARE(received(messages).at(0).payload, QByteArray("small"));
    QCOMPARE(subscriber->state(), MqttClient::State::Connected);
    // The broker itself held it back because of the size we announced in CONNECT; our
    // own check on arrival is only the second line.
    QVERIFY2(m_broker->logText().contains(QLatin1String("Dropping too large outgoing PUBLISH")), qPrintable(m_broker->logText()));
}

void tst_MqttClient::oversizedOutboundMessageRejected()
{
    MosquittoProcess::Limits limits;
    limits.maxPacketSize = 16 * 1024;
    m_broker->setLimits(limits);
    auto publisher = connectedClient();
    QSignalSpy errors(publisher.get(), &MqttClient::errorChanged);
    QCOMPARE(publisher->publish({QStringLiteral("fest/v1/results"), QByteArray(20 * 1024, 'x'), 1}), -1);
    QCOMPARE(publisher->error(), MqttClient::Error::PacketTooLarge);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(publisher->state(), MqttClient::State::Connected);
    QVERIFY(publisher->publish({QStringLiteral("fest/v1/results"), QByteArray(1024, 'x'), 1}) > 0);
}

void tst_MqttClient::publishWhileDisconnectedFails()
{
    QString error;
    QVERIFY2(m_broker->start(&error), qPrintable(error));
    MqttClient client(optionsFor(*m_broker));
    QCOMPARE(client.publish({QStringLiteral("fest/v1/results"), "x", 1}), -1);
    QCOMPARE(client.error(), MqttClient::Error::NetworkError);
    QVERIFY(client.errorString().contains(QLatin1String("not connected")));
    QCOMPARE(client.pendingPublishes(), 0);
}

void tst_MqttClient::invalidTopicsRejected()
{
    auto client = connectedClient();
    QCOMPARE(client->publish({QStringLiteral("fest/v1/#"), "x", 1}), -1);
    QCOMPARE(client->error(), MqttClient::Error::PublishRejected);
    QCOMPARE(client->publish({QString(), "x", 1}), -1);
    QCOMPARE(client->publish({QStringLiteral("fest/v1/results"), "x", 3}), -1);

    QSignalSpy rejected(client.get(), &MqttClient::subscriptionRejected);
    client->subscribe(QStringLiteral("fest/#/results"));
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(rejected.at(0).at(1).toInt(), -1);
    QCOMPARE(client->error(), MqttClient::Error::SubscribeRejected);
    QCOMPARE(client->state(), MqttClient::State::Connected);
}

void tst_MqttClient::invalidOptionsRejected_data()
{
    QTest::addColumn<MqttOptions>("options");
    QTest::addColumn<QString>("mentions");
    MqttOptions o;
    o.keepAliveSeconds = 1;
    QTest::newRow("keepalive too short") << o << "keepalive";
    o = {};
    o.will = MqttMessage{QStringLiteral("fest/v1/node/+/status"), "offline", 1};
    QTest::newRow("wildcard in the Will topic") << o << "Will";
    o = {};
    o.will = MqttMessage{QStringLiteral("fest/v1/node/kiosk-1/status"), "offline", 3};
    QTest::newRow("Will QoS 3") << o << "Will";
}

void tst_MqttClient::invalidOptionsRejected()
{
    QFETCH(MqttOptions, options);
    QFETCH(QString, mentions);
    MqttClient client(options);
    client.open();
    QCOMPARE(client.error(), MqttClient::Error::InvalidOptions);
    QVERIFY2(client.errorString().contains(mentions), qPrintable(client.errorString()));
    QCOMPARE(client.state(), MqttClient::State::Disconnected);
    client.open();   // still refused, not half-configured
    QCOMPARE(client.error(), MqttClient::Error::InvalidOptions);
    QCOMPARE(client.state(), MqttClient::State::Disconnected);
}

void tst_MqttClient::waitForPublishedDrainsQueue()
{
    auto publisher = connectedClient();
    for (int i = 0; i < 200; ++i)
        QVERIFY(publisher->publish({QStringLiteral("fest/v1/vote/kiosk-1"), QByteArray::number(i), 1}) > 0);
    QVERIFY(publisher->waitForPublished(10000));
    QCOMPARE(publisher->pendingPublishes(), 0);
}

namespace {
MqttOptions optionsFor(const ScriptedMqttServer &server)
{
    MqttOptions options;
    options.port = server.port();
    options.reconnectMinMs = 20;
    options.reconnectMaxMs = 200;
    return options;
}
} // namespace

void tst_MqttClient::refusedConnAckGivesTypedError_data()
{
    QTest::addColumn<int>("reasonCode");
    QTest::addColumn<QString>("user");
    QTest::addColumn<MqttClient::Error>("error");
    QTest::addColumn<QString>("mentions");
    using E = MqttClient::Error;
    QTest::newRow("bad user name or password") << 0x86 << "organiser" << E::BadCredentials << "--password-file";
    QTest::newRow("not authorised, with user") << 0x87 << "organiser" << E::BadCredentials << "--user";
    QTest::newRow("not authorised, anonymous") << 0x87 << "" << E::NotAuthorised << "without an account";
    QTest::newRow("banned") << 0x8A << "" << E::NotAuthorised << "";
    QTest::newRow("server unavailable") << 0x88 << "" << E::ServerUnavailable << "retrying";
    QTest::newRow("server busy") << 0x89 << "" << E::ServerUnavailable << "";
    QTest::newRow("client id not valid") << 0x85 << "" << E::InvalidOptions << "client id";
    QTest::newRow("unsupported protocol") << 0x84 << "" << E::ProtocolError << "MQTT 5";
    QTest::newRow("unspecified") << 0x80 << "" << E::ConnectionRefused << "0x80";
}

void tst_MqttClient::refusedConnAckGivesTypedError()
{
    QFETCH(int, reasonCode);
    QFETCH(QString, user);
    QFETCH(MqttClient::Error, error);
    QFETCH(QString, mentions);

    ScriptedMqttServer server;
    QVERIFY(server.listen());
    server.setAnswer(ScriptedMqttServer::connAck(quint8(reasonCode)));
    MqttOptions options = optionsFor(server);
    options.username = user;
    MqttClient client(options);
    QSignalSpy connected(&client, &MqttClient::connected);
    client.open();
    QTRY_COMPARE_WITH_TIMEOUT(client.error(), error, 5000);
    QVERIFY2(client.errorString().contains(mentions), qPrintable(client.errorString()));
    QVERIFY2(client.errorString().contains(QStringLiteral("127.0.0.1:%1").arg(server.port())), qPrintable(client.errorString()));
    QCOMPARE(connected.size(), 0);
    QVERIFY(client.state() != MqttClient::State::Connected);
    // It keeps trying with backoff rather than giving up or spinning.
    QTRY_VERIFY_WITH_TIMEOUT(server.connections() >= 2, 5000);
    QCOMPARE(client.error(), error);
}

void tst_MqttClient::oversizedMessageFromRogueBrokerDropped()
{
    ScriptedMqttServer server;
    QVERIFY(server.listen());
    server.setAnswer(ScriptedMqttServer::connAck(0)
                     + ScriptedMqttServer::publish(QStringLiteral("fest/v1/programme"), QByteArray(4000, 'x'))
                     + ScriptedMqttServer::publish(QStringLiteral("fest/v1/programme"), "small"));
    MqttOptions options = optionsFor(server);
    options.maxPacketSize = 1024;
    MqttClient client(options);
    QSignalSpy messages(&client, &MqttClient::messageReceived);
    client.open();
    QVERIFY(messages.wait(5000));
    QCOMPARE(received(messages).at(0).payload, QByteArray("small"));
    QCOMPARE(client.state(), MqttClient::State::Connected);
}

void tst_MqttClient::garbageFromServerIsAProtocolError()
{
    ScriptedMqttServer server;
    QVERIFY(server.listen());
    server.setAnswer(QByteArray(16, '\0'));   // packet type 0 is reserved
    MqttClient client(optionsFor(server));
    client.open();
    QTRY_COMPARE_WITH_TIMEOUT(client.error(), MqttClient::Error::ProtocolError, 5000);
    QVERIFY2(client.errorString().contains(QLatin1String("MQTT 5")), qPrintable(client.errorString()));
    QVERIFY(client.state() != MqttClient::State::Connected);
}

// A broker with a TLS listener next to its plain one; returns the TLS port.
static quint16 startTlsBroker(MosquittoProcess &broker, QString *error)
{
    if (!fest::TestCertificates::create(broker.filePath(QString()), broker.host(), error))
        return 0;
    const quint16 port = broker.addListener({QStringLiteral("cafile %1").arg(broker.filePath(QStringLiteral("ca.crt"))),
                                             QStringLiteral("certfile %1").arg(broker.filePath(QStringLiteral("server.crt"))),
                                             QStringLiteral("keyfile %1").arg(broker.filePath(QStringLiteral("server.key")))});
    return broker.start(error) ? port : 0;
}

void tst_MqttClient::tlsConnectsWithTheFestivalCa()
{
    QString error;
    const quint16 port = startTlsBroker(*m_broker, &error);
    QVERIFY2(port != 0, qPrintable(error));
    MqttOptions options = optionsFor(*m_broker);
    options.port = port;
    options.tlsCaFile = m_broker->filePath(QStringLiteral("ca.crt"));
    auto client = connectedClient(options);
    QCOMPARE(client->state(), MqttClient::State::Connected);
    QVERIFY(subscribeAndWait(*client, QStringLiteral("fest/v1/results")));
    QSignalSpy messages(client.get(), &MqttClient::messageReceived);
    QVERIFY(client->publish({QStringLiteral("fest/v1/results"), "over tls", 1}) > 0);
    QVERIFY(messages.wait(5000));
    QCOMPARE(received(messages).at(0).payload, QByteArray("over tls"));
}

void tst_MqttClient::tlsRefusesABrokerFromAnotherCa()
{
    QString error;
    const quint16 port = startTlsBroker(*m_broker, &error);
    QVERIFY2(port != 0, qPrintable(error));
    MqttOptions options = optionsFor(*m_broker);
    options.port = port;
    options.tlsCaFile = m_broker->filePath(QStringLiteral("other-ca.crt"));
    MqttClient client(options);
    QSignalSpy connected(&client, &MqttClient::connected);
    client.open();
    QTRY_COMPARE_WITH_TIMEOUT(client.error(), MqttClient::Error::TlsFailure, 5000);
    QVERIFY2(client.errorString().contains(QLatin1String("CA")), qPrintable(client.errorString()));
    QCOMPARE(connected.size(), 0);
}

void tst_MqttClient::tlsMissingCaFileIsReported()
{
    MqttOptions options = optionsFor(*m_broker);
    options.tlsCaFile = m_broker->filePath(QStringLiteral("no-such-ca.crt"));
    MqttClient client(options);
    client.open();
    QCOMPARE(client.error(), MqttClient::Error::TlsFailure);
    QVERIFY2(client.errorString().contains(QLatin1String("no-such-ca.crt")), qPrintable(client.errorString()));
    QCOMPARE(client.state(), MqttClient::State::Disconnected);
}

void tst_MqttClient::unknownHostGivesTypedError()
{
    MqttOptions options;
    options.host = QStringLiteral("no-such-broker.invalid");
    MqttClient client(options);
    client.open();
    QTRY_COMPARE_WITH_TIMEOUT(client.error(), MqttClient::Error::NetworkError, 5000);
    QVERIFY2(client.errorString().contains(QLatin1String("no-such-broker.invalid")), qPrintable(client.errorString()));
    QVERIFY2(client.errorString().contains(QLatin1String("broker address")), qPrintable(client.errorString()));
    client.close();
    QCOMPARE(client.state(), MqttClient::State::Disconnected);
}

void tst_MqttClient::sessionTakenOverIsExplained()
{
    // mosquitto 2.0.11 just drops the older connection; an MQTT 5 broker that follows the
    // specification sends DISCONNECT 0x8E first, as this one does.
    ScriptedMqttServer server;
    QVERIFY(server.listen());
    server.setAnswer(ScriptedMqttServer::connAck(0) + QByteArray("\xE0\x01\x8E", 3));
    MqttOptions options = optionsFor(server);
    options.clientId = QStringLiteral("player-a1");
    MqttClient client(options);
    QSignalSpy lost(&client, &MqttClient::disconnected);
    client.open();
    QTRY_COMPARE_WITH_TIMEOUT(lost.size(), 1, 5000);
    QCOMPARE(client.error(), MqttClient::Error::NetworkError);
    QVERIFY2(client.errorString().contains(QLatin1String("same client id \"player-a1\"")), qPrintable(client.errorString()));
    QCOMPARE(client.state(), MqttClient::State::Connecting);
}

void tst_MqttClient::silentServerTimesOutAndRetries()
{
    ScriptedMqttServer server;   // accepts the connection, never sends CONNACK
    QVERIFY(server.listen());
    MqttOptions options = optionsFor(server);
    options.connectTimeoutMs = 200;
    MqttClient client(options);
    client.open();
    QTRY_COMPARE_WITH_TIMEOUT(client.error(), MqttClient::Error::NetworkError, 5000);
    QVERIFY2(client.errorString().contains(QLatin1String("did not answer")), qPrintable(client.errorString()));
    QCOMPARE(client.state(), MqttClient::State::Connecting);
    QTRY_VERIFY_WITH_TIMEOUT(server.connections() >= 2, 5000);
}

void tst_MqttClient::describe_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("sysErrno");
    QTest::addColumn<MqttClient::Error>("error");
    QTest::addColumn<QString>("mentions");
    using E = MqttClient::Error;
    using K = MqttClient::CodeKind;
    QTest::newRow("tcp refused") << int(K::Library) << 14 << ECONNREFUSED << E::ConnectionRefused << "mosquitto running";
    QTest::newRow("host unreachable") << int(K::Library) << 14 << EHOSTUNREACH << E::NetworkError << "check the network";
    QTest::newRow("connection reset") << int(K::Library) << 14 << ECONNRESET << E::NetworkError << "reconnecting";
    QTest::newRow("connection lost") << int(K::Library) << 7 << 0 << E::NetworkError << "lost";
    QTest::newRow("keepalive") << int(K::Library) << 19 << 0 << E::NetworkError << "keepalive";
    QTest::newRow("tls") << int(K::Library) << 8 << 0 << E::TlsFailure << "CA file";
    QTest::newRow("tls handshake") << int(K::Library) << 23 << 0 << E::TlsFailure << "CA file";
    QTest::newRow("protocol") << int(K::Library) << 2 << 0 << E::ProtocolError << "MQTT 5";
    QTest::newRow("malformed packet") << int(K::Library) << 21 << 0 << E::ProtocolError << "MQTT 5";
    QTest::newRow("oversize") << int(K::Library) << 25 << 0 << E::PacketTooLarge << "maximum size";
    QTest::newRow("unknown library code") << int(K::Library) << 13 << 0 << E::NetworkError << "127.0.0.1:1883";
    QTest::newRow("session taken over") << int(K::Disconnect) << 0x8E << 0 << E::NetworkError << "same client id";
    QTest::newRow("server shutting down") << int(K::Disconnect) << 0x8B << 0 << E::ServerUnavailable << "shutting down";
    QTest::newRow("disconnect packet too large") << int(K::Disconnect) << 0x95 << 0 << E::PacketTooLarge << "max_packet_size";
    QTest::newRow("administrative action") << int(K::Disconnect) << 0x98 << 0 << E::NotAuthorised << "permissions";
    QTest::newRow("other disconnect") << int(K::Disconnect) << 0x93 << 0 << E::NetworkError << "0x93";
    QTest::newRow("suback not authorised") << int(K::SubAck) << 0x87 << 0 << E::SubscribeRejected << "ACL";
    QTest::newRow("suback other") << int(K::SubAck) << 0x97 << 0 << E::SubscribeRejected << "0x97";
    QTest::newRow("puback not authorised") << int(K::PubAck) << 0x87 << 0 << E::PublishRejected << "ACL";
    QTest::newRow("puback quota") << int(K::PubAck) << 0x97 << 0 << E::PublishRejected << "0x97";
    QTest::newRow("publish invalid topic") << int(K::PublishCall) << 3 << 0 << E::PublishRejected << "'+' or '#'";
    QTest::newRow("publish too large") << int(K::PublishCall) << 25 << 0 << E::PacketTooLarge << "max_packet_size";
    QTest::newRow("subscribe invalid filter") << int(K::SubscribeCall) << 3 << 0 << E::SubscribeRejected << "filter";
}

void tst_MqttClient::describe()
{
    QFETCH(int, kind);
    QFETCH(int, code);
    QFETCH(int, sysErrno);
    QFETCH(MqttClient::Error, error);
    QFETCH(QString, mentions);
    const MqttClient client(MqttOptions{});
    const MqttClient::Diagnosis diagnosis = client.describe(MqttClient::CodeKind(kind), code, sysErrno);
    QCOMPARE(diagnosis.error, error);
    QVERIFY2(diagnosis.text.contains(mentions), qPrintable(diagnosis.text));
}

QTEST_GUILESS_MAIN(tst_MqttClient)
#include "tst_mqttclient.moc"
