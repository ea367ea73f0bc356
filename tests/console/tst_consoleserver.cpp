// festival-console end to end: a real mosquitto running the shipped listener settings
// with accounts made by festival-accounts from the shipped ACL templates, the real
// festival-controller, and the console in this process. Browsers are played by raw
// HTTP exchanges (full control over every header and byte) and QWebSocket.
#include "brokeraccounts.h"
#include "busprobe.h"
#include "consoleserver.h"
#include "controllerprocess.h"
#include "mosquittoprocess.h"
#include "shippedbrokerconfig.h"
#include "testcertificates.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <memory>

using namespace fest;

namespace {

constexpr int frameLimit = 4096;

struct HttpResult {
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[k, v] : headers) {
            if (k.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray cookie() const { return header("Set-Cookie").split(';').first(); }
};

// One HTTP/1.1 exchange on a fresh connection, bytes exactly as given. The server runs
// in this thread: every wait runs the event loop.
HttpResult exchange(quint16 port, const QByteArray &request, const QString &caFile = {})
{
    std::unique_ptr<QTcpSocket> socket;
    QSslSocket *ssl = nullptr;
    if (caFile.isEmpty()) {
        socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QStringLiteral("127.0.0.1"), port);
    } else {
        auto owned = std::make_unique<QSslSocket>();
        ssl = owned.get();
        QSslConfiguration config = ssl->sslConfiguration();
        config.setCaCertificates(QSslCertificate::fromPath(caFile));
        ssl->setSslConfiguration(config);
        ssl->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        socket = std::move(owned);
    }
    HttpResult result;
    QTcpSocket *s = socket.get();
    if (!QTest::qWaitFor([&] { return ssl ? ssl->isEncrypted() || s->state() == QAbstractSocket::UnconnectedState
                                          : s->state() == QAbstractSocket::ConnectedState; }, 20000)
        || s->state() != QAbstractSocket::ConnectedState)
        return result;
    s->write(request);
    QByteArray data;
    qsizetype headerEnd = -1;
    qsizetype length = -1;
    const bool complete = QTest::qWaitFor([&] {
        data += s->readAll();
        if (headerEnd < 0 && (headerEnd = data.indexOf("\r\n\r\n")) >= 0) {
            const QList<QByteArray> lines = data.left(headerEnd).split('\n');
            result.status = lines.first().split(' ').value(1).toInt();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                result.headers.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
            }
            length = result.header("Content-Length").toLongLong();
        }
        return (headerEnd >= 0 && data.size() >= headerEnd + 4 + length) || s->state() == QAbstractSocket::UnconnectedState;
    }, 30000);
    if (!complete)
        qWarning("no complete HTTP answer within 30 s");
    if (headerEnd >= 0)
        result.body = data.mid(headerEnd + 4);
    return result;
}

QByteArray request(const QByteArray &method, const QByteArray &path, quint16 port, const QByteArray &body = {},
                   const QList<QByteArray> &extraHeaders = {})
{
    QByteArray r = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) + "\r\n";
    for (const QByteArray &h : extraHeaders)
        r += h + "\r\n";
    if (!body.isNull())
        r += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return r + "\r\n" + body;
}

QByteArray loginBody(const QString &user, const QString &password)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("user"), user}, {QStringLiteral("password"), password}}).toJson(QJsonDocument::Compact);
}

// A page's WebSocket: every frame it receives, parsed.
class Page : public QObject
{
public:
    explicit Page(const QString &origin = {})
        : m_socket(origin)
    {
        connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            frames << QJsonDocument::fromJson(text.toUtf8()).object();
        });
        connect(&m_socket, &QWebSocket::disconnected, this, [this] { closed = true; });
    }
    void open(const QUrl &url, const QByteArray &cookie, const QSslConfiguration &ssl = {})
    {
        QNetworkRequest r(url);
        if (!cookie.isEmpty())
            r.setRawHeader("Cookie", cookie);
        if (!ssl.isNull())
            m_socket.setSslConfiguration(ssl);
        m_socket.open(r);
    }
    bool connected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void send(const QJsonObject &frame) { m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact))); }
    void sendText(const QString &text) { m_socket.sendTextMessage(text); }
    void sendBinary(const QByteArray &data) { m_socket.sendBinaryMessage(data); }
    // The first frame with this op (and id, when given), or an empty object.
    QJsonObject find(const QString &op, qint64 id = -1) const
    {
        for (const QJsonObject &f : frames) {
            if (f.value(QStringLiteral("op")).toString() == op && (id < 0 || f.value(QStringLiteral("id")).toInteger() == id))
                return f;
        }
        return {};
    }
    QJsonObject message(const QString &topic) const
    {
        for (const QJsonObject &f : frames) {
            if (f.value(QStringLiteral("op")).toString() == QLatin1String("message") && f.value(QStringLiteral("topic")).toString() == topic)
                return f;
        }
        return {};
    }
    QWebSocket &socket() { return m_socket; }

    QList<QJsonObject> frames;
    bool closed = false;

