#include "ballot.h"
#include "tally.h"
#include "ticketcode.h"
#include "ticketissuer.h"
#include "votestore.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using fest::Tally;
using fest::VoteStore;

class tst_Tally : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void emptyDatabase();
    void countsMeansAndHistogram();
    void smallAudienceCannotWinOnALuckyMean();
    void filmScreenedTwiceIsPooledAndRepeatViewerCountsOnce();
    void minimumVotesZeroIsPlainMean();
    void jsonAndCsv();
    void databaseFromBeforeTheKeptTallyIsBackfilled();
    void votesCannotBeChangedOrDeleted();
    void blockBallotCountsEachFilmItRates();
    void filmRatedInABlockAndAgainAloneCountsOnce();

private:
    void vote(const QString &film, const QString &screening, int score, const QString &ticket = QString());
    void voteBlock(const QString &screening, const QList<fest::Ballot::Rating> &ratings, const QString &ticket = QString());
    std::unique_ptr<QTemporaryDir> m_dir;
    std::optional<fest::Database> m_db;
    std::unique_ptr<VoteStore> m_store;
};

void tst_Tally::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_db = VoteStore::openDatabase(m_dir->filePath(QStringLiteral("votes.sqlite")), &error);
    QVERIFY2(m_db, qPrintable(error));
    m_store = std::make_unique<VoteStore>(*m_db);
}

void tst_Tally::cleanup()
{
    m_store.reset();
    m_db.reset();
    m_dir.reset();
}

void tst_Tally::vote(const QString &film, const QString &screening, int score, const QString &ticket)
{
    voteBlock(screening, {{film, score}}, ticket);
}

void tst_Tally::voteBlock(const QString &screening, const QList<fest::Ballot::Rating> &ratings, const QString &ticket)
{
    VoteStore::Entry e;
    e.voteId = fest::Ballot::newVoteId();
    e.ticketHash = fest::TicketCode::storageHash(
        ticket.isEmpty() ? fest::TicketIssuer(0, QByteArray(32, 't')).issueOne() : ticket);
    e.screening = screening;
    e.ratings = ratings;
    e.kiosk = QStringLiteral("k");
    e.castAt = QDateTime::currentDateTimeUtc();
    m_store->submit(e, {});
}

void tst_Tally::emptyDatabase()
{
    const Tally::Result r = Tally::compute(*m_db, 10);
    QCOMPARE(r.votes, 0);
    QVERIFY(r.films.isEmpty());
    QCOMPARE(Tally::toJson(r).value("films").toArray().size(), 0);
}

void tst_Tally::countsMeansAndHistogram()
{
    for (int s : {5, 5, 4, 1})
        vote("F-A", "S-1", s);
    QVERIFY(m_store->flush());
    const Tally::Result r = Tally::compute(*m_db, 0);
    QCOMPARE(r.films.size(), 1);
    const Tally::Film &f = r.films.first();
    QCOMPARE(f.votes, 4);
    QCOMPARE(f.mean, 3.75);
    QCOMPARE(f.histogram, (std::array<qint64, 5>{1, 0, 0, 1, 2}));
    QCOMPARE(f.screenings, 1);
}

void tst_Tally::smallAudienceCannotWinOnALuckyMean()
{
    for (int i = 0; i < 12; ++i)
        vote("F-SMALL", "S-1", 5);
    for (int i = 0; i < 400; ++i)
        vote("F-BIG", "S-2", i % 10 == 0 ? 4 : 5); // mean 4.9
    for (int i = 0; i < 200; ++i)
        vote("F-MEH", "S-3", 2 + i % 2);
    QVERIFY(m_store->flush());
    const Tally::Result r = Tally::compute(*m_db, 50);
    QCOMPARE(r.films.size(), 3);
    QCOMPARE(r.films[0].film, QStringLiteral("F-BIG"));
    QCOMPARE(r.films[1].film, QStringLiteral("F-SMALL"));
    QVERIFY(r.films[1].provisional);
    QVERIFY(!r.films[0].provisional);
    QCOMPARE(r.films[1].mean, 5.0);
    const double c = r.overallMean;
    QCOMPARE(r.films[1].weighted, (12 * 5.0 + 50 * c) / 62.0);
    // Without the minimum the lucky mean would have won.
    QCOMPARE(Tally::compute(*m_db, 0).films[0].film, QStringLiteral("F-SMALL"));
}

