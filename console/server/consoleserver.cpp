#include "consoleserver.h"

#include "httpresponse.h"
#include "identifier.h"
#include "jsonguard.h"
#include "jsonreader.h"

#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerRouterRule>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>

namespace fest {

namespace {
using Status = HttpResponse::Status;
const QByteArray cookieName = QByteArrayLiteral("fest_session");
constexpr int maxPasswordLength = 1024;

QList<QByteArray> headerValues(const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &name)
{
    QList<QByteArray> values;
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            values << value;
    }
    return values;
}

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    const QList<QByteArray> values = headerValues(request.headers(), name);
    return values.isEmpty() ? QByteArray() : values.first();
}

// The route of /ws. Qt 6.4 upgrades a WebSocket request only when a route takes it, and
// runs the route first: this rule takes only an authorised upgrade (the predicate checks
// origin and cookie), so anything else falls through to ConsoleServer::dispatch, which
// answers with a plain HTTP refusal before any handshake.
class WebSocketRule : public QHttpServerRouterRule
{
public:
    using Predicate = std::function<bool(const QHttpServerRequest &)>;
    WebSocketRule(const QString &path, Predicate allowed, RouterHandler handler)
        : QHttpServerRouterRule(path, QHttpServerRequest::Method::Get, std::move(handler))
        , m_allowed(std::move(allowed))
    {
    }

protected:
    bool matches(const QHttpServerRequest &request, QRegularExpressionMatch *match) const override
    {
        return QHttpServerRouterRule::matches(request, match) && m_allowed(request);
    }

private:
    Predicate m_allowed;
};

HttpResponse unauthorised()
{
    return HttpResponse::error(Status::Unauthorized, "no_session", QStringLiteral("You are not logged in, or your session has ended: log in again."));
}
} // namespace

ConsoleServer::ConsoleServer(ConsoleConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_files(m_config.webRoot)
    , m_sessions(m_config.maxSessions)
    , m_throttle({m_config.throttleAttempts, qint64(m_config.throttleWindowSeconds) * 1000, qint64(m_config.throttleLockoutSeconds) * 1000})
{
    m_http.setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        dispatch(request, std::move(responder));
    });
    m_http.route<WebSocketRule>(
        QStringLiteral("/ws"), [this](const QHttpServerRequest &request) { return upgradeRefusal(request).isEmpty(); },
        [](const QHttpServerRequest &, QHttpServerResponder &&) {
            // Nothing written: Qt hands the socket to its WebSocket server next.
        });
    connect(&m_http, &QHttpServer::newWebSocketConnection, this, &ConsoleServer::onWebSocket);
}

ConsoleServer::~ConsoleServer() = default;

bool ConsoleServer::listen(QString *error)
{
    if (m_config.useTls()) {
        QFile certFile(m_config.tlsCertFile);
        QFile keyFile(m_config.tlsKeyFile);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read the TLS certificate %1 or key %2: check [http] tls_cert and tls_key")
                         .arg(m_config.tlsCertFile, m_config.tlsKeyFile);
            return false;
        }
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
        if (chain.isEmpty() || key.isNull()) {
            *error = QStringLiteral("%1 or %2 is not a PEM certificate and private key").arg(m_config.tlsCertFile, m_config.tlsKeyFile);
            return false;
        }
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificateChain(chain);
        ssl.setPrivateKey(key);
        ssl.setProtocol(QSsl::TlsV1_2OrLater);
        m_http.sslSetup(ssl);
    }
    m_port = m_http.listen(m_config.address, m_config.port);
    if (m_port == 0) {
        *error = QStringLiteral("cannot listen on %1 port %2: is another program using it? Choose another with --set http/port=N")
                     .arg(m_config.address.toString()).arg(m_config.port);
        return false;
    }
    // WebSocket frames leave as a header and a payload, the tail of a large one as a
    // short segment: with Nagle's algorithm each waits for the page's delayed ACK
    // (~40 ms). Qt 6.4 keeps the accepted sockets to itself; they remain children of
    // the listening server, where this finds them right after each accept.
    for (QTcpServer *server : m_http.servers()) {
        connect(server, &QTcpServer::newConnection, this, [server] {
            for (QTcpSocket *socket : server->findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly))
                socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        });
    }
    return true;
}

