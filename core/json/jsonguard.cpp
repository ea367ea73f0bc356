#include "jsonguard.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

namespace fest {
namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// Walks a parsed value; depth is already bounded by the pre-scan, so recursion is safe.
bool checkLengths(const QJsonValue &value, const JsonLimits &limits, const QString &path, QString *error)
{
    if (value.isString()) {
        const qsizetype length = value.toString().size();
        if (length > limits.maxStringLength)
            return fail(error, QStringLiteral("%1: text of %2 characters is over the limit of %3; shorten it")
                                   .arg(path).arg(length).arg(limits.maxStringLength));
        return true;
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (array.size() > limits.maxArrayLength)
            return fail(error, QStringLiteral("%1: list of %2 entries is over the limit of %3; split it")
                                   .arg(path).arg(array.size()).arg(limits.maxArrayLength));
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!checkLengths(array.at(i), limits, QStringLiteral("%1[%2]").arg(path).arg(i), error))
                return false;
        }
        return true;
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key().size() > limits.maxStringLength)
                return fail(error, QStringLiteral("%1: a field name of %2 characters is over the limit of %3")
                                       .arg(path).arg(it.key().size()).arg(limits.maxStringLength));
            const QString childPath = path.isEmpty() ? it.key() : path + u'.' + it.key();
            if (!checkLengths(it.value(), limits, childPath, error))
                return false;
        }
    }
    return true;
}

} // namespace

int JsonGuard::nestingDepth(const QByteArray &data, int stopAbove)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : data) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '[':
        case '{':
            deepest = std::max(deepest, ++depth);
            if (deepest > stopAbove)
                return deepest;
            break;
        case ']':
        case '}':
            // Never below zero: stray closers must not buy room for deeper nesting later.
            depth = std::max(0, depth - 1);
            break;
        default:
            break;
        }
    }
    return deepest;
}

std::optional<QJsonObject> JsonGuard::parseObject(const QByteArray &data, const JsonLimits &limits, QString *error)
{
    if (data.isEmpty()) {
        fail(error, QStringLiteral("empty message: expected a JSON object"));
        return std::nullopt;
    }
    if (data.size() > limits.maxBytes) {
        fail(error, QStringLiteral("message is %1 bytes, over the limit of %2 bytes; send less or split it")
                        .arg(data.size()).arg(limits.maxBytes));
        return std::nullopt;
    }
    // QUtf8 rejects overlong forms, surrogates and code points past U+10FFFF.
    if (!data.isValidUtf8()) {
        fail(error, QStringLiteral("message is not valid UTF-8; save or send it as UTF-8 text"));
        return std::nullopt;
    }
    if (nestingDepth(data, limits.maxDepth) > limits.maxDepth) {
        fail(error, QStringLiteral("JSON is nested deeper than %1 levels; flatten it").arg(limits.maxDepth));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        fail(error, QStringLiteral("JSON syntax error at byte %1: %2").arg(parseError.offset).arg(parseError.errorString()));
        return std::nullopt;
    }
    if (!document.isObject()) {
        fail(error, QStringLiteral("expected a JSON object at the top level, got %1")
                        .arg(document.isArray() ? QStringLiteral("an array") : QStringLiteral("a plain value")));
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    if (!checkLengths(object, limits, QString(), error))
        return std::nullopt;
    return object;
}

} // namespace fest
