#pragma once

#include "playlistitem.h"

#include <QDateTime>
#include <QList>

namespace fest {

struct Programme;

// What one screen plays: its non-cancelled screenings' films in start order, each film of
// a block starting when the previous one ends. Published retained per screen (PlaylistJson).
struct Playlist
{
    QString screenId;
    qint64 programmeVersion = 0;
    QList<PlaylistItem> items;

    static Playlist forScreen(const Programme &programme, const QString &screenId, qint64 programmeVersion);
    // Microseconds since the Unix epoch of a programme time.
    static qint64 toUs(const QDateTime &time);

    bool operator==(const Playlist &) const = default;
};

} // namespace fest
