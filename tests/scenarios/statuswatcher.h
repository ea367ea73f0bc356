#pragma once

#include "mqttclient.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <optional>

namespace fest {

// Every node status on the bus (fest/v1/node/+/status), in arrival order, as an operator's
// dashboard would see it: what each player said it was playing and which errors it raised.
class StatusWatcher : public QObject
{
    Q_OBJECT
public:
    struct Record {
        QJsonObject status;
        qint64 receivedAtMs = 0;   // wall clock
    };

    StatusWatcher(const QString &brokerUrl, QObject *parent = nullptr);

    bool connectToBroker(int timeoutMs = 10000);
    QList<Record> of(const QString &account) const { return m_records.value(account); }
    QJsonObject latest(const QString &account) const;
    // Item ids the account reported in state "playing".
    QSet<QString> playedItems(const QString &account) const;
    // Item ids named by the account's lastError, with the error codes.
    QHash<QString, QString> errorItems(const QString &account) const;
    // The first status reporting itemId playing, or nullptr.
    const Record *firstPlaying(const QString &account, const QString &itemId) const;
    // How far from its scheduled instant the item really started, as the account's last
    // status playing it says (show-clock sentAt - positionMs - item.startUs), in ms;
    // nullopt when no such status had a position yet.
    std::optional<qint64> startDeviationMs(const QString &account, const QString &itemId) const;
    // "state item positionMs" of each status, one a line: for failure messages.
    QString timeline(const QString &account) const;

private:
    MqttClient m_client;
    QHash<QString, QList<Record>> m_records;
};

} // namespace fest