private:
    QWebSocket m_socket;
};

} // namespace

class tst_ConsoleServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void loginOpensASession();
    void wrongPasswordIsRefused();
    void malformedLoginIsRefused_data();
    void malformedLoginIsRefused();
    void brokerDownIsReported();
    void repeatedFailuresAreThrottled();
    void filesCarrySecurityHeaders();
    void traversalIsRefused_data();
    void traversalIsRefused();
    void webSocketNeedsASessionAndOurOrigin_data();
    void webSocketNeedsASessionAndOurOrigin();
    void requestReachesTheControllerAndTheReplyComesBack();
    void controllerRolesStillApply();
    void requestWaitsForAnOfflineController();
    void staffSubscriptionToResultsDeliversNothing();
    void badFramesGetErrorsAndTheSessionKeepsWorking_data();
    void badFramesGetErrorsAndTheSessionKeepsWorking();
    void hugeFrameClosesOnlyThatPage();
    void expiredSessionClosesItsPages();
    void logoutClosesItsPages();
    void busLossAndReturnAreAnnounced();
    void tlsServesSecureCookies();

private:
    ConsoleConfig config() const;
    QByteArray logIn(const QString &user);
    std::unique_ptr<Page> openPage(const QByteArray &cookie);

    MosquittoProcess m_broker;
    std::unique_ptr<BrokerAccounts> m_accounts;
    ControllerProcess m_controller;
    ControllerProcess::Settings m_controllerSettings;
    std::unique_ptr<BusProbe> m_observer;
    QTemporaryDir m_dir;
    std::unique_ptr<ConsoleServer> m_server;
    qint64 m_clockOffsetMs = 0;
};

ConsoleConfig tst_ConsoleServer::config() const
{
    ConsoleConfig c;
    c.address = QHostAddress::LocalHost;
    c.port = 0;
    c.webRoot = m_dir.filePath(QStringLiteral("web"));
    c.broker.host = m_broker.host();
    c.broker.port = m_broker.port();
    c.broker.reconnectMinMs = 100;
    c.maxFrameBytes = frameLimit;
    c.loginTimeoutMs = 10000;
    return c;
}

void tst_ConsoleServer::initTestCase()
{
    QVERIFY2(!ControllerProcess::binary().isEmpty(), "festival-controller is not built in this tree");
    QString error;
    const std::optional<ShippedBrokerConfig> shipped = ShippedBrokerConfig::load(&error);
    QVERIFY2(shipped, qPrintable(error));
    m_accounts = std::make_unique<BrokerAccounts>(m_broker.filePath(QStringLiteral("festival")));
    QVERIFY2(m_accounts->installTemplates(&error), qPrintable(error));
    QVERIFY2(m_accounts->addTestRole(QStringLiteral("observer"), {QStringLiteral("topic readwrite fest/#")}, &error), qPrintable(error));
    const QList<QPair<QString, QString>> accounts = {{"controller", "controller"}, {"organiser", "org-ana"},
                                                     {"staff", "staff-ben"}, {"observer", "observer"}};
    for (const auto &[role, name] : accounts)
        QVERIFY2(m_accounts->add(role, name, &error), qPrintable(error));
    QVERIFY2(m_accounts->makeCertificates(&error), qPrintable(error));
    QVERIFY2(shipped->apply(m_broker, m_accounts->folder(), &error) != 0, qPrintable(error));
    QVERIFY2(m_broker.start(&error), qPrintable(error));

    MqttOptions o;
    o.host = m_broker.host();
    o.port = m_broker.port();
    o.username = QStringLiteral("observer");
    o.password = m_accounts->password(QStringLiteral("observer"));
    m_observer = std::make_unique<BusProbe>(o);
    QVERIFY(m_observer->connectToBroker());
    QCOMPARE(m_observer->subscribe(QStringLiteral("fest/v1/node/controller/status")), 1);

    ControllerProcess::Settings settings;
    settings.brokerPort = m_broker.port();
    settings.passwordFile = QDir(m_accounts->folder()).filePath(QStringLiteral("controller.password"));
    settings.organisers = {QStringLiteral("org-ana")};
    settings.staff = {QStringLiteral("staff-ben")};
    m_controllerSettings = settings;
    QVERIFY2(m_controller.start(settings, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(m_observer->received(QStringLiteral("fest/v1/node/controller/status"))
                                 && m_observer->messages().last().payload.contains("\"online\""), 60000);

    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("web/js"))));
    QFile index(m_dir.filePath(QStringLiteral("web/index.html")));
    QVERIFY(index.open(QIODevice::WriteOnly));
    index.write("<!doctype html><title>Festival console</title>");
    index.close();
    QFile secret(m_dir.filePath(QStringLiteral("secret.txt")));
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.write("outside the web root");
    secret.close();

    m_server = std::make_unique<ConsoleServer>(config());
    m_server->setSessionClock([this] { return QDateTime::currentMSecsSinceEpoch() + m_clockOffsetMs; });
    QVERIFY2(m_server->listen(&error), qPrintable(error));
}

