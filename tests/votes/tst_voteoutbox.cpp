#include "ballotreply.h"
#include "mosquittoprocess.h"
#include "mqttclient.h"
#include "ticketcode.h"
#include "ticketissuer.h"
#include "voteoutbox.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QLoggingCategory>
#include <QTest>

using fest::BallotReply;
using fest::MqttClient;
using fest::MqttMessage;
using fest::VoteOutbox;

namespace {
QString ticket()
{
    return fest::TicketIssuer(0, QByteArray(32, 'o')).issueOne();
}

fest::MqttOptions options(const fest::MosquittoProcess &broker, const QString &user)
{
    fest::MqttOptions o;
    o.host = broker.host();
    o.port = broker.port();
    o.username = user;
    o.clientId = user + QStringLiteral("-outbox-test");
    o.reconnectMinMs = 50;
    o.reconnectMaxMs = 200;
    return o;
}
} // namespace

// The controller's side is played by hand here: the test reads each ballot and answers
// it, so every reply path (and the lack of one) is under its control.
class tst_VoteOutbox : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void castIsOnDiskBeforeItReturns();
    void refusesBadInputOffline_data();
    void refusesBadInputOffline();
    void capturedOfflineSentOnConnect();
    void acceptedAndDuplicateDelete_data();
    void acceptedAndDuplicateDelete();
    void rejectedMovesToRejectedTable();
    void unansweredBallotIsSentAgain();
    void ballotCastAfterOutboxEmptiedIsSentAtOnce();
    void foreignOrMalformedReplyChangesNothing();
    void sentAgainAfterBrokerRestart();

private:
    void answer(const MqttMessage &ballot, const BallotReply &reply);
    QString dbPath() const { return m_dir->filePath(QStringLiteral("outbox.sqlite")); }

    std::unique_ptr<fest::MosquittoProcess> m_broker;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::optional<fest::Database> m_db;
    std::unique_ptr<MqttClient> m_kiosk;
    std::unique_ptr<MqttClient> m_controller;
    QList<MqttMessage> m_ballots;
};

void tst_VoteOutbox::init()
{
    // Per-packet client chatter would drown the test log.
    QLoggingCategory::setFilterRules(QStringLiteral("fest.mqtt.debug=false"));
    m_broker = std::make_unique<fest::MosquittoProcess>();
    QString error;
    QVERIFY2(m_broker->start(&error), qPrintable(error));
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = VoteOutbox::openDatabase(dbPath(), &error);
    QVERIFY2(m_db, qPrintable(error));
    m_controller = std::make_unique<MqttClient>(options(*m_broker, QStringLiteral("controller")));
    m_controller->subscribe(QStringLiteral("fest/v1/vote/+"), 1);
    m_ballots.clear();
    connect(m_controller.get(), &MqttClient::messageReceived, this, [this](const MqttMessage &m) { m_ballots.append(m); });
    m_controller->open();
    QTRY_COMPARE(m_controller->state(), MqttClient::State::Connected);
    m_kiosk = std::make_unique<MqttClient>(options(*m_broker, QStringLiteral("kiosk-03")));
}

void tst_VoteOutbox::cleanup()
{
    m_kiosk.reset();
    m_controller.reset();
    m_db.reset();
    m_dir.reset();
    m_broker.reset();
}

void tst_VoteOutbox::answer(const MqttMessage &ballot, const BallotReply &reply)
{
    MqttMessage m;
    m.topic = ballot.responseTopic;
    m.correlationData = ballot.correlationData;
    m.payload = reply.toJson();
    m.qos = 1;
    m_controller->publish(m);
}

void tst_VoteOutbox::castIsOnDiskBeforeItReturns()
{
    VoteOutbox outbox(*m_db, nullptr, QStringLiteral("kiosk-03"));
    const QString code = ticket();
    const QString voteId = outbox.cast(code, QStringLiteral("S-1"), QStringLiteral("F-1"), 4);
    QVERIFY(!voteId.isEmpty());
    QCOMPARE(outbox.pending(), 1);
    // Another connection (as after a crash) sees it at once.
    QString error;
    auto other = fest::Database::open(dbPath(), {}, &error);
    QVERIFY2(other, qPrintable(error));
    VoteOutbox reopened(*other, nullptr, QStringLiteral("kiosk-03"));
    QCOMPARE(reopened.pending(), 1);
    const fest::Ballot stored = reopened.pendingBallots().constFirst();
    QCOMPARE(stored.voteId, voteId);
    QCOMPARE(stored.ticket, fest::TicketCode::display(code));
    QCOMPARE(stored.ratings, (QList<fest::Ballot::Rating>{{QStringLiteral("F-1"), 4}}));
}

