#pragma once

#include "programme.h"
#include "programmeerror.h"

#include <QDate>
#include <QJsonObject>
#include <optional>

namespace fest {

// The changes organisers and staff make to a live programme, as pure functions: each
// returns a new Programme, or nullopt and the reasons. They check only what the edit
// itself needs (the entry exists, the input is well formed); the caller runs
// ProgrammeValidator on the result before accepting it, so an edit that would make an
// overlap is refused with the validator's message.
class ProgrammeEdits
{
public:
    // Same duration, new start.
    static std::optional<Programme> moveScreening(const Programme &programme, const QString &screeningId,
                                                  const QDateTime &newStart, QList<ProgrammeError> *errors);
    // Delays the first non-cancelled screening of the screen starting at or after `from`
    // by `minutes` (negative brings it forward); with pushFollowing, every later one on
    // that screen moves by the same amount too, keeping their gaps.
    static std::optional<Programme> delayScreen(const Programme &programme, const QString &screenId,
                                                const QDateTime &from, int minutes, bool pushFollowing,
                                                QList<ProgrammeError> *errors);
    // Idempotent: cancelling a cancelled screening changes nothing.
    static std::optional<Programme> cancelScreening(const Programme &programme, const QString &screeningId,
                                                    QList<ProgrammeError> *errors);
    static std::optional<Programme> addScreening(const Programme &programme, const Screening &screening,
                                                 QList<ProgrammeError> *errors);
    // fields: any film fields of the programme format except "id"; those given replace
    // the film's, others stay. Read by the same rules as a whole programme.
    static std::optional<Programme> editFilm(const Programme &programme, const QString &filmId,
                                             const QJsonObject &fields, QList<ProgrammeError> *errors);
    // The screenings of a CSV import replace the programme's; films and venues stay.
    static Programme replaceScreenings(const Programme &programme, const QList<Screening> &screenings);

    // The festival's first day: the date, in the programme's time zone, of its first
    // screening (workshops and other events before it do not count). Invalid without
    // screenings.
    static QDate firstDay(const Programme &programme);
    // The whole festival moved by whole days so that firstDay() is `day`: every screening
    // and event by the same number of days, each keeping its local time of day in the
    // programme's time zone (so a move across a daylight-saving change keeps 10:00 at
    // 10:00). A rehearsal or a demo of a past programme on today's date.
    static Programme startOn(const Programme &programme, const QDate &day);
};

} // namespace fest
