#pragma once

#include "decodeerror.h"
#include "errorcode.h"
#include "jsonlimits.h"
#include "request.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace fest {

// The answer to a Request:
//   {"type": "reply", "v": 1, "ok": true, "result": {...}}
//   {"type": "reply", "v": 1, "ok": false, "error": {"code": "...", "message": "...", "details": [...]}}
// `code` is machine-readable, one of ErrorCode (errorcode.h); `message` tells a person what to do; `details`
// lists individual problems ({"where", "field", "message"} objects by convention).
struct Reply
{
    bool ok = false;
    QJsonObject result;
    QString code;
    QString message;
    QJsonArray details;

    static Reply success(const QJsonObject &result = {});
    static Reply failure(ErrorCode code, const QString &message, const QJsonArray &details = {});
    // Never sent: what a requester holds when no (readable) reply came, code "no_answer".
    static Reply noAnswer(const QString &message);

    QByteArray encode() const;
    static std::optional<Reply> decode(const QByteArray &data, const JsonLimits &limits, DecodeError &error);
    static std::optional<Reply> decode(const QByteArray &data, const JsonLimits &limits = {}, QString *error = nullptr);
};

} // namespace fest
