#include "database.h"
#include "kiosk.h"
#include "kioskbus.h"
#include "mosquittoprocess.h"
#include "projectbinaries.h"
#include "statement.h"
#include "voteoutbox.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;

// The kiosk on a real broker (MosquittoProcess) with the real vote ingest
// (festival-vote-ingest: the controller's VoteService, VoteStore and VotingWindows in
// one process): the programme and voting windows arrive retained; a vote is counted and
// thanked; with the broker down a vote is saved, survives a
// kiosk restart and is counted exactly once after the broker returns.
class tst_KioskBus : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void programmeAndVotingArriveFromTheBus();
    void voteIsCountedAndThanked();
    void offlineVoteSurvivesRestartAndCountsOnce();

private:
    std::unique_ptr<Kiosk> startKiosk();
    void vote(Kiosk &kiosk, const QString &ticket);
    qint64 countedVotes();
    void publishRetained(const QString &topic, const QByteArray &payload);

    QTemporaryDir m_dir;
    MosquittoProcess m_broker;
    QProcess m_ingest;
    QStringList m_tickets;
    std::unique_ptr<Kiosk> m_kiosk;
};

void tst_KioskBus::initTestCase()
{
    const QString ingest = projectBinary(QStringLiteral("festival-vote-ingest"));
    QVERIFY2(!ingest.isEmpty(), "festival-vote-ingest was not built");
    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error));
    const QStringList common{"--broker", m_broker.url(), "--db", m_dir.filePath("votes.db"), "--keys",
                             m_dir.filePath("keys.json"), "--open", "S-0202=F-001"};
    QProcess issue;
    issue.start(ingest, common + QStringList{"--issue", "3"});
    QVERIFY(issue.waitForFinished(30000));
    for (const QByteArray &line : issue.readAllStandardOutput().split('\n'))
        if (!line.isEmpty())
            m_tickets << QString::fromLatin1(line.split(',').constFirst());
    QCOMPARE(m_tickets.size(), 3);
    m_ingest.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_ingest.start(ingest, common);
    QVERIFY(m_ingest.waitForStarted());

    QFile sample(QString::fromLocal8Bit(qgetenv("FEST_SOURCE_DIR")) + "/config/programme.sample.json");
    QVERIFY(sample.open(QIODevice::ReadOnly));
    publishRetained(QStringLiteral("fest/v1/programme"),
                    R"({"type":"programme","v":1,"version":3,"hash":"sample","programme":)" + sample.readAll() + "}");
    m_kiosk = startKiosk();
}

void tst_KioskBus::cleanupTestCase()
{
    m_ingest.kill();
    m_ingest.waitForFinished(5000);
    m_kiosk.reset();
    m_broker.kill();
}

std::unique_ptr<Kiosk> tst_KioskBus::startKiosk()
{
    KioskConfig config;
    config.kioskId = QStringLiteral("kiosk-1");
    config.venueId = QStringLiteral("V-CINE");
    config.broker = MqttOptions::fromUrl(m_broker.url(), nullptr);
    config.broker->username = config.kioskId;
    config.outboxPath = m_dir.filePath(QStringLiteral("outbox.db"));
    config.replyWaitMs = 30000;   // the verdict, not the fallback, is under test
    // Configured like a real kiosk, which follows the ceremony on the show clock; no clock
    // answers here, which only leaves the ceremony view unsynchronised (not under test).
    config.clockAddress = QStringLiteral("127.0.0.1:7010");
    auto kiosk = std::make_unique<Kiosk>(config);
    QString error;
    if (!kiosk->start(&error))
        qWarning() << error;
    return kiosk;
}

void tst_KioskBus::publishRetained(const QString &topic, const QByteArray &payload)
{
    MqttOptions options = *MqttOptions::fromUrl(m_broker.url(), nullptr);
    options.username = QStringLiteral("controller");
    MqttClient client(options);
    client.open();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), MqttClient::State::Connected, 10000);
    MqttMessage m;
    m.topic = topic;
    m.payload = payload;
    m.qos = 1;
    m.retain = true;
    QVERIFY(client.publish(m) > 0);
    QVERIFY(client.waitForPublished(10000));
    client.close();
}

void tst_KioskBus::vote(Kiosk &kiosk, const QString &ticket)
{
    VoteSession *v = kiosk.vote();
    v->choose(QStringLiteral("S-0202"), QStringLiteral("F-001"));
    v->setCode(ticket);
    QVERIFY(v->submitCode());
    v->rate(5);
    QVERIFY(v->confirm());
}

qint64 tst_KioskBus::countedVotes()
{
    QString error;
    auto db = Database::open(m_dir.filePath("votes.db"), Database::Options{Database::Sync::Normal, true, 5000}, &error);
    if (!db)
        return -1;
    Statement s = db->prepare(QStringLiteral("SELECT count(*) FROM votes"));
    return s.step() == Statement::Step::Row ? s.columnInt(0) : -1;
}

void tst_KioskBus::programmeAndVotingArriveFromTheBus()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_kiosk->connection(), Kiosk::Connection::Online, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(m_kiosk->programmeVersion(), 3, 15000);
    QCOMPARE(m_kiosk->films()->rowCount(), 40);
    QTRY_COMPARE_WITH_TIMEOUT(m_kiosk->votable()->count(), 1, 15000);
    QCOMPARE(m_kiosk->votable()->idAt(0), QStringLiteral("S-0202"));
}

void tst_KioskBus::voteIsCountedAndThanked()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_kiosk->connection(), Kiosk::Connection::Online, 15000);
    vote(*m_kiosk, m_tickets[0]);
    QTRY_COMPARE_WITH_TIMEOUT(m_kiosk->vote()->step(), VoteSession::Step::Thanks, 15000);
    QCOMPARE(m_kiosk->vote()->outcome(), VoteSession::Outcome::Counted);
    QTRY_COMPARE_WITH_TIMEOUT(m_kiosk->outboxPending(), 0, 15000);
    QCOMPARE(countedVotes(), 1);
}

void tst_KioskBus::offlineVoteSurvivesRestartAndCountsOnce()
{
    m_broker.stop();
    QTRY_VERIFY_WITH_TIMEOUT(m_kiosk->connection() != Kiosk::Connection::Online, 15000);
    vote(*m_kiosk, m_tickets[1]);
    QCOMPARE(m_kiosk->vote()->step(), VoteSession::Step::Thanks);
    QCOMPARE(m_kiosk->vote()->outcome(), VoteSession::Outcome::Saved);
    QCOMPARE(m_kiosk->outboxPending(), 1);

    m_kiosk.reset();               // the kiosk restarts while offline
    m_kiosk = startKiosk();
    QCOMPARE(m_kiosk->outboxPending(), 1);

    QString error;
    QVERIFY2(m_broker.restart(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(m_kiosk->outboxPending(), 0, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(countedVotes(), 2, 15000);
    // Re-sends after later reconnects cannot count it again.
    m_kiosk->outbox()->sendPending();
    QTRY_COMPARE_WITH_TIMEOUT(m_kiosk->outboxPending(), 0, 15000);
    QCOMPARE(countedVotes(), 2);
}

QTEST_MAIN(tst_KioskBus)
#include "tst_kioskbus.moc"
