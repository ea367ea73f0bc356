// The authorisation matrix: a real mosquitto running the shipped listener settings, with
// accounts made by packaging/festival-accounts from the shipped ACL templates. Venue
// accounts connect over the TLS listener, the controller and the observer over loopback,
// as they would at a festival.
#include "brokeraccounts.h"
#include "busprobe.h"
#include "controllerprocess.h"
#include "mosquittoprocess.h"
#include "shippedbrokerconfig.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <memory>

#include <pwd.h>
#include <unistd.h>

using namespace fest;

namespace {
constexpr int NotAuthorized = 0x87;   // MQTT 5 reason code

struct Account {
    QString role;
    QString name;
};

const QList<Account> accounts = {
    {QStringLiteral("controller"), QStringLiteral("controller")},
    {QStringLiteral("organiser"), QStringLiteral("org-ana")},
    {QStringLiteral("staff"), QStringLiteral("staff-ben")},
    {QStringLiteral("player"), QStringLiteral("player-a1")},
    {QStringLiteral("player"), QStringLiteral("player-b2")},
    {QStringLiteral("kiosk"), QStringLiteral("kiosk-01")},
    {QStringLiteral("kiosk"), QStringLiteral("kiosk-02")},
    {QStringLiteral("bridge"), QStringLiteral("bridge-v1")},
    // Test-only role: reads and writes everything under fest/, to watch the others.
    {QStringLiteral("observer"), QStringLiteral("observer")},
};

const QString programmeTopic = QStringLiteral("fest/v1/programme");

QByteArray uniquePayload()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}
} // namespace

class tst_BrokerAcl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void shippedFileRunsAsIs();
    void anonymousRefused_data();
    void anonymousRefused();
    void badCredentialsRefused_data();
    void badCredentialsRefused();
    void untrustedBrokerCertificateRefused();
    void publishMatrix_data();
    void publishMatrix();
    void subscribeMatrix_data();
    void subscribeMatrix();
    void retainedResultsReachOnlyOrganisers_data();
    void retainedResultsReachOnlyOrganisers();
    void wildcardClientIdGainsNothing_data();
    void wildcardClientIdGainsNothing();
    void anotherAccountsClientIdCannotTakeItsSession();
    void controllerStateUnchangedAfterDeniedAttempts();
    void removedAccountRefusedAfterReload();

private:
    MqttOptions options(const QString &name, bool tls) const;
    BusProbe *probe(const QString &name);
    std::unique_ptr<BusProbe> connectFresh(const QString &name, const QString &clientId = {});

    MosquittoProcess m_broker;
    std::unique_ptr<BrokerAccounts> m_accounts;
    quint16 m_tlsPort = 0;
    QHash<QString, BusProbe *> m_probes;
};

MqttOptions tst_BrokerAcl::options(const QString &name, bool tls) const
{
    MqttOptions o;
    o.host = m_broker.host();
    o.port = tls ? m_tlsPort : m_broker.port();
    o.tlsCaFile = tls ? m_accounts->caFile() : QString();
    o.username = name;
    o.password = m_accounts->password(name);
    o.clientId = name;
    o.reconnectMinMs = 100;
    o.reconnectMaxMs = 500;
    return o;
}

// Long-lived connections, one per account, made on first use. Venue accounts use TLS.
BusProbe *tst_BrokerAcl::probe(const QString &name)
{
    if (BusProbe *p = m_probes.value(name))
        return p;
    const bool onBrokerMachine = name == QLatin1String("controller") || name == QLatin1String("observer");
    auto *p = new BusProbe(options(name, !onBrokerMachine), this);
    m_probes.insert(name, p);
    if (!p->connectToBroker())
        qWarning("%s could not connect: %s", qPrintable(name), qPrintable(p->client().errorString()));
    return p;
}