QUrl ConsoleServer::url() const
{
    QUrl u;
    u.setScheme(m_config.useTls() ? QStringLiteral("https") : QStringLiteral("http"));
    u.setHost(m_config.address.toString());
    u.setPort(m_port);
    u.setPath(QStringLiteral("/"));
    return u;
}

void ConsoleServer::send(QHttpServerResponder &responder, const HttpResponse &response) const
{
    response.send(responder, m_config.useTls());
}

void ConsoleServer::dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const QString path = request.url().path(QUrl::FullyDecoded);
    const auto method = request.method();
    const bool get = method == QHttpServerRequest::Method::Get;
    const bool post = method == QHttpServerRequest::Method::Post;
    if (path == QLatin1String("/api/login") && post) {
        logIn(request, std::move(responder));
        return;
    }
    if (path == QLatin1String("/api/logout") && post) {
        send(responder, logOut(request));
        return;
    }
    if (path == QLatin1String("/api/session") && get) {
        send(responder, session(request));
        return;
    }
    if (path == QLatin1String("/ws")) {
        send(responder, webSocketRefusal(upgradeRefusal(request)));
        return;
    }
    if (path.startsWith(QLatin1String("/api/"))) {
        send(responder, HttpResponse::error(Status::NotFound, "not_found", QStringLiteral("No such API call: see docs/console.md.")));
        return;
    }
    if (!get) {
        send(responder, HttpResponse::error(Status::MethodNotAllowed, "method_not_allowed", QStringLiteral("Only GET is served here.")));
        return;
    }
    send(responder, m_files.get(path));
}

