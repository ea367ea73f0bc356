#pragma once

#include "decodeerror.h"
#include "jsonlimits.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace fest {

// A command sent with MQTT 5 request/response:
//   {"type": "request", "v": 1, "op": "screening.move", "args": {...}}
// `op` follows the id rule (Identifier); `args` is an object (absent = empty).
struct Request
{
    QString op;
    QJsonObject args;

    QByteArray encode() const;
    static std::optional<Request> decode(const QByteArray &data, const JsonLimits &limits, DecodeError &error);
    static std::optional<Request> decode(const QByteArray &data, const JsonLimits &limits = {}, QString *error = nullptr);
};

} // namespace fest