std::unique_ptr<BusProbe> tst_BrokerAcl::connectFresh(const QString &name, const QString &clientId)
{
    // One account, one session: a long-lived connection of the same account would take
    // the session back on its next reconnect, and the two would take turns.
    if (BusProbe *old = m_probes.take(name)) {
        old->client().close();
        delete old;
    }
    MqttOptions o = options(name, true);
    if (!clientId.isNull())
        o.clientId = clientId;
    auto p = std::make_unique<BusProbe>(o);
    p->connectToBroker();
    return p;
}

void tst_BrokerAcl::initTestCase()
{
    QString error;
    const std::optional<ShippedBrokerConfig> shipped = ShippedBrokerConfig::load(&error);
    QVERIFY2(shipped, qPrintable(error));
    m_accounts = std::make_unique<BrokerAccounts>(m_broker.filePath(QStringLiteral("festival")));
    QVERIFY2(m_accounts->installTemplates(&error), qPrintable(error));
    QVERIFY2(m_accounts->addTestRole(QStringLiteral("observer"), {QStringLiteral("topic readwrite fest/#")}, &error),
             qPrintable(error));
    for (const Account &a : accounts)
        QVERIFY2(m_accounts->add(a.role, a.name, &error), qPrintable(error));
    // Wildcard names festival-accounts refuses, put into the password file by hand: the
    // broker lets them log in, and they must get nothing. (mosquitto 2.0.11 itself only
    // refuses such names where "pattern" ACL lines are used; the generated ACL has none.)
    for (const QString &name : {QStringLiteral("+"), QStringLiteral("#")})
        QVERIFY2(m_accounts->addPasswordOnly(name, QStringLiteral("wildcard-password"), &error), qPrintable(error));
    QVERIFY2(m_accounts->makeCertificates(&error), qPrintable(error));
    m_tlsPort = shipped->apply(m_broker, m_accounts->folder(), &error);
    QVERIFY2(m_tlsPort != 0, qPrintable(error));
    QVERIFY2(m_broker.start(&error), qPrintable(error));

    BusProbe *observer = probe(QStringLiteral("observer"));
    QVERIFY2(observer->client().state() == MqttClient::State::Connected, qPrintable(observer->client().errorString()));
    QCOMPARE(observer->subscribe(QStringLiteral("fest/#")), 1);
}

// The other tests run the shipped listener settings through MosquittoProcess, which
// cannot express per_listener_settings. Here the shipped file itself runs, unchanged but
// for paths and ports: it must load, and both listeners must demand an account.
void tst_BrokerAcl::shippedFileRunsAsIs()
{
    auto freePort = [] {
        QTcpServer probe;
        return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : quint16(0);
    };
    const quint16 loopback = freePort();
    const quint16 tls = freePort();
    QVERIFY(loopback && tls && loopback != tls);
    const passwd *pw = getpwuid(geteuid());
    QVERIFY(pw);
    QString error;
    const std::optional<QString> text = ShippedBrokerConfig::asIs(m_accounts->folder(), loopback, tls,
                                                                  QString::fromLocal8Bit(pw->pw_name), &error);
    QVERIFY2(text, qPrintable(error));
    QTemporaryDir dir;
    QFile conf(dir.filePath(QStringLiteral("festival.conf")));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write(text->toUtf8());
    conf.close();

    QProcess broker;
    broker.setProcessChannelMode(QProcess::MergedChannels);
    broker.start(QStringLiteral("/usr/sbin/mosquitto"), {QStringLiteral("-c"), conf.fileName()});
    auto stop = qScopeGuard([&] { broker.terminate(); broker.waitForFinished(5000); });
    QVERIFY(broker.waitForStarted());
    auto listening = [&] {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, tls);
        return socket.waitForConnected(100);
    };
    QTRY_VERIFY_WITH_TIMEOUT(listening() || broker.state() == QProcess::NotRunning, 10000);
    QVERIFY2(broker.state() == QProcess::Running, broker.readAll().constData());

    for (const bool overTls : {false, true}) {
        MqttOptions o = options(QStringLiteral("kiosk-01"), overTls);
        o.port = overTls ? tls : loopback;
        BusProbe kiosk(o);
        QVERIFY2(kiosk.connectToBroker(), qPrintable(kiosk.client().errorString()));
        QCOMPARE(kiosk.publish(QStringLiteral("fest/v1/vote/kiosk-01"), "{}"), 0);
        QCOMPARE(kiosk.publish(programmeTopic, "{}"), NotAuthorized);

        MqttOptions anonymous = o;
        anonymous.username.clear();
        anonymous.password.clear();
        BusProbe nobody(anonymous);
        QVERIFY(!nobody.connectToBroker());
        QCOMPARE(nobody.client().error(), MqttClient::Error::NotAuthorised);
    }
}

