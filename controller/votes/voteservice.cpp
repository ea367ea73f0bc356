#include "voteservice.h"
#include "commandrouter.h"

#include "envelope.h"
#include "jsonreader.h"
#include "mqttclient.h"
#include "ticketcode.h"
#include "ticketissuer.h"
#include "topics.h"
#include "transaction.h"
#include "messagetype.h"

#include <QJsonArray>
#include <QLoggingCategory>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcVotes)

namespace fest {

namespace {
Reply invalidArgs(const JsonReader &r)
{
    QJsonArray details;
    for (const JsonError &e : r.errors())
        details.append(QJsonObject{{QStringLiteral("where"), e.where}, {QStringLiteral("field"), e.field},
                                   {QStringLiteral("message"), e.message}});
    return Reply::failure(ErrorCode::InvalidArgs,
                          QStringLiteral("%1 problem(s) with the arguments; nothing was changed").arg(details.size()), details);
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

std::unique_ptr<VoteService> VoteService::create(MqttClient *client, Database &db, const TicketVerifier &verifier,
                                                 VotingWindows &windows, const Options &options, QString *error)
{
    std::unique_ptr<VoteWriter> writer = VoteWriter::open(db.path(), options.store, error);
    if (!writer)
        return nullptr;
    return std::unique_ptr<VoteService>(new VoteService(client, db, std::move(writer), verifier, windows, options));
}

VoteService::VoteService(MqttClient *client, Database &db, std::unique_ptr<VoteWriter> writer, const TicketVerifier &verifier,
                         VotingWindows &windows, const Options &options)
    : m_client(client)
    , m_db(db)
    , m_verifier(verifier)
    , m_windows(windows)
    , m_options(options)
    , m_writer(std::move(writer))
{
    m_resultsTimer.setSingleShot(true);
    m_resultsTimer.setInterval(m_options.resultsIntervalMs);
    connect(&m_resultsTimer, &QTimer::timeout, this, &VoteService::publishResults);
    connect(m_writer.get(), &VoteWriter::votesCommitted, this, &VoteService::scheduleResults);
    connect(&m_windows, &VotingWindows::changed, this, &VoteService::publishVoting);
    m_client->subscribe(Topics::vote(QStringLiteral("+")), m_options.ballotQos);
    connect(m_client, &MqttClient::messageReceived, this, &VoteService::onMessage);
    connect(m_client, &MqttClient::connected, this, [this] {
        publishVoting();
        publishResults();
    });
}

VoteService::~VoteService()
{
    m_writer->flush();
}

MqttOptions VoteService::ingestOptions(MqttOptions base)
{
    // Twice the kiosks' outbox window (200): more buys nothing once the controller is busy.
    base.receiveMaximum = std::max(base.receiveMaximum, 1000);
    base.coalesceWrites = true;
    return base;
}

void VoteService::onMessage(const MqttMessage &message)
{
    const std::optional<QString> sender = Topics::parseVote(message.topic);
    if (!sender)
        return; // another subscription's message
    const QString &account = *sender;
    const Route route{message.responseTopic, message.correlationData};
    qint64 notLogged = 0;
    if (!Topics::isReplyTopicFor(account, Topics::controllerAccount(), route.topic)) {
        if (m_refusals.count(account, &notLogged))
            qCWarning(lcVotes).noquote() << QStringLiteral("dropped a ballot from %1: its response topic (%2) is not under %3/%4")
                                                .arg(account, route.topic.isEmpty() ? QStringLiteral("none") : route.topic.left(80),
                                                     Topics::controllerReplyPrefix(account), RefusalLog::moreSince(notLogged));
        return;
    }
    QString error, voteId;
    const std::optional<Ballot> ballot = Ballot::fromJson(message.payload, &error, &voteId);
    if (!ballot) {
        if (m_refusals.count(account, &notLogged))
            qCWarning(lcVotes).noquote() << QStringLiteral("refused a ballot from %1: %2%3; refusals of an account are logged at most once a minute")
                                                .arg(account, error, RefusalLog::moreSince(notLogged));
        // Nothing to commit: the refusal can go at once.
        sendReply(route, BallotReply::rejected(voteId, BallotReply::Reason::BadBallot));
        return;
    }
    VoteStore::Entry entry;
    entry.voteId = ballot->voteId;
    entry.screening = ballot->screening;
    entry.ratings = ballot->ratings;
    entry.kiosk = account;
    entry.castAt = ballot->castAt;
    entry.receivedAtUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    entry.rejection = verdict(*ballot, &entry.rejectedFilm);
    if (entry.rejection == BallotReply::Reason::None)
        entry.ticketHash = TicketCode::storageHash(ballot->ticket);
    m_writer->submit(std::move(entry), [this, route](const BallotReply &reply) { sendReply(route, reply); });
}

BallotReply::Reason VoteService::verdict(const Ballot &ballot, QString *film) const
{
    const BallotReply::Reason ticket = ticketReason(m_verifier.verify(ballot.ticket));
    if (ticket != BallotReply::Reason::None)
        return ticket;
    // The whole ballot counts or none of it: one film the voter could not have seen
    // makes it a rejection that names that film.
    for (const Ballot::Rating &rating : ballot.ratings) {
        if (!Ballot::scoreInRange(rating.score)) {
            *film = rating.film;
            return BallotReply::Reason::BadScore;
        }
    }
    for (const Ballot::Rating &rating : ballot.ratings) {
        const BallotReply::Reason window = m_windows.check(ballot.screening, rating.film);
        if (window == BallotReply::Reason::UnknownFilm)
            *film = rating.film;
        if (window != BallotReply::Reason::None)
            return window;
    }
    return BallotReply::Reason::None;
}

void VoteService::sendReply(const Route &route, const BallotReply &reply)
{
    MqttMessage message;
    message.topic = route.topic;
    message.correlationData = route.correlation;
    message.payload = reply.toJson();
    message.qos = m_options.replyQos;
    if (m_client->publish(message) < 0)
        qCDebug(lcVotes).noquote() << "reply to" << reply.voteId << "not sent (" << m_client->errorString()
                                   << "); the kiosk re-sends and hears \"duplicate\"";
}

QByteArray VoteService::votingMessage(const VotingWindows &windows, qint64 seq)
{
    QJsonObject voting = windows.toJson();
    voting.insert(QStringLiteral("seq"), seq);
    return Envelope::encode(MessageType::voting(), voting);
}

QByteArray VoteService::resultsMessage(const Tally::Result &result)
{
    return Envelope::encode(MessageType::results(), Tally::toJson(result));
}

void VoteService::publishVoting()
{
    MqttMessage message;
    message.topic = Topics::voting();
    message.payload = votingMessage(m_windows, ++m_votingSeq);
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
    message.topic = Topics::results();
    message.payload = resultsMessage(Tally::compute(m_db, m_options.minimumVotes));
    message.qos = 1;
    message.retain = true;
    m_client->publish(message);
}

void VoteService::registerOperations(CommandRouter &router)
{
    const QStringList organisers{QStringLiteral("organiser")};
    router.add(QStringLiteral("voting.open"), organisers, [this](const CommandContext &who, const QJsonObject &args) {
        return openVoting(args, who.account);
    });
    router.add(QStringLiteral("voting.close"), organisers, [this](const CommandContext &who, const QJsonObject &args) {
        return closeVoting(args, who.account);
    });
    router.add(QStringLiteral("results.get"), organisers, [this](const CommandContext &, const QJsonObject &args) {
        return results(args);
    });
    router.add(QStringLiteral("tickets.issue"), organisers, [this](const CommandContext &who, const QJsonObject &args) {
        return issueTickets(args, who.account);
    });
}

Reply VoteService::openVoting(const QJsonObject &args, const QString &account)
{
    return setOpen(args, account, true);
}

Reply VoteService::closeVoting(const QJsonObject &args, const QString &account)
{
    return setOpen(args, account, false);
}

Reply VoteService::setOpen(const QJsonObject &args, const QString &account, bool open)
{
    JsonReader r(args, QStringLiteral("args"));
    const QString screening = r.requiredId(QStringLiteral("screening"));
    r.rejectUnknownFields();
    if (!r.ok())
        return invalidArgs(r);
    QString error;
    if (!m_windows.setOpen(screening, open, account, &error))
        return Reply::failure(m_windows.state(screening) == VotingWindows::State::Unknown ? ErrorCode::UnknownScreening
                                                                                  : ErrorCode::StorageFailed,
                       error);
    const VotingWindows::Window w = m_windows.window(screening);
    return Reply::success({{QStringLiteral("screening"), screening},
               {QStringLiteral("state"), open ? QStringLiteral("open") : QStringLiteral("closed")},
               {QStringLiteral("closesAt"), w.closesAt.isValid() ? QJsonValue(w.closesAt.toString(Qt::ISODate)) : QJsonValue()}});
}

Reply VoteService::results(const QJsonObject &args) const
{
    JsonReader r(args, QStringLiteral("args"));
    const int minimum = int(r.optionalInteger(QStringLiteral("minimumVotes"), {.min = 0, .max = 1000000}, m_options.minimumVotes));
    r.rejectUnknownFields();
    if (!r.ok())
        return invalidArgs(r);
    return Reply::success(Tally::toJson(Tally::compute(m_db, minimum)));
}

Reply VoteService::issueTickets(const QJsonObject &args, const QString &account)
{
    JsonReader r(args, QStringLiteral("args"));
    const QString screening = r.requiredId(QStringLiteral("screening"));
    const int count = int(r.requiredInteger(QStringLiteral("count"), {.min = 1, .max = m_options.maxTicketsPerRequest}));
    r.rejectUnknownFields();
    if (!r.ok())
        return invalidArgs(r);
    if (m_windows.state(screening) == VotingWindows::State::Unknown)
        return Reply::failure(ErrorCode::UnknownScreening,
                       QStringLiteral("no screening %1 in the programme; check the id with 'festctl programme show'").arg(screening));
    const TicketIssuer issuer(m_verifier.keys());
    if (!issuer.isValid())
        return Reply::failure(ErrorCode::NoTicketKey, QStringLiteral("the controller has no ticket key; check its ticket key file"));
    // Every issued code is recorded (as its hash), so no two batches ever share a code.
    Statement record = m_db.prepare(QStringLiteral(
        "INSERT INTO issued_tickets (ticket_hash, screening_id, issued_at_us) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"));
    Transaction tx(m_db);
    QJsonArray codes;
    const qint64 nowUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    while (codes.size() < count) {
        const QString code = issuer.issueOne();
        if (!record.bind(1, TicketCode::storageHash(code)).bind(2, screening).bind(3, nowUs).exec())
            return Reply::failure(ErrorCode::StorageFailed, record.error());
        if (m_db.changes() == 1)
            codes.append(code);
        record.reset();
    }
    QString error;
    if (!tx.commit(&error))
        return Reply::failure(ErrorCode::StorageFailed, QStringLiteral("cannot record the tickets: %1").arg(error));
    qCInfo(lcVotes).noquote() << account << "issued" << count << "tickets for" << screening;
    return Reply::success({{QStringLiteral("screening"), screening}, {QStringLiteral("codes"), codes}});
}

} // namespace fest
