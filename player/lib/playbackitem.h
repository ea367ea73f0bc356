#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace fest {

// Subtitles the player shows with an item, by language, top line first: a sidecar file,
// or the film's own text track in that language.
struct PlaybackSubtitle
{
    QString language;  // BCP 47 tag
    QString path;      // empty when embedded
    bool embedded = false;
    bool operator==(const PlaybackSubtitle &other) const = default;
};

// One item of a screen's playlist as the player runs it. Instants are microseconds since
// the Unix epoch on the show clock.
struct PlaybackItem
{
    QString id;
    QString title;    // English
    QString titleZh;  // Traditional Chinese (may equal title when only one script exists)
    // The screening the item belongs to, and its title on the audience's slate (a block's
    // title; empty for a single film, whose slate names the film).
    QString screening;
    QString screeningTitle;
    QString screeningTitleZh;
    QString mediaPath;
    QByteArray sha256Hex;  // empty = not checked
    qint64 startUs = 0;
    qint64 durationUs = 0;
    QList<PlaybackSubtitle> subtitles;

    qint64 endUs() const { return startUs + durationUs; }
    bool operator==(const PlaybackItem &other) const = default;
};

using PlaybackItems = QList<PlaybackItem>;

} // namespace fest