void tst_BrokerAcl::anonymousRefused_data()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("loopback") << false;
    QTest::newRow("venue TLS") << true;
}

void tst_BrokerAcl::anonymousRefused()
{
    QFETCH(bool, tls);
    MqttOptions o = options(QString(), tls);
    o.clientId = QStringLiteral("anonymous-probe");
    BusProbe anonymous(o);
    QVERIFY(!anonymous.connectToBroker());
    QCOMPARE(anonymous.client().error(), MqttClient::Error::NotAuthorised);
}

void tst_BrokerAcl::badCredentialsRefused_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("tls");
    QTest::newRow("wrong password, TLS") << "kiosk-01" << "not-the-password" << true;
    QTest::newRow("wrong password, loopback") << "controller" << "not-the-password" << false;
    QTest::newRow("empty password") << "kiosk-01" << "" << true;
    QTest::newRow("another account's password") << "kiosk-01" << "@kiosk-02" << true;
    QTest::newRow("unknown account") << "kiosk-99" << "whatever" << true;
    QTest::newRow("role name as account") << "organiser" << "whatever" << true;
}

void tst_BrokerAcl::badCredentialsRefused()
{
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(bool, tls);
    MqttOptions o = options(user, tls);
    o.password = password.startsWith(QLatin1Char('@')) ? m_accounts->password(password.mid(1)) : password;
    BusProbe client(o);
    QVERIFY(!client.connectToBroker());
    QVERIFY2(client.client().error() == MqttClient::Error::BadCredentials
                 || client.client().error() == MqttClient::Error::NotAuthorised,
             qPrintable(client.client().errorString()));
}

void tst_BrokerAcl::untrustedBrokerCertificateRefused()
{
    // A client that trusts another CA must not talk to this broker (nor send it its
    // password): the venue network is not trusted.
    QString error;
    BrokerAccounts other(m_broker.filePath(QStringLiteral("other-ca")));
    QVERIFY2(other.makeCertificates(&error), qPrintable(error));
    MqttOptions o = options(QStringLiteral("kiosk-01"), true);
    o.tlsCaFile = other.caFile();
    BusProbe client(o);
    QVERIFY(!client.connectToBroker());
    QCOMPARE(client.client().error(), MqttClient::Error::TlsFailure);

    // The same account with the right CA gets in: the refusal was about the certificate.
    QVERIFY(connectFresh(QStringLiteral("kiosk-01"))->client().state() == MqttClient::State::Connected);
}

