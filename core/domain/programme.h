#pragma once

#include "awardcategory.h"
#include "film.h"
#include "localizedtext.h"
#include "programmeevent.h"
#include "screen.h"
#include "screening.h"
#include "venue.h"

#include <QList>

namespace fest {

// The whole festival programme: a plain value. Edits make new values (ProgrammeEdits);
// ProgrammeValidator says whether one is consistent; ProgrammeJson is its wire form.
struct Programme
{
    LocalizedText festivalName;
    QString timeZone;                 // IANA id, e.g. "Asia/Hong_Kong"
    QList<Venue> venues;
    QList<Screen> screens;
    QList<Film> films;
    QList<Screening> screenings;
    QList<ProgrammeEvent> events;
    QList<AwardCategory> awards;

    // Lookups by id; nullptr when absent. Linear: build a QHash for bulk work.
    const Venue *venue(const QString &id) const;
    const Screen *screen(const QString &id) const;
    const Film *film(const QString &id) const;
    const Screening *screening(const QString &id) const;
    const ProgrammeEvent *event(const QString &id) const;
    const AwardCategory *award(const QString &id) const;

    // Sum of the runtimes of a screening's films (unknown films count 0).
    qint64 contentSeconds(const Screening &screening) const;

    bool operator==(const Programme &) const = default;
};

} // namespace fest
