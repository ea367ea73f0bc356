#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>

#include "playerstatus.h"
#include "refusallog.h"

#include <optional>

namespace fest {

// What the controller knows of every node (players, kiosks, itself), from their retained
// status messages: online or not, programme version applied, clock offset, last seen.
//
// Who a node is comes from its account (the topic's account level), never from the
// payload: player-<SCREEN> is that screen's player, and its status must be a well-formed
// player status for that screen; any other account is listed as a kiosk, whatever role
// it claims, and its status touches nothing but its own row. Refused statuses are
// counted, and logged once a minute per account at most.
class NodeRegistry : public QObject
{
    Q_OBJECT

public:
    struct Node {
        QString account;
        QString role;
        QString state;
        bool online = false;
        qint64 programmeVersion = 0;
        QJsonObject status;  // the node's last status message as received, with its real role
        std::optional<PlayerStatus> player;   // a player's last status before any offline
        QDateTime lastSeen;
    };

    explicit NodeRegistry(QObject *parent = nullptr);

    // A status message (already validated as a "status" envelope) from `account`.
    // False (and counted) when it was refused.
    bool applyStatus(const QString &account, const QJsonObject &status);
    // The same from the payload on the bus: one that is not a "status" envelope is
    // refused like any other (counted, logged at most once a minute per account).
    bool applyStatus(const QString &account, const QByteArray &payload);
    // The node's retained status was cleared: it was removed from service.
    void remove(const QString &account);

    const Node *node(const QString &account) const;
    int count() const { return int(m_nodes.size()); }
    // Statuses refused since the start (forged, malformed, another screen's).
    qint64 refusedCount() const { return m_refusals.total(); }
    // Sorted by role then account; each entry adds "lastSeen", "online" and "stale" (online,
    // but silent for longer than staleAfterSeconds at `now`: every node repeats its status
    // every few seconds, so a silent one is frozen or cut off although no Will came yet).
    QJsonArray toJson(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    static constexpr int staleAfterSeconds = 15;

signals:
    void nodeChanged(const QString &account);
    // The player of `screen` finished showing a screening (its status's "ended"): the
    // screening really ended then. The receiver checks that the screening is that
    // screen's.
    void screeningEnded(const QString &screen, const QString &screeningId, const QDateTime &when);
    // The player of `screen` shows a screening (playing or held), `lateMs` behind its
    // planned start. Same check by the receiver.
    void screeningRunning(const QString &screen, const QString &screeningId, qint64 lateMs);

private:
    bool refuse(const QString &account, const QString &why);

    QHash<QString, Node> m_nodes;
    RefusalLog m_refusals;
};

} // namespace fest
