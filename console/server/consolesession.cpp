#include "consolesession.h"

#include "consolesocket.h"
#include "jsonguard.h"
#include "envelope.h"
#include "messagetype.h"
#include "mqttrequester.h"
#include "nodestatus.h"
#include "reply.h"
#include "topics.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QWebSocket>

namespace fest {

Q_LOGGING_CATEGORY(lcConsole, "fest.console")

namespace {
// Each page may ask players by name; the names come from the user, so their number is
// bounded.
constexpr std::size_t maxNodeRequesters = 256;

QJsonObject errorFrame(const QString &code, const QString &message)
{
    return {{QStringLiteral("op"), QStringLiteral("error")}, {QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
}

QJsonObject replyObject(const Reply &reply)
{
    if (reply.ok)
        return {{QStringLiteral("ok"), true}, {QStringLiteral("result"), reply.result}};
    QJsonObject error{{QStringLiteral("code"), reply.code}, {QStringLiteral("message"), reply.message}};
    if (!reply.details.isEmpty())
        error.insert(QStringLiteral("details"), reply.details);
    return {{QStringLiteral("ok"), false}, {QStringLiteral("error"), error}};
}
} // namespace

ConsoleSession::ConsoleSession(const QString &user, MqttOptions options, Limits limits, Clock now, QObject *parent)
    : QObject(parent)
    , m_user(user)
    , m_limits(limits)
    , m_now(now ? std::move(now) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
    , m_controllerStatusTopic(Topics::nodeStatus(Topics::controllerAccount()))
{
    options.username = user;
    // Its own client id per login, so that two pages of one person never take over each
    // other's broker session (unless the broker forces the account name as client id).
    options.clientId = QStringLiteral("console-%1-%2").arg(user, QString::number(QRandomGenerator::system()->generate64(), 36));
    m_client = std::make_unique<MqttClient>(std::move(options));
    connect(m_client.get(), &MqttClient::connected, this, &ConsoleSession::onConnected);
    connect(m_client.get(), &MqttClient::disconnected, this, &ConsoleSession::onDisconnected);
    connect(m_client.get(), &MqttClient::errorChanged, this, &ConsoleSession::onClientError);
    connect(m_client.get(), &MqttClient::messageReceived, this, &ConsoleSession::onMessage);
    m_loginTimer.setSingleShot(true);
    connect(&m_loginTimer, &QTimer::timeout, this, [this] {
        const QString why = m_client->errorString();
        finishLogin(Error::BrokerUnreachable,
                    why.isEmpty() ? QStringLiteral("The broker did not answer in time. Try again in a minute; if it persists, tell the festival's technical team.")
                                  : QStringLiteral("The broker cannot be reached (%1). Try again in a minute; if it persists, tell the festival's technical team.").arg(why));
    });
    m_createdMs = m_lastActivityMs = m_now();
}

ConsoleSession::~ConsoleSession()
{
    // Pages first: they hand their subscriptions back to the client.
    const std::vector<ConsoleSocket *> sockets = std::exchange(m_sockets, {});
    qDeleteAll(sockets);
    // Requesters unsubscribe through the client: they go first.
    m_nodeRequesters.clear();
    m_controllerRequester.reset();
    m_client->disconnect(this);
    m_client->close();
}

void ConsoleSession::logIn(int timeoutMs)
{
    m_loggingIn = true;
    m_loginTimer.start(timeoutMs);
    m_client->open();
}

bool ConsoleSession::busConnected() const
{
    return m_client->state() == MqttClient::State::Connected;
}

void ConsoleSession::finishLogin(Error error, const QString &message)
{
    if (!m_loggingIn)
        return;
    m_loggingIn = false;
    m_loginTimer.stop();
    if (error == Error::NoError) {
        m_loggedIn = true;
        m_controllerRequester = std::make_unique<MqttRequester>(m_client.get(), Topics::controllerReplyPrefix(m_user));
        // The controller's retained status, so that a request made while it is away can
        // wait for it (every console role may read node statuses).
        addSubscription(m_controllerStatusTopic);
        emit loggedIn();
        return;
    }
    m_client->close();
    emit loginFailed(error, message);
}

void ConsoleSession::onConnected()
{
    if (m_loggingIn) {
        finishLogin(Error::NoError, {});
        return;
    }
    broadcast({{QStringLiteral("op"), QStringLiteral("bus")}, {QStringLiteral("connected"), true}, {QStringLiteral("reason"), QString()}});
}

void ConsoleSession::onDisconnected()
{
    broadcast({{QStringLiteral("op"), QStringLiteral("bus")}, {QStringLiteral("connected"), false},
               {QStringLiteral("reason"), m_client->errorString()}});
}

void ConsoleSession::onClientError()
{
    const MqttClient::Error e = m_client->error();
    const bool refused = e == MqttClient::Error::BadCredentials || e == MqttClient::Error::NotAuthorised;
    if (m_loggingIn) {
        if (refused) {
            finishLogin(Error::BadCredentials, QStringLiteral("The user name or password is wrong. Check both and try again."));
        } else if (e == MqttClient::Error::ConnectionRefused || e == MqttClient::Error::NetworkError
                   || e == MqttClient::Error::TlsFailure || e == MqttClient::Error::InvalidOptions
                   || e == MqttClient::Error::ProtocolError || e == MqttClient::Error::ServerUnavailable) {
            finishLogin(Error::BrokerUnreachable,
                        QStringLiteral("The broker cannot be reached (%1). Try again in a minute; if it persists, tell the festival's technical team.")
                            .arg(m_client->errorString()));
        }
        return;
    }
    if (m_loggedIn && refused && m_endReason.isEmpty()) {
        qCInfo(lcConsole) << "the broker no longer accepts" << m_user << "- ending the session:" << m_client->errorString();
        expire(QStringLiteral("account_refused"));
    }
}

void ConsoleSession::onMessage(const MqttMessage &message)
{
    if (message.topic == m_controllerStatusTopic)
        onControllerStatus(message);
    std::vector<ConsoleSocket *> targets;
    for (ConsoleSocket *socket : m_sockets) {
        if (socket->wants(message.topic))
            targets.push_back(socket);
    }
    if (targets.empty())
        return;
    QJsonObject frame{{QStringLiteral("op"), QStringLiteral("message")}, {QStringLiteral("topic"), message.topic},
                      {QStringLiteral("retained"), message.retain}};
    const std::optional<QJsonObject> payload = message.payload.isEmpty()
        ? std::nullopt : JsonGuard::parseObject(message.payload, JsonLimits::programme());
    if (payload) {
        frame.insert(QStringLiteral("payload"), *payload);
    } else {
        frame.insert(QStringLiteral("payload"), QJsonValue::Null);
        if (!message.payload.isEmpty())
            frame.insert(QStringLiteral("raw"), QString::fromUtf8(message.payload));
    }
    const QByteArray text = QJsonDocument(frame).toJson(QJsonDocument::Compact);
    for (ConsoleSocket *socket : targets)
        socket->sendText(text);
}

void ConsoleSession::broadcast(const QJsonObject &frame)
{
    for (ConsoleSocket *socket : m_sockets)
        socket->send(frame);
}

void ConsoleSession::touch()
{
    m_lastActivityMs = m_now();
}

qint64 ConsoleSession::expiresAtMs() const
{
    return std::min(m_createdMs + m_limits.absoluteMs, m_lastActivityMs + m_limits.idleMs);
}

QString ConsoleSession::expiresAt() const
{
    return QDateTime::fromMSecsSinceEpoch(expiresAtMs(), Qt::UTC).toString(Qt::ISODateWithMs);
}

bool ConsoleSession::isExpired() const
{
    return m_now() >= expiresAtMs();
}

void ConsoleSession::expire(const QString &reason)
{
    if (!m_endReason.isEmpty())
        return;
    m_endReason = reason;
    qCInfo(lcConsole) << "session of" << m_user << "ended:" << reason;
    const std::vector<ConsoleSocket *> sockets = m_sockets;
    for (ConsoleSocket *socket : sockets)
        socket->end(reason);
    m_nodeRequesters.clear();
    m_controllerRequester.reset();
    m_client->close();
    emit ended(reason);
}

bool ConsoleSession::attach(std::unique_ptr<QWebSocket> webSocket)
{
    if (!m_endReason.isEmpty() || int(m_sockets.size()) >= m_limits.maxSockets) {
        webSocket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                         m_endReason.isEmpty() ? QStringLiteral("too_many_pages") : m_endReason);
        webSocket.release()->deleteLater();
        return false;
    }
    auto *socket = new ConsoleSocket(std::move(webSocket), this);
    m_sockets.push_back(socket);
    connect(socket, &ConsoleSocket::closed, this, [this, socket] { socketGone(socket); });
    socket->send({{QStringLiteral("op"), QStringLiteral("hello")}, {QStringLiteral("user"), m_user},
                  {QStringLiteral("expiresAt"), expiresAt()},
                  {QStringLiteral("bus"), QJsonObject{{QStringLiteral("connected"), busConnected()}}}});
    return true;
}

void ConsoleSession::socketGone(ConsoleSocket *socket)
{
    std::erase(m_sockets, socket);
    socket->deleteLater();
}

void ConsoleSession::addSubscription(const QString &filter)
{
    ++m_subscriptions[filter];
    m_client->subscribe(filter, 1);
}

void ConsoleSession::removeSubscription(const QString &filter)
{
    auto it = m_subscriptions.find(filter);
    if (it == m_subscriptions.end())
        return;
    if (--it.value() > 0)
        return;
    m_subscriptions.erase(it);
    m_client->unsubscribe(filter);
}

MqttRequester *ConsoleSession::requesterFor(const QString &target)
{
    if (target == QLatin1String("controller"))
        return m_controllerRequester.get();
    const QString node = target.mid(5);
    auto it = m_nodeRequesters.find(node);
    if (it != m_nodeRequesters.end())
        return it->second.get();
    if (m_nodeRequesters.size() >= maxNodeRequesters)
        return nullptr;
    // A node may answer only under fest/v1/reply/<caller>/<node>/ (config/mosquitto/acl.d/player.acl).
    auto requester = std::make_unique<MqttRequester>(m_client.get(), Topics::replyPrefix(m_user, node));
    return m_nodeRequesters.emplace(node, std::move(requester)).first->second.get();
}

void ConsoleSession::request(const QString &target, const Request &request, ReplyHandler done)
{
    if (!m_loggedIn || !m_endReason.isEmpty()) {
        done(errorFrame(QStringLiteral("not_connected"), QStringLiteral("This session has ended: log in again.")));
        return;
    }
    if (!busConnected()) {
        done(errorFrame(QStringLiteral("not_connected"),
                        QStringLiteral("The console is not connected to the broker right now (%1); try again when it is back.").arg(m_client->errorString())));
        return;
    }
    if (m_pendingRequests >= m_limits.maxPendingRequests) {
        done(errorFrame(QStringLiteral("busy"), QStringLiteral("%1 requests are still waiting for an answer; wait for them before sending more.")
                                                    .arg(m_pendingRequests)));
        return;
    }
    if (target == QLatin1String("controller") && m_controllerOffline) {
        // Held until the controller is back or the request's time is up.
        const quint64 id = m_nextHeld++;
        m_held.emplace(id, Held{request, std::move(done), m_now() + m_limits.requestTimeoutMs});
        ++m_pendingRequests;
        QTimer::singleShot(m_limits.requestTimeoutMs, this, [this, id] {
            const auto it = m_held.find(id);
            if (it == m_held.end())
                return;
            const ReplyHandler handler = std::move(it->second.done);
            m_held.erase(it);
            --m_pendingRequests;
            const QString since = m_controllerOfflineSinceMs > 0
                ? QStringLiteral("since %1 UTC").arg(QDateTime::fromMSecsSinceEpoch(m_controllerOfflineSinceMs, Qt::UTC).toString(QStringLiteral("HH:mm:ss")))
                : QStringLiteral("since before this login");
            handler(errorFrame(QStringLiteral("controller_offline"),
                               QStringLiteral("The controller has been offline %1 and did not come back within %2 s; nothing was sent. "
                                              "Start festival-controller, or see its log (journalctl -u festival-controller).")
                                   .arg(since).arg(m_limits.requestTimeoutMs / 1000)));
        });
        return;
    }
    send(target, request, m_limits.requestTimeoutMs, std::move(done));
}

void ConsoleSession::onControllerStatus(const MqttMessage &message)
{
    const std::optional<QJsonObject> body = Envelope::decode(message.payload, MessageType::status());
    const std::optional<ControllerStatus> status = body ? ControllerStatus::fromJson(*body, nullptr) : std::nullopt;
    if (!status)
        return;   // not the controller's word (an empty retained message, or unreadable)
    const bool offline = status->state == ControllerStatus::State::Offline;
    if (offline && !m_controllerOffline)
        m_controllerOfflineSinceMs = message.retain ? 0 : m_now();
    m_controllerOffline = offline;
    if (!offline)
        releaseHeld();
}

void ConsoleSession::releaseHeld()
{
    std::map<quint64, Held> held = std::exchange(m_held, {});
    const qint64 now = m_now();
    for (auto &[id, h] : held) {
        --m_pendingRequests;
        if (!busConnected()) {
            h.done(errorFrame(QStringLiteral("not_connected"),
                              QStringLiteral("The console lost the broker while the request waited for the controller; try again.")));
            continue;
        }
        // What is left of the request's time, and never less than a second to answer.
        send(QStringLiteral("controller"), h.request, int(std::max<qint64>(h.deadlineMs - now, 1000)), std::move(h.done));
    }
}

void ConsoleSession::send(const QString &target, const Request &request, int timeoutMs, ReplyHandler done)
{
    MqttRequester *requester = requesterFor(target);
    if (!requester) {
        done(errorFrame(QStringLiteral("invalid"), QStringLiteral("too many different nodes asked in this session; log in again")));
        return;
    }
    const QString topic = target == QLatin1String("controller") ? Topics::controllerRequest(m_user) : Topics::nodeRequest(target.mid(5));
    ++m_pendingRequests;
    QPointer<ConsoleSession> self(this);
    requester->request(topic, request.encode(), timeoutMs, [self, done, target](const RequesterResult &result) {
        if (!self)
            return;
        --self->m_pendingRequests;
        if (result.timedOut) {
            done(errorFrame(QStringLiteral("timeout"), QStringLiteral("No answer from %1 in time: is it running? Your account may also not be allowed to ask it.").arg(target)));
            return;
        }
        if (!result.ok()) {
            done(errorFrame(QStringLiteral("not_connected"), result.errorString));
            return;
        }
        QString error;
        const std::optional<Reply> reply = Reply::decode(result.payload, JsonLimits::programme(), &error);
        if (!reply) {
            done(errorFrame(QStringLiteral("invalid"), QStringLiteral("the answer from %1 could not be read: %2").arg(target, error)));
            return;
        }
        done({{QStringLiteral("op"), QStringLiteral("reply")}, {QStringLiteral("reply"), replyObject(*reply)}});
    });
}

} // namespace fest