void tst_BrokerAcl::publishMatrix_data()
{
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("allowed");

    auto row = [](const char *account, const char *topic, bool allowed) {
        QTest::addRow("%s %s %s", account, allowed ? "writes" : "cannot write", topic)
            << QString::fromLatin1(account) << QString::fromLatin1(topic) << allowed;
    };
    // Kiosks: their own votes and status, nothing else.
    row("kiosk-01", "fest/v1/vote/kiosk-01", true);
    row("kiosk-01", "fest/v1/node/kiosk-01/status", true);
    row("kiosk-01", "fest/v1/vote/kiosk-02", false);
    row("kiosk-01", "fest/v1/programme", false);
    row("kiosk-01", "fest/v1/screen/a1/playlist", false);
    row("kiosk-01", "fest/v1/voting", false);
    row("kiosk-01", "fest/v1/results", false);
    row("kiosk-01", "fest/v1/ceremony", false);
    row("kiosk-01", "fest/v1/ceremony/cue", false);
    row("kiosk-01", "fest/v1/still/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", false);
    row("kiosk-01", "fest/v1/controller/request/kiosk-01", false);
    row("kiosk-01", "fest/v1/controller/request/org-ana", false);
    row("kiosk-01", "fest/v1/node/player-a1/request", false);
    row("kiosk-01", "fest/v1/node/player-a1/status", false);
    row("kiosk-01", "fest/v1/node/controller/status", false);
    row("kiosk-01", "fest/v1/reply/org-ana/controller/r1", false);
    row("kiosk-01", "fest/v1/reply/kiosk-02/controller/votes", false);
    row("kiosk-01", "fest/v1/reply/kiosk-01/controller/votes", false);
    row("kiosk-01", "fest/v1/bridge/bridge-v1/state", false);
    // Players: their own status and replies that name them; never a vote.
    row("player-a1", "fest/v1/node/player-a1/status", true);
    row("player-a1", "fest/v1/reply/staff-ben/player-a1/r1", true);
    row("player-a1", "fest/v1/vote/player-a1", false);
    row("player-a1", "fest/v1/vote/kiosk-01", false);
    row("player-a1", "fest/v1/node/player-b2/status", false);
    row("player-a1", "fest/v1/reply/staff-ben/player-b2/r1", false);
    row("player-a1", "fest/v1/reply/org-ana/controller/r1", false);
    row("player-a1", "fest/v1/reply/kiosk-01/controller/votes", false);
    row("player-a1", "fest/v1/screen/a1/playlist", false);
    row("player-a1", "fest/v1/controller/request/player-a1", false);
    // Only organiser and staff accounts command the controller, each under its own name.
    row("org-ana", "fest/v1/controller/request/org-ana", true);
    row("org-ana", "fest/v1/controller/request/staff-ben", false);
    row("org-ana", "fest/v1/programme", false);
    row("org-ana", "fest/v1/results", false);
    row("org-ana", "fest/v1/node/player-a1/request", false);
    row("staff-ben", "fest/v1/controller/request/staff-ben", true);
    row("staff-ben", "fest/v1/node/player-a1/request", true);
    row("staff-ben", "fest/v1/controller/request/org-ana", false);
    row("staff-ben", "fest/v1/vote/staff-ben", false);
    row("staff-ben", "fest/v1/ceremony", false);
    // Nobody answers in another's name: a reply's responder level is its writer's account.
    row("staff-ben", "fest/v1/reply/org-ana/controller/r1", false);
    row("staff-ben", "fest/v1/reply/staff-ben/controller/r1", false);
    row("org-ana", "fest/v1/reply/kiosk-01/controller/votes", false);
    row("controller", "fest/v1/programme", true);
    row("controller", "fest/v1/still/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", true);
    row("controller", "fest/v1/results", true);
    row("controller", "fest/v1/reply/kiosk-01/controller/votes", true);
    row("controller", "fest/v1/reply/org-ana/controller/r1", true);
    row("controller", "fest/v1/reply/kiosk-01/r1", false);
    row("controller", "fest/v1/reply/staff-ben/player-a1/r1", false);
    row("controller", "fest/v1/controller/request/controller", false);
    row("controller", "fest/v1/vote/controller", false);
    // A venue bridge relays votes and statuses, never state or results.
    row("bridge-v1", "fest/v1/vote/kiosk-01", true);
    row("bridge-v1", "fest/v1/programme", false);
    row("bridge-v1", "fest/v1/results", false);
    row("bridge-v1", "fest/v1/ceremony", false);
    // Wildcards in a user name: the broker refuses everything, even what the ACL names.
    row("+", "fest/v1/vote/kiosk-01", false);
    row("+", "fest/v1/vote/+", false);
    row("#", "fest/v1/vote/kiosk-01", false);
    row("#", "fest/v1/programme", false);
}

