#include "envelope.h"

#include "jsonguard.h"
#include "jsonreader.h"

#include <QJsonDocument>

namespace fest {

namespace {
const QString typeKey = QStringLiteral("type");
const QString versionKey = QStringLiteral("v");

std::optional<QJsonObject> refuse(DecodeError &error, DecodeError::Kind kind, const QString &message)
{
    error = {kind, message};
    return std::nullopt;
}
} // namespace

QByteArray Envelope::encode(const QString &type, QJsonObject body)
{
    body.insert(typeKey, type);
    body.insert(versionKey, protocolVersion);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

std::optional<QJsonObject> Envelope::decode(const QByteArray &data, const QString &expectedType,
                                            const JsonLimits &limits, DecodeError &error)
{
    QString guardError;
    std::optional<QJsonObject> object = JsonGuard::parseObject(data, limits, &guardError);
    if (!object)
        return refuse(error, DecodeError::Kind::Malformed, guardError);
    return open(std::move(*object), expectedType, error);
}

std::optional<QJsonObject> Envelope::open(QJsonObject object, const QString &expectedType, DecodeError &error)
{
    JsonReader reader(object);
    const QString type = reader.requiredString(typeKey);
    if (!reader.ok())
        return refuse(error, DecodeError::Kind::WrongType, reader.errors().constFirst().toString());
    if (type != expectedType)
        return refuse(error, DecodeError::Kind::WrongType,
                      QStringLiteral("expected a \"%1\" message, got \"%2\"").arg(expectedType, type.left(64)));
    const qint64 version = reader.requiredInteger(versionKey);
    if (!reader.ok())
        return refuse(error, DecodeError::Kind::WrongVersion, reader.errors().constFirst().toString());
    if (version != protocolVersion)
        return refuse(error, DecodeError::Kind::WrongVersion,
                      QStringLiteral("protocol version %1 is not supported (this build speaks version %2): run the same festival release on every node")
                          .arg(version).arg(protocolVersion));
    object.remove(typeKey);
    object.remove(versionKey);
    error = {};
    return object;
}

std::optional<QJsonObject> Envelope::decode(const QByteArray &data, const QString &expectedType,
                                            const JsonLimits &limits, QString *error)
{
    DecodeError detailed;
    std::optional<QJsonObject> body = decode(data, expectedType, limits, detailed);
    if (!body && error)
        *error = detailed.message;
    return body;
}

} // namespace fest