QByteArray tst_ConsoleServer::logIn(const QString &user)
{
    const HttpResult r = exchange(m_server->port(), request("POST", "/api/login", m_server->port(),
                                                             loginBody(user, m_accounts->password(user))));
    if (r.status != 200)
        qWarning() << "login of" << user << "answered" << r.status << r.body;
    return r.cookie();
}

std::unique_ptr<Page> tst_ConsoleServer::openPage(const QByteArray &cookie)
{
    const QString origin = QStringLiteral("http://127.0.0.1:%1").arg(m_server->port());
    auto page = std::make_unique<Page>(origin);
    page->open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_server->port())), cookie);
    if (!QTest::qWaitFor([&] { return !page->find(QStringLiteral("hello")).isEmpty() || page->closed; }, 20000))
        qWarning("no hello from the console");
    return page;
}

void tst_ConsoleServer::loginOpensASession()
{
    const HttpResult r = exchange(m_server->port(), request("POST", "/api/login", m_server->port(),
                                                             loginBody(QStringLiteral("org-ana"), m_accounts->password(QStringLiteral("org-ana")))));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QStringLiteral("user")).toString(), QStringLiteral("org-ana"));
    QVERIFY(QDateTime::fromString(r.json().value(QStringLiteral("expiresAt")).toString(), Qt::ISODateWithMs) > QDateTime::currentDateTimeUtc());
    const QByteArray setCookie = r.header("Set-Cookie");
    QVERIFY2(setCookie.startsWith("fest_session="), setCookie.constData());
    QVERIFY(setCookie.contains("; HttpOnly"));
    QVERIFY(setCookie.contains("; SameSite=Strict"));
    QVERIFY(!setCookie.contains("Secure"));   // plain HTTP here; see tlsServesSecureCookies
    QCOMPARE(r.cookie().size(), qsizetype(QByteArray("fest_session=").size() + 43));

    const HttpResult session = exchange(m_server->port(), request("GET", "/api/session", m_server->port(), {}, {"Cookie: " + r.cookie()}));
    QCOMPARE(session.status, 200);
    QCOMPARE(session.json().value(QStringLiteral("user")).toString(), QStringLiteral("org-ana"));
    const HttpResult none = exchange(m_server->port(), request("GET", "/api/session", m_server->port()));
    QCOMPARE(none.status, 401);
}

void tst_ConsoleServer::wrongPasswordIsRefused()
{
    const HttpResult r = exchange(m_server->port(), request("POST", "/api/login", m_server->port(),
                                                             loginBody(QStringLiteral("staff-ben"), QStringLiteral("not-the-password"))));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("bad_credentials"));
    QVERIFY(!r.json().value(QStringLiteral("message")).toString().isEmpty());
    QVERIFY(r.header("Set-Cookie").isEmpty());
}

void tst_ConsoleServer::malformedLoginIsRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not JSON") << QByteArray("user=org-ana&password=x");
    QTest::newRow("no password") << QByteArray(R"({"user":"org-ana"})");
    QTest::newRow("empty password") << QByteArray(R"({"user":"org-ana","password":""})");
    QTest::newRow("user with a topic separator") << QByteArray(R"({"user":"org-ana/#","password":"x"})");
    QTest::newRow("user not a string") << QByteArray(R"({"user":7,"password":"x"})");
    QTest::newRow("oversized") << QByteArray(R"({"user":"org-ana","password":")") + QByteArray(8000, 'x') + "\"}";
}

void tst_ConsoleServer::malformedLoginIsRefused()
{
    QFETCH(QByteArray, body);
    const HttpResult r = exchange(m_server->port(), request("POST", "/api/login", m_server->port(), body));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid"));
}

