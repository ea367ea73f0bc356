#include "commandrouter.h"

#include "envelope.h"
#include "mqttclient.h"
#include "topics.h"

#include <QLoggingCategory>

#include "controllerlog.h"

namespace fest {

namespace {
// Requests may carry a whole programme (JSON) or a spreadsheet (CSV text).
JsonLimits requestLimits()
{
    JsonLimits limits = JsonLimits::programme();
    limits.maxStringLength = 8 * 1024 * 1024;
    return limits;
}
} // namespace

CommandRouter::CommandRouter(MqttClient *client, QHash<QString, QString> roles, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_roles(std::move(roles))
{
}

QString CommandRouter::subscription()
{
    return Topics::controllerRequest(QStringLiteral("+"));
}

void CommandRouter::add(const QString &op, const QStringList &roles, Handler handler)
{
    m_ops.insert(op, {roles, std::move(handler)});
}

bool CommandRouter::handle(const MqttMessage &message)
{
    const std::optional<QString> account = Topics::parseControllerRequest(message.topic);
    if (!account)
        return false;
    qint64 notLogged = 0;
    if (!Topics::isReplyTopicFor(*account, Topics::controllerAccount(), message.responseTopic)) {
        if (m_refusals.count(*account, &notLogged))
            qCWarning(lcController).noquote() << QStringLiteral("request from %1 dropped: its response topic (%2) is not under %3/%4")
                                                     .arg(*account, message.responseTopic.isEmpty() ? QStringLiteral("none") : message.responseTopic.left(80),
                                                          Topics::controllerReplyPrefix(*account), RefusalLog::moreSince(notLogged));
        return true;
    }
    QString error;
    const std::optional<Request> request = Request::decode(message.payload, requestLimits(), &error);
    if (!request) {
        if (m_refusals.count(*account, &notLogged))
            qCWarning(lcController).noquote() << QStringLiteral("bad request from %1: %2%3; refusals of an account are logged at most once a minute")
                                                     .arg(*account, error, RefusalLog::moreSince(notLogged));
        answer(message, Reply::failure(ErrorCode::BadRequest, error));
        return true;
    }
    const auto op = m_ops.constFind(request->op);
    if (op == m_ops.cend()) {
        answer(message, Reply::failure(ErrorCode::UnknownOp,
                                       QStringLiteral("unknown operation \"%1\"; known: %2")
                                           .arg(request->op, QStringList(m_ops.keys()).join(QStringLiteral(", ")))));
        return true;
    }
    const QString role = m_roles.value(*account);
    if (!op->roles.contains(role)) {
        qCWarning(lcController).noquote() << "refused" << request->op << "for" << *account << "(role" << (role.isEmpty() ? QStringLiteral("none") : role) << ")";
        answer(message, Reply::failure(ErrorCode::Forbidden,
                                       QStringLiteral("account \"%1\" (role %2) may not %3; it needs one of: %4")
                                           .arg(*account, role.isEmpty() ? QStringLiteral("none") : role, request->op,
                                                op->roles.join(QStringLiteral(", ")))));
        return true;
    }
    const Reply reply = op->handler(CommandContext{*account, role}, request->args);
    qCInfo(lcController).noquote() << *account << request->op << (reply.ok ? QStringLiteral("ok") : reply.code + QStringLiteral(": ") + reply.message);
    answer(message, reply);
    return true;
}

void CommandRouter::answer(const MqttMessage &request, const Reply &reply)
{
    MqttMessage out;
    out.topic = request.responseTopic;
    out.payload = reply.encode();
    out.qos = 1;
    out.correlationData = request.correlationData;
    m_client->publish(out);
}

} // namespace fest
