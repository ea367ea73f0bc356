#include "consolesocket.h"

#include "consolesession.h"
#include "identifier.h"
#include "jsonguard.h"
#include "jsonreader.h"
#include "topicfilter.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QPointer>
#include <QTimer>
#include <QWebSocket>

namespace fest {

namespace {
// A socket whose reader does not keep up is closed rather than buffering without bound
// (a retained programme is tens of kilobytes; a page far behind should reload).
constexpr qint64 maxUnsentBytes = 64 * 1024 * 1024;
constexpr qint64 noId = -1;
constexpr int closeGraceMs = 5000;

QString errorText(const QList<JsonError> &errors)
{
    QStringList parts;
    for (const JsonError &e : errors)
        parts << e.toString();
    return parts.join(QStringLiteral("; "));
}
} // namespace

ConsoleSocket::ConsoleSocket(std::unique_ptr<QWebSocket> socket, ConsoleSession *session)
    : QObject(session)
    , m_socket(std::move(socket))
    , m_session(session)
{
    m_socket->setParent(nullptr);
    m_socket->setMaxAllowedIncomingMessageSize(quint64(session->limits().maxFrameBytes) * 2);
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &ConsoleSocket::onText);
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this, &ConsoleSocket::onBinary);
    connect(m_socket.get(), &QWebSocket::disconnected, this, [this] {
        dropSubscriptions();
        emit closed();
    });
}

ConsoleSocket::~ConsoleSocket()
{
    if (m_socket) {
        m_socket->disconnect(this);
        if (m_socket->state() == QAbstractSocket::ConnectedState)
            m_socket->close(QWebSocketProtocol::CloseCodeGoingAway);
    }
}

void ConsoleSocket::send(const QJsonObject &frame)
{
    sendText(QJsonDocument(frame).toJson(QJsonDocument::Compact));
}

void ConsoleSocket::sendText(const QByteArray &json)
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (m_socket->bytesToWrite() > maxUnsentBytes) {
        qCWarning(lcConsole) << "closing a page of" << m_session->user() << "that does not read its messages";
        m_socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("too_slow"));
        return;
    }
    m_socket->sendTextMessage(QString::fromUtf8(json));
}

bool ConsoleSocket::wants(const QString &topic) const
{
    for (const QString &filter : m_filters) {
        if (TopicFilter::matches(filter, topic))
            return true;
    }
    return false;
}

void ConsoleSocket::end(const QString &reason)
{
    if (!m_socket)
        return;
    send(QJsonObject{{QStringLiteral("op"), QStringLiteral("expired")}, {QStringLiteral("reason"), reason}});
    dropSubscriptions();
    m_socket->disconnect(this);
    m_socket->close(QWebSocketProtocol::CloseCodeNormal, reason);
    // The session is about to go: the socket lives on by itself until the page has read
    // the frame and the close (or a few seconds). The application owns it meanwhile, so
    // that quitting within those seconds still frees it.
    QWebSocket *socket = m_socket.release();
    socket->setParent(QCoreApplication::instance());
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(closeGraceMs, socket, &QObject::deleteLater);
    emit closed();
}

void ConsoleSocket::dropSubscriptions()
{
    for (const QString &filter : std::as_const(m_filters))
        m_session->removeSubscription(filter);
    m_filters.clear();
}

void ConsoleSocket::onBinary()
{
    sendError(noId, QStringLiteral("invalid"), QStringLiteral("binary frames are not understood: send JSON text frames"));
}

void ConsoleSocket::onText(const QString &text)
{
    const QByteArray data = text.toUtf8();
    JsonLimits limits;
    limits.maxBytes = m_session->limits().maxFrameBytes;
    // A CSV programme import travels as one string.
    limits.maxStringLength = m_session->limits().maxFrameBytes;
    QString error;
    const std::optional<QJsonObject> frame = JsonGuard::parseObject(data, limits, &error);
    if (!frame) {
        sendError(noId, QStringLiteral("invalid"), QStringLiteral("the frame was refused: %1").arg(error));
        return;
    }
    m_session->touch();
    handle(*frame);
}

