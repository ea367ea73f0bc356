#pragma once

#include "ceremonystate.h"
#include "ceremonystore.h"
#include "commandrouter.h"

#include <QObject>
#include <functional>
#include <optional>

namespace fest {

class Database;
class MqttClient;
class ProgrammeService;

// The award ceremony at the controller: the cue list, the sealed winners and the
// retained fest/v1/ceremony state, stepped by organisers through the command router
// (ceremony.* operations, docs/ceremony.md).
//
// Every change is stored (CeremonyStore) before it is published. Each go publishes the
// new current cue with executeAtUs = show clock now + leadMs, so that every node acts on
// the same frame, and expiresAtUs = executeAtUs + expiryMs, after which no node fires it.
// A winner goes on the bus only inside the reveal cue of its category: neither the
// retained state, nor any reply, nor any other cue carries a sealed winner.
class CeremonyService : public QObject
{
    Q_OBJECT
public:
    struct Options {
        int leadMs = 300;
        int expiryMs = 2000;
    };
    // Films ranked best first by the audience vote, or nullopt (with the reason).
    using AudienceRanking = std::function<std::optional<QStringList>(QString *error)>;
    using Clock = std::function<qint64()>;   // show clock, microseconds since the epoch

    CeremonyService(MqttClient *client, Database &db, ProgrammeService &programme, QObject *parent = nullptr);
    CeremonyService(MqttClient *client, Database &db, ProgrammeService &programme, const Options &options,
                    QObject *parent = nullptr);

    // The controller's clock is the show clock (it exports it); tests may pass another.
    void setClock(Clock nowUs) { m_now = std::move(nowUs); }
    // Where ceremony.lock-audience takes the Audience Award winner from.
    void setAudienceRanking(AudienceRanking ranking) { m_ranking = std::move(ranking); }
    // The ranking of the votes database's tally (controller/votes Tally).
    static AudienceRanking rankingFromVotes(const Database &votes, int minimumVotes);
    // The default ceremony database: ceremony.db next to the controller's database.
    static QString defaultDatabasePath(const QString &controllerDatabase);

    // Applies the schema and loads the stored cue list and state.
    bool migrate(QString *error);
    void registerOperations(CommandRouter &router);
    // Publishes the stored state again, unchanged (same seq): after a (re)connect.
    void republish();

    const CeremonyState &state() const { return m_state; }
    int cueCount() const { return int(m_cues.size()); }

private:
    Reply load(const QJsonObject &args);
    Reply status();
    Reply go();
    Reply back();
    Reply goTo(const QJsonObject &args);
    Reply blackout(const QJsonObject &args);
    Reply end();
    Reply setWinner(const CommandContext &who, const QJsonObject &args);
    Reply lockAudience(const CommandContext &who, const QJsonObject &args);

    Reply show(int index);
    // Stores and publishes `next` with a fresh seq and instants; the reply describes it.
    Reply publish(CeremonyState next);
    // Adds the reveal that `next` makes current to the awards announced.
    static void announce(CeremonyState &next);
    QJsonObject describe();
    QJsonValue summaryAt(int index) const;

    MqttClient *m_client;
    CeremonyStore m_store;
    ProgrammeService &m_programme;
    Options m_options;
    Clock m_now;
    AudienceRanking m_ranking;
    QList<CueDefinition> m_cues;
    CeremonyState m_state;
    QByteArray m_payload;
};

} // namespace fest