bool ConsoleServer::originAllowed(const QByteArray &origin, const QByteArray &host) const
{
    // Browsers send Origin with every cross-site POST and every WebSocket; a request
    // without one does not come from another site's page.
    if (origin.isEmpty())
        return true;
    const QByteArray own = (m_config.useTls() ? QByteArrayLiteral("https://") : QByteArrayLiteral("http://")) + host;
    if (!host.isEmpty() && origin.compare(own, Qt::CaseInsensitive) == 0)
        return true;
    for (const QString &extra : m_config.extraOrigins) {
        if (origin.compare(extra.toUtf8(), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray ConsoleServer::cookieToken(const QList<QByteArray> &cookieHeaders)
{
    for (const QByteArray &header : cookieHeaders) {
        for (const QByteArray &part : header.split(';')) {
            const QByteArray pair = part.trimmed();
            if (pair.startsWith(cookieName + '='))
                return pair.mid(cookieName.size() + 1);
        }
    }
    return {};
}

QByteArray ConsoleServer::sessionCookie(const QByteArray &token) const
{
    QByteArray cookie = cookieName + '=' + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
        + QByteArray::number(m_config.absoluteSeconds);
    if (m_config.useTls())
        cookie += "; Secure";
    return cookie;
}

QByteArray ConsoleServer::clearedCookie() const
{
    return cookieName + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" + (m_config.useTls() ? "; Secure" : "");
}

void ConsoleServer::logIn(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    if (!originAllowed(header(request, "Origin"), header(request, "Host"))) {
        send(responder, HttpResponse::error(Status::Forbidden, "bad_origin", QStringLiteral("Log in from the console's own page.")));
        return;
    }
    JsonLimits limits;
    limits.maxBytes = maxLoginBytes;
    QString error;
    const std::optional<QJsonObject> body = JsonGuard::parseObject(request.body(), limits, &error);
    JsonReader reader(body.value_or(QJsonObject()));
    const QString user = body ? reader.requiredId(QStringLiteral("user")) : QString();
    const QString password = body ? reader.requiredString(QStringLiteral("password"), {.maxLength = maxPasswordLength, .allowEmpty = false}) : QString();
    if (!body || !reader.ok()) {
        const QString why = body ? reader.errors().first().toString() : error;
        send(responder, HttpResponse::error(Status::BadRequest, "invalid",
                                            QStringLiteral("Send {\"user\", \"password\"} as JSON (%1).").arg(why)));
        return;
    }
    const QString address = request.remoteAddress().toString();
    if (const qint64 wait = m_throttle.retryAfterMs(user, address); wait > 0) {
        HttpResponse r = HttpResponse::error(Status::TooManyRequests, "too_many_attempts",
                                             QStringLiteral("Too many failed logins: wait %1 seconds, then try again.").arg((wait + 999) / 1000));
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number((wait + 999) / 1000)});
        send(responder, r);
        return;
    }
    if (m_sessions.full() || m_pendingLogins.size() >= std::size_t(maxPendingLogins)) {
        send(responder, HttpResponse::error(Status::ServiceUnavailable, "busy", QStringLiteral("The console has too many sessions right now; try again in a minute.")));
        return;
    }

    ConsoleSession::Limits sessionLimits{m_config.requestTimeoutMs, m_config.maxPendingRequests, m_config.maxSubscriptions,
                                         m_config.maxFrameBytes, m_config.maxSocketsPerSession,
                                         qint64(m_config.idleSeconds) * 1000, qint64(m_config.absoluteSeconds) * 1000};
    MqttOptions options = m_config.broker;
    options.password = password;
    auto owned = std::make_unique<ConsoleSession>(user, options, sessionLimits, m_sessionClock);
    ConsoleSession *session = owned.get();
    m_pendingLogins.emplace(session, std::move(owned));

    // The answer waits for the broker's CONNACK; the browser may leave meanwhile.
    auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> socket(pending->socket());
    auto answer = [this, pending, socket](const HttpResponse &r) {
        if (socket && socket->state() == QAbstractSocket::ConnectedState)
            send(*pending, r);
    };
    connect(session, &ConsoleSession::loggedIn, this, [this, session, answer, user, address, socket] {
        std::unique_ptr<ConsoleSession> owned = std::move(m_pendingLogins[session]);
        m_pendingLogins.erase(session);
        session->disconnect(this);
        m_throttle.recordSuccess(user, address);
        if (!socket) {
            owned.release()->deleteLater();
            return;
        }
        // The broker keeps one connection per account (use_username_as_clientid): this
        // login has just taken it over, and an older session would take it back.
        m_sessions.removeUser(user, QStringLiteral("replaced"));
        const QByteArray token = m_sessions.add(std::move(owned));
        if (token.isEmpty()) {
            answer(HttpResponse::error(Status::ServiceUnavailable, "busy", QStringLiteral("The console has too many sessions right now; try again in a minute.")));
            return;
        }
        qCInfo(lcConsole) << user << "logged in from" << address;
        HttpResponse r = HttpResponse::json({{QStringLiteral("user"), user}, {QStringLiteral("expiresAt"), session->expiresAt()}});
        r.headers.append({QByteArrayLiteral("Set-Cookie"), sessionCookie(token)});
        answer(r);
    });
    connect(session, &ConsoleSession::loginFailed, this, [this, session, answer, user, address](ConsoleSession::Error e, const QString &message) {
        std::unique_ptr<ConsoleSession> owned = std::move(m_pendingLogins[session]);
        m_pendingLogins.erase(session);
        session->disconnect(this);
        owned.release()->deleteLater();   // we are inside its signal
        if (e == ConsoleSession::Error::BadCredentials) {
            m_throttle.recordFailure(user, address);
            qCInfo(lcConsole) << "refused login of" << user << "from" << address;
            answer(HttpResponse::error(Status::Unauthorized, "bad_credentials", message));
        } else {
            qCWarning(lcConsole) << "login of" << user << "failed:" << message;
            answer(HttpResponse::error(Status::ServiceUnavailable, "broker_unreachable", message));
        }
    });
    session->logIn(m_config.loginTimeoutMs);
}

HttpResponse ConsoleServer::logOut(const QHttpServerRequest &request)
{
    if (!originAllowed(header(request, "Origin"), header(request, "Host")))
        return HttpResponse::error(Status::Forbidden, "bad_origin", QStringLiteral("Log out from the console's own page."));
    const QByteArray token = cookieToken(headerValues(request.headers(), "Cookie"));
    const bool known = !token.isEmpty() && m_sessions.remove(token, QStringLiteral("logged_out"));
    HttpResponse r = known ? HttpResponse::json({{QStringLiteral("ok"), true}}) : unauthorised();
    r.headers.append({QByteArrayLiteral("Set-Cookie"), clearedCookie()});
    return r;
}

HttpResponse ConsoleServer::session(const QHttpServerRequest &request)
{
    ConsoleSession *s = m_sessions.find(cookieToken(headerValues(request.headers(), "Cookie")));
    if (!s)
        return unauthorised();
    return HttpResponse::json({{QStringLiteral("user"), s->user()}, {QStringLiteral("expiresAt"), s->expiresAt()},
                               {QStringLiteral("bus"), QJsonObject{{QStringLiteral("connected"), s->busConnected()}}}});
}

QByteArray ConsoleServer::upgradeRefusal(const QHttpServerRequest &request)
{
    if (header(request, "Upgrade").compare("websocket", Qt::CaseInsensitive) != 0)
        return QByteArrayLiteral("not_websocket");
    if (!originAllowed(header(request, "Origin"), header(request, "Host")))
        return QByteArrayLiteral("bad_origin");
    if (!m_sessions.find(cookieToken(headerValues(request.headers(), "Cookie"))))
        return QByteArrayLiteral("no_session");
    return {};
}

HttpResponse ConsoleServer::webSocketRefusal(const QByteArray &why)
{
    if (why == "bad_origin")
        return HttpResponse::error(Status::Forbidden, why, QStringLiteral("Open the console from its own address."));
    if (why == "no_session")
        return unauthorised();
    return HttpResponse::error(Status::BadRequest, "not_websocket", QStringLiteral("/ws speaks WebSocket only."));
}

void ConsoleServer::onWebSocket()
{
    while (m_http.hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = m_http.nextPendingWebSocketConnection();
        if (socket)
            acceptWebSocket(std::move(socket));
    }
}

void ConsoleServer::acceptWebSocket(std::unique_ptr<QWebSocket> socket)
{
    // Checked again on the open socket: the session may have ended during the handshake.
    const QNetworkRequest &handshake = socket->request();
    auto refuse = [&socket](int code, const QString &reason) {
        socket->close(QWebSocketProtocol::CloseCode(code), reason);
        socket.release()->deleteLater();
    };
    if (handshake.url().path() != QLatin1String("/ws")) {
        refuse(4404, QStringLiteral("not_found"));
        return;
    }
    if (!originAllowed(socket->origin().toUtf8(), handshake.rawHeader("Host"))) {
        qCWarning(lcConsole) << "refused a WebSocket from origin" << socket->origin();
        refuse(4403, QStringLiteral("bad_origin"));
        return;
    }
    ConsoleSession *session = m_sessions.find(cookieToken({handshake.rawHeader("Cookie")}));
    if (!session) {
        socket->sendTextMessage(QStringLiteral("{\"op\":\"expired\",\"reason\":\"unauthorised\"}"));
        refuse(4401, QStringLiteral("unauthorised"));
        return;
    }
    session->attach(std::move(socket));
}

} // namespace fest
