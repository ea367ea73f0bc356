#pragma once

#include "commandrouter.h"
#include "database.h"
#include "mqttclient.h"
#include "noderegistry.h"
#include "programmerepository.h"
#include "programmeservice.h"
#include "statepublisher.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <memory>
#include <optional>

namespace fest {

class CeremonyService;
class Config;
class ShowClockProvider;
class StillService;
class TicketVerifier;
class VoteService;
class VotingWindows;

// The festival controller: owns the database, the broker connection, the show clock it
// exports, and the services that answer organisers and staff.
class Controller : public QObject
{
    Q_OBJECT

public:
    struct Settings {
        MqttOptions mqtt;
        QString databasePath;
        quint16 clockPort = 7010;
        ProgrammeService::Options programme;
        QString seedProgramme;           // imported when the database has no programme yet
        QHash<QString, QString> roles;   // account -> role
        QString votesDatabase;           // ballots, windows, tally (its own file, synchronous=FULL)
        QString ticketKeys;              // the ticket HMAC secrets; created on first start
        int voteCloseAfterEndMinutes = 20;
        int voteGraceMinutes = 30;
        int minimumVotes = 25;
        QString ceremonyDatabase;
        int cueLeadMs = 300;
    };
    // Reads controller.ini's keys (docs/operations.md); problems are added to config.errors().
    static Settings settingsFrom(const Config &config);

    explicit Controller(Settings settings, QObject *parent = nullptr);
    ~Controller() override;

    bool start(QString *error);

    quint16 clockPort() const;

    // Alarms shown in the controller's status (e.g. the disk is full); empty when healthy.
    void setAlarm(const QString &key, const QString &message);
    void publishStatus();

private:
    void onConnected();
    void onMessage(const MqttMessage &message);
    void registerOperations();
    bool seed(QString *error);
    bool startVotes(QString *error);
    bool startCeremony(QString *error);
    void scheduleVoting();

    Settings m_settings;
    std::optional<Database> m_db;
    std::unique_ptr<ProgrammeRepository> m_repository;
    std::unique_ptr<MqttClient> m_mqtt;
    std::unique_ptr<StatePublisher> m_publisher;
    std::unique_ptr<ProgrammeService> m_programme;
    std::unique_ptr<StillService> m_stills;
    std::unique_ptr<CommandRouter> m_router;
    std::unique_ptr<ShowClockProvider> m_clock;
    std::optional<Database> m_votesDb;
    std::unique_ptr<TicketVerifier> m_verifier;
    std::unique_ptr<VotingWindows> m_windows;
    std::unique_ptr<VoteService> m_votes;
    std::optional<Database> m_ceremonyDb;
    std::unique_ptr<CeremonyService> m_ceremony;
    NodeRegistry m_nodes;
    QHash<QString, QString> m_alarms;
    QDateTime m_startedAt;
};

} // namespace fest