void tst_VoteOutbox::refusesBadInputOffline_data()
{
    QTest::addColumn<QString>("ticket");
    QTest::addColumn<int>("score");
    QTest::addColumn<QString>("film");
    QTest::addColumn<VoteOutbox::Error>("error");
    QString typo = fest::TicketCode::normalise(ticket());
    typo[3] = typo[3] == u'A' ? u'B' : u'A';
    QTest::newRow("not a code") << "HELLO" << 3 << "F-1" << VoteOutbox::Error::TicketMalformed;
    QTest::newRow("typo") << typo << 3 << "F-1" << VoteOutbox::Error::TicketMistyped;
    QTest::newRow("no stars") << ticket() << 0 << "F-1" << VoteOutbox::Error::BadScore;
    QTest::newRow("six stars") << ticket() << 6 << "F-1" << VoteOutbox::Error::BadScore;
    QTest::newRow("no film") << ticket() << 3 << "" << VoteOutbox::Error::BadChoice;
}

void tst_VoteOutbox::refusesBadInputOffline()
{
    QFETCH(QString, ticket);
    QFETCH(int, score);
    QFETCH(QString, film);
    QFETCH(VoteOutbox::Error, error);
    VoteOutbox outbox(*m_db, nullptr, QStringLiteral("kiosk-03"));
    QSignalSpy errors(&outbox, &VoteOutbox::errorChanged);
    QVERIFY(outbox.cast(ticket, QStringLiteral("S-1"), film, score).isEmpty());
    QCOMPARE(outbox.error(), error);
    QVERIFY(!outbox.errorString().isEmpty());
    QCOMPARE(errors.count(), 1);
    QCOMPARE(outbox.pending(), 0);
}

void tst_VoteOutbox::capturedOfflineSentOnConnect()
{
    VoteOutbox outbox(*m_db, m_kiosk.get(), QStringLiteral("kiosk-03"));
    for (int i = 0; i < 3; ++i)
        QVERIFY(!outbox.cast(ticket(), QStringLiteral("S-1"), QStringLiteral("F-1"), 5).isEmpty());
    QCOMPARE(outbox.pending(), 3);
    m_kiosk->open();
    QTRY_COMPARE(m_ballots.size(), 3);
    for (const MqttMessage &m : m_ballots) {
        QCOMPARE(m.topic, QStringLiteral("fest/v1/vote/kiosk-03"));
        QCOMPARE(m.responseTopic, QStringLiteral("fest/v1/reply/kiosk-03/controller/votes"));
        QCOMPARE(m.qos, 1);
        const auto ballot = fest::Ballot::fromJson(m.payload, nullptr);
        QVERIFY(ballot);
        QCOMPARE(QString::fromLatin1(m.correlationData), ballot->voteId);
    }
    QCOMPARE(outbox.pending(), 3); // the broker's PUBACK settles nothing
}

// SQLite reuses the number of a deleted row: once the outbox had emptied, the next
// ballot got seq 1 again, below the send cursor, and waited for the next reconnect.
void tst_VoteOutbox::ballotCastAfterOutboxEmptiedIsSentAtOnce()
{
    VoteOutbox outbox(*m_db, m_kiosk.get(), QStringLiteral("kiosk-03"));
    QSignalSpy settled(&outbox, &VoteOutbox::settled);
    m_kiosk->open();
    QTRY_COMPARE(m_kiosk->state(), MqttClient::State::Connected);
    for (int round = 1; round <= 3; ++round) {
        const QString voteId = outbox.cast(ticket(), QStringLiteral("S-1"), QStringLiteral("F-1"), 5);
        QVERIFY(!voteId.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_ballots.size(), round, 2000);  // well before any retry timer
        answer(m_ballots.last(), BallotReply::accepted(voteId));
        QTRY_COMPARE(settled.count(), round);
        QCOMPARE(outbox.pending(), 0);
    }
}

void tst_VoteOutbox::acceptedAndDuplicateDelete_data()
{
    QTest::addColumn<BallotReply::Result>("result");
    QTest::newRow("accepted") << BallotReply::Result::Accepted;
    QTest::newRow("duplicate") << BallotReply::Result::Duplicate;
}

void tst_VoteOutbox::acceptedAndDuplicateDelete()
{
    QFETCH(BallotReply::Result, result);
    VoteOutbox outbox(*m_db, m_kiosk.get(), QStringLiteral("kiosk-03"));
    QSignalSpy settled(&outbox, &VoteOutbox::settled);
    QSignalSpy drained(&outbox, &VoteOutbox::drained);
    m_kiosk->open();
    QTRY_COMPARE(m_kiosk->state(), MqttClient::State::Connected);
    const QString voteId = outbox.cast(ticket(), QStringLiteral("S-1"), QStringLiteral("F-1"), 5);
    QTRY_COMPARE(m_ballots.size(), 1);
    BallotReply reply = result == BallotReply::Result::Accepted ? BallotReply::accepted(voteId) : BallotReply::duplicate(voteId);
    answer(m_ballots.first(), reply);
    QTRY_COMPARE(settled.count(), 1);
    QCOMPARE(settled.first().at(0).toString(), voteId);
    QCOMPARE(outbox.pending(), 0);
    QCOMPARE(drained.count(), 1);
    QCOMPARE(outbox.rejectedCount(), 0);
    // A late second reply (to a re-send) settles nothing twice.
    answer(m_ballots.first(), reply);
    QTest::qWait(200);
    QCOMPARE(settled.count(), 1);
}

