#pragma once

#include "audiolayout.h"
#include "mediareport.h"

#include <QString>

#include <optional>

namespace fest {

// festival-player --probe FILE: one film file checked as a player would before its
// screening, without a broker or a programme: what it holds, how it would sound in the
// room (loudness and gain), the subtitle files beside it (FILM.<language>.srt or .vtt),
// its sha256 (for the programme) and whether this machine decodes it in real time.
class FileProbe
{
public:
    struct Options
    {
        SpeakerLayout speakers = SpeakerLayout::Stereo;
        std::optional<double> targetLufs = -23.0;
        double maxGainDb = 15.0;
    };
    static MediaReport probe(const QString &path, const Options &options);
    // The subtitle files beside a film, by language: "F-1.en.srt", "F-1.zh-Hant.vtt".
    static QList<std::pair<QString, QString>> subtitlesBeside(const QString &path);
    // For a terminal: one line per aspect, then the problems.
    static QString describe(const MediaReport &report);
};

} // namespace fest
