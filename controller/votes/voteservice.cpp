#include "voteservice.h"

#include "identifier.h"
#include "jsonreader.h"
#include "mqttclient.h"
#include "ticketcode.h"
#include "ticketissuer.h"
#include "transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcVotes)

namespace fest {

namespace {
QJsonObject ok(const QJsonObject &result)
{
    return {{QStringLiteral("ok"), true}, {QStringLiteral("result"), result}};
}

QJsonObject failure(const QString &code, const QString &message)
{
    return {{QStringLiteral("ok"), false},
            {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}};
}

QJsonObject invalidArgs(const JsonReader &r)
{
    QStringList problems;
    for (const JsonError &e : r.errors())
        problems << e.toString();
    return failure(QStringLiteral("invalid_args"), problems.join(QStringLiteral("; ")));
}

BallotReply::Reason ticketReason(TicketVerifier::Result result)
{
    switch (result) {
    case TicketVerifier::Result::Valid: return BallotReply::Reason::None;
    case TicketVerifier::Result::Malformed:
    case TicketVerifier::Result::BadCheckCharacter: return BallotReply::Reason::TicketMalformed;
    case TicketVerifier::Result::UnknownKey:
    case TicketVerifier::Result::Forged: return BallotReply::Reason::TicketForged;
    }
    return BallotReply::Reason::TicketForged;
}
} // namespace

VoteService::VoteService(MqttClient *client, Database &db, const TicketVerifier &verifier, VotingWindows &windows,
                         QObject *parent)
    : VoteService(client, db, verifier, windows, Options{}, parent)
{
}

VoteService::VoteService(MqttClient *client, Database &db, const TicketVerifier &verifier, VotingWindows &windows,
                         const Options &options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_db(db)
    , m_verifier(verifier)
    , m_windows(windows)
    , m_options(options)
    , m_store(db, options.store)
{
    m_resultsTimer.setSingleShot(true);
    m_resultsTimer.setInterval(m_options.resultsIntervalMs);
    connect(&m_resultsTimer, &QTimer::timeout, this, &VoteService::publishResults);
    connect(&m_store, &VoteStore::votesCommitted, this, &VoteService::scheduleResults);
    connect(&m_windows, &VotingWindows::changed, this, &VoteService::publishVoting);
    m_client->subscribe(voteFilter(), 1);
    connect(m_client, &MqttClient::messageReceived, this, &VoteService::onMessage);
    connect(m_client, &MqttClient::connected, this, [this] {
        publishVoting();
        publishResults();
    });
}

void VoteService::onMessage(const MqttMessage &message)
{
    static const QString prefix = QStringLiteral("fest/v1/vote/");
    if (!message.topic.startsWith(prefix))
        return;
    const QString account = message.topic.mid(prefix.size());
    if (!Identifier::isValid(account)) {
        qCWarning(lcVotes).noquote() << "dropped a ballot on" << message.topic << ": not an account topic";
        return;
    }
    const Route route{message.responseTopic, message.correlationData};
    if (!route.topic.startsWith(QStringLiteral("fest/v1/reply/%1/").arg(account))) {
        qCWarning(lcVotes).noquote() << "dropped a ballot from" << account << ": its response topic"
                                     << (route.topic.isEmpty() ? QStringLiteral("is missing") : u'"' + route.topic + u'"')
                                     << "is not under" << QStringLiteral("fest/v1/reply/%1/").arg(account);
        return;
    }
    QString error, voteId;
    const std::optional<Ballot> ballot = Ballot::fromJson(message.payload, &error, &voteId);
    if (!ballot) {
        qCWarning(lcVotes).noquote() << "refused a ballot from" << account << ":" << error;
        // Nothing to commit: the refusal can go at once.
        sendReply(route, BallotReply::rejected(voteId, BallotReply::Reason::BadBallot));
        return;
    }
    VoteStore::Entry entry;
    entry.voteId = ballot->voteId;
    entry.screening = ballot->screening;
    entry.film = ballot->film;
    entry.score = int(ballot->score);
    entry.kiosk = account;
    entry.castAt = ballot->castAt;
    entry.receivedAtUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    entry.rejection = verdict(*ballot);
    if (entry.rejection == BallotReply::Reason::None)
        entry.ticketHash = TicketCode::storageHash(ballot->ticket);
    m_store.submit(std::move(entry), [this, route](const BallotReply &reply) { sendReply(route, reply); });
}

BallotReply::Reason VoteService::verdict(const Ballot &ballot) const
{
    const BallotReply::Reason ticket = ticketReason(m_verifier.verify(ballot.ticket));
    if (ticket != BallotReply::Reason::None)
        return ticket;
    if (!ballot.scoreInRange())
        return BallotReply::Reason::BadScore;
    return m_windows.check(ballot.screening, ballot.film);
}

void VoteService::sendReply(const Route &route, const BallotReply &reply)
{
    MqttMessage message;
    message.topic = route.topic;
    message.correlationData = route.correlation;
    message.payload = reply.toJson();
    message.qos = 1;
    if (m_client->publish(message) < 0)
        qCDebug(lcVotes).noquote() << "reply to" << reply.voteId << "not sent (" << m_client->errorString()
                                   << "); the kiosk re-sends and hears \"duplicate\"";
}

void VoteService::publishVoting()
{
    QJsonObject voting = m_windows.toJson();
    voting.insert(QStringLiteral("seq"), ++m_votingSeq);
    MqttMessage message;
    message.topic = votingTopic();
    message.payload = QJsonDocument(voting).toJson(QJsonDocument::Compact);
    message.qos = 1;
    message.retain = true;
    m_client->publish(message);
}

void VoteService::scheduleResults()
{
    if (!m_resultsTimer.isActive())
        m_resultsTimer.start();
}

void VoteService::publishResults()
{
    MqttMessage message;
    message.topic = resultsTopic();
    message.payload = QJsonDocument(Tally::toJson(Tally::compute(m_db, m_options.minimumVotes))).toJson(QJsonDocument::Compact);
    message.qos = 1;
    message.retain = true;
    m_client->publish(message);
}

QJsonObject VoteService::openVoting(const QJsonObject &args, const QString &account)
{
    return setOpen(args, account, true);
}

QJsonObject VoteService::closeVoting(const QJsonObject &args, const QString &account)
{
    return setOpen(args, account, false);
}

QJsonObject VoteService::setOpen(const QJsonObject &args, const QString &account, bool open)
{
    JsonReader r(args, QStringLiteral("args"));
    const QString screening = r.requiredId(QStringLiteral("screening"));
    r.rejectUnknownFields();
    if (!r.ok())
        return invalidArgs(r);
    QString error;
    if (!m_windows.setOpen(screening, open, account, &error))
        return failure(m_windows.state(screening) == VotingWindows::State::Unknown ? QStringLiteral("unknown_screening")
                                                                                  : QStringLiteral("storage_failed"),
                       error);
    const VotingWindows::Window w = m_windows.window(screening);
    return ok({{QStringLiteral("screening"), screening},
               {QStringLiteral("state"), open ? QStringLiteral("open") : QStringLiteral("closed")},
               {QStringLiteral("closesAt"), w.closesAt.isValid() ? QJsonValue(w.closesAt.toString(Qt::ISODate)) : QJsonValue()}});
}

QJsonObject VoteService::results(const QJsonObject &args) const
{
    JsonReader r(args, QStringLiteral("args"));
    const int minimum = int(r.optionalInteger(QStringLiteral("minimumVotes"), {.min = 0, .max = 1000000}, m_options.minimumVotes));
    r.rejectUnknownFields();
    if (!r.ok())
        return invalidArgs(r);
    return ok(Tally::toJson(Tally::compute(m_db, minimum)));
}

QJsonObject VoteService::issueTickets(const QJsonObject &args, const QString &account)
{
    JsonReader r(args, QStringLiteral("args"));
    const QString screening = r.requiredId(QStringLiteral("screening"));
    const int count = int(r.requiredInteger(QStringLiteral("count"), {.min = 1, .max = m_options.maxTicketsPerRequest}));
    r.rejectUnknownFields();
    if (!r.ok())
        return invalidArgs(r);
    if (m_windows.state(screening) == VotingWindows::State::Unknown)
        return failure(QStringLiteral("unknown_screening"),
                       QStringLiteral("no screening %1 in the programme; check the id with 'festctl programme show'").arg(screening));
    const TicketIssuer issuer(m_verifier.keys());
    if (!issuer.isValid())
        return failure(QStringLiteral("no_ticket_key"), QStringLiteral("the controller has no ticket key; check its ticket key file"));
    // Every issued code is recorded (as its hash), so no two batches ever share a code.
    Statement record = m_db.prepare(QStringLiteral(
        "INSERT INTO issued_tickets (ticket_hash, screening_id, issued_at_us) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"));
    Transaction tx(m_db);
    QJsonArray codes;
    const qint64 nowUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    while (codes.size() < count) {
        const QString code = issuer.issueOne();
        if (!record.bind(1, TicketCode::storageHash(code)).bind(2, screening).bind(3, nowUs).exec())
            return failure(QStringLiteral("storage_failed"), record.error());
        if (m_db.changes() == 1)
            codes.append(code);
        record.reset();
    }
    QString error;
    if (!tx.commit(&error))
        return failure(QStringLiteral("storage_failed"), QStringLiteral("cannot record the tickets: %1").arg(error));
    qCInfo(lcVotes).noquote() << account << "issued" << count << "tickets for" << screening;
    return ok({{QStringLiteral("screening"), screening}, {QStringLiteral("codes"), codes}});
}

} // namespace fest