void tst_BrokerAcl::publishMatrix()
{
    QFETCH(QString, account);
    QFETCH(QString, topic);
    QFETCH(bool, allowed);

    BusProbe *observer = probe(QStringLiteral("observer"));
    BusProbe *publisher = probe(account);
    const QByteArray payload = uniquePayload();
    if (publisher->client().state() != MqttClient::State::Connected) {
        QVERIFY2(!allowed, "the account could not even connect");
        return;   // refused at the door: it publishes nothing
    }
    const int result = publisher->publish(topic, payload);
    if (allowed) {
        QCOMPARE(result, 0);
        QVERIFY(observer->waitForMessage(topic, payload));
        return;
    }
    if (topic.contains(QLatin1Char('+'))) {
        QCOMPARE(result, BusProbe::NoAnswer);   // not even sent: a wildcard is no topic
        return;
    }
    QCOMPARE(result, NotAuthorized);
    QVERIFY(observer->sync());
    QVERIFY2(!observer->received(topic, payload), "a refused message was delivered");
}

void tst_BrokerAcl::subscribeMatrix_data()
{
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("allowed");

    auto row = [](const char *account, const char *filter, const char *topic, bool allowed) {
        QTest::addRow("%s %s %s via %s", account, allowed ? "reads" : "cannot read", topic, filter)
            << QString::fromLatin1(account) << QString::fromLatin1(filter) << QString::fromLatin1(topic) << allowed;
    };
    row("kiosk-01", "fest/v1/programme", "fest/v1/programme", true);
    row("kiosk-01", "fest/v1/screen/+/playlist", "fest/v1/screen/a1/playlist", true);
    row("kiosk-01", "fest/v1/ceremony/#", "fest/v1/ceremony/cue", true);
    row("kiosk-01", "fest/v1/still/+", "fest/v1/still/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", true);
    row("kiosk-01", "fest/v1/reply/kiosk-01/#", "fest/v1/reply/kiosk-01/r1", true);
    row("kiosk-01", "fest/v1/results", "fest/v1/results", false);
    row("kiosk-01", "fest/v1/#", "fest/v1/results", false);
    row("kiosk-01", "#", "fest/v1/results", false);
    row("kiosk-01", "fest/v1/reply/kiosk-02/#", "fest/v1/reply/kiosk-02/r1", false);
    row("kiosk-01", "fest/v1/reply/+/#", "fest/v1/reply/kiosk-02/r1", false);
    row("kiosk-01", "fest/v1/vote/+", "fest/v1/vote/kiosk-02", false);
    row("kiosk-01", "fest/v1/controller/request/+", "fest/v1/controller/request/org-ana", false);
    row("kiosk-01", "fest/v1/node/+/request", "fest/v1/node/player-a1/request", false);
    row("player-a1", "fest/v1/node/player-a1/request", "fest/v1/node/player-a1/request", true);
    row("player-a1", "fest/v1/screen/a1/playlist", "fest/v1/screen/a1/playlist", true);
    row("player-a1", "fest/v1/node/player-b2/request", "fest/v1/node/player-b2/request", false);
    row("player-a1", "fest/v1/vote/+", "fest/v1/vote/kiosk-01", false);
    row("player-a1", "fest/v1/results", "fest/v1/results", false);
    row("org-ana", "fest/v1/results", "fest/v1/results", true);
    row("org-ana", "fest/v1/node/+/status", "fest/v1/node/player-a1/status", true);
    row("org-ana", "fest/v1/reply/staff-ben/#", "fest/v1/reply/staff-ben/r1", false);
    row("org-ana", "fest/v1/vote/+", "fest/v1/vote/kiosk-01", false);
    row("staff-ben", "fest/v1/results", "fest/v1/results", false);
    row("staff-ben", "fest/v1/reply/staff-ben/#", "fest/v1/reply/staff-ben/player-a1/r1", true);
    row("staff-ben", "fest/v1/bridge/+/state", "fest/v1/bridge/bridge-v1/state", true);
    row("controller", "fest/v1/vote/+", "fest/v1/vote/kiosk-01", true);
    row("controller", "fest/v1/controller/request/+", "fest/v1/controller/request/org-ana", true);
    row("bridge-v1", "fest/v1/results", "fest/v1/results", false);
    row("bridge-v1", "fest/v1/#", "fest/v1/results", false);
    row("+", "fest/v1/reply/+", "fest/v1/reply/kiosk-01", false);
    row("#", "fest/v1/reply/#", "fest/v1/reply/kiosk-01/r1", false);
}

