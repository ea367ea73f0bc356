#include "ctlsession.h"

#include "envelope.h"
#include "messagetype.h"
#include "mqttrequester.h"
#include "nodestatus.h"
#include "programmejson.h"
#include "topics.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace fest {

CtlSession::CtlSession(Options options, QTextStream &out, QTextStream &err)
    : m_options(std::move(options))
    , m_out(out)
    , m_err(err)
{
}

CtlSession::~CtlSession()
{
    m_requester.reset();
    if (m_client)
        m_client->close();
}

std::optional<ExitCode> CtlSession::connect()
{
    m_client = std::make_unique<MqttClient>(m_options.mqtt);
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(m_client.get(), &MqttClient::connected, &loop, &QEventLoop::quit);
    QObject::connect(m_client.get(), &MqttClient::errorChanged, &loop, [&] {
        const auto e = m_client->error();
        if (e == MqttClient::Error::BadCredentials || e == MqttClient::Error::NotAuthorised)
            loop.quit();
    });
    deadline.start(m_options.timeoutMs);
    m_client->open();
    if (m_client->state() != MqttClient::State::Connected)
        loop.exec();
    if (m_client->state() == MqttClient::State::Connected) {
        m_requester = std::make_unique<MqttRequester>(m_client.get(), Topics::controllerReplyPrefix(m_options.account));
        return std::nullopt;
    }
    const auto e = m_client->error();
    const QString reason = m_client->errorString().isEmpty()
        ? QStringLiteral("no answer from the broker at %1:%2 within %3 s: is it running, and is the address right (--broker)?")
              .arg(m_options.mqtt.host).arg(m_options.mqtt.port).arg(m_options.timeoutMs / 1000)
        : m_client->errorString();
    m_err << "festctl: " << reason << Qt::endl;
    const bool auth = e == MqttClient::Error::BadCredentials || e == MqttClient::Error::NotAuthorised;
    m_lastExit = int(auth ? ExitCode::NotAuthorised : ExitCode::Unreachable);
    return auth ? ExitCode::NotAuthorised : ExitCode::Unreachable;
}

bool CtlSession::waitForController(const QString &op)
{
    const QString topic = Topics::nodeStatus(Topics::controllerAccount());
    QString state;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    bool announced = false;
    auto connection = QObject::connect(m_client.get(), &MqttClient::messageReceived, &loop, [&](const MqttMessage &m) {
        if (m.topic != topic)
            return;
        const std::optional<QJsonObject> body = Envelope::decode(m.payload, MessageType::status());
        const std::optional<ControllerStatus> status = body ? ControllerStatus::fromJson(*body, nullptr) : std::nullopt;
        state = status ? ControllerStatus::stateName(status->state) : QString();
        if (state != QLatin1String("offline")) {
            loop.quit();
        } else if (!std::exchange(announced, true)) {
            m_err << "festctl: the controller is offline; waiting up to " << m_options.timeoutMs / 1000
                  << " s for it to come back..." << Qt::endl;
        }
    });
    m_client->subscribe(topic, 1);
    // A retained status arrives at once; none at all means no controller ever ran here,
    // and the request below says so when it gets no answer.
    deadline.start(m_options.timeoutMs);
    QTimer none;
    none.setSingleShot(true);
    QObject::connect(&none, &QTimer::timeout, &loop, [&] {
        if (state.isEmpty())
            loop.quit();
    });
    none.start(1000);
    loop.exec();
    QObject::disconnect(connection);
    m_client->unsubscribe(topic);
    if (state == QLatin1String("offline")) {
        m_err << "festctl: \"" << op << "\" not sent: the controller stayed offline for " << m_options.timeoutMs / 1000
              << " s (its retained status says so). Start festival-controller, or see its log "
                 "(journalctl -u festival-controller)." << Qt::endl;
        return false;
    }
    return true;
}

std::optional<Reply> CtlSession::call(const QString &op, const QJsonObject &args)
{
    if (!waitForController(op))
        return std::nullopt;
    return wait(*m_requester, Topics::controllerRequest(m_options.account), op, args,
                QStringLiteral("is festival-controller running and connected to this broker? (festctl nodes shows it)"));
}

std::optional<Reply> CtlSession::callNode(const QString &node, const QString &op, const QJsonObject &args)
{
    MqttRequester requester(m_client.get(), Topics::replyPrefix(m_options.account, node));
    return wait(requester, Topics::nodeRequest(node), op, args,
                QStringLiteral("is %1 online? (festctl nodes shows it)").arg(node));
}