void tst_ConsoleServer::brokerDownIsReported()
{
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    ConsoleConfig c = config();
    c.broker.port = closedPort;
    ConsoleServer server(c);
    QString error;
    QVERIFY2(server.listen(&error), qPrintable(error));
    const HttpResult r = exchange(server.port(), request("POST", "/api/login", server.port(),
                                                          loginBody(QStringLiteral("org-ana"), m_accounts->password(QStringLiteral("org-ana")))));
    QCOMPARE(r.status, 503);
    QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("broker_unreachable"));
}

void tst_ConsoleServer::repeatedFailuresAreThrottled()
{
    ConsoleConfig c = config();
    c.throttleAttempts = 3;
    ConsoleServer server(c);
    QString error;
    QVERIFY2(server.listen(&error), qPrintable(error));
    for (int i = 0; i < 3; ++i) {
        const HttpResult r = exchange(server.port(), request("POST", "/api/login", server.port(),
                                                              loginBody(QStringLiteral("staff-ben"), QStringLiteral("guess%1").arg(i))));
        QCOMPARE(r.status, 401);
    }
    // Locked out: even the right password waits, so guessing gains nothing.
    const HttpResult r = exchange(server.port(), request("POST", "/api/login", server.port(),
                                                          loginBody(QStringLiteral("staff-ben"), m_accounts->password(QStringLiteral("staff-ben")))));
    QCOMPARE(r.status, 429);
    QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("too_many_attempts"));
    QVERIFY(r.header("Retry-After").toInt() > 0);
}

void tst_ConsoleServer::filesCarrySecurityHeaders()
{
    const HttpResult r = exchange(m_server->port(), request("GET", "/", m_server->port()));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("<!doctype html><title>Festival console</title>"));
    QCOMPARE(r.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
    QVERIFY(r.header("Content-Security-Policy").contains("default-src 'self'"));
    QVERIFY(r.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
    QCOMPARE(r.header("X-Content-Type-Options"), QByteArray("nosniff"));
    QCOMPARE(r.header("X-Frame-Options"), QByteArray("DENY"));
    // API answers too, errors included.
    const HttpResult api = exchange(m_server->port(), request("GET", "/api/session", m_server->port()));
    QVERIFY(api.header("Content-Security-Policy").contains("default-src 'self'"));
    QCOMPARE(api.header("Cache-Control"), QByteArray("no-store"));
}

void tst_ConsoleServer::traversalIsRefused_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::newRow("dot dot") << QByteArray("/../secret.txt");
    QTest::newRow("encoded dots") << QByteArray("/%2e%2e/secret.txt");
    QTest::newRow("encoded slash") << QByteArray("/js/..%2f..%2fsecret.txt");
    QTest::newRow("mixed case encoding") << QByteArray("/%2E%2E/secret.txt");
    QTest::newRow("backslash") << QByteArray("/..%5csecret.txt");
    QTest::newRow("deep") << QByteArray("/js/../../../../../../etc/passwd");
    QTest::newRow("NUL") << QByteArray("/index.html%00.txt");
}

void tst_ConsoleServer::traversalIsRefused()
{
    QFETCH(QByteArray, path);
    const HttpResult r = exchange(m_server->port(), request("GET", path, m_server->port()));
    QVERIFY2(r.status == 404 || r.status == 400, QByteArray::number(r.status).constData());
    QVERIFY(!r.body.contains("outside the web root"));
    QVERIFY(!r.body.contains("root:"));
}

void tst_ConsoleServer::webSocketNeedsASessionAndOurOrigin_data()
{
    QTest::addColumn<QByteArray>("cookie");
    QTest::addColumn<QByteArray>("origin");
    QTest::addColumn<int>("status");
    QTest::newRow("no cookie") << QByteArray() << QByteArray("own") << 401;
    QTest::newRow("forged token") << QByteArray("fest_session=") + QByteArray(43, 'A') << QByteArray("own") << 401;
    QTest::newRow("malformed token") << QByteArray("fest_session=../../x") << QByteArray("own") << 401;
    QTest::newRow("valid session, foreign page") << QByteArray("valid") << QByteArray("http://evil.example") << 403;
    QTest::newRow("valid session, own page") << QByteArray("valid") << QByteArray("own") << 101;
}

