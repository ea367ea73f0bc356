#include "votewriter.h"

#include <QLoggingCategory>
#include <QMutexLocker>

#include <iterator>
#include <limits>
#include <optional>
#include <utility>

Q_DECLARE_LOGGING_CATEGORY(lcVotes)

namespace fest {

// The writer thread's side: its own connection and the VoteStore that groups and commits.
class VoteWriter::Worker : public QObject
{
public:
    explicit Worker(VoteWriter *writer)
        : m_writer(writer)
    {
    }

    bool open(const QString &path, VoteStore::Options options, QString *error)
    {
        m_db = VoteStore::openDatabase(path, error);
        if (!m_db)
            return false;
        // The writer bounds the backlog itself (it counts what the caller handed over).
        options.maxQueued = std::numeric_limits<int>::max();
        m_store = std::make_unique<VoteStore>(*m_db, options);
        connect(m_store.get(), &VoteStore::errorChanged, this, [this] {
            QMetaObject::invokeMethod(m_writer, [w = m_writer, e = m_store->error(), text = m_store->errorString()] {
                w->setError(e, text);
            }, Qt::QueuedConnection);
        });
        connect(m_store.get(), &VoteStore::votesCommitted, m_writer, &VoteWriter::votesCommitted, Qt::QueuedConnection);
        return true;
    }

    void drain()
    {
        std::vector<Pending> batch;
        {
            QMutexLocker locked(&m_writer->m_lock);
            batch.swap(m_writer->m_inbox);
        }
        for (Pending &p : batch) {
            m_store->submit(std::move(p.entry), [this, done = std::move(p.done)](const BallotReply &reply) {
                m_writer->m_batches.store(m_store->committedBatches());
                // A committed batch answers all its ballots in one loop: hand them over
                // together once it is done, not one wake-up of the caller per ballot.
                m_answers.push_back({done, reply});
                if (m_answers.size() == 1)
                    QMetaObject::invokeMethod(this, &Worker::handOverAnswers, Qt::QueuedConnection);
            });
        }
    }

    void handOverAnswers()
    {
        if (m_answers.empty())
            return;
        m_writer->answered(std::move(m_answers));
        m_answers.clear();
    }

    bool flushAll()
    {
        if (!m_store)
            return true;   // never opened: nothing was handed over
        drain();
        bool ok = true;
        while (ok && m_store->pending() > 0)
            ok = m_store->flush();
        handOverAnswers();
        return ok;
    }

    void close()
    {
        m_store.reset();
        m_db.reset();
    }

private:
    VoteWriter *m_writer;
    std::optional<Database> m_db;
    std::unique_ptr<VoteStore> m_store;
    std::vector<Answer> m_answers;   // answered, not yet handed to the caller
};

VoteWriter::VoteWriter(const VoteStore::Options &options)
    : m_options(options)
{
    m_thread.setObjectName(QStringLiteral("vote writer"));
}

std::unique_ptr<VoteWriter> VoteWriter::open(const QString &path, const VoteStore::Options &options, QString *error)
{
    std::unique_ptr<VoteWriter> writer(new VoteWriter(options));
    writer->m_worker = new Worker(writer.get());
    writer->m_worker->moveToThread(&writer->m_thread);
    writer->m_thread.start();
    bool opened = false;
    QString why;
    QMetaObject::invokeMethod(writer->m_worker, [&] { opened = writer->m_worker->open(path, options, &why); },
                              Qt::BlockingQueuedConnection);
    if (!opened) {
        if (error)
            *error = why;
        return nullptr;   // the destructor stops the thread
    }
    return writer;
}

VoteWriter::~VoteWriter()
{
    if (m_thread.isRunning()) {
        flush();
        QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->close(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    delete m_worker;
}

bool VoteWriter::submit(VoteStore::Entry entry, VoteStore::Done done)
{
    if (m_inFlight.load() >= m_options.maxQueued) {
        setError(m_error == VoteStore::Error::CommitFailed ? m_error : VoteStore::Error::Backlogged,
                 m_error == VoteStore::Error::CommitFailed
                     ? m_errorString
                     : QStringLiteral("%1 ballots wait to be written; new ones are refused until the queue drains "
                                      "(kiosks keep them and re-send)").arg(m_inFlight.load()));
        return false;
    }
    ++m_inFlight;
    // Ballots read in one pass of this thread's event loop (a burst off the socket) go
    // over together when it ends: one lock and at most one wake-up of the writer.
    m_staged.push_back({std::move(entry), std::move(done)});
    if (m_staged.size() == 1)
        QMetaObject::invokeMethod(this, &VoteWriter::handOver, Qt::QueuedConnection);
    return true;
}

void VoteWriter::handOver()
{
    if (m_staged.empty())
        return;
    bool wake = false;
    {
        QMutexLocker locked(&m_lock);
        wake = m_inbox.empty();
        if (wake)
            m_inbox.swap(m_staged);
        else
            std::move(m_staged.begin(), m_staged.end(), std::back_inserter(m_inbox));
    }
    m_staged.clear();
    if (wake)
        QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->drain(); }, Qt::QueuedConnection);
}

bool VoteWriter::flush()
{
    handOver();
    bool ok = false;
    QMetaObject::invokeMethod(m_worker, [&] { ok = m_worker->flushAll(); }, Qt::BlockingQueuedConnection);
    deliver();
    return ok;
}

void VoteWriter::answered(std::vector<Answer> answers)
{
    bool wake = false;
    {
        QMutexLocker locked(&m_lock);
        wake = m_outbox.empty();
        if (wake)
            m_outbox.swap(answers);
        else
            std::move(answers.begin(), answers.end(), std::back_inserter(m_outbox));
    }
    if (wake)
        QMetaObject::invokeMethod(this, &VoteWriter::deliver, Qt::QueuedConnection);
}

void VoteWriter::deliver()
{
    std::vector<Answer> answers;
    {
        QMutexLocker locked(&m_lock);
        answers.swap(m_outbox);
    }
    m_inFlight -= int(answers.size());
    for (Answer &a : answers) {
        if (a.done)
            a.done(a.reply);
    }
    if (m_error == VoteStore::Error::Backlogged && m_inFlight.load() < m_options.maxQueued)
        setError(VoteStore::Error::None, QString());
}

VoteStore::Error VoteWriter::error() const
{
    return m_error;
}

QString VoteWriter::errorString() const
{
    return m_errorString;
}

void VoteWriter::setError(VoteStore::Error error, const QString &text)
{
    if (error == m_error && text == m_errorString)
        return;
    if (error == VoteStore::Error::Backlogged)   // a failed commit is reported by the store itself
        qCCritical(lcVotes).noquote() << "ALARM:" << text;
    m_error = error;
    m_errorString = text;
    emit errorChanged();
}

} // namespace fest
