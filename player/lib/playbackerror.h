#pragma once

#include <QObject>
#include <QString>

typedef struct _GError GError;

namespace fest {

// Why an item could not be played. External GStreamer errors are mapped here, and only
// here, into codes (sent on the bus as lower_snake_case) and into text for staff.
class PlaybackError
{
    Q_GADGET

public:
    enum class Code {
        None,
        MediaMissing,      // file not found
        MediaUnreadable,   // no permission, I/O error
        MediaUndecodable,  // not a film GStreamer can demux/decode, or truncated
        ChecksumMismatch,  // sha256 differs from the playlist's
        NoBuffers,         // nothing rendered within the timeout: a stall, not a hang
        PlaybackFailed,    // any other pipeline error
        ClockNotSynced,    // the show clock never synced
        SubtitleMissing,   // a subtitle file of the item is not there (the film plays without it)
        SubtitleInvalid,   // a subtitle file is not UTF-8 SRT/WebVTT (the film plays without it)
    };
    Q_ENUM(Code)

    static Code fromGError(const GError *error);
    // "media_missing", ... as used in status lastError.code.
    static QString wireName(Code code);
    // A sentence for staff that says what to do.
    static QString describe(Code code, const QString &mediaPath);
};

} // namespace fest
