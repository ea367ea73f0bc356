#pragma once

#include "consoleconfig.h"
#include "consolesession.h"
#include "loginthrottle.h"
#include "sessionstore.h"
#include "staticfiles.h"

#include <QHttpServer>
#include <QObject>
#include <QUrl>
#include <map>
#include <memory>

class QWebSocket;

namespace fest {

struct HttpResponse;

// festival-console's HTTP side (docs/console.md):
//   POST /api/login    {"user","password"} -> a ConsoleSession under that broker account,
//                      cookie fest_session (HttpOnly, SameSite=Strict, Secure with TLS)
//   POST /api/logout   ends the session
//   GET  /api/session  {"user","expiresAt"} or 401
//   GET  /ws           WebSocket of the session named by the cookie
//   GET  /...          the web app's files (StaticFiles)
// Every response carries the security headers of HttpResponse. Requests that change
// state and WebSockets must come from the server's own origin (or a configured one):
// a page elsewhere cannot act with a user's cookie.
class ConsoleServer : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype maxLoginBytes = 4096;
    static constexpr int maxPendingLogins = 32;

    explicit ConsoleServer(ConsoleConfig config, QObject *parent = nullptr);
    ~ConsoleServer() override;

    // Starts listening (HTTPS when the config names a certificate); false with a reason.
    bool listen(QString *error);
    quint16 port() const { return m_port; }
    QUrl url() const;   // http(s)://address:port/
    SessionStore &sessions() { return m_sessions; }
    // The wall clock of sessions created from now on (tests move time forward).
    void setSessionClock(ConsoleSession::Clock now) { m_sessionClock = std::move(now); }

private:
    void dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void logIn(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    HttpResponse logOut(const QHttpServerRequest &request);
    HttpResponse session(const QHttpServerRequest &request);
    // Why a WebSocket upgrade is refused ("bad_origin", "no_session", ...); empty if not.
    QByteArray upgradeRefusal(const QHttpServerRequest &request);
    static HttpResponse webSocketRefusal(const QByteArray &why);
    void onWebSocket();
    void acceptWebSocket(std::unique_ptr<QWebSocket> socket);
    void send(QHttpServerResponder &responder, const HttpResponse &response) const;

    bool originAllowed(const QByteArray &origin, const QByteArray &host) const;
    static QByteArray cookieToken(const QList<QByteArray> &cookieHeaders);
    QByteArray sessionCookie(const QByteArray &token) const;
    QByteArray clearedCookie() const;

    ConsoleConfig m_config;
    QHttpServer m_http;
    StaticFiles m_files;
    SessionStore m_sessions;
    LoginThrottle m_throttle;
    std::map<ConsoleSession *, std::unique_ptr<ConsoleSession>> m_pendingLogins;
    ConsoleSession::Clock m_sessionClock;
    quint16 m_port = 0;
};

} // namespace fest
