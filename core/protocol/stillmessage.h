#pragma once

#include "decodeerror.h"
#include "jsonlimits.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace fest {

// A film's still on fest/v1/still/<sha256> (docs/protocol.md, "still"): the JPEG itself,
// base64 in the envelope, and the sha256 it is named by. decode() checks that the
// bytes hash to `sha256`; whether the topic and the programme agree is the reader's check.
struct StillMessage
{
    QString sha256;     // 64 lower-case hex digits of `jpeg`
    QByteArray jpeg;

    // The largest still the controller accepts, and what its message may then weigh.
    static constexpr qsizetype maxJpegBytes = 300 * 1024;
    static JsonLimits limits();

    static QString sha256Of(const QByteArray &bytes);
    static StillMessage of(const QByteArray &jpeg) { return {sha256Of(jpeg), jpeg}; }

    QByteArray encode() const;
    static std::optional<StillMessage> decode(const QByteArray &data, QString *error);
};

} // namespace fest
