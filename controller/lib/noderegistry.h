#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>

namespace fest {

// What the controller knows of every node (players, kiosks, itself), from their retained
// status messages: online or not, programme version applied, clock offset, last seen.
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
        QJsonObject status;  // the node's last status message as received
        QDateTime lastSeen;
    };

    explicit NodeRegistry(QObject *parent = nullptr);

    // A status message (already validated as a "status" envelope) from `account`.
    void applyStatus(const QString &account, const QJsonObject &status);
    // The node's retained status was cleared: it was removed from service.
    void remove(const QString &account);

    const Node *node(const QString &account) const;
    int count() const { return int(m_nodes.size()); }
    // Sorted by role then account; each entry adds "lastSeen" and "online".
    QJsonArray toJson() const;

signals:
    void nodeChanged(const QString &account);
    // A player stopped playing a screening it was playing: the screening really ended there.
    void screeningEnded(const QString &screeningId, const QDateTime &when);

private:
    QHash<QString, Node> m_nodes;
};

} // namespace fest
