#pragma once

#include "mqttclient.h"
#include "request.h"

#include <QHash>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <map>
#include <memory>

class QWebSocket;

namespace fest {

Q_DECLARE_LOGGING_CATEGORY(lcConsole)

class ConsoleSocket;
class MqttRequester;

// One login: an MQTT 5 session to the broker under the user's own account, so the
// broker's ACL decides what this person sees and may publish, and the controller takes
// the caller from the topic (it never trusts the console). The web pages of the login
// attach as ConsoleSockets; they share this session's connection.
//
// - logIn() connects; exactly one of loggedIn() or loginFailed() follows, within the
//   timeout. A refused account is BadCredentials; anything else is BrokerUnreachable.
// - Once logged in, the connection is kept (MqttClient reconnects); sockets are told
//   of every loss and return. If the broker later refuses the account (password
//   changed, account removed), the session ends with reason "account_refused".
// - The session lives until its idle or absolute lifetime ends (touch() extends the
//   idle one); expire() tells every socket why, closes them and the broker session.
class ConsoleSession : public QObject
{
    Q_OBJECT
public:
    enum class Error { NoError, BadCredentials, BrokerUnreachable };
    Q_ENUM(Error)

    struct Limits {
        int requestTimeoutMs = 10000;
        int maxPendingRequests = 32;
        int maxSubscriptions = 64;
        int maxFrameBytes = 1024 * 1024;
        int maxSockets = 8;
        qint64 idleMs = 3600000;
        qint64 absoluteMs = 43200000;
    };
    using Clock = std::function<qint64()>;   // wall-clock milliseconds since the epoch

    ConsoleSession(const QString &user, MqttOptions options, Limits limits, Clock now = {}, QObject *parent = nullptr);
    ~ConsoleSession() override;

    void logIn(int timeoutMs);
    QString user() const { return m_user; }
    bool busConnected() const;
    const Limits &limits() const { return m_limits; }

    void touch();
    qint64 expiresAtMs() const;
    QString expiresAt() const;   // ISO 8601, UTC
    bool isExpired() const;
    // The reason the session ended ("expired", "logged_out", ...), empty while it runs.
    QString endReason() const { return m_endReason; }
    void expire(const QString &reason);

    // Takes a WebSocket already authenticated for this session; false (and the socket
    // closed) when the session has no room for another page.
    bool attach(std::unique_ptr<QWebSocket> socket);
    int socketCount() const { return int(m_sockets.size()); }

    // Used by ConsoleSocket.
    void addSubscription(const QString &filter);
    void removeSubscription(const QString &filter);
    using ReplyHandler = std::function<void(const QJsonObject &frame)>;
    // target: "controller" or "node/<account>". done gets the reply or error frame
    // (without "id"); it is not called if the session is destroyed first. A request for
    // the controller while its retained status says offline waits for it, within the
    // request timeout, and is sent when it is back; else it fails with
    // "controller_offline", saying since when (nothing was sent).
    void request(const QString &target, const Request &request, ReplyHandler done);

signals:
    void loggedIn();
    void loginFailed(fest::ConsoleSession::Error error, const QString &message);
    void ended(const QString &reason);

private:
    void onConnected();
    void onDisconnected();
    void onClientError();
    void onMessage(const MqttMessage &message);
    void finishLogin(Error error, const QString &message);
    void broadcast(const QJsonObject &frame);
    MqttRequester *requesterFor(const QString &target);
    void send(const QString &target, const Request &request, int timeoutMs, ReplyHandler done);
    void onControllerStatus(const MqttMessage &message);
    void releaseHeld();
    void socketGone(ConsoleSocket *socket);

    QString m_user;
    Limits m_limits;
    Clock m_now;
    std::unique_ptr<MqttClient> m_client;
    std::unique_ptr<MqttRequester> m_controllerRequester;
    std::map<QString, std::unique_ptr<MqttRequester>> m_nodeRequesters;
    std::vector<ConsoleSocket *> m_sockets;   // children of this session
    QHash<QString, int> m_subscriptions;       // filter -> sockets that want it
    QTimer m_loginTimer;
    bool m_loggingIn = false;
    bool m_loggedIn = false;
    int m_pendingRequests = 0;
    // Requests for the controller held while it is offline, by a number of their own.
    struct Held { Request request; ReplyHandler done; qint64 deadlineMs = 0; };
    std::map<quint64, Held> m_held;
    quint64 m_nextHeld = 0;
    const QString m_controllerStatusTopic;   // read on every message: built once
    bool m_controllerOffline = false;
    qint64 m_controllerOfflineSinceMs = 0;   // 0: it was already offline when this session saw it
    qint64 m_createdMs = 0;
    qint64 m_lastActivityMs = 0;
    QString m_endReason;
};

} // namespace fest
