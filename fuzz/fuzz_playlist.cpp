// The retained playlist message as a player reads it (Envelope "playlist", then
// PlaylistJson::fromJson): an accepted playlist has ids by the id rule and items in play
// order without overlap, and survives toJson -> fromJson unchanged.
#include "envelope.h"
#include "fuzzinvariant.h"
#include "playlistjson.h"
#include "topics.h"

using namespace fest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::optional<QJsonObject> body = Envelope::decode(FuzzInvariant::bytes(data, size), QStringLiteral("playlist"));
    if (!body)
        return 0;
    QList<ProgrammeError> errors;
    const std::optional<Playlist> playlist = PlaylistJson::fromJson(*body, &errors);
    if (!playlist) {
        FUZZ_INVARIANT(!errors.isEmpty());
        return 0;
    }
    FUZZ_INVARIANT(errors.isEmpty());
    FUZZ_INVARIANT(Topics::isValidId(playlist->screenId));
    for (qsizetype i = 0; i < playlist->items.size(); ++i) {
        const PlaylistItem &item = playlist->items[i];
        FUZZ_INVARIANT(Topics::isValidId(item.screeningId) && Topics::isValidId(item.filmId) && !item.media.isEmpty());
        FUZZ_INVARIANT(item.startUs >= 0 && item.durationUs > 0);
        FUZZ_INVARIANT(i == 0 || playlist->items[i - 1].endUs() <= item.startUs);
    }
    const std::optional<Playlist> again = PlaylistJson::fromJson(PlaylistJson::toJson(*playlist), &errors);
    FUZZ_INVARIANT(again && *again == *playlist);
    return 0;
}