void tst_BrokerAcl::subscribeMatrix()
{
    QFETCH(QString, account);
    QFETCH(QString, filter);
    QFETCH(QString, topic);
    QFETCH(bool, allowed);

    // A fresh connection per row, so that no earlier subscription answers for this one.
    std::unique_ptr<BusProbe> reader = connectFresh(account);
    if (reader->client().state() != MqttClient::State::Connected) {
        QVERIFY2(!allowed, qPrintable(reader->client().errorString()));
        return;
    }
    const int granted = reader->subscribe(filter);
    QVERIFY2(granted != BusProbe::NoAnswer, "no SUBACK");
    if (granted >= 0x80) {
        QVERIFY2(!allowed, "the subscription was refused");
        QCOMPARE(granted, NotAuthorized);
        return;
    }
    // mosquitto 2.0.11 grants every SUBSCRIBE and filters each message on delivery.
    BusProbe *observer = probe(QStringLiteral("observer"));
    const QByteArray payload = uniquePayload();
    QCOMPARE(observer->publish(topic, payload), 0);
    if (allowed) {
        QVERIFY(reader->waitForMessage(topic, payload));
        return;
    }
    QVERIFY(reader->sync());
    QVERIFY2(!reader->received(topic, payload), "a message was delivered to an account that may not read it");
}

void tst_BrokerAcl::retainedResultsReachOnlyOrganisers_data()
{
    QTest::addColumn<QString>("account");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("organiser") << "org-ana" << true;
    QTest::newRow("staff") << "staff-ben" << false;
    QTest::newRow("kiosk") << "kiosk-01" << false;
    QTest::newRow("player") << "player-a1" << false;
    QTest::newRow("bridge") << "bridge-v1" << false;
}

void tst_BrokerAcl::retainedResultsReachOnlyOrganisers()
{
    QFETCH(QString, account);
    QFETCH(bool, allowed);
    BusProbe *controller = probe(QStringLiteral("controller"));
    const QByteArray results = R"({"type":"results","v":1,"sealed":true})";
    const QByteArray programme = R"({"type":"programme","v":1,"version":3})";
    QCOMPARE(controller->publish(QStringLiteral("fest/v1/results"), results, true), 0);
    QCOMPARE(controller->publish(programmeTopic, programme, true), 0);

    std::unique_ptr<BusProbe> reader = connectFresh(account);
    QVERIFY(reader->client().state() == MqttClient::State::Connected);
    // Retained messages are queued with the SUBACK; sync() then proves they are all in.
    QCOMPARE(reader->subscribe(QStringLiteral("fest/v1/#")), 1);
    QVERIFY(reader->sync());
    if (account != QLatin1String("bridge-v1"))
        QVERIFY2(reader->received(programmeTopic, programme), "the reader lost even the programme");
    QCOMPARE(reader->received(QStringLiteral("fest/v1/results"), results), allowed);
}

void tst_BrokerAcl::wildcardClientIdGainsNothing_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::newRow("+") << "+";
    QTest::newRow("#") << "#";
    QTest::newRow("kiosk-02/#") << "kiosk-02/#";
    QTest::newRow("another account's name") << "kiosk-02";
}

