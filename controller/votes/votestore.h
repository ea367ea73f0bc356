#pragma once

#include "ballot.h"
#include "ballotreply.h"
#include "database.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>

namespace fest {

// The votes database and its group commit. Ballots handed to submit() are queued; the
// queue is written in one transaction when the group window (a few ms) ends or the batch
// is full, and each ballot's outcome is handed to its callback only after COMMIT really
// succeeded. A failed transaction (disk full, I/O error) acknowledges nothing: the batch
// stays queued, error() turns CommitFailed with an alarm, and the commit is retried.
//
// The votes live in their own SQLite file (WAL, synchronous=FULL): it has its own schema
// versions, and its fsync-per-commit cost does not slow other controller state.
class VoteStore : public QObject
{
    Q_OBJECT
    Q_PROPERTY(Error error READ error NOTIFY errorChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged)
public:
    enum class Error { None, CommitFailed, Backlogged };
    Q_ENUM(Error)

    struct Options
    {
        int groupWindowMs = 2;      // how long the first ballot of a batch waits for company
        // While a COMMIT waits for its fsync the controller reads nothing, so ballots pile
        // up unread; a window of 2 ms would then commit them a few dozen at a time, one
        // fsync each. The window stretches to the last commit's duration, up to this cap.
        int maxGroupWindowMs = 20;
        int maxBatch = 2000;        // commit at once when this many are waiting
        int retryMs = 2000;         // after a failed commit
        int maxQueued = 100000;     // beyond this submit() refuses; kiosks re-send later
    };

    // One ballot ready to store: already decoded and checked by the caller. When
    // rejection is set the ballot is recorded as rejected (unless its vote id is already
    // counted, which makes it a duplicate). An accepted ballot is one row in `ballots`
    // (a ticket has at most one per screening) and one row in `votes` per rated film.
    struct Entry
    {
        QString voteId;
        QByteArray ticketHash;
        QString screening;
        QList<Ballot::Rating> ratings;   // 1..Ballot::MaxRatings, each film once, scores 1..5
        QString kiosk;
        QDateTime castAt;
        qint64 receivedAtUs = 0;
        BallotReply::Reason rejection = BallotReply::Reason::None;
        QString rejectedFilm;            // the film the rejection is about, if one is
    };
    using Done = std::function<void(const BallotReply &)>;

    // The schema of the votes database (ballots and their votes, one per rated film;
    // rejections, voting overrides, reported screening ends, issued tickets).
    static QList<Database::Migration> migrations();
    static std::optional<Database> openDatabase(const QString &path, QString *error);

    explicit VoteStore(Database &db, QObject *parent = nullptr);
    VoteStore(Database &db, const Options &options, QObject *parent = nullptr);

    // False (and nothing will be replied) when the backlog is full.
    bool submit(Entry entry, Done done);
    // Commits what is queued now. True when the queue was written (or empty).
    bool flush();
    int pending() const { return int(m_queue.size()); }

    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    qint64 committedBatches() const { return m_batches; }
    qint64 voteCount() const;     // film votes: a block ballot rating three films is three
    qint64 ballotCount() const;
    Database &database() { return m_db; }

signals:
    void errorChanged();
    // After each successful commit that counted new votes: results may be refreshed.
    void votesCommitted(int newVotes);

private:
    struct Pending
    {
        Entry entry;
        Done done;
    };
    enum class Step { Ok, Failed };

    Step store(const Entry &entry, BallotReply *reply);
    bool isCounted(const QString &voteId);
    bool recordRejection(const Entry &entry, BallotReply::Reason reason);
    void setError(Error error, const QString &text);
    void schedule();

    Database &m_db;
    Options m_options;
    Statement m_insertBallot;
    Statement m_insertVote;
    Statement m_findVote;
    Statement m_insertRejection;
    std::deque<Pending> m_queue;
    QTimer m_timer;
    Error m_error = Error::None;
    QString m_errorString;
    qint64 m_batches = 0;
    qint64 m_lastCommitMs = 0;   // how long the last COMMIT (its fsync) took
};

} // namespace fest
