#include "request.h"

#include "envelope.h"
#include "jsonreader.h"
#include "messagetype.h"

namespace fest {

namespace {
const QString messageType = MessageType::request();
} // namespace

QByteArray Request::encode() const
{
    return Envelope::encode(messageType, {{QStringLiteral("op"), op}, {QStringLiteral("args"), args}});
}

std::optional<Request> Request::decode(const QByteArray &data, const JsonLimits &limits, DecodeError &error)
{
    const std::optional<QJsonObject> body = Envelope::decode(data, messageType, limits, error);
    if (!body)
        return std::nullopt;
    JsonReader reader(*body);
    Request request;
    request.op = reader.requiredId(QStringLiteral("op"));
    request.args = reader.optionalChild(QStringLiteral("args")).object();
    reader.rejectUnknownFields();
    if (!reader.ok()) {
        error = {DecodeError::Kind::InvalidField, reader.errors().constFirst().toString()};
        return std::nullopt;
    }
    return request;
}

std::optional<Request> Request::decode(const QByteArray &data, const JsonLimits &limits, QString *error)
{
    DecodeError detailed;
    std::optional<Request> request = decode(data, limits, detailed);
    if (!request && error)
        *error = detailed.message;
    return request;
}

} // namespace fest