void tst_BrokerAcl::wildcardClientIdGainsNothing()
{
    // The ACL never uses %c, and the broker replaces the client id by the account name:
    // whatever id kiosk-01 presents, it stays kiosk-01.
    QFETCH(QString, clientId);
    std::unique_ptr<BusProbe> kiosk = connectFresh(QStringLiteral("kiosk-01"), clientId);
    QVERIFY2(kiosk->client().state() == MqttClient::State::Connected, qPrintable(kiosk->client().errorString()));
    QCOMPARE(kiosk->publish(QStringLiteral("fest/v1/vote/kiosk-02"), uniquePayload()), NotAuthorized);
    QCOMPARE(kiosk->publish(QStringLiteral("fest/v1/vote/kiosk-01"), uniquePayload()), 0);

    QVERIFY(kiosk->subscribe(QStringLiteral("fest/v1/reply/#")) <= 2);
    BusProbe *controller = probe(QStringLiteral("controller"));
    const QByteArray other = uniquePayload(), own = uniquePayload();
    QCOMPARE(controller->publish(QStringLiteral("fest/v1/reply/kiosk-02/controller/r7"), other), 0);
    QCOMPARE(controller->publish(QStringLiteral("fest/v1/reply/kiosk-01/controller/r7"), own), 0);
    QVERIFY(kiosk->waitForMessage(QStringLiteral("fest/v1/reply/kiosk-01/controller/r7"), own));
    QVERIFY(kiosk->sync());
    QVERIFY(!kiosk->received(QStringLiteral("fest/v1/reply/kiosk-02/controller/r7"), other));
}

void tst_BrokerAcl::anotherAccountsClientIdCannotTakeItsSession()
{
    std::unique_ptr<BusProbe> victim = connectFresh(QStringLiteral("kiosk-01"));
    QVERIFY(victim->client().state() == MqttClient::State::Connected);

    std::unique_ptr<BusProbe> intruder = connectFresh(QStringLiteral("kiosk-02"), QStringLiteral("kiosk-01"));
    QVERIFY(intruder->client().state() == MqttClient::State::Connected);
    // The victim still works after the intruder is in: its session was not taken.
    QCOMPARE(victim->publish(QStringLiteral("fest/v1/node/kiosk-01/status"), uniquePayload()), 0);
    QCOMPARE(victim->disconnections(), 0);
    QCOMPARE(victim->client().state(), MqttClient::State::Connected);

    // The same account logging in twice does take the session over: this is what the
    // broker would have done to the victim had it kept the presented client id.
    std::unique_ptr<BusProbe> twin = connectFresh(QStringLiteral("kiosk-01"), QStringLiteral("anything"));
    QVERIFY(twin->client().state() == MqttClient::State::Connected);
    QTRY_VERIFY(victim->disconnections() > 0);
    victim->client().close();
}

