#pragma once

#include "ballot.h"
#include "mqttoptions.h"
#include "refusallog.h"
#include "reply.h"
#include "tally.h"
#include "ticketverifier.h"
#include "votestore.h"
#include "votewriter.h"
#include "votingwindows.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

namespace fest {

class CommandRouter;

class MqttClient;
struct MqttMessage;

// Audience votes on the bus, at the controller.
//
// Ballots arrive on fest/v1/vote/<account> (QoS 1). The kiosk is the topic's account
// segment (the broker's ACL lets an account publish only under its own name), never a
// payload field. Each ballot is decoded, its ticket verified, its window checked, and
// it is handed to the VoteWriter (a VoteStore on its own thread and connection); the
// "ballot-reply" goes, with the request's correlation data, to its MQTT 5 response topic
// only after its batch committed. A
// response topic outside fest/v1/reply/<account>/controller/ is refused: the message is dropped
// with a log line, so no account can make the controller publish into another's space.
//
// Also keeps the retained fest/v1/voting (open windows, for kiosks) and
// fest/v1/results (live tally, organisers only by ACL) up to date, and offers the
// organiser operations that the command router exposes.
class VoteService : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int minimumVotes = 25;          // the tally's Bayesian minimum
        int resultsIntervalMs = 2000;   // live results are republished at most this often
        int maxTicketsPerRequest = 10000;
        // QoS of the ballot subscription and of the replies. The kiosk's outbox, not the
        // MQTT session, makes a ballot survive: it re-sends until it hears a reply. Every
        // festival client has a clean session, which drops in-flight QoS 1 messages on a
        // disconnect, so a QoS 1 reply is no safer than QoS 0 (TCP delivers both while
        // connected), yet costs two more packets per ballot through the broker (PUBACKs
        // from the controller's and the kiosk's side): ~25% of the vote path's CPU
        // (docs/votes.md). A lost reply costs one re-send, answered "duplicate".
        int ballotQos = 1;
        int replyQos = 0;
        VoteStore::Options store;
    };

    // The connection settings the vote stream needs on the client it is handed: a receive
    // maximum that lets a burst of ballots through without a round trip every 20, and
    // coalesced writes so that a committed batch's replies leave in a few TCP segments.
    static MqttOptions ingestOptions(MqttOptions base);

    // Opens the vote writer's own connection to db's file; null (with the reason) when
    // that fails.
    static std::unique_ptr<VoteService> create(MqttClient *client, Database &db, const TicketVerifier &verifier,
                                               VotingWindows &windows, const Options &options, QString *error);

    ~VoteService() override;   // what is still being written is answered first

    VoteWriter &writer() { return *m_writer; }
    // Ballots dropped (foreign response topic) or refused as malformed since the start.
    qint64 refusedBallots() const { return m_refusals.total(); }

    // Organiser operations: voting.open, voting.close, results.get, tickets.issue, for
    // organisers only. The ticket secret never leaves the controller: tickets.issue
    // answers with codes only.
    void registerOperations(CommandRouter &router);
    Reply openVoting(const QJsonObject &args, const QString &account);   // {"screening":ID}
    Reply closeVoting(const QJsonObject &args, const QString &account);  // {"screening":ID}
    Reply results(const QJsonObject &args) const;                         // {"minimumVotes":N}?
    Reply issueTickets(const QJsonObject &args, const QString &account);  // {"screening":ID,"count":N}

    void publishVoting();
    void publishResults();
    // The retained "voting" and "results" messages (docs/protocol.md): their one encoder.
    static QByteArray votingMessage(const VotingWindows &windows, qint64 seq);
    static QByteArray resultsMessage(const Tally::Result &result);

private:
    VoteService(MqttClient *client, Database &db, std::unique_ptr<VoteWriter> writer, const TicketVerifier &verifier,
                VotingWindows &windows, const Options &options);

    struct Route
    {
        QString topic;
        QByteArray correlation;
    };
    void onMessage(const MqttMessage &message);
    void sendReply(const Route &route, const BallotReply &reply);
    // Why the ballot cannot count, or Reason::None; *film names the film a rejection is
    // about (not in the screening, score out of range).
    BallotReply::Reason verdict(const Ballot &ballot, QString *film) const;
    Reply setOpen(const QJsonObject &args, const QString &account, bool open);
    void scheduleResults();

    MqttClient *m_client;
    Database &m_db;
    const TicketVerifier &m_verifier;
    VotingWindows &m_windows;
    Options m_options;
    RefusalLog m_refusals;   // ballots dropped or refused as malformed, per kiosk account
    std::unique_ptr<VoteWriter> m_writer;
    QTimer m_resultsTimer;
    qint64 m_votingSeq = 0;
};

} // namespace fest
