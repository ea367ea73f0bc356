#pragma once

#include <QList>
#include <QString>

namespace fest {

// A film's subtitles in one language: a sidecar file (SRT or WebVTT) under the players'
// media folder, or a text track muxed into the film itself (MKV, MP4), found by language.
struct SubtitleFile
{
    QString language;   // BCP 47 tag ("en", "zh-Hant")
    QString file;       // relative path under the media folder; empty when embedded
    bool embedded = false;

    bool operator==(const SubtitleFile &) const = default;
};

using SubtitleFiles = QList<SubtitleFile>;

} // namespace fest
