#pragma once

#include <QString>

namespace fest {

// Why a bus payload was refused, for logs and for a request's error reply.
struct DecodeError
{
    enum class Kind {
        None,
        Malformed,      // not JSON, not an object, not UTF-8, over a size/depth/length cap
        WrongType,      // "type" missing or not the expected one
        WrongVersion,   // "v" missing or not a version this build speaks
        InvalidField,   // a field of the body is missing or wrong
    };
    Kind kind = Kind::None;
    QString message;
};

} // namespace fest
