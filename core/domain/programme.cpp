#include "programme.h"

#include <algorithm>

namespace fest {
namespace {

template<typename T>
const T *findById(const QList<T> &list, const QString &id)
{
    const auto it = std::find_if(list.cbegin(), list.cend(), [&](const T &item) { return item.id == id; });
    return it == list.cend() ? nullptr : &*it;
}

} // namespace

const Venue *Programme::venue(const QString &id) const { return findById(venues, id); }
const Screen *Programme::screen(const QString &id) const { return findById(screens, id); }
const Film *Programme::film(const QString &id) const { return findById(films, id); }
const Screening *Programme::screening(const QString &id) const { return findById(screenings, id); }
const ProgrammeEvent *Programme::event(const QString &id) const { return findById(events, id); }
const AwardCategory *Programme::award(const QString &id) const { return findById(awards, id); }

qint64 Programme::contentSeconds(const Screening &s) const
{
    qint64 total = 0;
    for (const QString &filmId : s.filmIds) {
        if (const Film *f = film(filmId))
            total += f->runtimeSeconds;
    }
    return total;
}

} // namespace fest
