#include "mqttoptions.h"

#include <QTest>

Q_DECLARE_METATYPE(fest::MqttOptions)

using fest::MqttOptions;

class tst_MqttOptions : public QObject
{
    Q_OBJECT
private slots:
    void fromUrl_data();
    void fromUrl();
    void validate_data();
    void validate();
};

void tst_MqttOptions::fromUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QString>("errorMentions");

    QTest::newRow("plain") << "mqtt://127.0.0.1:1884" << true << "127.0.0.1" << 1884 << false << "";
    QTest::newRow("default port") << "mqtt://broker.local" << true << "broker.local" << 1883 << false << "";
    QTest::newRow("tls default port") << "mqtts://broker.local" << true << "broker.local" << 8883 << true << "";
    QTest::newRow("tls with port") << "mqtts://10.0.0.5:9000" << true << "10.0.0.5" << 9000 << true << "";
    QTest::newRow("trailing slash") << "mqtt://h:1/" << true << "h" << 1 << false << "";
    QTest::newRow("ipv6") << "mqtt://[::1]:1883" << true << "::1" << 1883 << false << "";
    QTest::newRow("upper-case scheme") << "MQTT://h:2" << true << "h" << 2 << false << "";
    QTest::newRow("http scheme") << "http://h:1883" << false << "" << 0 << false << "mqtt://";
    QTest::newRow("no scheme") << "127.0.0.1:1883" << false << "" << 0 << false << "mqtt://";
    QTest::newRow("empty") << "" << false << "" << 0 << false << "mqtt://";
    QTest::newRow("no host") << "mqtt://:1883" << false << "" << 0 << false << "host";
    QTest::newRow("credentials") << "mqtt://user:secret@h:1883" << false << "" << 0 << false << "--password-file";
    QTest::newRow("path") << "mqtt://h:1883/fest" << false << "" << 0 << false << "path";
    QTest::newRow("query") << "mqtt://h:1883?x=1" << false << "" << 0 << false << "query";
    QTest::newRow("port zero") << "mqtt://h:0" << false << "" << 0 << false << "port";
    QTest::newRow("port too big") << "mqtt://h:70000" << false << "" << 0 << false << "";
    QTest::newRow("port not a number") << "mqtt://h:abc" << false << "" << 0 << false << "";
}

void tst_MqttOptions::fromUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, ok);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(bool, tls);
    QFETCH(QString, errorMentions);

    QString error;
    const auto options = MqttOptions::fromUrl(url, &error);
    QCOMPARE(options.has_value(), ok);
    if (!ok) {
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(errorMentions), qPrintable(error));
        return;
    }
    QCOMPARE(options->host, host);
    QCOMPARE(int(options->port), port);
    QCOMPARE(options->tls, tls);
    QCOMPARE(options->useTls(), tls);
    QVERIFY(options->validate().isEmpty());
}

void tst_MqttOptions::validate_data()
{
    QTest::addColumn<MqttOptions>("options");
    QTest::addColumn<QString>("errorMentions");

    QTest::newRow("defaults") << MqttOptions{} << "";
    MqttOptions o;
    o.host.clear();
    QTest::newRow("no host") << o << "host";
    o = {};
    o.port = 0;
    QTest::newRow("port 0") << o << "port";
    o = {};
    o.cleanStart = false;
    QTest::newRow("persistent session without id") << o << "client id";
    o.clientId = QStringLiteral("kiosk-1");
    QTest::newRow("persistent session with id") << o << "";
    o = {};
    o.keepAliveSeconds = 2;
    QTest::newRow("keepalive too short") << o << "keepalive";
    o = {};
    o.maxPacketSize = 10;
    QTest::newRow("packet size too small") << o << "packet size";
    o = {};
    o.reconnectMaxMs = 10;
    QTest::newRow("reconnect max below min") << o << "reconnect";
    o = {};
    o.password = QStringLiteral("x");
    QTest::newRow("password without user") << o << "user name";
    o = {};
    o.tlsCertFile = QStringLiteral("c.pem");
    QTest::newRow("certificate without key") << o << "key file";
    o = {};
    o.will = fest::MqttMessage{};
    QTest::newRow("will without topic") << o << "Will";
    o.will = fest::MqttMessage{QStringLiteral("fest/v1/node/#"), "offline", 1};
    QTest::newRow("will topic with wildcard") << o << "'+' or '#'";
    o.will = fest::MqttMessage{QStringLiteral("fest/v1/node/k/status"), "offline", 3};
    QTest::newRow("will QoS 3") << o << "QoS";
    o.will = fest::MqttMessage{QStringLiteral("fest/v1/node/k/status"), "offline", 1, true};
    QTest::newRow("retained will") << o << "";
}

void tst_MqttOptions::validate()
{
    QFETCH(MqttOptions, options);
    QFETCH(QString, errorMentions);
    const QString problem = options.validate();
    if (errorMentions.isEmpty())
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    else
        QVERIFY2(problem.contains(errorMentions), qPrintable(problem));
}

QTEST_GUILESS_MAIN(tst_MqttOptions)
#include "tst_mqttoptions.moc"