void ConsoleSocket::handle(const QJsonObject &frame)
{
    JsonReader reader(frame);
    const int op = reader.requiredChoice(QStringLiteral("op"), {QStringLiteral("subscribe"), QStringLiteral("unsubscribe"), QStringLiteral("request")});
    const qint64 id = reader.requiredInteger(QStringLiteral("id"), {.min = 0});
    if (!reader.ok()) {
        sendError(frame.value(QStringLiteral("id")).isDouble() ? qint64(frame.value(QStringLiteral("id")).toDouble()) : noId,
                  QStringLiteral("invalid"), errorText(reader.errors()));
        return;
    }
    if (op == 2) {
        request(id, frame);
        return;
    }
    const QString filter = reader.requiredString(QStringLiteral("filter"), {.maxLength = TopicFilter::maxLength});
    reader.rejectUnknownFields();
    if (!reader.ok()) {
        sendError(id, QStringLiteral("invalid"), errorText(reader.errors()));
        return;
    }
    if (op == 0)
        subscribe(id, filter);
    else
        unsubscribe(id, filter);
}

void ConsoleSocket::subscribe(qint64 id, const QString &filter)
{
    const QString problem = TopicFilter::problem(filter);
    if (!problem.isEmpty()) {
        sendError(id, QStringLiteral("invalid"), problem);
        return;
    }
    if (!m_filters.contains(filter) && m_filters.size() >= m_session->limits().maxSubscriptions) {
        sendError(id, QStringLiteral("invalid"), QStringLiteral("this page already has %1 subscriptions, the most allowed: unsubscribe from some first")
                                                     .arg(m_filters.size()));
        return;
    }
    send(QJsonObject{{QStringLiteral("op"), QStringLiteral("subscribed")}, {QStringLiteral("id"), id}});
    // Subscribing again is allowed and sends the retained messages again.
    if (!m_filters.contains(filter)) {
        m_filters.insert(filter);
        m_session->addSubscription(filter);
    } else {
        m_session->addSubscription(filter);
        m_session->removeSubscription(filter);
    }
}

void ConsoleSocket::unsubscribe(qint64 id, const QString &filter)
{
    if (m_filters.remove(filter))
        m_session->removeSubscription(filter);
    send(QJsonObject{{QStringLiteral("op"), QStringLiteral("unsubscribed")}, {QStringLiteral("id"), id}});
}

void ConsoleSocket::request(qint64 id, const QJsonObject &frame)
{
    JsonReader reader(frame);
    reader.requiredString(QStringLiteral("op"));
    reader.requiredInteger(QStringLiteral("id"));
    const QString to = reader.requiredString(QStringLiteral("to"), {.maxLength = 5 + Identifier::maxLength});
    JsonReader body = reader.child(QStringLiteral("body"));
    Request r;
    r.op = body.requiredId(QStringLiteral("op"));
    if (body.has(QStringLiteral("args")))
        r.args = body.child(QStringLiteral("args")).object();
    body.rejectUnknownFields();
    reader.rejectUnknownFields();
    const bool toNode = to.startsWith(QLatin1String("node/")) && Identifier::isValid(QStringView(to).mid(5));
    if (reader.ok() && to != QLatin1String("controller") && !toNode)
        reader.addError(QStringLiteral("to"), QStringLiteral("expected \"controller\" or \"node/<account>\", got \"%1\"").arg(to));
    if (!reader.ok()) {
        sendError(id, QStringLiteral("invalid"), errorText(reader.errors()));
        return;
    }
    QPointer<ConsoleSocket> self(this);
    m_session->request(to, r, [self, id](QJsonObject answer) {
        if (!self)
            return;
        answer.insert(QStringLiteral("id"), id);
        self->send(answer);
    });
}

void ConsoleSocket::sendError(qint64 id, const QString &code, const QString &message)
{
    QJsonObject frame{{QStringLiteral("op"), QStringLiteral("error")}, {QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (id != noId)
        frame.insert(QStringLiteral("id"), id);
    send(frame);
}

} // namespace fest
