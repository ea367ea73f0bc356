#pragma once

#include "decodeerror.h"
#include "jsonlimits.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace fest {

// Every bus payload is a JSON object carrying its message type ("type") and the protocol
// version ("v"); see docs/protocol.md.
class Envelope
{
public:
    static constexpr int protocolVersion = 1;

    // Compact JSON of body plus "type" and "v" (they replace any such keys in body).
    static QByteArray encode(const QString &type, QJsonObject body);

    // Checks size, depth, UTF-8 and syntax (JsonGuard), then type and version; returns
    // the body without "type" and "v", so decode(encode(t, body)) == body.
    static std::optional<QJsonObject> decode(const QByteArray &data, const QString &expectedType,
                                             const JsonLimits &limits, DecodeError &error);
    static std::optional<QJsonObject> decode(const QByteArray &data, const QString &expectedType,
                                             const JsonLimits &limits = {}, QString *error = nullptr);
    // The type and version checks of decode() on an object already read through JsonGuard
    // (by a reader that also accepts other shapes, such as a programme file).
    static std::optional<QJsonObject> open(QJsonObject object, const QString &expectedType, DecodeError &error);
};

} // namespace fest
