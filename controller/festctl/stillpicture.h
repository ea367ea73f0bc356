#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>
#include <optional>

namespace fest {

// A film's still as festctl sends it (docs/festctl.md, "film still"): a picture file as it
// is, or one frame of a video file taken with GStreamer; scaled to fit 960x540 and
// encoded as JPEG.
class StillPicture
{
public:
    static constexpr QSize maxSize{960, 540};
    static constexpr int jpegQuality = 85;

    // A picture file (JPEG, PNG, ...) or else a frame of a video file, at `atSeconds` into
    // it or by default at 10% of its length but no later than 60 s. Null with the reason.
    static QImage load(const QString &path, std::optional<double> atSeconds, QString *error);
    static QImage frameOf(const QString &path, std::optional<double> atSeconds, QString *error);
    // Where a frame is taken by default in a video this long (nanoseconds).
    static qint64 defaultPositionNs(qint64 durationNs);
    // Scaled to fit maxSize (never enlarged; the aspect kept), as a JPEG of jpegQuality.
    static QByteArray toJpeg(const QImage &picture);
};

} // namespace fest
