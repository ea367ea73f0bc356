#include "reply.h"

#include "envelope.h"
#include "jsonreader.h"
#include "messagetype.h"

namespace fest {

namespace {
const QString messageType = MessageType::reply();
} // namespace

Reply Reply::success(const QJsonObject &result)
{
    Reply reply;
    reply.ok = true;
    reply.result = result;
    return reply;
}

Reply Reply::failure(ErrorCode code, const QString &message, const QJsonArray &details)
{
    Reply reply;
    reply.code = errorCodeName(code);
    reply.message = message;
    reply.details = details;
    return reply;
}

Reply Reply::noAnswer(const QString &message)
{
    Reply reply;
    reply.code = QStringLiteral("no_answer");
    reply.message = message;
    return reply;
}

QByteArray Reply::encode() const
{
    if (ok)
        return Envelope::encode(messageType, {{QStringLiteral("ok"), true}, {QStringLiteral("result"), result}});
    QJsonObject error{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!details.isEmpty())
        error.insert(QStringLiteral("details"), details);
    return Envelope::encode(messageType, {{QStringLiteral("ok"), false}, {QStringLiteral("error"), error}});
}

std::optional<Reply> Reply::decode(const QByteArray &data, const JsonLimits &limits, DecodeError &error)
{
    const std::optional<QJsonObject> body = Envelope::decode(data, messageType, limits, error);
    if (!body)
        return std::nullopt;
    JsonReader reader(*body);
    Reply reply;
    reply.ok = reader.requiredBool(QStringLiteral("ok"));
    if (reply.ok) {
        reply.result = reader.optionalChild(QStringLiteral("result")).object();
    } else {
        JsonReader failure = reader.child(QStringLiteral("error"));
        reply.code = failure.requiredId(QStringLiteral("code"));
        reply.message = failure.requiredString(QStringLiteral("message"));
        reply.details = failure.optionalArray(QStringLiteral("details"));
        failure.rejectUnknownFields();
    }
    reader.rejectUnknownFields();
    if (!reader.ok()) {
        error = {DecodeError::Kind::InvalidField, reader.errors().constFirst().toString()};
        return std::nullopt;
    }
    return reply;
}

std::optional<Reply> Reply::decode(const QByteArray &data, const JsonLimits &limits, QString *error)
{
    DecodeError detailed;
    std::optional<Reply> reply = decode(data, limits, detailed);
    if (!reply && error)
        *error = detailed.message;
    return reply;
}

} // namespace fest
