#pragma once

#include "mqttclient.h"
#include "programme.h"
#include "reply.h"

#include <QJsonObject>
#include <QTextStream>
#include <functional>
#include <memory>
#include <optional>

namespace fest {

class MqttRequester;

// festctl's exit codes; scripts rely on them (docs/festctl.md).
enum class ExitCode : int {
    Ok = 0,
    Refused = 1,       // the controller answered with an error
    Usage = 2,         // wrong arguments
    Unreachable = 3,   // broker not reachable, or no answer from the controller in time
    NotAuthorised = 4, // the broker refused the account
};

// One festctl run: a broker connection under the user's account, requests to the
// controller, reads of retained state, and the printing of results or reasons.
class CtlSession
{
public:
    struct Options {
        MqttOptions mqtt;
        QString account;
        bool json = false;
        int timeoutMs = 10000;
    };

    CtlSession(Options options, QTextStream &out, QTextStream &err);
    ~CtlSession();

    // Connects, waiting at most the timeout; on failure prints why and returns the code.
    std::optional<ExitCode> connect();
    // Sends a request to the controller and waits for its reply. While the controller's
    // retained status says it is offline (stopped, or reconnecting), the request waits
    // for it to be back, within the timeout, instead of reaching nobody.
    std::optional<Reply> call(const QString &op, const QJsonObject &args = {});
    // Sends a request straight to a node (a player), whose replies come back under
    // fest/v1/reply/<account>/<node>/ as the broker's ACL requires.
    std::optional<Reply> callNode(const QString &node, const QString &op, const QJsonObject &args = {});
    // The retained message on a topic, decoded as the given envelope type.
    std::optional<QJsonObject> retained(const QString &topic, const QString &type);
    // The programme on the bus (its retained message, so it works while the controller is
    // down), with the message around it (version) when asked; nullopt with the reason
    // printed and *exitCode set when there is none or it cannot be read.
    std::optional<Programme> retainedProgramme(int *exitCode, QJsonObject *message = nullptr);
    // Every retained message under a filter (e.g. all node statuses), collected for a moment.
    QList<QJsonObject> retainedAll(const QString &filter, const QString &type, int quietMs = 300);

    // Prints a reply: --json prints the result object; otherwise `human` prints it, and an
    // error prints the controller's reason with its details. Returns the exit code.
    int finish(const std::optional<Reply> &reply, const std::function<void(const QJsonObject &)> &human);

    bool json() const { return m_options.json; }
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    int lastExit() const { return m_lastExit; }

private:
    Options m_options;
    QTextStream &m_out;
    QTextStream &m_err;
    std::unique_ptr<MqttClient> m_client;
    std::unique_ptr<MqttRequester> m_requester;
    // Waits (within the timeout) until the controller's retained status is not offline;
    // false, with the reason printed, when it stays offline.
    bool waitForController(const QString &op);
    std::optional<Reply> wait(MqttRequester &requester, const QString &topic, const QString &op, const QJsonObject &args,
                              const QString &who);

    int m_lastExit = 0;
};

} // namespace fest
