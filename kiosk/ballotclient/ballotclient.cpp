#include "ballotclient.h"

#include <QEventLoop>
#include <QFile>
#include <QRandomGenerator>

namespace fest {

std::optional<QList<BallotClient::TicketLine>> BallotClient::loadTickets(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        if (error)
            *error = QStringLiteral("%1: cannot read the tickets file (%2)").arg(path, file.errorString());
        return std::nullopt;
    }
    QList<TicketLine> lines;
    int number = 0;
    while (!file.atEnd()) {
        ++number;
        const QString line = QString::fromUtf8(file.readLine(4096)).trimmed();
        if (line.isEmpty() || line.startsWith(QStringLiteral("code"), Qt::CaseInsensitive))
            continue;
        const QStringList f = line.split(u',');
        if (f.size() < 2 || f.size() > 3 || f[0].isEmpty() || f[1].isEmpty()) {
            if (error)
                *error = QStringLiteral("%1:%2: expected \"code,screening[,film]\"").arg(path).arg(number);
            return std::nullopt;
        }
        lines.append({f[0].trimmed(), f[1].trimmed(), f.value(2).trimmed()});
    }
    if (lines.isEmpty()) {
        if (error)
            *error = QStringLiteral("%1: holds no tickets").arg(path);
        return std::nullopt;
    }
    return lines;
}

BallotClient::BallotClient(VoteOutbox *outbox, QObject *parent)
    : QObject(parent)
    , m_outbox(outbox)
{
    m_elapsed.start();
    connect(m_outbox, &VoteOutbox::settled, this, &BallotClient::onSettled);
    connect(&m_pace, &QTimer::timeout, this, &BallotClient::castNext);
}

bool BallotClient::burst(const QList<TicketLine> &tickets, int count, double rate, const QString &fallbackFilm, QString *error)
{
    if (tickets.isEmpty() || count <= 0) {
        if (error)
            *error = QStringLiteral("nothing to cast: give tickets and a count above 0");
        return false;
    }
    for (const TicketLine &t : tickets) {
        if (t.film.isEmpty() && fallbackFilm.isEmpty()) {
            if (error)
                *error = QStringLiteral("ticket %1 names no film: add a film column or pass --film").arg(t.code);
            return false;
        }
    }
    m_tickets = tickets;
    m_fallbackFilm = fallbackFilm;
    m_toCast = count;
    m_cast = 0;
    m_rate = rate;
    m_elapsed.restart();
    m_pace.start(rate > 0 ? 10 : 0);
    castNext();
    return true;
}

void BallotClient::castNext()
{
    // Paced in 10 ms steps; at most 1000 ballots a transaction so sending starts early.
    const int due = m_rate > 0 ? int(std::min<double>(m_toCast, m_rate * double(m_elapsed.elapsed() + 10) / 1000.0))
                               : m_toCast;
    QList<Ballot> batch;
    while (m_cast < due && batch.size() < 1000) {
        const TicketLine &t = m_tickets[m_cast % m_tickets.size()];
        Ballot b;
        b.voteId = Ballot::newVoteId();
        b.ticket = t.code;
        b.screening = t.screening;
        b.ratings = {{t.film.isEmpty() ? m_fallbackFilm : t.film,
                      QRandomGenerator::global()->bounded(Ballot::MinScore, Ballot::MaxScore + 1)}};
        b.castAt = QDateTime::currentDateTimeUtc();
        batch.append(b);
        ++m_cast;
    }
    if (!batch.isEmpty() && !m_outbox->enqueue(batch)) {
        m_pace.stop();
        return;
    }
    if (m_cast >= m_toCast) {
        m_pace.stop();
        emit burstSent();
    }
}

bool BallotClient::drain(int timeoutMs)
{
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(m_outbox, &VoteOutbox::drained, &loop, [&] {
        if (!m_pace.isActive())
            loop.quit();
    });
    connect(this, &BallotClient::burstSent, &loop, [&] {
        if (m_outbox->pending() == 0)
            loop.quit();
    });
    if (m_outbox->pending() > 0 || m_pace.isActive()) {
        timeout.start(timeoutMs);
        loop.exec();
    }
    return m_outbox->pending() == 0 && !m_pace.isActive();
}

const BallotClient::Summary &BallotClient::summary()
{
    m_summary.pending = m_outbox->pending();
    m_summary.elapsedMs = m_elapsed.elapsed();
    return m_summary;
}

void BallotClient::onSettled(const QString &, const BallotReply &reply)
{
    switch (reply.result) {
    case BallotReply::Result::Accepted: ++m_summary.accepted; break;
    case BallotReply::Result::Duplicate: ++m_summary.duplicate; break;
    case BallotReply::Result::Rejected:
        ++m_summary.rejected;
        ++m_summary.reasons[BallotReply::reasonCode(reply.reason)];
        m_lastRejection = BallotReply::reasonCode(reply.reason) + QStringLiteral(": ") + reply.message;
        break;
    }
}

} // namespace fest
