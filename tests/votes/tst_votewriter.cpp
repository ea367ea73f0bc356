#include "ballot.h"
#include "ticketcode.h"
#include "ticketissuer.h"
#include "votewriter.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using fest::BallotReply;
using fest::Database;
using fest::VoteStore;
using fest::VoteWriter;

namespace {
VoteStore::Entry entry()
{
    VoteStore::Entry e;
    e.voteId = fest::Ballot::newVoteId();
    e.ticketHash = fest::TicketCode::storageHash(fest::TicketIssuer(0, QByteArray(32, 'x')).issueOne());
    e.screening = QStringLiteral("S-1");
    e.ratings = {{QStringLiteral("F-1"), 4}};
    e.kiosk = QStringLiteral("kiosk-01");
    e.castAt = QDateTime::currentDateTimeUtc();
    e.receivedAtUs = e.castAt.toMSecsSinceEpoch() * 1000;
    return e;
}
} // namespace

class tst_VoteWriter : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void repliesRunOnCallersThreadOnlyAfterCommit();
    void flushAnswersEverythingBeforeReturning();
    void backlogRefusesBeyondLimitThenRecovers();
    void destructorAnswersWhatIsQueued();
    void openFailsWithReason();

private:
    qint64 count(const QString &sql, const QString &arg = QString());
    QString path() const { return m_dir->filePath(QStringLiteral("votes.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::optional<Database> m_db;   // the caller's own connection, as the controller has
};

void tst_VoteWriter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_db = VoteStore::openDatabase(path(), &error);
    QVERIFY2(m_db, qPrintable(error));
}

void tst_VoteWriter::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

qint64 tst_VoteWriter::count(const QString &sql, const QString &arg)
{
    fest::Statement s = m_db->prepare(sql);
    if (!arg.isNull())
        s.bind(1, arg);
    return s.step() == fest::Statement::Step::Row ? s.columnInt(0) : -1;
}

void tst_VoteWriter::repliesRunOnCallersThreadOnlyAfterCommit()
{
    QString error;
    const std::unique_ptr<VoteWriter> writer = VoteWriter::open(path(), {}, &error);
    QVERIFY2(writer, qPrintable(error));
    QSignalSpy committed(writer.get(), &VoteWriter::votesCommitted);
    int replies = 0, visible = 0, onCallersThread = 0;
    const int n = 300;
    for (int i = 0; i < n; ++i) {
        const VoteStore::Entry e = entry();
        QVERIFY(writer->submit(e, [&, id = e.voteId](const BallotReply &r) {
            ++replies;
            onCallersThread += QThread::currentThread() == QCoreApplication::instance()->thread();
            // Committed before the reply: another connection already reads the vote.
            visible += r.result == BallotReply::Result::Accepted
                       && count(QStringLiteral("SELECT COUNT(*) FROM ballots WHERE vote_id = ?"), id) == 1;
        }));
    }
    QTRY_COMPARE(replies, n);
    QCOMPARE(onCallersThread, n);
    QCOMPARE(visible, n);
    QCOMPARE(writer->pending(), 0);
    QVERIFY(writer->committedBatches() >= 1);
    QTRY_VERIFY(!committed.isEmpty());
    int counted = 0;
    for (const QList<QVariant> &signal : committed)
        counted += signal.at(0).toInt();
    QCOMPARE(counted, n);
}

void tst_VoteWriter::flushAnswersEverythingBeforeReturning()
{
    VoteStore::Options options;
    options.groupWindowMs = 60000;   // only flush() can write them
    QString error;
    const std::unique_ptr<VoteWriter> writer = VoteWriter::open(path(), options, &error);
    QVERIFY2(writer, qPrintable(error));
    int replies = 0;
    const VoteStore::Entry e = entry();
    QVERIFY(writer->submit(e, [&](const BallotReply &) { ++replies; }));
    QVERIFY(writer->submit(e, [&](const BallotReply &r) { replies += r.result == BallotReply::Result::Duplicate; }));
    QCOMPARE(replies, 0);
    QVERIFY(writer->flush());
    QCOMPARE(replies, 2);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM votes")), 1);
}

void tst_VoteWriter::backlogRefusesBeyondLimitThenRecovers()
{
    VoteStore::Options options;
    options.groupWindowMs = 60000;
    options.maxQueued = 3;
    QString error;
    const std::unique_ptr<VoteWriter> writer = VoteWriter::open(path(), options, &error);
    QVERIFY2(writer, qPrintable(error));
    QSignalSpy errors(writer.get(), &VoteWriter::errorChanged);
    int replies = 0;
    for (int i = 0; i < 3; ++i)
        QVERIFY(writer->submit(entry(), [&](const BallotReply &) { ++replies; }));
    QVERIFY(!writer->submit(entry(), [&](const BallotReply &) { ++replies; }));
    QCOMPARE(writer->error(), VoteStore::Error::Backlogged);
    QVERIFY2(writer->errorString().contains(QStringLiteral("re-send")), qPrintable(writer->errorString()));
    QCOMPARE(errors.size(), 1);
    QVERIFY(writer->flush());
    QCOMPARE(replies, 3);   // the refused one was never answered: its kiosk keeps it
    QCOMPARE(writer->error(), VoteStore::Error::None);
    QCOMPARE(errors.size(), 2);
    QVERIFY(writer->submit(entry(), [&](const BallotReply &) { ++replies; }));
}

void tst_VoteWriter::destructorAnswersWhatIsQueued()
{
    VoteStore::Options options;
    options.groupWindowMs = 60000;
    QString error;
    std::unique_ptr<VoteWriter> writer = VoteWriter::open(path(), options, &error);
    QVERIFY2(writer, qPrintable(error));
    int accepted = 0;
    for (int i = 0; i < 5; ++i)
        writer->submit(entry(), [&](const BallotReply &r) { accepted += r.result == BallotReply::Result::Accepted; });
    writer.reset();
    QCOMPARE(accepted, 5);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM votes")), 5);
}

void tst_VoteWriter::openFailsWithReason()
{
    QString error;
    const QString missing = m_dir->filePath(QStringLiteral("no/such/folder/votes.sqlite"));
    QVERIFY(!VoteWriter::open(missing, {}, &error));
    QVERIFY2(error.contains(missing), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_VoteWriter)
#include "tst_votewriter.moc"
