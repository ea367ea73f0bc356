#pragma once

#include "playlistitem.h"

#include <QDateTime>
#include <QHash>
#include <QList>

namespace fest {

struct Programme;

// What one screen plays: its non-cancelled screenings' films in start order, each film of
// a block starting when the previous one ends. Published retained per screen (PlaylistJson).
struct Playlist
{
    QString screenId;
    qint64 programmeVersion = 0;
    qint64 committedAtUs = 0;   // when the controller committed this version (wall clock; 0 = unknown)
    QList<PlaylistItem> items;
    // For the audience's slates: whose festival, which screen, and the festival's time
    // zone (IANA id) for the times they show. Empty when the programme has none.
    LocalizedText festivalName;
    LocalizedText screenName;
    QString timeZone;

    static Playlist forScreen(const Programme &programme, const QString &screenId, qint64 programmeVersion);
    // Every screen's playlist in one pass over the programme (screens without screenings
    // get an empty one), keyed by screen id.
    static QHash<QString, Playlist> forAllScreens(const Programme &programme, qint64 programmeVersion);
    // Microseconds since the Unix epoch of a programme time.
    static qint64 toUs(const QDateTime &time);

    bool operator==(const Playlist &) const = default;
};

} // namespace fest
