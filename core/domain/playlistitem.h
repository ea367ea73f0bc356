#pragma once

#include "localizedtext.h"
#include "subtitlefile.h"

#include <QString>

namespace fest {

// One film to play on a screen, at an instant on the show clock.
struct PlaylistItem
{
    QString screeningId;
    QString filmId;
    QString media;
    QString sha256;             // empty when the programme has no checksum
    QString originalTitle;
    LocalizedText title;
    qint64 startUs = 0;         // microseconds since the Unix epoch (show clock)
    qint64 durationUs = 0;
    SubtitleFiles subtitles;    // the files to show at this screening, top line first
    LocalizedText screeningTitle;  // the block's title on the audience's slate; empty for a single film

    qint64 endUs() const { return startUs + durationUs; }
    bool operator==(const PlaylistItem &) const = default;
};

} // namespace fest
