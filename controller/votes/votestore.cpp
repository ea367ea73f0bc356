#include "votestore.h"

#include "isotime.h"
#include "transaction.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcVotes, "fest.votes")

namespace fest {

QList<Database::Migration> VoteStore::migrations()
{
    return {
        {1, QStringLiteral(R"(
CREATE TABLE votes (
    id INTEGER PRIMARY KEY,
    vote_id TEXT NOT NULL UNIQUE,
    ticket_hash TEXT NOT NULL,
    screening_id TEXT NOT NULL,
    film_id TEXT NOT NULL,
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    kiosk TEXT NOT NULL,
    cast_at TEXT NOT NULL,
    received_at_us INTEGER NOT NULL,
    UNIQUE (ticket_hash, screening_id)
);
CREATE INDEX votes_by_film ON votes (film_id, ticket_hash);
CREATE TABLE rejections (
    vote_id TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    screening_id TEXT,
    kiosk TEXT NOT NULL,
    received_at_us INTEGER NOT NULL
);
CREATE TABLE voting_overrides (
    screening_id TEXT PRIMARY KEY,
    state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
    set_at_us INTEGER NOT NULL,
    set_by TEXT NOT NULL
);
CREATE TABLE screening_ends (
    screening_id TEXT PRIMARY KEY,
    ended_at_us INTEGER NOT NULL
);
CREATE TABLE issued_tickets (
    ticket_hash TEXT PRIMARY KEY,
    screening_id TEXT NOT NULL,
    issued_at_us INTEGER NOT NULL
);
)")},
        // The tally kept as votes arrive, so that publishing results reads a few rows per
        // film instead of every vote (a full pass took ~250 ms at 100,000 votes, during
        // which no ballot was read). Only a ticket's first ballot for a film counts: the
        // rule Tally documents. Votes are never updated or deleted, so inserts suffice.
        {2, QStringLiteral(R"(
CREATE TABLE tally_scores (
    film_id TEXT NOT NULL,
    score INTEGER NOT NULL,
    votes INTEGER NOT NULL,
    PRIMARY KEY (film_id, score)
) WITHOUT ROWID;
CREATE TABLE tally_screenings (
    film_id TEXT NOT NULL,
    screening_id TEXT NOT NULL,
    PRIMARY KEY (film_id, screening_id)
) WITHOUT ROWID;
INSERT INTO tally_scores (film_id, score, votes)
    SELECT film_id, score, COUNT(*) FROM votes
    WHERE id IN (SELECT MIN(id) FROM votes GROUP BY film_id, ticket_hash)
    GROUP BY film_id, score;
INSERT INTO tally_screenings (film_id, screening_id)
    SELECT DISTINCT film_id, screening_id FROM votes;
CREATE TRIGGER votes_tally_screening AFTER INSERT ON votes
BEGIN
    INSERT OR IGNORE INTO tally_screenings (film_id, screening_id) VALUES (NEW.film_id, NEW.screening_id);
END;
CREATE TRIGGER votes_tally_score AFTER INSERT ON votes
WHEN NOT EXISTS (SELECT 1 FROM votes WHERE film_id = NEW.film_id AND ticket_hash = NEW.ticket_hash AND id < NEW.id)
BEGIN
    INSERT INTO tally_scores (film_id, score, votes) VALUES (NEW.film_id, NEW.score, 1)
        ON CONFLICT (film_id, score) DO UPDATE SET votes = votes + 1;
END;
CREATE TRIGGER votes_immutable_update BEFORE UPDATE ON votes
BEGIN
    SELECT RAISE(ABORT, 'votes are never changed');
END;
CREATE TRIGGER votes_immutable_delete BEFORE DELETE ON votes
BEGIN
    SELECT RAISE(ABORT, 'votes are never deleted');
END;
)")},
        // One random-order index fewer to write per vote: the first-ballot check finds a
        // ticket's few votes through UNIQUE (ticket_hash, screening_id) instead.
        {3, QStringLiteral(R"(
DROP TRIGGER votes_tally_score;
DROP INDEX votes_by_film;
CREATE TRIGGER votes_tally_score AFTER INSERT ON votes
WHEN NOT EXISTS (SELECT 1 FROM votes WHERE ticket_hash = NEW.ticket_hash AND film_id = NEW.film_id AND id < NEW.id)
BEGIN
    INSERT INTO tally_scores (film_id, score, votes) VALUES (NEW.film_id, NEW.score, 1)
        ON CONFLICT (film_id, score) DO UPDATE SET votes = votes + 1;
END;
)")},
        // A ballot rates one film or several films of a block: the ballot (one per ticket and
        // screening, as before) moves to `ballots`, and `votes` keeps one row per rated
        // film. Every v3 vote becomes a ballot and its one film vote under the same id, so
        // the tally tables stay as they are. The counting rule is unchanged: a ticket's
        // first vote for a film counts, found through the ticket's few ballots.
        {4, QStringLiteral(R"(
DROP TRIGGER votes_tally_screening;
DROP TRIGGER votes_tally_score;
DROP TRIGGER votes_immutable_update;
DROP TRIGGER votes_immutable_delete;
ALTER TABLE votes RENAME TO votes_v3;
CREATE TABLE ballots (
    id INTEGER PRIMARY KEY,
    vote_id TEXT NOT NULL UNIQUE,
    ticket_hash TEXT NOT NULL,
    screening_id TEXT NOT NULL,
    kiosk TEXT NOT NULL,
    cast_at TEXT NOT NULL,
    received_at_us INTEGER NOT NULL,
    UNIQUE (ticket_hash, screening_id)
);
CREATE TABLE votes (
    id INTEGER PRIMARY KEY,
    ballot_id INTEGER NOT NULL REFERENCES ballots (id),
    film_id TEXT NOT NULL,
    score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    UNIQUE (ballot_id, film_id)
);
INSERT INTO ballots (id, vote_id, ticket_hash, screening_id, kiosk, cast_at, received_at_us)
    SELECT id, vote_id, ticket_hash, screening_id, kiosk, cast_at, received_at_us FROM votes_v3 ORDER BY id;
INSERT INTO votes (id, ballot_id, film_id, score) SELECT id, id, film_id, score FROM votes_v3 ORDER BY id;
DROP TABLE votes_v3;
ALTER TABLE rejections ADD COLUMN film_id TEXT;
CREATE TRIGGER votes_tally_screening AFTER INSERT ON votes
BEGIN
    INSERT OR IGNORE INTO tally_screenings (film_id, screening_id)
        SELECT NEW.film_id, screening_id FROM ballots WHERE id = NEW.ballot_id;
END;
CREATE TRIGGER votes_tally_score AFTER INSERT ON votes
WHEN NOT EXISTS (SELECT 1 FROM ballots b JOIN votes v ON v.ballot_id = b.id
                 WHERE b.ticket_hash = (SELECT ticket_hash FROM ballots WHERE id = NEW.ballot_id)
                   AND v.film_id = NEW.film_id AND v.id < NEW.id)
BEGIN
    INSERT INTO tally_scores (film_id, score, votes) VALUES (NEW.film_id, NEW.score, 1)
        ON CONFLICT (film_id, score) DO UPDATE SET votes = votes + 1;
END;
CREATE TRIGGER votes_immutable_update BEFORE UPDATE ON votes
BEGIN
    SELECT RAISE(ABORT, 'votes are never changed');
END;
CREATE TRIGGER votes_immutable_delete BEFORE DELETE ON votes
BEGIN
    SELECT RAISE(ABORT, 'votes are never deleted');
END;
CREATE TRIGGER ballots_immutable_update BEFORE UPDATE ON ballots
BEGIN
    SELECT RAISE(ABORT, 'ballots are never changed');
END;
CREATE TRIGGER ballots_immutable_delete BEFORE DELETE ON ballots
BEGIN
    SELECT RAISE(ABORT, 'ballots are never deleted');
END;
)")},
    };
}

std::optional<Database> VoteStore::openDatabase(const QString &path, QString *error)
{
    // synchronous=FULL: a vote acknowledged to a kiosk must survive a power cut.
    std::optional<Database> db = Database::open(path, Database::Options{Database::Sync::Full, true, 5000}, error);
    if (db && !db->migrate(migrations(), error))
        return std::nullopt;
    // Every page a connection writes stays in its page cache up to this cap, so the cap is
    // what the controller's memory grows to (with 64 MB it grew ~370 bytes a vote, from 20
    // to 98 MB at 210,000 votes). What inserts need hot is the tail of the table and of the
    // time-ordered vote-id index, and random pages of the ticket index (~90 bytes a vote):
    // 8 MB holds that for ~90,000 votes, a design-size day (the reference edition has a
    // few thousand). Pages beyond come back from the OS's file cache: 240,000 inserts
    // took the same CPU with 2, 8 and 64 MB (bench/README.md, soak).
    if (db && !db->exec(QStringLiteral("PRAGMA cache_size=-8192"), error))
        return std::nullopt;
    return db;
}

VoteStore::VoteStore(Database &db, QObject *parent)
    : VoteStore(db, Options{}, parent)
{
}

VoteStore::VoteStore(Database &db, const Options &options, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_options(options)
    , m_insertBallot(db.prepare(QStringLiteral(
          "INSERT INTO ballots (vote_id, ticket_hash, screening_id, kiosk, cast_at, received_at_us) "
          "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")))
    , m_insertVote(db.prepare(QStringLiteral("INSERT INTO votes (ballot_id, film_id, score) VALUES (?, ?, ?)")))
    , m_findVote(db.prepare(QStringLiteral("SELECT 1 FROM ballots WHERE vote_id = ?")))
    , m_insertRejection(db.prepare(QStringLiteral(
          "INSERT OR IGNORE INTO rejections (vote_id, reason, screening_id, kiosk, received_at_us, film_id) "
          "VALUES (?, ?, ?, ?, ?, ?)")))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &VoteStore::flush);
}

bool VoteStore::submit(Entry entry, Done done)
{
    if (int(m_queue.size()) >= m_options.maxQueued) {
        setError(m_error == Error::CommitFailed ? m_error : Error::Backlogged,
                 m_error == Error::CommitFailed ? m_errorString
                                                : QStringLiteral("%1 ballots wait to be written; new ones are refused until the "
                                                                 "queue drains (kiosks keep them and re-send)")
                                                      .arg(m_queue.size()));
        return false;
    }
    m_queue.push_back(Pending{std::move(entry), std::move(done)});
    if (m_error == Error::CommitFailed)
        return true; // the retry timer is running
    if (int(m_queue.size()) >= m_options.maxBatch)
        flush();
    else
        schedule();
    return true;
}

void VoteStore::schedule()
{
    const int window = int(std::clamp<qint64>(m_lastCommitMs, m_options.groupWindowMs,
                                              std::max(m_options.groupWindowMs, m_options.maxGroupWindowMs)));
    if (!m_timer.isActive() && !m_queue.empty())
        m_timer.start(m_error == Error::CommitFailed ? m_options.retryMs : window);
}

bool VoteStore::isCounted(const QString &voteId)
{
    m_findVote.bind(1, voteId);
    const bool found = m_findVote.step() == Statement::Step::Row;
    m_findVote.reset();
    return found;
}

bool VoteStore::recordRejection(const Entry &e, BallotReply::Reason reason)
{
    m_insertRejection.bind(1, e.voteId).bind(2, BallotReply::reasonCode(reason)).bind(3, e.screening)
        .bind(4, e.kiosk).bind(5, e.receivedAtUs).bind(6, e.rejectedFilm.isEmpty() ? QVariant() : QVariant(e.rejectedFilm));
    const bool ok = m_insertRejection.exec();
    m_insertRejection.reset();
    return ok;
}

namespace {
// What the votes table's constraints would refuse: caught before the insert, since a
// failed insert would fail the whole batch, again at every retry.
BallotReply::Reason malformed(const VoteStore::Entry &e)
{
    if (e.ratings.isEmpty() || e.ratings.size() > Ballot::MaxRatings)
        return BallotReply::Reason::BadBallot;
    Ballot ballot;
    ballot.ratings = e.ratings;
    if (!ballot.filmRatedTwice().isEmpty())
        return BallotReply::Reason::BadBallot;
    return ballot.scoresInRange() ? BallotReply::Reason::None : BallotReply::Reason::BadScore;
}
} // namespace

VoteStore::Step VoteStore::store(const Entry &e, BallotReply *reply)
{
    const BallotReply::Reason rejection = e.rejection != BallotReply::Reason::None ? e.rejection : malformed(e);
    if (rejection != BallotReply::Reason::None) {
        // A re-sent ballot that was counted before stays counted, even if its window has
        // closed since: the kiosk must hear "duplicate", not a misleading rejection.
        if (isCounted(e.voteId)) {
            *reply = BallotReply::duplicate(e.voteId);
            return Step::Ok;
        }
        *reply = BallotReply::rejected(e.voteId, rejection, e.rejectedFilm);
        return recordRejection(e, rejection) ? Step::Ok : Step::Failed;
    }
    m_insertBallot.bind(1, e.voteId).bind(2, e.ticketHash).bind(3, e.screening).bind(4, e.kiosk)
        .bind(5, IsoTime::withMs(e.castAt)).bind(6, e.receivedAtUs);
    const bool ok = m_insertBallot.exec();
    m_insertBallot.reset();
    if (!ok)
        return Step::Failed;
    if (m_db.changes() == 1) {
        const qint64 ballotId = m_db.lastInsertRowId();
        for (const Ballot::Rating &rating : e.ratings) {
            const bool inserted = m_insertVote.bind(1, ballotId).bind(2, rating.film).bind(3, rating.score).exec();
            m_insertVote.reset();
            if (!inserted)
                return Step::Failed;
        }
        *reply = BallotReply::accepted(e.voteId);
        return Step::Ok;
    }
    // Refused by UNIQUE (vote_id): this very ballot again; by UNIQUE (ticket_hash,
    // screening_id): another ballot of the same ticket for this screening.
    if (isCounted(e.voteId)) {
        *reply = BallotReply::duplicate(e.voteId);
        return Step::Ok;
    }
    *reply = BallotReply::rejected(e.voteId, BallotReply::Reason::TicketUsed);
    return recordRejection(e, BallotReply::Reason::TicketUsed) ? Step::Ok : Step::Failed;
}

bool VoteStore::flush()
{
    m_timer.stop();
    if (m_queue.empty())
        return true;
    const size_t count = std::min(m_queue.size(), size_t(m_options.maxBatch));
    QList<BallotReply> replies(qsizetype(count), BallotReply{});
    int newVotes = 0;
    QString problem;
    QElapsedTimer took;
    took.start();
    {
        Transaction tx(m_db);
        bool ok = tx.isActive();
        for (size_t i = 0; ok && i < count; ++i) {
            ok = store(m_queue[i].entry, &replies[qsizetype(i)]) == Step::Ok;
            if (replies[qsizetype(i)].result == BallotReply::Result::Accepted)
                newVotes += int(m_queue[i].entry.ratings.size());
        }
        if (!ok || !tx.commit(&problem)) {
            if (problem.isEmpty())
                problem = m_db.lastError();
            setError(Error::CommitFailed,
                     QStringLiteral("cannot write votes to %1 (%2); %3 ballots wait and none was acknowledged. "
                                    "Free disk space or fix the file; writing is retried every %4 s")
                         .arg(m_db.path(), problem).arg(m_queue.size()).arg(m_options.retryMs / 1000.0));
            schedule();
            return false;
        }
    }
    ++m_batches;
    m_lastCommitMs = took.elapsed();
    std::deque<Pending> done;
    done.insert(done.end(), std::make_move_iterator(m_queue.begin()), std::make_move_iterator(m_queue.begin() + qsizetype(count)));
    m_queue.erase(m_queue.begin(), m_queue.begin() + qsizetype(count));
    if (m_error != Error::None) {
        qCInfo(lcVotes) << "votes are being written again";
        setError(Error::None, QString());
    }
    for (size_t i = 0; i < count; ++i) {
        if (done[i].done)
            done[i].done(replies[qsizetype(i)]);
    }
    if (newVotes > 0)
        emit votesCommitted(newVotes);
    schedule();
    return true;
}

qint64 VoteStore::voteCount() const
{
    Statement s = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM votes"));
    return s.step() == Statement::Step::Row ? s.columnInt(0) : -1;
}

qint64 VoteStore::ballotCount() const
{
    Statement s = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM ballots"));
    return s.step() == Statement::Step::Row ? s.columnInt(0) : -1;
}

void VoteStore::setError(Error error, const QString &text)
{
    if (error == m_error && text == m_errorString)
        return;
    if (error != Error::None)
        qCCritical(lcVotes).noquote() << "ALARM:" << text;
    m_error = error;
    m_errorString = text;
    emit errorChanged();
}

} // namespace fest
