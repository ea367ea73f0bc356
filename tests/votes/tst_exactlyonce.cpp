// Nothing lost, nothing counted twice: a kiosk's burst of ballots against a vote
// ingesting process that is killed with SIGKILL mid-burst (and a broker that dies), then
// restarted. Every ballot the kiosk cast must be in the votes table exactly once.
#include "ballot.h"
#include "database.h"
#include "mosquittoprocess.h"
#include "mqttclient.h"
#include "projectbinaries.h"
#include "ticketissuer.h"
#include "ticketkeyring.h"
#include "voteoutbox.h"

#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QLoggingCategory>
#include <QTest>

using fest::Ballot;
using fest::BallotReply;
using fest::MqttClient;
using fest::VoteOutbox;

class tst_ExactlyOnce : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void controllerKilledMidBurst();
    void brokerKilledMidBurst();

private:
    bool startIngest();
    QList<Ballot> castBurst(VoteOutbox &outbox, int count);
    void verifyCountedExactlyOnce(const QList<Ballot> &cast);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<fest::MosquittoProcess> m_broker;
    std::unique_ptr<QProcess> m_ingest;
    std::optional<fest::TicketKeyring> m_keys;
};

void tst_ExactlyOnce::init()
{
    // Per-packet client chatter would drown the test log.
    QLoggingCategory::setFilterRules(QStringLiteral("fest.mqtt.debug=false"));
    if (fest::projectBinary(QStringLiteral("festival-vote-ingest")).isEmpty())
        QFAIL("festival-vote-ingest was not built");
    m_dir = std::make_unique<QTemporaryDir>();
    m_broker = std::make_unique<fest::MosquittoProcess>();
    fest::MosquittoProcess::Limits limits;
    limits.maxQueuedMessages = 100000;
    m_broker->setLimits(limits);
    QString error;
    QVERIFY2(m_broker->start(&error), qPrintable(error));
    m_keys = fest::TicketKeyring::loadOrCreate(m_dir->filePath(QStringLiteral("tickets.keys")), &error);
    QVERIFY2(m_keys, qPrintable(error));
    QVERIFY(startIngest());
}

void tst_ExactlyOnce::cleanup()
{
    if (m_ingest) {
        m_ingest->kill();
        m_ingest->waitForFinished();
    }
    m_ingest.reset();
    m_broker.reset();
    m_dir.reset();
}

bool tst_ExactlyOnce::startIngest()
{
    m_ingest = std::make_unique<QProcess>();
    m_ingest->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_ingest->start(fest::projectBinary(QStringLiteral("festival-vote-ingest")),
                    {QStringLiteral("--broker"), m_broker->url(), QStringLiteral("--db"),
                     m_dir->filePath(QStringLiteral("votes.sqlite")), QStringLiteral("--keys"),
                     m_dir->filePath(QStringLiteral("tickets.keys")), QStringLiteral("--open"), QStringLiteral("S-1=F-1,F-2")});
    return m_ingest->waitForStarted();
}

QList<Ballot> tst_ExactlyOnce::castBurst(VoteOutbox &outbox, int count)
{
    const fest::TicketIssuer issuer(*m_keys);
    QList<Ballot> ballots;
    for (const QString &code : issuer.issue(count)) {
        Ballot b;
        b.voteId = Ballot::newVoteId();
        b.ticket = code;
        b.screening = QStringLiteral("S-1");
        b.ratings = {{ballots.size() % 3 ? QStringLiteral("F-1") : QStringLiteral("F-2"), 1 + ballots.size() % 5}};
        b.castAt = QDateTime::currentDateTimeUtc();
        ballots.append(b);
    }
    for (qsizetype i = 0; i < ballots.size(); i += 500)
        outbox.enqueue(ballots.mid(i, 500));
    return ballots;
}

