#pragma once

#include "refusallog.h"
#include "reply.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <functional>

namespace fest {

class MqttClient;
struct MqttMessage;

// Who is asking: the broker account (from the request topic, which the broker's ACL ties
// to the account) and the role the controller's configuration gives that account.
struct CommandContext {
    QString account;
    QString role;
};

// Receives requests on fest/v1/controller/request/<account>, checks them (envelope,
// response topic under the caller's own reply prefix, the caller's role) and answers each
// with a typed reply carrying the request's correlation data.
class CommandRouter : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<Reply(const CommandContext &, const QJsonObject &args)>;

    // roles: account -> role ("organiser", "staff", ...).
    CommandRouter(MqttClient *client, QHash<QString, QString> roles, QObject *parent = nullptr);

    // Registers an operation for the given roles.
    void add(const QString &op, const QStringList &roles, Handler handler);

    // Handles a message if it is a controller request; returns false for other topics.
    bool handle(const MqttMessage &message);

    static QString subscription();

private:
    struct Operation {
        QStringList roles;
        Handler handler;
    };
    void answer(const MqttMessage &request, const Reply &reply);

    MqttClient *m_client;
    QHash<QString, QString> m_roles;
    QHash<QString, Operation> m_ops;
    RefusalLog m_refusals;   // unreadable requests and foreign response topics, per account
};

} // namespace fest
