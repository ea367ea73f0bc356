#include "voteoutbox.h"

#include "mqttclient.h"
#include "topics.h"
#include "transaction.h"

#include <QLoggingCategory>
#include <QScopeGuard>

#include <algorithm>

Q_LOGGING_CATEGORY(lcOutbox, "fest.kiosk.outbox")

namespace fest {

QList<Database::Migration> VoteOutbox::migrations()
{
    return {{1, QStringLiteral(R"(
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY,
    vote_id TEXT NOT NULL UNIQUE,
    payload BLOB NOT NULL,
    created_at_us INTEGER NOT NULL,
    sends INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE rejected (
    vote_id TEXT PRIMARY KEY,
    payload BLOB NOT NULL,
    reason TEXT NOT NULL,
    message TEXT NOT NULL,
    rejected_at_us INTEGER NOT NULL
);
)")}};
}

std::optional<Database> VoteOutbox::openDatabase(const QString &path, QString *error)
{
    // synchronous=FULL: the voter is thanked only once the ballot is on disk.
    std::optional<Database> db = Database::open(path, Database::Options{Database::Sync::Full, true, 5000}, error);
    if (db && !db->migrate(migrations(), error))
        return std::nullopt;
    return db;
}

VoteOutbox::VoteOutbox(Database &db, MqttClient *client, const QString &account, QObject *parent)
    : VoteOutbox(db, client, account, Options{}, parent)
{
}

VoteOutbox::VoteOutbox(Database &db, MqttClient *client, const QString &account, const Options &options, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_client(client)
    , m_account(account)
    , m_options(options)
{
    m_clock.start();
    refreshPending();
    m_retry.setInterval(std::max(100, m_options.retryMs / 2));
    connect(&m_retry, &QTimer::timeout, this, &VoteOutbox::sendPending);
    m_retry.start();
    m_settleSoon.setSingleShot(true);
    m_settleSoon.setInterval(0);
    connect(&m_settleSoon, &QTimer::timeout, this, &VoteOutbox::settleReceived);
    if (m_client) {
        m_client->subscribe(replyTopic(), 1);
        connect(m_client, &MqttClient::connected, this, &VoteOutbox::onConnected);
        connect(m_client, &MqttClient::messageReceived, this, &VoteOutbox::onMessage);
        if (m_client->state() == MqttClient::State::Connected)
            onConnected();
    }
}

QString VoteOutbox::replyTopic() const
{
    return Topics::ballotReplyPrefix(m_account);
}

QString VoteOutbox::voteTopic() const
{
    return Topics::vote(m_account);
}

QString VoteOutbox::cast(const QString &ticket, const QString &screening, const QString &film, int score)
{
    return cast(ticket, screening, QList<Ballot::Rating>{{film, score}});
}

QString VoteOutbox::cast(const QString &ticket, const QString &screening, const QList<Ballot::Rating> &ratings)
{
    switch (TicketCode::checkFormat(ticket)) {
    case TicketCode::Check::Malformed:
        setError(Error::TicketMalformed, TicketCode::userMessage(TicketCode::Check::Malformed));
        return {};
    case TicketCode::Check::BadCheckCharacter:
        setError(Error::TicketMistyped, TicketCode::userMessage(TicketCode::Check::BadCheckCharacter));
        return {};
    case TicketCode::Check::Ok:
        break;
    }
    Ballot ballot;
    ballot.voteId = Ballot::newVoteId();
    ballot.ticket = TicketCode::display(ticket);
    ballot.screening = screening;
    ballot.ratings = ratings;
    ballot.castAt = QDateTime::currentDateTimeUtc();
    if (!ballot.scoresInRange()) {
        setError(Error::BadScore, tr("Pick from 1 to 5 stars."));
        return {};
    }
    const bool filmMissing = std::any_of(ratings.cbegin(), ratings.cend(), [](const Ballot::Rating &r) { return r.film.isEmpty(); });
    if (screening.isEmpty() || ratings.isEmpty() || filmMissing || ratings.size() > Ballot::MaxRatings
        || !ballot.filmRatedTwice().isEmpty()) {
        setError(Error::BadChoice, tr("Pick the screening and rate the films you saw."));
        return {};
    }
    return enqueue({ballot}) ? ballot.voteId : QString();
}

bool VoteOutbox::enqueue(const QList<Ballot> &ballots)
{
    Statement insert = m_db.prepare(QStringLiteral(
        "INSERT INTO outbox (vote_id, payload, created_at_us) VALUES (?, ?, ?) ON CONFLICT (vote_id) DO NOTHING"));
    Transaction tx(m_db);
    QString problem;
    bool ok = tx.isActive();
    int added = 0;
    qint64 firstSeq = -1;
    const qint64 nowUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    for (const Ballot &ballot : ballots) {
        ok = ok && insert.bind(1, ballot.voteId).bind(2, ballot.toJson()).bind(3, nowUs).exec();
        if (ok && m_db.changes() > 0) {
            ++added;
            if (firstSeq < 0)
                firstSeq = m_db.lastInsertRowId();
        }
        insert.reset();
    }
    if (!ok || !tx.commit(&problem)) {
        setError(Error::StorageFailed,
                 tr("This kiosk cannot save votes (%1). Please use another kiosk and tell a volunteer.")
                     .arg(problem.isEmpty() ? insert.error() : problem));
        return false;
    }
    setError(Error::None, QString());
    // SQLite reuses the numbers of deleted rows: a new ballot can get a seq at or below the
    // send cursor (the outbox emptied, or its newest rows were settled). Rewind so the next
    // sendPending() reaches it now, not at the next reconnect.
    if (firstSeq > 0)
        m_cursor = qMin(m_cursor, firstSeq - 1);
    m_pending += added;
    emit pendingChanged();
    sendPending();
    return true;
}

bool VoteOutbox::send(const QString &voteId, const QByteArray &payload)
{
    if (!m_client || m_client->state() != MqttClient::State::Connected || m_inFlight.size() >= m_options.maxInFlight)
        return false;
    MqttMessage message;
    message.topic = voteTopic();
    message.payload = payload;
    message.qos = 1;
    message.responseTopic = replyTopic();
    message.correlationData = voteId.toLatin1();
    if (m_client->publish(message) < 0)
        return false;
    m_inFlight.insert(voteId, m_clock.elapsed());
    return true;
}

void VoteOutbox::onConnected()
{
    // Anything sent before the connection dropped may never have arrived.
    m_inFlight.clear();
    m_cursor = 0;
    sendPending();
}

void VoteOutbox::sendPending()
{
    if (!m_client || m_client->state() != MqttClient::State::Connected || m_pending == 0)
        return;
    const qint64 now = m_clock.elapsed();
    for (auto it = m_inFlight.begin(); it != m_inFlight.end();) {
        if (now - it.value() >= m_options.retryMs) {
            it = m_inFlight.erase(it);
            m_cursor = 0; // unanswered for too long: send it again
        } else {
            ++it;
        }
    }
    const int room = m_options.maxInFlight - int(m_inFlight.size());
    if (room <= 0)
        return;
    Statement s = m_db.prepare(QStringLiteral("SELECT seq, vote_id, payload FROM outbox WHERE seq > ? ORDER BY seq"));
    s.bind(1, m_cursor);
    int sent = 0;
    while (sent < room && s.step() == Statement::Step::Row) {
        const QString voteId = s.columnText(1);
        if (!m_inFlight.contains(voteId)) {
            if (!send(voteId, s.columnBlob(2)))
                break;
            ++sent;
        }
        m_cursor = s.columnInt(0);
    }
    if (sent > 0)
        qCDebug(lcOutbox) << "sent" << sent << "ballots";
}

void VoteOutbox::onMessage(const MqttMessage &message)
{
    if (message.topic != replyTopic())
        return;
    QString error;
    std::optional<BallotReply> reply = BallotReply::fromJson(message.payload, &error);
    if (!reply) {
        qCWarning(lcOutbox).noquote() << "ignored a malformed ballot reply:" << error;
        return;
    }
    m_inFlight.remove(reply->voteId);
    m_received.append(std::move(*reply));
    if (!m_settleSoon.isActive())
        m_settleSoon.start();
}

void VoteOutbox::settleReceived()
{
    const QList<BallotReply> replies = std::exchange(m_received, {});
    Statement move = m_db.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO rejected (vote_id, payload, reason, message, rejected_at_us) "
        "SELECT vote_id, payload, ?, ?, ? FROM outbox WHERE vote_id = ?"));
    Statement remove = m_db.prepare(QStringLiteral("DELETE FROM outbox WHERE vote_id = ?"));
    QList<const BallotReply *> done;
    // Settling needs no fsync: if a crash undoes it, the ballot is sent again and the
    // controller answers "duplicate". Only cast() must reach the disk before it returns.
    m_db.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    const auto restoreFull = qScopeGuard([this] { m_db.exec(QStringLiteral("PRAGMA synchronous = FULL")); });
    Transaction tx(m_db);
    bool ok = tx.isActive();
    for (const BallotReply &reply : replies) {
        if (ok && reply.result == BallotReply::Result::Rejected) {
            ok = move.bind(1, BallotReply::reasonCode(reply.reason)).bind(2, reply.message)
                     .bind(3, QDateTime::currentMSecsSinceEpoch() * 1000).bind(4, reply.voteId).exec();
            move.reset();
        }
        ok = ok && remove.bind(1, reply.voteId).exec();
        if (ok && m_db.changes() > 0) // else: a reply to a re-send, already settled
            done.append(&reply);
        remove.reset();
    }
    QString problem;
    if (!ok || !tx.commit(&problem)) {
        // The ballots stay; the replies to their re-sends settle them.
        m_cursor = 0;
        qCWarning(lcOutbox).noquote() << "cannot settle" << replies.size() << "ballots:" << (problem.isEmpty() ? m_db.lastError() : problem);
        return;
    }
    m_pending -= int(done.size());
    if (!done.isEmpty())
        emit pendingChanged();
    for (const BallotReply *reply : done) {
        if (reply->result == BallotReply::Result::Rejected)
            qCWarning(lcOutbox).noquote() << "ballot" << reply->voteId << "rejected:" << BallotReply::reasonCode(reply->reason);
        emit settled(reply->voteId, *reply);
    }
    if (!done.isEmpty() && m_pending == 0)
        emit drained();
    sendPending();
}

void VoteOutbox::refreshPending()
{
    Statement s = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM outbox"));
    const int count = s.step() == Statement::Step::Row ? int(s.columnInt(0)) : m_pending;
    if (count != m_pending) {
        m_pending = count;
        emit pendingChanged();
    }
}

qint64 VoteOutbox::rejectedCount() const
{
    Statement s = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM rejected"));
    return s.step() == Statement::Step::Row ? s.columnInt(0) : -1;
}

QList<Ballot> VoteOutbox::pendingBallots() const
{
    QList<Ballot> ballots;
    Statement s = m_db.prepare(QStringLiteral("SELECT payload FROM outbox ORDER BY seq"));
    while (s.step() == Statement::Step::Row) {
        if (auto b = Ballot::fromJson(s.columnBlob(0), nullptr))
            ballots.append(*b);
    }
    return ballots;
}

void VoteOutbox::setError(Error error, const QString &text)
{
    if (error == m_error && text == m_errorString)
        return;
    m_error = error;
    m_errorString = text;
    emit errorChanged();
}

} // namespace fest