void tst_Tally::filmScreenedTwiceIsPooledAndRepeatViewerCountsOnce()
{
    const QString fan = fest::TicketIssuer(0, QByteArray(32, 't')).issueOne();
    vote("F-A", "S-1", 5, fan);
    vote("F-A", "S-2", 1, fan); // same ticket, second screening of the same film
    vote("F-A", "S-1", 3);
    vote("F-A", "S-2", 4);
    QVERIFY(m_store->flush());
    QCOMPARE(m_store->voteCount(), 4);
    const Tally::Result r = Tally::compute(*m_db, 0);
    QCOMPARE(r.films.size(), 1);
    QCOMPARE(r.films[0].votes, 3);
    QCOMPARE(r.films[0].mean, 4.0);
    QCOMPARE(r.films[0].screenings, 2);
}

void tst_Tally::minimumVotesZeroIsPlainMean()
{
    vote("F-A", "S-1", 2);
    vote("F-B", "S-1", 3);
    QVERIFY(m_store->flush());
    const Tally::Result r = Tally::compute(*m_db, 0);
    for (const Tally::Film &f : r.films)
        QCOMPARE(f.weighted, f.mean);
    QCOMPARE(r.films[0].film, QStringLiteral("F-B"));
}

void tst_Tally::jsonAndCsv()
{
    vote("F-A", "S-1", 5);
    vote("F-B", "S-1", 3);
    QVERIFY(m_store->flush());
    const Tally::Result r = Tally::compute(*m_db, 1);
    const QJsonObject json = Tally::toJson(r);
    QCOMPARE(json.value("votes").toInt(), 2);
    QCOMPARE(json.value("films").toArray().first().toObject().value("film").toString(), QStringLiteral("F-A"));
    const QStringList lines = Tally::toCsv(r).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines[0].startsWith(QStringLiteral("rank,film,votes")));
    QVERIFY(lines[1].startsWith(QStringLiteral("1,F-A,1,5.000,")));
}