void tst_ConsoleServer::webSocketNeedsASessionAndOurOrigin()
{
    QFETCH(QByteArray, cookie);
    QFETCH(QByteArray, origin);
    QFETCH(int, status);
    const quint16 port = m_server->port();
    if (cookie == "valid")
        cookie = logIn(QStringLiteral("staff-ben"));
    if (origin == "own")
        origin = "http://127.0.0.1:" + QByteArray::number(port);
    QList<QByteArray> headers = {"Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13",
                                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Origin: " + origin};
    if (!cookie.isEmpty())
        headers << "Cookie: " + cookie;
    // A 101 has no Content-Length: read what arrives.
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    QTRY_VERIFY_WITH_TIMEOUT(socket.state() == QAbstractSocket::ConnectedState, 10000);
    socket.write(request("GET", "/ws", port, {}, headers));
    QTRY_VERIFY_WITH_TIMEOUT(socket.canReadLine(), 20000);
    const QByteArray statusLine = socket.readLine();
    QVERIFY2(statusLine.startsWith("HTTP/1.1 " + QByteArray::number(status)), statusLine.constData());
}

void tst_ConsoleServer::requestReachesTheControllerAndTheReplyComesBack()
{
    auto page = openPage(logIn(QStringLiteral("org-ana")));
    const QJsonObject hello = page->find(QStringLiteral("hello"));
    QCOMPARE(hello.value(QStringLiteral("user")).toString(), QStringLiteral("org-ana"));
    QCOMPARE(hello.value(QStringLiteral("bus")).toObject().value(QStringLiteral("connected")).toBool(), true);
    page->send({{"op", "request"}, {"id", 7}, {"to", "controller"}, {"body", QJsonObject{{"op", "programme.get"}, {"args", QJsonObject{}}}}});
    QTRY_VERIFY_WITH_TIMEOUT(!page->find(QStringLiteral("reply"), 7).isEmpty() || !page->find(QStringLiteral("error"), 7).isEmpty(), 20000);
    const QJsonObject reply = page->find(QStringLiteral("reply"), 7).value(QStringLiteral("reply")).toObject();
    QVERIFY2(reply.value(QStringLiteral("ok")).toBool(), QJsonDocument(page->find(QStringLiteral("error"), 7)).toJson().constData());
    QVERIFY(reply.value(QStringLiteral("result")).toObject().value(QStringLiteral("version")).toInt() >= 1);
    QVERIFY(reply.value(QStringLiteral("result")).toObject().value(QStringLiteral("screenings")).toInt() > 0);

    // A node nobody runs: the request times out with a typed error instead of hanging.
    page->send({{"op", "request"}, {"id", 8}, {"to", "node/player-nowhere"}, {"body", QJsonObject{{"op", "player.hold"}}}});
    QTRY_VERIFY_WITH_TIMEOUT(!page->find(QStringLiteral("error"), 8).isEmpty(), 30000);
    QCOMPARE(page->find(QStringLiteral("error"), 8).value(QStringLiteral("code")).toString(), QStringLiteral("timeout"));
}

void tst_ConsoleServer::controllerRolesStillApply()
{
    auto page = openPage(logIn(QStringLiteral("staff-ben")));
    page->send({{"op", "request"}, {"id", 1}, {"to", "controller"},
                {"body", QJsonObject{{"op", "screening.cancel"}, {"args", QJsonObject{{"id", "S-0101"}}}}}});
    QTRY_VERIFY_WITH_TIMEOUT(!page->find(QStringLiteral("reply"), 1).isEmpty(), 20000);
    const QJsonObject reply = page->find(QStringLiteral("reply"), 1).value(QStringLiteral("reply")).toObject();
    QCOMPARE(reply.value(QStringLiteral("ok")).toBool(), false);
    QVERIFY(!reply.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString().isEmpty());
}

// The controller stopped (its retained status says offline): a request waits for it
// within the request timeout, then fails with controller_offline saying since when; one
// sent just before it comes back is answered.
void tst_ConsoleServer::requestWaitsForAnOfflineController()
{
    const QString statusTopic = QStringLiteral("fest/v1/node/controller/status");
    auto page = openPage(logIn(QStringLiteral("org-ana")));
    page->send({{"op", "subscribe"}, {"id", 1}, {"filter", statusTopic}});
    const auto lastState = [&] {
        QString state;
        for (const QJsonObject &f : page->frames) {
            if (f.value(QStringLiteral("op")).toString() == QLatin1String("message") && f.value(QStringLiteral("topic")).toString() == statusTopic)
                state = f.value(QStringLiteral("payload")).toObject().value(QStringLiteral("state")).toString();
        }
        return state;
    };
    QTRY_COMPARE_WITH_TIMEOUT(lastState(), QStringLiteral("online"), 20000);
    m_controller.stop();
    // Running again for the tests after this one, also when this one fails half-way.
    bool restarted = false;
    const auto restart = qScopeGuard([&] {
        QString ignored;
        if (!restarted)
            m_controller.start(m_controllerSettings, &ignored);
    });
    // The session reads the status before it hands it to the page.
    QTRY_COMPARE_WITH_TIMEOUT(lastState(), QStringLiteral("offline"), 20000);

    page->send({{"op", "request"}, {"id", 2}, {"to", "controller"}, {"body", QJsonObject{{"op", "programme.get"}, {"args", QJsonObject{}}}}});
    QTRY_VERIFY_WITH_TIMEOUT(!page->find(QStringLiteral("error"), 2).isEmpty() || !page->find(QStringLiteral("reply"), 2).isEmpty(), 40000);
    const QJsonObject offline = page->find(QStringLiteral("error"), 2);
    QCOMPARE(offline.value(QStringLiteral("code")).toString(), QStringLiteral("controller_offline"));
    const QString message = offline.value(QStringLiteral("message")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("offline since \\d\\d:\\d\\d:\\d\\d UTC")).match(message).hasMatch(), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("nothing was sent")), qPrintable(message));

    // Sent while it is still away, answered once it is back.
    page->send({{"op", "request"}, {"id", 3}, {"to", "controller"}, {"body", QJsonObject{{"op", "programme.get"}, {"args", QJsonObject{}}}}});
    QTest::qWait(300);
    QVERIFY(page->find(QStringLiteral("error"), 3).isEmpty() && page->find(QStringLiteral("reply"), 3).isEmpty());
    QString error;
    restarted = true;
    QVERIFY2(m_controller.start(m_controllerSettings, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(!page->find(QStringLiteral("error"), 3).isEmpty() || !page->find(QStringLiteral("reply"), 3).isEmpty(), 40000);
    const QJsonObject reply = page->find(QStringLiteral("reply"), 3).value(QStringLiteral("reply")).toObject();
    QVERIFY2(reply.value(QStringLiteral("ok")).toBool(), QJsonDocument(page->find(QStringLiteral("error"), 3)).toJson().constData());
    QVERIFY(reply.value(QStringLiteral("result")).toObject().value(QStringLiteral("version")).toInt() >= 1);
}

void tst_ConsoleServer::staffSubscriptionToResultsDeliversNothing()
{
    // Retained by a test account after the controller's own start-up publishing.
    QCOMPARE(m_observer->publish(QStringLiteral("fest/v1/results"), R"({"type":"results","v":1,"sealed":"yes"})", true), 0);
    auto organiser = openPage(logIn(QStringLiteral("org-ana")));
    auto staff = openPage(logIn(QStringLiteral("staff-ben")));
    for (Page *page : {organiser.get(), staff.get()}) {
        page->send({{"op", "subscribe"}, {"id", 1}, {"filter", "fest/v1/results"}});
        // Retained messages come in subscription order: once the programme is here, the
        // results would have been too.
        page->send({{"op", "subscribe"}, {"id", 2}, {"filter", "fest/v1/programme"}});
        QTRY_VERIFY_WITH_TIMEOUT(!page->message(QStringLiteral("fest/v1/programme")).isEmpty(), 20000);
        QVERIFY(!page->find(QStringLiteral("subscribed"), 1).isEmpty());
    }
    const QJsonObject results = organiser->message(QStringLiteral("fest/v1/results"));
    QCOMPARE(results.value(QStringLiteral("retained")).toBool(), true);
    QCOMPARE(results.value(QStringLiteral("payload")).toObject().value(QStringLiteral("sealed")).toString(), QStringLiteral("yes"));
    QVERIFY(staff->message(QStringLiteral("fest/v1/results")).isEmpty());
    QCOMPARE(staff->message(QStringLiteral("fest/v1/programme")).value(QStringLiteral("payload")).toObject()
                 .value(QStringLiteral("type")).toString(), QStringLiteral("programme"));
}

void tst_ConsoleServer::badFramesGetErrorsAndTheSessionKeepsWorking_data()
{
    QTest::addColumn<QString>("frame");
    QTest::newRow("not JSON") << "subscribe fest/v1/#";
    QTest::newRow("array") << R"([1,2])";
    QTest::newRow("oversized") << QStringLiteral(R"({"op":"subscribe","id":1,"filter":"fest/v1/)") + QString(frameLimit, QLatin1Char('a')) + "\"}";
    QTest::newRow("too deep") << QString(40, QLatin1Char('[')) + QString(40, QLatin1Char(']'));
    QTest::newRow("unknown op") << R"({"op":"publish","id":1,"topic":"fest/v1/programme"})";
    QTest::newRow("no id") << R"({"op":"subscribe","filter":"fest/v1/programme"})";
    QTest::newRow("negative id") << R"({"op":"subscribe","id":-3,"filter":"fest/v1/programme"})";
    QTest::newRow("filter outside the tree") << R"({"op":"subscribe","id":1,"filter":"#"})";
    QTest::newRow("filter with a bad wildcard") << R"({"op":"subscribe","id":1,"filter":"fest/v1/a#"})";
    QTest::newRow("unknown field") << R"({"op":"subscribe","id":1,"filter":"fest/v1/programme","qos":2})";
    QTest::newRow("request to a topic") << R"({"op":"request","id":1,"to":"node/a/b","body":{"op":"player.hold"}})";
    QTest::newRow("request anywhere") << R"({"op":"request","id":1,"to":"fest/v1/programme","body":{"op":"x"}})";
    QTest::newRow("request op not an id") << R"({"op":"request","id":1,"to":"controller","body":{"op":"a b"}})";
    QTest::newRow("request args not an object") << R"({"op":"request","id":1,"to":"controller","body":{"op":"programme.get","args":[]}})";
    QTest::newRow("binary") << QString();
}

void tst_ConsoleServer::badFramesGetErrorsAndTheSessionKeepsWorking()
{
    QFETCH(QString, frame);
    auto page = openPage(logIn(QStringLiteral("staff-ben")));
    QVERIFY(page->connected());
    if (frame.isNull())
        page->sendBinary("\x01\x02");
    else
        page->sendText(frame);
    QTRY_VERIFY_WITH_TIMEOUT(!page->find(QStringLiteral("error")).isEmpty(), 20000);
    QCOMPARE(page->find(QStringLiteral("error")).value(QStringLiteral("code")).toString(), QStringLiteral("invalid"));
    QVERIFY(!page->find(QStringLiteral("error")).value(QStringLiteral("message")).toString().isEmpty());
    QVERIFY(page->find(QStringLiteral("subscribed")).isEmpty());

    page->send({{"op", "subscribe"}, {"id", 99}, {"filter", "fest/v1/programme"}});
    QTRY_VERIFY_WITH_TIMEOUT(!page->message(QStringLiteral("fest/v1/programme")).isEmpty(), 20000);
    QVERIFY(!page->find(QStringLiteral("subscribed"), 99).isEmpty());
    QVERIFY(page->connected());
}

void tst_ConsoleServer::hugeFrameClosesOnlyThatPage()
{
    const QByteArray cookie = logIn(QStringLiteral("staff-ben"));
    auto flooding = openPage(cookie);
    auto other = openPage(cookie);
    flooding->sendText(QString(3 * frameLimit, QLatin1Char('x')));
    QTRY_VERIFY_WITH_TIMEOUT(flooding->closed, 20000);
    QCOMPARE(flooding->socket().closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
    other->send({{"op", "subscribe"}, {"id", 5}, {"filter", "fest/v1/programme"}});
    QTRY_VERIFY_WITH_TIMEOUT(!other->find(QStringLiteral("subscribed"), 5).isEmpty(), 20000);
}

void tst_ConsoleServer::expiredSessionClosesItsPages()
{
    const QByteArray cookie = logIn(QStringLiteral("org-ana"));
    auto page = openPage(cookie);
    QVERIFY(page->connected());
    m_clockOffsetMs += qint64(config().idleSeconds) * 1000 + 1000;
    QTRY_VERIFY_WITH_TIMEOUT(!page->find(QStringLiteral("expired")).isEmpty(), 20000);
    m_clockOffsetMs = 0;   // sessions made later live on the real clock again
    QCOMPARE(page->find(QStringLiteral("expired")).value(QStringLiteral("reason")).toString(), QStringLiteral("expired"));
    QTRY_VERIFY_WITH_TIMEOUT(page->closed, 20000);
    const HttpResult r = exchange(m_server->port(), request("GET", "/api/session", m_server->port(), {}, {"Cookie: " + cookie}));
    QCOMPARE(r.status, 401);
}

void tst_ConsoleServer::logoutClosesItsPages()
{
    const QByteArray cookie = logIn(QStringLiteral("org-ana"));
    auto page = openPage(cookie);
    QVERIFY(page->connected());
    const QByteArray origin = "Origin: http://127.0.0.1:" + QByteArray::number(m_server->port());
    const HttpResult foreign = exchange(m_server->port(), request("POST", "/api/logout", m_server->port(), "{}",
                                                                   {"Cookie: " + cookie, "Origin: http://evil.example"}));
    QCOMPARE(foreign.status, 403);
    const HttpResult r = exchange(m_server->port(), request("POST", "/api/logout", m_server->port(), "{}", {"Cookie: " + cookie, origin}));
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Set-Cookie").contains("Max-Age=0"));
    QTRY_VERIFY_WITH_TIMEOUT(!page->find(QStringLiteral("expired")).isEmpty(), 20000);
    QCOMPARE(page->find(QStringLiteral("expired")).value(QStringLiteral("reason")).toString(), QStringLiteral("logged_out"));
    QTRY_VERIFY_WITH_TIMEOUT(page->closed, 20000);
}

void tst_ConsoleServer::busLossAndReturnAreAnnounced()
{
    auto page = openPage(logIn(QStringLiteral("staff-ben")));
    QVERIFY(page->connected());
    page->send({{"op", "subscribe"}, {"id", 1}, {"filter", "fest/v1/programme"}});
    QTRY_VERIFY_WITH_TIMEOUT(!page->message(QStringLiteral("fest/v1/programme")).isEmpty(), 20000);
    page->frames.clear();
    QString error;
    m_broker.kill();
    QTRY_VERIFY_WITH_TIMEOUT(!page->find(QStringLiteral("bus")).isEmpty(), 20000);
    QCOMPARE(page->find(QStringLiteral("bus")).value(QStringLiteral("connected")).toBool(), false);
    QVERIFY(!page->find(QStringLiteral("bus")).value(QStringLiteral("reason")).toString().isEmpty());
    // A request meanwhile is answered at once instead of waiting for its timeout.
    page->send({{"op", "request"}, {"id", 2}, {"to", "controller"}, {"body", QJsonObject{{"op", "programme.get"}}}});
    QTRY_VERIFY_WITH_TIMEOUT(!page->find(QStringLiteral("error"), 2).isEmpty(), 20000);
    QCOMPARE(page->find(QStringLiteral("error"), 2).value(QStringLiteral("code")).toString(), QStringLiteral("not_connected"));
    page->frames.clear();
    QVERIFY2(m_broker.start(&error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(!page->find(QStringLiteral("bus")).isEmpty(), 30000);
    QCOMPARE(page->find(QStringLiteral("bus")).value(QStringLiteral("connected")).toBool(), true);
    // Subscriptions were restored: the retained programme (republished by the controller
    // once it is back) arrives again on the same page.
    QTRY_VERIFY_WITH_TIMEOUT(!page->message(QStringLiteral("fest/v1/programme")).isEmpty(), 60000);
    QVERIFY(page->connected());
}

void tst_ConsoleServer::tlsServesSecureCookies()
{
    const QString certs = m_dir.filePath(QStringLiteral("https"));
    QVERIFY(QDir().mkpath(certs));
    QString error;
    QVERIFY2(TestCertificates::create(certs, QStringLiteral("127.0.0.1"), &error), qPrintable(error));
    ConsoleConfig c = config();
    c.tlsCertFile = QDir(certs).filePath(QStringLiteral("server.crt"));
    c.tlsKeyFile = QDir(certs).filePath(QStringLiteral("server.key"));
    ConsoleServer server(c);
    QVERIFY2(server.listen(&error), qPrintable(error));
    QCOMPARE(server.url().scheme(), QStringLiteral("https"));
    const QString ca = QDir(certs).filePath(QStringLiteral("ca.crt"));

    const HttpResult r = exchange(server.port(), request("POST", "/api/login", server.port(),
                                                          loginBody(QStringLiteral("org-ana"), m_accounts->password(QStringLiteral("org-ana")))), ca);
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Set-Cookie").contains("; Secure"));
    QVERIFY(r.header("Strict-Transport-Security").contains("max-age="));

    Page page(QStringLiteral("https://127.0.0.1:%1").arg(server.port()));
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(ca));
    page.open(QUrl(QStringLiteral("wss://127.0.0.1:%1/ws").arg(server.port())), r.cookie(), ssl);
    QTRY_VERIFY_WITH_TIMEOUT(!page.find(QStringLiteral("hello")).isEmpty(), 20000);

    // Plain HTTP to the TLS port gets nothing.
    const HttpResult plain = exchange(server.port(), request("GET", "/", server.port()));
    QCOMPARE(plain.status, 0);
}

QTEST_MAIN(tst_ConsoleServer)
#include "tst_consoleserver.moc"