// The real controller behind the broker: whatever the other accounts try, its retained
// programme stays the same version. Refused at the broker (ACL) or by the controller
// itself (role), nothing changes.
void tst_BrokerAcl::controllerStateUnchangedAfterDeniedAttempts()
{
    QVERIFY2(!ControllerProcess::binary().isEmpty(), "festival-controller was not built");

    // The controller's account must be free for the real controller.
    if (BusProbe *stand_in = m_probes.take(QStringLiteral("controller"))) {
        stand_in->client().close();
        delete stand_in;
    }
    BusProbe *observer = probe(QStringLiteral("observer"));
    const qsizetype before = observer->messages().size();
    ControllerProcess controller;
    QString error;
    QVERIFY2(controller.start({m_broker.port(), QDir(m_accounts->folder()).filePath(QStringLiteral("controller.password")),
                               {QStringLiteral("org-ana")}, {QStringLiteral("staff-ben")}},
                              &error),
             qPrintable(error));

    // Its programme, as published on start.
    auto programmes = [&] {
        QList<QByteArray> list;
        for (qsizetype i = before; i < observer->messages().size(); ++i) {
            if (observer->messages().at(i).topic == programmeTopic)
                list.append(observer->messages().at(i).payload);
        }
        return list;
    };
    QTRY_VERIFY_WITH_TIMEOUT(!programmes().isEmpty(), 20000);
    const QByteArray published = programmes().constLast();
    const int version = QJsonDocument::fromJson(published).object().value(QStringLiteral("version")).toInt(-1);
    QVERIFY2(version > 0, published.constData());

    const QByteArray import = QJsonDocument(QJsonObject{
        {"type", "request"}, {"v", 1}, {"op", "screening.cancel"}, {"args", QJsonObject{{"id", "S-0101"}}}}).toJson(QJsonDocument::Compact);
    const QByteArray forged = QJsonDocument(QJsonObject{{"type", "programme"}, {"v", 1}, {"version", version + 100}}).toJson(QJsonDocument::Compact);
    struct Attempt { const char *account; QString topic; QByteArray payload; bool retain; };
    const QList<Attempt> refusedByTheBroker = {
        {"kiosk-01", programmeTopic, forged, true},
        {"kiosk-01", QStringLiteral("fest/v1/controller/request/kiosk-01"), import, false},
        {"kiosk-01", QStringLiteral("fest/v1/controller/request/org-ana"), import, false},
        {"player-a1", QStringLiteral("fest/v1/controller/request/player-a1"), import, false},
        {"player-a1", QStringLiteral("fest/v1/screen/a1/playlist"), forged, true},
        {"bridge-v1", programmeTopic, forged, true},
        {"org-ana", programmeTopic, forged, true},
    };
    for (const Attempt &a : refusedByTheBroker) {
        MqttMessage m;
        m.topic = a.topic;
        m.payload = a.payload;
        m.qos = 1;
        m.retain = a.retain;
        m.responseTopic = QStringLiteral("fest/v1/reply/%1/controller/denied").arg(QLatin1String(a.account));
        QCOMPARE(probe(QLatin1String(a.account))->publish(m), NotAuthorized);
    }

    // Past the broker but not allowed by role: staff may not cancel a screening. The
    // reply proves the controller has handled it (and everything before it).
    BusProbe *staff = probe(QStringLiteral("staff-ben"));
    QCOMPARE(staff->subscribe(QStringLiteral("fest/v1/reply/staff-ben/#")), 1);
    MqttMessage request;
    request.topic = QStringLiteral("fest/v1/controller/request/staff-ben");
    request.payload = import;
    request.qos = 1;
    request.responseTopic = QStringLiteral("fest/v1/reply/staff-ben/controller/r1");
    request.correlationData = "r1";
    QCOMPARE(staff->publish(request), 0);
    QTRY_VERIFY_WITH_TIMEOUT(staff->received(request.responseTopic), 10000);
    const QJsonObject reply = QJsonDocument::fromJson(staff->messages().constLast().payload).object();
    QCOMPARE(reply.value(QStringLiteral("ok")).toBool(true), false);

    QVERIFY(observer->sync());
    QCOMPARE(programmes().constLast(), published);
    // A fresh reader gets the controller's retained programme, not a forged one.
    std::unique_ptr<BusProbe> reader = connectFresh(QStringLiteral("kiosk-02"));
    QCOMPARE(reader->subscribe(programmeTopic), 1);
    QVERIFY(reader->waitForMessage(programmeTopic, published));
}

void tst_BrokerAcl::removedAccountRefusedAfterReload()
{
    QString error;
    const QString password = m_accounts->password(QStringLiteral("kiosk-02"));
    QVERIFY2(m_accounts->remove(QStringLiteral("kiosk-02"), &error), qPrintable(error));
    delete m_probes.take(QStringLiteral("kiosk-02"));   // the removed kiosk is switched off
    // MosquittoProcess offers no SIGHUP; a restart re-reads the files just the same.
    QVERIFY2(m_broker.restart(&error), qPrintable(error));
    MqttOptions o = options(QStringLiteral("kiosk-02"), true);
    o.password = password;
    BusProbe removed(o);
    QVERIFY(!removed.connectToBroker());
    QCOMPARE(removed.client().error(), MqttClient::Error::BadCredentials);
    QVERIFY(connectFresh(QStringLiteral("kiosk-01"))->client().state() == MqttClient::State::Connected);
}

QTEST_GUILESS_MAIN(tst_BrokerAcl)
#include "tst_brokeracl.moc"