void tst_Tally::databaseFromBeforeTheKeptTallyIsBackfilled()
{
    // Votes written by a controller whose database had only migration 1: the kept tally
    // must start from them, with the same first-ballot-per-ticket rule.
    m_store.reset();
    m_db.reset();
    const QString path = m_dir->filePath(QStringLiteral("v1.sqlite"));
    QString error;
    std::optional<fest::Database> old = fest::Database::open(path, {}, &error);
    QVERIFY2(old, qPrintable(error));
    QVERIFY2(old->migrate(VoteStore::migrations().mid(0, 1), &error), qPrintable(error));
    QCOMPARE(old->userVersion(), 1);
    QVERIFY2(old->exec(QStringLiteral(R"(
INSERT INTO votes (vote_id, ticket_hash, screening_id, film_id, score, kiosk, cast_at, received_at_us) VALUES
 ('v1', 'fan', 'S-1', 'F-A', 5, 'k', 't', 1),
 ('v2', 'fan', 'S-2', 'F-A', 1, 'k', 't', 2),
 ('v3', 'other', 'S-2', 'F-A', 3, 'k', 't', 3),
 ('v4', 'fan', 'S-3', 'F-B', 2, 'k', 't', 4);)"), &error), qPrintable(error));
    old.reset();

    m_db = VoteStore::openDatabase(path, &error);
    QVERIFY2(m_db, qPrintable(error));
    const Tally::Result r = Tally::compute(*m_db, 0);
    QCOMPARE(r.votes, 3);
    QCOMPARE(r.films.size(), 2);
    QCOMPARE(r.films[0].film, QStringLiteral("F-A"));
    QCOMPARE(r.films[0].votes, 2);
    QCOMPARE(r.films[0].mean, 4.0);
    QCOMPARE(r.films[0].screenings, 2);
    QCOMPARE(r.films[1].histogram[1], 1);

    // And it goes on counting from there, with the same rule: the fan's third ballot for
    // F-A (another screening) is kept but not counted.
    m_store = std::make_unique<VoteStore>(*m_db);
    vote("F-B", "S-3", 4);
    QVERIFY(m_store->flush());
    QVERIFY2(m_db->exec(QStringLiteral("INSERT INTO ballots (vote_id, ticket_hash, screening_id, kiosk, cast_at, received_at_us) "
                                       "VALUES ('v5', 'fan', 'S-4', 'k', 't', 5); INSERT INTO votes (ballot_id, film_id, score) "
                                       "SELECT id, 'F-A', 1 FROM ballots WHERE vote_id = 'v5'"), &error),
             qPrintable(error));
    const Tally::Result after = Tally::compute(*m_db, 0);
    QCOMPARE(after.votes, 4);
    QCOMPARE(after.films[0].film, QStringLiteral("F-A"));
    QCOMPARE(after.films[0].votes, 2);
    QCOMPARE(after.films[0].screenings, 3);
}

void tst_Tally::votesCannotBeChangedOrDeleted()
{
    vote("F-A", "S-1", 2);
    QVERIFY(m_store->flush());
    QString error;
    QVERIFY(!m_db->exec(QStringLiteral("UPDATE votes SET score = 5"), &error));
    QVERIFY2(error.contains(QStringLiteral("never changed")), qPrintable(error));
    QVERIFY(!m_db->exec(QStringLiteral("DELETE FROM votes"), &error));
    QVERIFY2(error.contains(QStringLiteral("never deleted")), qPrintable(error));
    QVERIFY(!m_db->exec(QStringLiteral("UPDATE ballots SET screening_id = 'S-2'"), &error));
    QVERIFY2(error.contains(QStringLiteral("never changed")), qPrintable(error));
    QVERIFY(!m_db->exec(QStringLiteral("DELETE FROM ballots"), &error));
    QVERIFY2(error.contains(QStringLiteral("never deleted")), qPrintable(error));
    const Tally::Result r = Tally::compute(*m_db, 0);
    QCOMPARE(r.votes, 1);
    QCOMPARE(r.films[0].mean, 2.0);
}

void tst_Tally::blockBallotCountsEachFilmItRates()
{
    // One ballot for a block of three shorts, another rating two of them.
    voteBlock("S-BLK", {{"F-1", 5}, {"F-2", 3}, {"F-3", 1}});
    voteBlock("S-BLK", {{"F-3", 4}, {"F-1", 4}});
    QVERIFY(m_store->flush());
    QCOMPARE(m_store->ballotCount(), 2);
    QCOMPARE(m_store->voteCount(), 5);
    const Tally::Result r = Tally::compute(*m_db, 0);
    QCOMPARE(r.votes, 5);
    QCOMPARE(r.films.size(), 3);
    QMap<QString, Tally::Film> byFilm;
    for (const Tally::Film &f : r.films)
        byFilm.insert(f.film, f);
    QCOMPARE(byFilm.value("F-1").votes, 2);
    QCOMPARE(byFilm.value("F-1").mean, 4.5);
    QCOMPARE(byFilm.value("F-2").votes, 1);
    QCOMPARE(byFilm.value("F-3").votes, 2);
    QCOMPARE(byFilm.value("F-3").histogram, (std::array<qint64, 5>{1, 0, 0, 1, 0}));
    QCOMPARE(byFilm.value("F-2").screenings, 1);
}

void tst_Tally::filmRatedInABlockAndAgainAloneCountsOnce()
{
    // A short shown in a block and again before a feature: the ticket's first rating of
    // it counts, the later one is kept but not counted; the block's other film counts.
    const QString fan = fest::TicketIssuer(0, QByteArray(32, 't')).issueOne();
    voteBlock("S-BLK", {{"F-SHORT", 5}, {"F-OTHER", 2}}, fan);
    vote("F-SHORT", "S-FEATURE", 1, fan);
    QVERIFY(m_store->flush());
    QCOMPARE(m_store->voteCount(), 3);
    const Tally::Result r = Tally::compute(*m_db, 0);
    QCOMPARE(r.votes, 2);
    QCOMPARE(r.films[0].film, QStringLiteral("F-SHORT"));
    QCOMPARE(r.films[0].votes, 1);
    QCOMPARE(r.films[0].mean, 5.0);
    QCOMPARE(r.films[0].screenings, 2);
}

QTEST_GUILESS_MAIN(tst_Tally)
#include "tst_tally.moc"
