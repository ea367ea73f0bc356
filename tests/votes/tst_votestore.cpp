#include "ballot.h"
#include "ticketcode.h"
#include "ticketissuer.h"
#include "votestore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using fest::BallotReply;
using fest::Database;
using fest::VoteStore;

namespace {
VoteStore::Entry entry(const QString &ticket, const QString &screening = QStringLiteral("S-1"), int score = 4)
{
    VoteStore::Entry e;
    e.voteId = fest::Ballot::newVoteId();
    e.ticketHash = fest::TicketCode::storageHash(ticket);
    e.screening = screening;
    e.film = QStringLiteral("F-1");
    e.score = score;
    e.kiosk = QStringLiteral("kiosk-01");
    e.castAt = QDateTime::currentDateTimeUtc();
    e.receivedAtUs = e.castAt.toMSecsSinceEpoch() * 1000;
    return e;
}

QString ticket()
{
    return fest::TicketIssuer(0, QByteArray(32, 'x')).issueOne();
}

qint64 countIn(const QString &path, const QString &sql)
{
    QString error;
    auto db = Database::open(path, {}, &error);
    if (!db)
        return -1;
    fest::Statement s = db->prepare(sql);
    return s.step() == fest::Statement::Step::Row ? s.columnInt(0) : -1;
}
} // namespace

class tst_VoteStore : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void acceptedDuplicateAndTicketUsed();
    void replyComesOnlyAfterCommitIsDurable();
    void ballotsArrivingTogetherShareOneTransaction();
    void fullBatchCommitsAtOnce();
    void rejectionIsRecordedButReSentCountedBallotIsDuplicate();
    void sameTicketTwiceInOneBatch();
    void diskFullAcknowledgesNothingRaisesAlarmAndRetries();
    void backlogRefusesBeyondLimit();
    void countsSurviveReopen();
    void ticketCodeIsNeverStored();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::optional<Database> m_db;
    QString path() const { return m_dir->filePath(QStringLiteral("votes.sqlite")); }
};

void tst_VoteStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_db = VoteStore::openDatabase(path(), &error);
    QVERIFY2(m_db, qPrintable(error));
}

void tst_VoteStore::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void tst_VoteStore::acceptedDuplicateAndTicketUsed()
{
    VoteStore store(*m_db);
    QList<BallotReply> replies;
    auto keep = [&](const BallotReply &r) { replies.append(r); };
    const QString code = ticket();
    const VoteStore::Entry first = entry(code);
    store.submit(first, keep);
    QVERIFY(store.flush());
    store.submit(first, keep);                              // the kiosk re-sends
    store.submit(entry(code), keep);                        // same ticket, same screening
    store.submit(entry(code, QStringLiteral("S-2")), keep); // same ticket, another screening
    QVERIFY(store.flush());
    QCOMPARE(replies.size(), 4);
    QCOMPARE(replies[0].result, BallotReply::Result::Accepted);
    QCOMPARE(replies[0].voteId, first.voteId);
    QCOMPARE(replies[1].result, BallotReply::Result::Duplicate);
    QCOMPARE(replies[2].result, BallotReply::Result::Rejected);
    QCOMPARE(replies[2].reason, BallotReply::Reason::TicketUsed);
    QCOMPARE(replies[3].result, BallotReply::Result::Accepted);
    QCOMPARE(store.voteCount(), 2);
}

void tst_VoteStore::replyComesOnlyAfterCommitIsDurable()
{
    VoteStore store(*m_db);
    int replies = 0;
    qint64 rowsSeenByAnotherConnection = -1;
    store.submit(entry(ticket()), [&](const BallotReply &) {
        ++replies;
        rowsSeenByAnotherConnection = countIn(path(), QStringLiteral("SELECT COUNT(*) FROM votes"));
    });
    QCOMPARE(replies, 0);
    QCOMPARE(store.pending(), 1);
    QTRY_COMPARE(replies, 1);
    QCOMPARE(rowsSeenByAnotherConnection, 1);
}

void tst_VoteStore::ballotsArrivingTogetherShareOneTransaction()
{
    VoteStore store(*m_db);
    int replies = 0;
    for (int i = 0; i < 300; ++i)
        store.submit(entry(ticket()), [&](const BallotReply &) { ++replies; });
    QTRY_COMPARE(replies, 300);
    QCOMPARE(store.committedBatches(), 1);
    QCOMPARE(store.voteCount(), 300);
}

void tst_VoteStore::fullBatchCommitsAtOnce()
{
    VoteStore::Options options;
    options.maxBatch = 10;
    VoteStore store(*m_db, options);
    int replies = 0;
    for (int i = 0; i < 25; ++i)
        store.submit(entry(ticket()), [&](const BallotReply &) { ++replies; });
    QCOMPARE(replies, 20);
    QCOMPARE(store.pending(), 5);
    QTRY_COMPARE(replies, 25);
}

