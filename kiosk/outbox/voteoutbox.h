#pragma once

#include "ballot.h"
#include "ballotreply.h"
#include "database.h"
#include "ticketcode.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace fest {

class MqttClient;
struct MqttMessage;

// The kiosk's durable queue of ballots (its own SQLite file, WAL, synchronous=FULL).
// cast() commits the ballot before it returns, so the voter is thanked only for a vote
// that survives a crash or power cut. Every pending ballot is (re)sent after each
// (re)connect and, while unanswered, on a retry timer; a ballot leaves the outbox only
// when the controller replies: accepted or duplicate (counted once) delete it, rejected
// moves it to the `rejected` table with the reason, so nothing is silently lost.
//
// Ballots go to fest/v1/vote/<account> (QoS 1) with the MQTT 5 response topic
// fest/v1/reply/<account>/controller/votes and the vote id as correlation data.
class VoteOutbox : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int pending READ pending NOTIFY pendingChanged)
    Q_PROPERTY(Error error READ error NOTIFY errorChanged)
public:
    enum class Error { None, TicketMalformed, TicketMistyped, BadScore, BadChoice, StorageFailed };
    Q_ENUM(Error)

    struct Options
    {
        int retryMs = 5000;       // an unanswered ballot is sent again after this long
        int maxInFlight = 200;    // sent but unanswered at once; keep kiosks x this under the broker's queue limit
    };

    static QList<Database::Migration> migrations();
    static std::optional<Database> openDatabase(const QString &path, QString *error);

    // The client may be null (offline capture only); account is the kiosk's broker user.
    VoteOutbox(Database &db, MqttClient *client, const QString &account, const Options &options, QObject *parent = nullptr);
    VoteOutbox(Database &db, MqttClient *client, const QString &account, QObject *parent = nullptr);

    // Checks the code offline, stores the ballot durably and sends it. Returns the vote
    // id, or an empty string with error() telling what the voter should do. A ballot
    // rates one film, or any films of a block (each once, 1..Ballot::MaxRatings).
    QString cast(const QString &ticket, const QString &screening, const QList<Ballot::Rating> &ratings);
    QString cast(const QString &ticket, const QString &screening, const QString &film, int score);
    // Stores ready ballots in one transaction, then sends them (vote ids kept: storing
    // the same ballot twice is harmless). For the headless client's bursts.
    bool enqueue(const QList<Ballot> &ballots);

    int pending() const { return m_pending; }
    qint64 rejectedCount() const;
    QList<Ballot> pendingBallots() const;
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    QString replyTopic() const;
    QString voteTopic() const;

    // Sends every pending ballot not in flight now (also done on connect and by the timer).
    void sendPending();

signals:
    void pendingChanged();
    void errorChanged();
    // The controller's verdict on one ballot; the outbox has already acted on it.
    void settled(const QString &voteId, const fest::BallotReply &reply);
    void drained();

private:
    void onMessage(const MqttMessage &message);
    void onConnected();
    bool send(const QString &voteId, const QByteArray &payload);
    void settleReceived();
    void refreshPending();
    void setError(Error error, const QString &text);

    Database &m_db;
    MqttClient *m_client;
    QString m_account;
    Options m_options;
    QTimer m_retry;
    QTimer m_settleSoon;                 // replies of one event-loop turn settle in one transaction
    QList<BallotReply> m_received;
    QHash<QString, qint64> m_inFlight;   // vote id -> when last sent (ms since m_clock start)
    qint64 m_cursor = 0;                 // outbox seq up to which every ballot was sent once
    QElapsedTimer m_clock;
    int m_pending = 0;
    Error m_error = Error::None;
    QString m_errorString;
};

} // namespace fest
