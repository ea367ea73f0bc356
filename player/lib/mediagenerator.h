#pragma once

#include <QString>

namespace fest {

// Writes small test films with GStreamer: VP8 video with a running time overlay (the
// frame number is pts / frame period) and Opus audio in WebM. Used by tests, the
// benchmark and the demo's sample films. Blocks until the file is written.
class MediaGenerator
{
public:
    struct Options
    {
        int seconds = 3;
        int width = 320;
        int height = 240;
        int fps = 25;
        bool audio = true;
        QString pattern = QStringLiteral("smpte");  // videotestsrc pattern
        QString label;                               // drawn on every frame
    };

    // Returns an empty string on success, otherwise what went wrong.
    static QString generate(const QString &path, const Options &options);
    static QString generate(const QString &path) { return generate(path, Options()); }
};

} // namespace fest
