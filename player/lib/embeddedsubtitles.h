#pragma once

#include "subtitletrack.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace fest {

// The subtitles muxed into a film (MKV text tracks, MP4 timed text, ASS/SSA, WebVTT in
// MKV), read ahead of the screening in one pass over the file: the pictures and sound are
// demuxed but never decoded. Picture-based subtitles (PGS, DVB, VobSub) are noted, not
// shown.
class EmbeddedSubtitles
{
public:
    struct Track
    {
        QString language;   // as the file tags it ("en", "zh", "chi"); empty when untagged
        QString title;      // the track's name in the file ("Traditional Chinese"), may be empty
        bool picture = false;
        SubtitleTrack cues;  // empty for picture tracks
    };

    // Reads every subtitle track of the file; error() says why it could not.
    static EmbeddedSubtitles read(const QString &mediaPath, int timeoutMs = 30 * 60 * 1000);

    QString error() const { return m_error; }
    const QList<Track> &tracks() const { return m_tracks; }
    // The text track to show for a BCP 47 language ("en", "zh-Hant"): the same language
    // (ISO 639-1 or -2 in the file), preferring the tag itself, then a track whose name
    // says the script ("Traditional", "繁", "Hant"); nullptr when there is none.
    const Track *find(const QString &language) const;
    // Why find(language) found nothing, for staff: what the file has instead and what to do.
    QString missing(const QString &language) const;

    static bool sameLanguage(const QString &bcp47, const QString &fileLanguage);

private:
    QString m_path;
    QString m_error;
    QList<Track> m_tracks;
    QStringList m_unreadable;   // subtitle formats no element here reads (caps names)
};

} // namespace fest