void tst_VoteOutbox::rejectedMovesToRejectedTable()
{
    VoteOutbox outbox(*m_db, m_kiosk.get(), QStringLiteral("kiosk-03"));
    QSignalSpy settled(&outbox, &VoteOutbox::settled);
    m_kiosk->open();
    QTRY_COMPARE(m_kiosk->state(), MqttClient::State::Connected);
    const QString voteId = outbox.cast(ticket(), QStringLiteral("S-1"), QStringLiteral("F-1"), 5);
    QTRY_COMPARE(m_ballots.size(), 1);
    answer(m_ballots.first(), BallotReply::rejected(voteId, BallotReply::Reason::WindowClosed));
    QTRY_COMPARE(settled.count(), 1);
    QCOMPARE(settled.first().at(1).value<BallotReply>().reason, BallotReply::Reason::WindowClosed);
    QCOMPARE(outbox.pending(), 0);
    QCOMPARE(outbox.rejectedCount(), 1);
    fest::Statement s = m_db->prepare(QStringLiteral("SELECT vote_id, reason, message FROM rejected"));
    QVERIFY(s.step() == fest::Statement::Step::Row);
    QCOMPARE(s.columnText(0), voteId);
    QCOMPARE(s.columnText(1), QStringLiteral("window_closed"));
    QVERIFY(!s.columnText(2).isEmpty());
}

void tst_VoteOutbox::unansweredBallotIsSentAgain()
{
    VoteOutbox::Options o;
    o.retryMs = 300;
    VoteOutbox outbox(*m_db, m_kiosk.get(), QStringLiteral("kiosk-03"), o);
    m_kiosk->open();
    QTRY_COMPARE(m_kiosk->state(), MqttClient::State::Connected);
    const QString voteId = outbox.cast(ticket(), QStringLiteral("S-1"), QStringLiteral("F-1"), 2);
    QTRY_COMPARE(m_ballots.size(), 1);
    QTRY_VERIFY(m_ballots.size() >= 2);
    QCOMPARE(m_ballots.at(1).payload, m_ballots.at(0).payload); // same vote id: counted once
    answer(m_ballots.last(), BallotReply::duplicate(voteId));
    QTRY_COMPARE(outbox.pending(), 0);
}

void tst_VoteOutbox::foreignOrMalformedReplyChangesNothing()
{
    VoteOutbox outbox(*m_db, m_kiosk.get(), QStringLiteral("kiosk-03"));
    QSignalSpy settled(&outbox, &VoteOutbox::settled);
    m_kiosk->open();
    QTRY_COMPARE(m_kiosk->state(), MqttClient::State::Connected);
    const QString voteId = outbox.cast(ticket(), QStringLiteral("S-1"), QStringLiteral("F-1"), 2);
    QTRY_COMPARE(m_ballots.size(), 1);
    MqttMessage junk;
    junk.topic = outbox.replyTopic();
    junk.qos = 1;
    junk.payload = "{\"type\":\"ballot-reply\",\"v\":1,\"voteId\":\"" + voteId.toLatin1() + "\",\"result\":\"rejected\"}";
    m_controller->publish(junk);
    answer(m_ballots.first(), BallotReply::accepted(QStringLiteral("00000000-0000-0000-0000-000000000000")));
    QTest::qWait(300);
    QCOMPARE(settled.count(), 0);
    QCOMPARE(outbox.pending(), 1);
}

void tst_VoteOutbox::sentAgainAfterBrokerRestart()
{
    VoteOutbox outbox(*m_db, m_kiosk.get(), QStringLiteral("kiosk-03"));
    m_kiosk->open();
    QTRY_COMPARE(m_kiosk->state(), MqttClient::State::Connected);
    const QString voteId = outbox.cast(ticket(), QStringLiteral("S-1"), QStringLiteral("F-1"), 3);
    QTRY_COMPARE(m_ballots.size(), 1);
    m_broker->kill();
    QTRY_COMPARE(m_kiosk->state(), MqttClient::State::Connecting);
    QString error;
    QVERIFY2(m_broker->restart(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(m_ballots.size(), 2, 15000);
    answer(m_ballots.last(), BallotReply::accepted(voteId));
    QTRY_COMPARE(outbox.pending(), 0);
}

QTEST_GUILESS_MAIN(tst_VoteOutbox)
#include "tst_voteoutbox.moc"