void tst_ExactlyOnce::verifyCountedExactlyOnce(const QList<Ballot> &cast)
{
    QString error;
    auto db = fest::Database::open(m_dir->filePath(QStringLiteral("votes.sqlite")), {}, &error);
    QVERIFY2(db, qPrintable(error));
    QSet<QString> counted;
    fest::Statement s = db->prepare(QStringLiteral("SELECT vote_id FROM ballots"));
    qint64 rows = 0;
    while (s.step() == fest::Statement::Step::Row) {
        counted.insert(s.columnText(0));
        ++rows;
    }
    QSet<QString> expected;
    for (const Ballot &b : cast)
        expected.insert(b.voteId);
    QCOMPARE(rows, qint64(cast.size()));
    QCOMPARE(counted, expected);
    fest::Statement rejected = db->prepare(QStringLiteral("SELECT COUNT(*) FROM rejections"));
    QVERIFY(rejected.step() == fest::Statement::Step::Row);
    QCOMPARE(rejected.columnInt(0), 0);
}

void tst_ExactlyOnce::controllerKilledMidBurst()
{
    QString error;
    auto outboxDb = VoteOutbox::openDatabase(m_dir->filePath(QStringLiteral("kiosk.sqlite")), &error);
    QVERIFY2(outboxDb, qPrintable(error));
    fest::MqttOptions options;
    options.host = m_broker->host();
    options.port = m_broker->port();
    options.username = QStringLiteral("kiosk-01");
    MqttClient client(options);
    VoteOutbox::Options outboxOptions;
    outboxOptions.retryMs = 500;
    VoteOutbox outbox(*outboxDb, &client, QStringLiteral("kiosk-01"), outboxOptions);
    int accepted = 0, duplicate = 0, rejected = 0;
    connect(&outbox, &VoteOutbox::settled, this, [&](const QString &, const BallotReply &r) {
        accepted += r.result == BallotReply::Result::Accepted;
        duplicate += r.result == BallotReply::Result::Duplicate;
        rejected += r.result == BallotReply::Result::Rejected;
    });
    client.open();
    QTRY_COMPARE(client.state(), MqttClient::State::Connected);

    const QList<Ballot> cast = castBurst(outbox, 3000);
    QTRY_VERIFY_WITH_TIMEOUT(accepted >= 300, 30000);
    m_ingest->kill(); // SIGKILL: no clean shutdown, a batch may be half written
    QVERIFY(m_ingest->waitForFinished());
    QVERIFY2(outbox.pending() > 0, "the burst ended before the kill; nothing was tested");
    QVERIFY(startIngest());

    QTRY_COMPARE_WITH_TIMEOUT(outbox.pending(), 0, 60000);
    QCOMPARE(rejected, 0);
    QCOMPARE(accepted + duplicate, int(cast.size()));
    m_ingest->terminate();
    QVERIFY(m_ingest->waitForFinished());
    verifyCountedExactlyOnce(cast);
}

void tst_ExactlyOnce::brokerKilledMidBurst()
{
    QString error;
    auto outboxDb = VoteOutbox::openDatabase(m_dir->filePath(QStringLiteral("kiosk.sqlite")), &error);
    QVERIFY2(outboxDb, qPrintable(error));
    fest::MqttOptions options;
    options.host = m_broker->host();
    options.port = m_broker->port();
    options.username = QStringLiteral("kiosk-02");
    options.reconnectMinMs = 50;
    options.reconnectMaxMs = 500;
    MqttClient client(options);
    VoteOutbox outbox(*outboxDb, &client, QStringLiteral("kiosk-02"));
    int settled = 0;
    connect(&outbox, &VoteOutbox::settled, this, [&] { ++settled; });
    client.open();
    QTRY_COMPARE(client.state(), MqttClient::State::Connected);

    const QList<Ballot> cast = castBurst(outbox, 3000);
    QTRY_VERIFY_WITH_TIMEOUT(settled >= 300, 30000);
    m_broker->kill();
    QVERIFY2(outbox.pending() > 0, "the burst ended before the kill; nothing was tested");
    QVERIFY2(m_broker->restart(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(outbox.pending(), 0, 60000);
    QCOMPARE(outbox.rejectedCount(), 0);
    m_ingest->terminate();
    QVERIFY(m_ingest->waitForFinished());
    verifyCountedExactlyOnce(cast);
}

QTEST_GUILESS_MAIN(tst_ExactlyOnce)
#include "tst_exactlyonce.moc"