std::optional<Reply> CtlSession::wait(MqttRequester &requester, const QString &topic, const QString &op, const QJsonObject &args,
                                      const QString &who)
{
    std::optional<RequesterResult> result;
    QEventLoop loop;
    requester.request(topic, Request{op, args}.encode(), m_options.timeoutMs, [&](const RequesterResult &r) {
        result = r;
        loop.quit();
    });
    if (!result)
        loop.exec();
    if (!result->ok()) {
        m_err << "festctl: no answer to \"" << op << "\" within " << m_options.timeoutMs / 1000 << " s ("
              << (result->errorString.isEmpty() ? QStringLiteral("timed out") : result->errorString) << "): " << who << Qt::endl;
        return std::nullopt;
    }
    QString error;
    std::optional<Reply> reply = Reply::decode(result->payload, JsonLimits::programme(), &error);
    if (!reply)
        m_err << "festctl: the reply could not be read: " << error << Qt::endl;
    return reply;
}

std::optional<QJsonObject> CtlSession::retained(const QString &topic, const QString &type)
{
    const QList<QJsonObject> all = retainedAll(topic, type, m_options.timeoutMs);
    if (all.isEmpty())
        return std::nullopt;
    return all.first();
}

QList<QJsonObject> CtlSession::retainedAll(const QString &filter, const QString &type, int quietMs)
{
    QList<QJsonObject> found;
    QEventLoop loop;
    QTimer quiet;
    quiet.setSingleShot(true);
    QObject::connect(&quiet, &QTimer::timeout, &loop, &QEventLoop::quit);
    const bool single = !filter.contains(QLatin1Char('+')) && !filter.contains(QLatin1Char('#'));
    auto connection = QObject::connect(m_client.get(), &MqttClient::messageReceived, &loop, [&](const MqttMessage &m) {
        if (!m.retain || m.payload.isEmpty())
            return;
        QString error;
        const std::optional<QJsonObject> body = Envelope::decode(m.payload, type, JsonLimits::programme(), &error);
        if (!body) {
            m_err << "festctl: ignoring " << m.topic << ": " << error << Qt::endl;
            return;
        }
        QJsonObject entry = *body;
        entry.insert(QStringLiteral("_topic"), m.topic);
        found << entry;
        if (single)
            loop.quit();
        else
            quiet.start(150);  // more retained messages arrive back to back
    });
    m_client->subscribe(filter, 1);
    quiet.start(quietMs);
    loop.exec();
    QObject::disconnect(connection);
    m_client->unsubscribe(filter);
    return found;
}

int CtlSession::finish(const std::optional<Reply> &reply, const std::function<void(const QJsonObject &)> &human)
{
    if (!reply) {
        m_lastExit = int(ExitCode::Unreachable);
        return m_lastExit;
    }
    if (reply->ok) {
        if (m_options.json)
            m_out << QJsonDocument(reply->result).toJson(QJsonDocument::Indented);
        else
            human(reply->result);
        m_out.flush();
        m_lastExit = int(ExitCode::Ok);
        return m_lastExit;
    }
    if (m_options.json) {
        m_out << QJsonDocument(QJsonObject{{"error", QJsonObject{{"code", reply->code}, {"message", reply->message}, {"details", reply->details}}}})
                     .toJson(QJsonDocument::Indented);
    }
    m_err << "festctl: refused (" << reply->code << "): " << reply->message << Qt::endl;
    for (const QJsonValue &d : reply->details) {
        const QJsonObject o = d.toObject();
        QString line = o.value(QStringLiteral("where")).toString();
        if (!o.value(QStringLiteral("field")).toString().isEmpty())
            line += QStringLiteral(", ") + o.value(QStringLiteral("field")).toString();
        m_err << "  - " << line << ": " << o.value(QStringLiteral("message")).toString() << Qt::endl;
    }
    m_lastExit = int(ExitCode::Refused);
    return m_lastExit;
}

std::optional<Programme> CtlSession::retainedProgramme(int *exitCode, QJsonObject *message)
{
    const std::optional<QJsonObject> retainedMessage = retained(Topics::programme(), MessageType::programme());
    if (!retainedMessage) {
        m_err << "festctl: no programme on the bus yet: import one with `festctl programme import FILE` "
                 "(or is the controller running?)" << Qt::endl;
        *exitCode = int(ExitCode::Unreachable);
        return std::nullopt;
    }
    if (message)
        *message = *retainedMessage;
    QList<ProgrammeError> errors;
    std::optional<Programme> programme =
        ProgrammeJson::fromJson(retainedMessage->value(QStringLiteral("programme")).toObject(), &errors);
    if (!programme) {
        m_err << "festctl: the programme on the bus could not be read (" << errors.size() << " problems)" << Qt::endl;
        *exitCode = int(ExitCode::Refused);
    }
    return programme;
}

} // namespace fest
