#pragma once

#include "votestore.h"

#include <QMutex>
#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

namespace fest {

// The VoteStore on a thread of its own, with its own connection to the votes database.
//
// A COMMIT with synchronous=FULL waits for the disk, and inserting into the votes indexes
// and copying the WAL back (checkpoints) is a third of the controller's work per ballot.
// On the thread that reads the bus that meant: no ballot read, no ceremony cue or node
// status handled while a batch is written. Here the caller's thread only hands ballots
// over; the writer thread groups and commits them as VoteStore does, and each ballot's
// callback runs back on the caller's thread, still only after its batch committed.
//
// Hand-over in both directions is a locked list and one wake-up per batch, not one queued
// event per ballot: the caller's ballots go over once per pass of its event loop, a
// committed batch's answers come back together. Everything public is for the thread that
// created the writer.
class VoteWriter : public QObject
{
    Q_OBJECT
public:
    // Opens a second connection to the database at `path` (already migrated by the
    // caller's connection: VoteStore::openDatabase) on the writer thread.
    static std::unique_ptr<VoteWriter> open(const QString &path, const VoteStore::Options &options, QString *error);
    ~VoteWriter() override;   // writes what is queued, answers it, then stops the thread

    // False when the backlog (VoteStore::Options::maxQueued) is full: nothing will be
    // replied, the kiosk re-sends later.
    bool submit(VoteStore::Entry entry, VoteStore::Done done);
    // Writes everything submitted so far and runs its callbacks before returning.
    bool flush();

    int pending() const { return m_inFlight.load(); }
    VoteStore::Error error() const;
    QString errorString() const;
    qint64 committedBatches() const { return m_batches.load(); }

signals:
    void errorChanged();
    void votesCommitted(int newVotes);

private:
    struct Pending
    {
        VoteStore::Entry entry;
        VoteStore::Done done;
    };
    struct Answer
    {
        VoteStore::Done done;
        BallotReply reply;
    };
    class Worker;

    explicit VoteWriter(const VoteStore::Options &options);
    void handOver();                         // caller's thread: staged ballots to the writer
    void deliver();                          // caller's thread: run the answered callbacks
    void answered(std::vector<Answer> answers);   // writer thread
    void setError(VoteStore::Error error, const QString &text);   // caller's thread

    VoteStore::Options m_options;
    QThread m_thread;
    Worker *m_worker = nullptr;              // lives on m_thread
    QMutex m_lock;
    std::vector<Pending> m_staged;           // caller's thread only: not yet handed over
    std::vector<Pending> m_inbox;            // caller -> writer
    std::vector<Answer> m_outbox;            // writer -> caller
    std::atomic<int> m_inFlight{0};
    std::atomic<qint64> m_batches{0};
    VoteStore::Error m_error = VoteStore::Error::None;
    QString m_errorString;
};

} // namespace fest
