#include "playlist.h"

#include "programme.h"

#include <QHash>
#include <algorithm>

namespace fest {

qint64 Playlist::toUs(const QDateTime &time)
{
    return time.toMSecsSinceEpoch() * 1000;
}

Playlist Playlist::forScreen(const Programme &programme, const QString &screenId, qint64 programmeVersion)
{
    QHash<QString, const Film *> films;
    for (const Film &f : programme.films)
        films.insert(f.id, &f);

    QList<const Screening *> screenings;
    for (const Screening &s : programme.screenings) {
        if (s.screenId == screenId && !s.isCancelled())
            screenings.append(&s);
    }
    std::stable_sort(screenings.begin(), screenings.end(),
                     [](const Screening *a, const Screening *b) { return a->start < b->start; });

    Playlist playlist{screenId, programmeVersion, {}};
    for (const Screening *s : screenings) {
        qint64 startUs = toUs(s->start);
        for (const QString &filmId : s->filmIds) {
            const Film *f = films.value(filmId);
            if (!f)
                continue;   // the validator reports it; the rest of the block still plays
            const qint64 durationUs = qint64(f->runtimeSeconds) * 1000000;
            playlist.items.append(PlaylistItem{s->id, f->id, f->media, f->sha256, f->originalTitle, f->title,
                                               startUs, durationUs});
            startUs += durationUs;
        }
    }
    return playlist;
}

} // namespace fest