void tst_VoteStore::rejectionIsRecordedButReSentCountedBallotIsDuplicate()
{
    VoteStore store(*m_db);
    QList<BallotReply> replies;
    auto keep = [&](const BallotReply &r) { replies.append(r); };
    VoteStore::Entry counted = entry(ticket());
    store.submit(counted, keep);
    QVERIFY(store.flush());
    counted.rejection = BallotReply::Reason::WindowClosed; // re-sent after its window closed
    VoteStore::Entry late = entry(ticket());
    late.rejection = BallotReply::Reason::WindowClosed;
    store.submit(counted, keep);
    store.submit(late, keep);
    QVERIFY(store.flush());
    QCOMPARE(replies.size(), 3);
    QCOMPARE(replies[1].result, BallotReply::Result::Duplicate);
    QCOMPARE(replies[2].result, BallotReply::Result::Rejected);
    QCOMPARE(replies[2].reason, BallotReply::Reason::WindowClosed);
    QCOMPARE(store.voteCount(), 1);
    QCOMPARE(countIn(path(), QStringLiteral("SELECT COUNT(*) FROM rejections WHERE reason = 'window_closed'")), 1);
}

void tst_VoteStore::sameTicketTwiceInOneBatch()
{
    VoteStore store(*m_db);
    QList<BallotReply> replies;
    const QString code = ticket();
    store.submit(entry(code), [&](const BallotReply &r) { replies.append(r); });
    store.submit(entry(code), [&](const BallotReply &r) { replies.append(r); });
    QVERIFY(store.flush());
    QCOMPARE(replies.size(), 2);
    QCOMPARE(replies[0].result, BallotReply::Result::Accepted);
    QCOMPARE(replies[1].reason, BallotReply::Reason::TicketUsed);
}

void tst_VoteStore::diskFullAcknowledgesNothingRaisesAlarmAndRetries()
{
    VoteStore::Options options;
    options.retryMs = 50;
    VoteStore store(*m_db, options);
    QSignalSpy errors(&store, &VoteStore::errorChanged);
    // SQLite's page cap makes the file "full" exactly as a full disk would: SQLITE_FULL.
    QVERIFY(m_db->exec(QStringLiteral("PRAGMA max_page_count = 1")));
    QVERIFY(m_db->exec(QStringLiteral("PRAGMA max_page_count"))); // clamps to the current size
    int replies = 0;
    for (int i = 0; i < 500; ++i)
        store.submit(entry(ticket()), [&](const BallotReply &) { ++replies; });
    QVERIFY(!store.flush());
    QCOMPARE(replies, 0);
    QCOMPARE(store.error(), VoteStore::Error::CommitFailed);
    QVERIFY2(store.errorString().contains(QStringLiteral("Free disk space")), qPrintable(store.errorString()));
    QVERIFY(store.errorString().contains(QStringLiteral("none was acknowledged")));
    QVERIFY(errors.count() >= 1);
    QCOMPARE(countIn(path(), QStringLiteral("SELECT COUNT(*) FROM votes")), 0);
    QCOMPARE(store.pending(), 500);

    QVERIFY(m_db->exec(QStringLiteral("PRAGMA max_page_count = 1000000")));
    QTRY_COMPARE(replies, 500);
    QCOMPARE(store.error(), VoteStore::Error::None);
    QCOMPARE(store.voteCount(), 500);
}

void tst_VoteStore::backlogRefusesBeyondLimit()
{
    VoteStore::Options options;
    options.maxQueued = 3;
    options.groupWindowMs = 60000;
    VoteStore store(*m_db, options);
    for (int i = 0; i < 3; ++i)
        QVERIFY(store.submit(entry(ticket()), {}));
    QVERIFY(!store.submit(entry(ticket()), {}));
    QCOMPARE(store.error(), VoteStore::Error::Backlogged);
    QVERIFY(store.flush());
    QCOMPARE(store.error(), VoteStore::Error::None);
}

void tst_VoteStore::countsSurviveReopen()
{
    const VoteStore::Entry e = entry(ticket());
    {
        VoteStore store(*m_db);
        store.submit(e, {});
        QVERIFY(store.flush());
    }
    m_db.reset();
    QString error;
    m_db = VoteStore::openDatabase(path(), &error);
    QVERIFY2(m_db, qPrintable(error));
    VoteStore store(*m_db);
    BallotReply reply;
    store.submit(e, [&](const BallotReply &r) { reply = r; });
    QVERIFY(store.flush());
    QCOMPARE(reply.result, BallotReply::Result::Duplicate);
    QCOMPARE(store.voteCount(), 1);
}

void tst_VoteStore::ticketCodeIsNeverStored()
{
    const QString code = ticket();
    VoteStore store(*m_db);
    store.submit(entry(code), {});
    QVERIFY(store.flush());
    m_db->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    QFile file(path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.contains(fest::TicketCode::storageHash(code)));
    QVERIFY(!bytes.contains(fest::TicketCode::normalise(code).toLatin1()));
    QVERIFY(!bytes.contains(code.toLatin1()));
}

QTEST_GUILESS_MAIN(tst_VoteStore)
#include "tst_votestore.moc"
