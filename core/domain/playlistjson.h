#pragma once

#include "playlist.h"
#include "programmeerror.h"

#include <QJsonArray>
#include <QJsonObject>
#include <optional>

namespace fest {

// The body of the retained playlist message (the caller adds the envelope, type
// "playlist"):
//   {"screen": "A1", "programmeVersion": 8, "festivalName": {"en": ..., "zh": ...},
//    "screenName": {"en": ..., "zh": ...}, "timeZone": "Asia/Hong_Kong",
//    "items": [{"screening": "S-0412", "film": "F-001", "media": "films/F-001.webm", "sha256": "...",
//    "originalTitle": "...", "title": {"en": ..., "zh": ...}, "screeningTitle": {"en": ..., "zh": ...},
//    "startUs": 1796452200000000, "durationUs": 900000000}]}
// festivalName, screenName, timeZone and an item's screeningTitle are optional (the
// audience's slates use them); a block's films each carry the block's screeningTitle.
class PlaylistJson
{
public:
    static QJsonObject toJson(const Playlist &playlist);
    // Everything but the items (screen, version, names, time zone), for publishers that
    // embed items encoded once.
    static QJsonObject headerToJson(const Playlist &playlist);
    // Just the "items" array, for publishers that cache it per screen.
    static QJsonArray itemsToJson(const QList<PlaylistItem> &items);
    // Every field checked; items must be in start order and not overlap.
    static std::optional<Playlist> fromJson(const QJsonObject &object, QList<ProgrammeError> *errors);
};

} // namespace fest
