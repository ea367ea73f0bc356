#pragma once

#include <QList>
#include <QString>

namespace fest {

// A film's subtitles in one language, as a sidecar file (SRT or WebVTT) under the
// players' media folder.
struct SubtitleFile
{
    QString language;   // BCP 47 tag ("en", "zh-Hant")
    QString file;       // relative path under the media folder

    bool operator==(const SubtitleFile &) const = default;
};

using SubtitleFiles = QList<SubtitleFile>;

} // namespace fest
