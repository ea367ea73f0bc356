#pragma once

#include "localizedtext.h"
#include "subtitlefile.h"

#include <QStringList>

namespace fest {

struct Film
{
    QString id;
    QString originalTitle;      // in the film's own script; may be the only title
    LocalizedText title;        // EN / 繁中 renderings, either may be empty
    QStringList makers;
    QString country;            // ISO 3166-1 alpha-2 ("MX", "HK"); QLocale names it per language
    int year = 0;
    int runtimeSeconds = 0;
    LocalizedText synopsis;
    QString language;           // BCP 47 tag of the spoken language ("es", "yue", "zxx" for none)
    QStringList subtitles;      // BCP 47 tags ("en", "zh-Hant"), burnt in or as files
    SubtitleFiles subtitleFiles; // sidecar files the player renders, in display order
    QString media;              // relative path under the players' media folder
    QString sha256;             // optional lower-case hex digest of the media file
    QStringList categoryIds;    // award categories the film competes in
    QString still;              // lower-case sha256 hex of the film's still (a JPEG the controller
                                // publishes on fest/v1/still/<still>); empty: none

    bool operator==(const Film &) const = default;
};

} // namespace fest
