#include "playlist.h"

#include "programme.h"

#include <QHash>
#include <algorithm>

namespace fest {

qint64 Playlist::toUs(const QDateTime &time)
{
    return time.toMSecsSinceEpoch() * 1000;
}

namespace {

QHash<QString, const Film *> filmIndex(const Programme &programme)
{
    QHash<QString, const Film *> films;
    films.reserve(programme.films.size());
    for (const Film &f : programme.films)
        films.insert(f.id, &f);
    return films;
}

// The subtitle files a screening shows of a film: the languages it asks for that the film
// has files in, or by default the film's first two files (the festival's usual two lines).
SubtitleFiles subtitlesShown(const Screening &screening, const Film &film)
{
    if (!screening.subtitleLanguages)
        return film.subtitleFiles.mid(0, 2);
    SubtitleFiles shown;
    for (const QString &language : *screening.subtitleLanguages) {
        for (const SubtitleFile &file : film.subtitleFiles) {
            if (file.language == language)
                shown.append(file);
        }
    }
    return shown;
}

// Appends the films of a screen's screenings, given in start order.
void appendItems(Playlist &playlist, const QList<const Screening *> &screenings, const QHash<QString, const Film *> &films)
{
    for (const Screening *s : screenings) {
        qint64 startUs = Playlist::toUs(s->start);
        for (const QString &filmId : s->filmIds) {
            const Film *f = films.value(filmId);
            if (!f)
                continue;   // the validator reports it; the rest of the block still plays
            const qint64 durationUs = qint64(f->runtimeSeconds) * 1000000;
            playlist.items.append(PlaylistItem{s->id, f->id, f->media, f->sha256, f->originalTitle, f->title,
                                               startUs, durationUs, subtitlesShown(*s, *f), s->title});
            startUs += durationUs;
        }
    }
}

void describeScreen(Playlist &playlist, const Programme &programme)
{
    playlist.festivalName = programme.festivalName;
    playlist.timeZone = programme.timeZone;
    if (const Screen *screen = programme.screen(playlist.screenId))
        playlist.screenName = screen->name;
}

void sortByStart(QList<const Screening *> &screenings)
{
    std::stable_sort(screenings.begin(), screenings.end(),
                     [](const Screening *a, const Screening *b) { return a->start < b->start; });
}

} // namespace

Playlist Playlist::forScreen(const Programme &programme, const QString &screenId, qint64 programmeVersion)
{
    QList<const Screening *> screenings;
    for (const Screening &s : programme.screenings) {
        if (s.screenId == screenId && !s.isCancelled())
            screenings.append(&s);
    }
    sortByStart(screenings);
    Playlist playlist{screenId, programmeVersion, 0, {}};
    describeScreen(playlist, programme);
    appendItems(playlist, screenings, filmIndex(programme));
    return playlist;
}

QHash<QString, Playlist> Playlist::forAllScreens(const Programme &programme, qint64 programmeVersion)
{
    QHash<QString, QList<const Screening *>> byScreen;
    for (const Screen &screen : programme.screens)
        byScreen.insert(screen.id, {});
    for (const Screening &s : programme.screenings) {
        if (!s.isCancelled() && byScreen.contains(s.screenId))
            byScreen[s.screenId].append(&s);
    }
    const QHash<QString, const Film *> films = filmIndex(programme);
    QHash<QString, Playlist> playlists;
    for (auto it = byScreen.begin(); it != byScreen.end(); ++it) {
        sortByStart(it.value());
        Playlist playlist{it.key(), programmeVersion, 0, {}};
        describeScreen(playlist, programme);
        appendItems(playlist, it.value(), films);
        playlists.insert(it.key(), std::move(playlist));
    }
    return playlists;
}

} // namespace fest
