#pragma once

#include <QString>
#include <QStringList>

namespace fest {

// Films made at test time with Debian's ffmpeg: the codecs festivals receive, which
// GStreamer's own encoders on Debian 12 do not all have (ProRes, HEVC Main 10, AC-3...).
class FfmpegMedia
{
public:
    // The ffmpeg executable, or empty (then error() says what to install).
    static QString executable();
    static QString missingMessage();
    // Writes `seconds` of `source` (input options, e.g. -f lavfi -i testsrc2=...) with
    // `options` to path; empty on success, else ffmpeg's complaint.
    static QString encode(const QString &path, const QStringList &source, const QStringList &options, int seconds);
};

} // namespace fest
