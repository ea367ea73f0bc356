#include "ballot.h"
#include "tally.h"
#include "ticketcode.h"
#include "ticketissuer.h"
#include "votestore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using fest::BallotReply;
using fest::Database;
using fest::Tally;
using fest::VoteStore;

namespace {
VoteStore::Entry entry(const QString &ticket, const QString &screening = QStringLiteral("S-1"), int score = 4)
{
    VoteStore::Entry e;
    e.voteId = fest::Ballot::newVoteId();
    e.ticketHash = fest::TicketCode::storageHash(ticket);
    e.screening = screening;
    e.ratings = {{QStringLiteral("F-1"), score}};
    e.kiosk = QStringLiteral("kiosk-01");
    e.castAt = QDateTime::currentDateTimeUtc();
    e.receivedAtUs = e.castAt.toMSecsSinceEpoch() * 1000;
    return e;
}

// A ballot rating the three shorts of block S-BLK.
VoteStore::Entry blockEntry(const QString &ticket)
{
    VoteStore::Entry e = entry(ticket, QStringLiteral("S-BLK"));
    e.ratings = {{QStringLiteral("F-S1"), 5}, {QStringLiteral("F-S2"), 3}, {QStringLiteral("F-S3"), 4}};
    return e;
}

QMap<QString, qint64> votesPerFilm(const fest::Database &db)
{
    QMap<QString, qint64> votes;
    for (const Tally::Film &f : Tally::compute(db, 0).films)
        votes.insert(f.film, f.votes);
    return votes;
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
    void blockBallotCountsEachFilmOnce();
    void blockBallotReSentCountsNothingMore();
    void secondBlockBallotOfTheTicketIsTicketUsed();
    void entryTheTableWouldRefuseIsRejectedNotAFailedBatch();
    void rejectionNamesItsFilm();
    void version3DatabaseMigratesKeepingEveryVoteAndTally();

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

void tst_VoteStore::blockBallotCountsEachFilmOnce()
{
    VoteStore store(*m_db);
    BallotReply reply;
    store.submit(blockEntry(ticket()), [&](const BallotReply &r) { reply = r; });
    QVERIFY(store.flush());
    QCOMPARE(reply.result, BallotReply::Result::Accepted);
    QCOMPARE(store.ballotCount(), 1);
    QCOMPARE(store.voteCount(), 3);
    const QMap<QString, qint64> expected{{QStringLiteral("F-S1"), 1}, {QStringLiteral("F-S2"), 1}, {QStringLiteral("F-S3"), 1}};
    QCOMPARE(votesPerFilm(*m_db), expected);
}

void tst_VoteStore::blockBallotReSentCountsNothingMore()
{
    VoteStore store(*m_db);
    QList<BallotReply> replies;
    auto keep = [&](const BallotReply &r) { replies.append(r); };
    const VoteStore::Entry block = blockEntry(ticket());
    store.submit(block, keep);
    QVERIFY(store.flush());
    store.submit(block, keep);   // the reply was lost: the kiosk sends it again
    store.submit(block, keep);   // twice, in one batch
    QVERIFY(store.flush());
    QCOMPARE(replies.size(), 3);
    QCOMPARE(replies[0].result, BallotReply::Result::Accepted);
    QCOMPARE(replies[1].result, BallotReply::Result::Duplicate);
    QCOMPARE(replies[2].result, BallotReply::Result::Duplicate);
    QCOMPARE(store.voteCount(), 3);
    QCOMPARE(votesPerFilm(*m_db).value(QStringLiteral("F-S1")), 1);
    QCOMPARE(countIn(path(), QStringLiteral("SELECT COUNT(*) FROM rejections")), 0);
}

void tst_VoteStore::secondBlockBallotOfTheTicketIsTicketUsed()
{
    // A ticket votes once per screening, however many films the ballot rates: a second
    // ballot (rating a film the first left out, or the same films again) counts nothing.
    VoteStore store(*m_db);
    QList<BallotReply> replies;
    auto keep = [&](const BallotReply &r) { replies.append(r); };
    const QString code = ticket();
    VoteStore::Entry first = blockEntry(code);
    first.ratings.removeLast();
    store.submit(first, keep);
    VoteStore::Entry missed = entry(code, QStringLiteral("S-BLK"));
    missed.ratings = {{QStringLiteral("F-S3"), 2}};
    store.submit(missed, keep);
    store.submit(blockEntry(code), keep);
    QVERIFY(store.flush());
    QCOMPARE(replies.size(), 3);
    QCOMPARE(replies[0].result, BallotReply::Result::Accepted);
    QCOMPARE(replies[1].reason, BallotReply::Reason::TicketUsed);
    QCOMPARE(replies[2].reason, BallotReply::Reason::TicketUsed);
    QCOMPARE(store.ballotCount(), 1);
    QCOMPARE(store.voteCount(), 2);
    QVERIFY(!votesPerFilm(*m_db).contains(QStringLiteral("F-S3")));
    QCOMPARE(countIn(path(), QStringLiteral("SELECT COUNT(*) FROM rejections WHERE reason = 'ticket_used'")), 2);
}

void tst_VoteStore::entryTheTableWouldRefuseIsRejectedNotAFailedBatch()
{
    VoteStore store(*m_db);
    QList<BallotReply> replies;
    auto keep = [&](const BallotReply &r) { replies.append(r); };
    VoteStore::Entry twice = blockEntry(ticket());
    twice.ratings[2].film = twice.ratings[0].film;
    VoteStore::Entry outOfRange = blockEntry(ticket());
    outOfRange.ratings[1].score = 7;
    VoteStore::Entry none = entry(ticket());
    none.ratings.clear();
    store.submit(twice, keep);
    store.submit(outOfRange, keep);
    store.submit(none, keep);
    store.submit(blockEntry(ticket()), keep);
    QVERIFY(store.flush());
    QCOMPARE(store.error(), VoteStore::Error::None);
    QCOMPARE(replies.size(), 4);
    QCOMPARE(replies[0].reason, BallotReply::Reason::BadBallot);
    QCOMPARE(replies[1].reason, BallotReply::Reason::BadScore);
    QCOMPARE(replies[2].reason, BallotReply::Reason::BadBallot);
    QCOMPARE(replies[3].result, BallotReply::Result::Accepted);
    QCOMPARE(store.voteCount(), 3);
}

void tst_VoteStore::rejectionNamesItsFilm()
{
    VoteStore store(*m_db);
    BallotReply reply;
    VoteStore::Entry e = blockEntry(ticket());
    e.rejection = BallotReply::Reason::UnknownFilm;
    e.rejectedFilm = QStringLiteral("F-S3");
    store.submit(e, [&](const BallotReply &r) { reply = r; });
    QVERIFY(store.flush());
    QCOMPARE(reply.reason, BallotReply::Reason::UnknownFilm);
    QVERIFY2(reply.message.contains(QStringLiteral("F-S3")), qPrintable(reply.message));
    QCOMPARE(countIn(path(), QStringLiteral("SELECT COUNT(*) FROM rejections WHERE film_id = 'F-S3' AND reason = 'unknown_film'")), 1);
    QCOMPARE(store.voteCount(), 0);
}

void tst_VoteStore::version3DatabaseMigratesKeepingEveryVoteAndTally()
{
    // A votes database as controllers before block ballots left it: schema version 3,
    // made by those very migrations, with the votes they stored.
    m_db.reset();
    const QString v3 = m_dir->filePath(QStringLiteral("v3.sqlite"));
    QString error;
    {
        std::optional<Database> old = Database::open(v3, {}, &error);
        QVERIFY2(old, qPrintable(error));
        QVERIFY2(old->migrate(VoteStore::migrations().mid(0, 3), &error), qPrintable(error));
        QCOMPARE(old->userVersion(), 3);
        // Ticket hashes as VoteStore bound them: blobs.
        QVERIFY2(old->exec(QStringLiteral(R"(
INSERT INTO votes (vote_id, ticket_hash, screening_id, film_id, score, kiosk, cast_at, received_at_us) VALUES
 ('00000000-0000-7000-8000-000000000001', CAST('fan' AS BLOB), 'S-1', 'F-A', 5, 'kiosk-01', '2026-12-05T16:00:00.000Z', 1),
 ('00000000-0000-7000-8000-000000000002', CAST('fan' AS BLOB), 'S-2', 'F-A', 1, 'kiosk-01', '2026-12-05T18:00:00.000Z', 2),
 ('00000000-0000-7000-8000-000000000003', CAST('other' AS BLOB), 'S-2', 'F-A', 3, 'kiosk-02', '2026-12-05T18:01:00.000Z', 3),
 ('00000000-0000-7000-8000-000000000004', CAST('fan' AS BLOB), 'S-BLK', 'F-S1', 2, 'kiosk-02', '2026-12-05T20:00:00.000Z', 4);
INSERT INTO rejections (vote_id, reason, screening_id, kiosk, received_at_us) VALUES
 ('00000000-0000-7000-8000-000000000009', 'window_closed', 'S-1', 'kiosk-01', 9);)"), &error), qPrintable(error));
    }
    m_db = VoteStore::openDatabase(v3, &error);
    QVERIFY2(m_db, qPrintable(error));
    QCOMPARE(m_db->userVersion(), 4);
    VoteStore store(*m_db);
    QCOMPARE(store.ballotCount(), 4);
    QCOMPARE(store.voteCount(), 4);
    // Every vote kept with its ballot, as it was.
    QCOMPARE(countIn(v3, QStringLiteral("SELECT COUNT(*) FROM ballots b JOIN votes v ON v.ballot_id = b.id WHERE "
                                        "(b.vote_id, b.ticket_hash, b.screening_id, v.film_id, v.score, b.kiosk, b.received_at_us) IN "
                                        "(VALUES ('00000000-0000-7000-8000-000000000001', CAST('fan' AS BLOB), 'S-1', 'F-A', 5, 'kiosk-01', 1), "
                                        "('00000000-0000-7000-8000-000000000002', CAST('fan' AS BLOB), 'S-2', 'F-A', 1, 'kiosk-01', 2), "
                                        "('00000000-0000-7000-8000-000000000003', CAST('other' AS BLOB), 'S-2', 'F-A', 3, 'kiosk-02', 3), "
                                        "('00000000-0000-7000-8000-000000000004', CAST('fan' AS BLOB), 'S-BLK', 'F-S1', 2, 'kiosk-02', 4))")),
             4);
    QCOMPARE(countIn(v3, QStringLiteral("SELECT COUNT(*) FROM rejections")), 1);
    // The tally as before: the fan's second vote for F-A does not count.
    Tally::Result r = Tally::compute(*m_db, 0);
    QCOMPARE(r.votes, 3);
    QCOMPARE(votesPerFilm(*m_db), (QMap<QString, qint64>{{QStringLiteral("F-A"), 2}, {QStringLiteral("F-S1"), 1}}));
    QCOMPARE(r.films[0].film, QStringLiteral("F-A"));
    QCOMPARE(r.films[0].mean, 4.0);
    QCOMPARE(r.films[0].screenings, 2);

    // And it goes on from there by the same rules. A kiosk re-sends an old ballot: a
    // duplicate. The fan's ticket, which voted at S-BLK, cannot vote there again.
    QList<BallotReply> replies;
    auto keep = [&](const BallotReply &reply) { replies.append(reply); };
    VoteStore::Entry resent = entry(QString());
    resent.voteId = QStringLiteral("00000000-0000-7000-8000-000000000003");
    resent.ticketHash = "other";
    resent.screening = QStringLiteral("S-2");
    resent.ratings = {{QStringLiteral("F-A"), 3}};
    store.submit(resent, keep);
    VoteStore::Entry again = blockEntry(QString());
    again.ticketHash = "fan";
    store.submit(again, keep);
    // A new block ballot of the fan at another screening of the block: F-S1 was rated
    // before (v3) and does not count again; the two others do.
    VoteStore::Entry elsewhere = blockEntry(QString());
    elsewhere.ticketHash = "fan";
    elsewhere.screening = QStringLiteral("S-BLK2");
    store.submit(elsewhere, keep);
    QVERIFY(store.flush());
    QCOMPARE(replies.size(), 3);
    QCOMPARE(replies[0].result, BallotReply::Result::Duplicate);
    QCOMPARE(replies[1].reason, BallotReply::Reason::TicketUsed);
    QCOMPARE(replies[2].result, BallotReply::Result::Accepted);
    QCOMPARE(votesPerFilm(*m_db), (QMap<QString, qint64>{{QStringLiteral("F-A"), 2}, {QStringLiteral("F-S1"), 1},
                                                         {QStringLiteral("F-S2"), 1}, {QStringLiteral("F-S3"), 1}}));
    QCOMPARE(Tally::compute(*m_db, 0).films.constLast().film, QStringLiteral("F-S1"));
}

QTEST_GUILESS_MAIN(tst_VoteStore)
#include "tst_votestore.moc"
