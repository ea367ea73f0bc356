#pragma once

#include "jsonlimits.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace fest {

// The door through which untrusted JSON enters the system (PlainJson only reads the
// plain shape of ballots and their replies and leaves the rest here). Checks, in this order
// and each before anything expensive: emptiness, size, UTF-8, nesting depth (a byte
// pre-scan, so "[[[[..." never reaches QJsonDocument's recursive parser), syntax,
// that the top level is an object, and then string and array lengths.
class JsonGuard
{
public:
    // On failure returns nullopt and, if error is given, a message saying what is wrong
    // and what the limit is, e.g. "message is 70000 bytes, over the limit of 65536 bytes".
    static std::optional<QJsonObject> parseObject(const QByteArray &data, const JsonLimits &limits,
                                                  QString *error = nullptr);

    // The deepest nesting of arrays/objects in data, ignoring brackets inside strings;
    // stops counting once stopAbove is exceeded. Exposed for tests and benchmarks.
    static int nestingDepth(const QByteArray &data, int stopAbove);
};

} // namespace fest
