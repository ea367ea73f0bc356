#include "programmeedits.h"

#include "programmejson.h"
#include "programmevalidator.h"

#include <QTimeZone>

#include <algorithm>

namespace fest {
namespace {

std::nullopt_t fail(QList<ProgrammeError> *errors, const QString &where, const QString &field, const QString &message)
{
    if (errors)
        errors->append(ProgrammeError{where, field, message});
    return std::nullopt;
}

qsizetype indexOfScreening(const Programme &p, const QString &id)
{
    const auto it = std::find_if(p.screenings.cbegin(), p.screenings.cend(), [&](const Screening &s) { return s.id == id; });
    return it == p.screenings.cend() ? -1 : it - p.screenings.cbegin();
}

std::nullopt_t unknownScreening(QList<ProgrammeError> *errors, const QString &id)
{
    return fail(errors, QStringLiteral("screening %1").arg(id), QStringLiteral("id"),
                QStringLiteral("no screening has this id; check it against the programme"));
}

// In the programme's zone when it has a valid one, else in the instant's own offset.
QDateTime local(const QDateTime &t, const QTimeZone &zone)
{
    return zone.isValid() ? t.toTimeZone(zone) : t;
}

// The same local time `days` later, written with the offset in force then.
QDateTime movedByDays(const QDateTime &t, qint64 days, const QTimeZone &zone)
{
    if (!t.isValid())
        return t;
    const QDateTime moved = local(t, zone).addDays(days);
    return moved.toOffsetFromUtc(moved.offsetFromUtc());
}

bool hasOffset(const QDateTime &t)
{
    return t.isValid() && (t.timeSpec() == Qt::OffsetFromUTC || t.timeSpec() == Qt::UTC);
}

} // namespace

std::optional<Programme> ProgrammeEdits::moveScreening(const Programme &programme, const QString &screeningId,
                                                       const QDateTime &newStart, QList<ProgrammeError> *errors)
{
    const qsizetype i = indexOfScreening(programme, screeningId);
    if (i < 0)
        return unknownScreening(errors, screeningId);
    const QString where = ProgrammeValidator::where(QStringLiteral("screenings"), i, screeningId);
    if (!hasOffset(newStart))
        return fail(errors, where, QStringLiteral("start"), QStringLiteral("new start needs a date, a time and an offset (+08:00)"));
    Programme result = programme;
    Screening &s = result.screenings[i];
    const qint64 duration = s.start.secsTo(s.end);
    s.start = newStart;
    s.end = newStart.addSecs(duration);
    return result;
}

std::optional<Programme> ProgrammeEdits::delayScreen(const Programme &programme, const QString &screenId,
                                                     const QDateTime &from, int minutes, bool pushFollowing,
                                                     QList<ProgrammeError> *errors)
{
    const QString where = QStringLiteral("screen %1").arg(screenId);
    if (!programme.screen(screenId))
        return fail(errors, where, QStringLiteral("id"), QStringLiteral("no screen has this id; check it against the programme"));
    if (!from.isValid())
        return fail(errors, where, QStringLiteral("from"), QStringLiteral("give the time from which to delay"));
    if (minutes == 0 || qAbs(minutes) > 24 * 60)
        return fail(errors, where, QStringLiteral("minutes"), QStringLiteral("delay must be between -1440 and 1440 minutes, not 0"));

    QList<qsizetype> affected;
    for (qsizetype i = 0; i < programme.screenings.size(); ++i) {
        const Screening &s = programme.screenings[i];
        if (s.screenId == screenId && !s.isCancelled() && s.start >= from)
            affected.append(i);
    }
    if (affected.isEmpty())
        return fail(errors, where, QStringLiteral("from"), QStringLiteral("no screening on this screen starts at or after %1").arg(from.toString(Qt::ISODate)));
    std::stable_sort(affected.begin(), affected.end(), [&](qsizetype a, qsizetype b) {
        return programme.screenings[a].start < programme.screenings[b].start;
    });
    if (!pushFollowing)
        affected.resize(1);

    Programme result = programme;
    for (const qsizetype i : affected) {
        Screening &s = result.screenings[i];
        s.start = s.start.addSecs(qint64(minutes) * 60);
        s.end = s.end.addSecs(qint64(minutes) * 60);
    }
    return result;
}

std::optional<Programme> ProgrammeEdits::cancelScreening(const Programme &programme, const QString &screeningId,
                                                         QList<ProgrammeError> *errors)
{
    const qsizetype i = indexOfScreening(programme, screeningId);
    if (i < 0)
        return unknownScreening(errors, screeningId);
    Programme result = programme;
    result.screenings[i].status = Screening::Status::Cancelled;
    return result;
}

std::optional<Programme> ProgrammeEdits::addScreening(const Programme &programme, const Screening &screening,
                                                      QList<ProgrammeError> *errors)
{
    if (indexOfScreening(programme, screening.id) >= 0)
        return fail(errors, QStringLiteral("screening %1").arg(screening.id), QStringLiteral("id"),
                    QStringLiteral("a screening with this id exists already; choose a new id or move that one"));
    if (!hasOffset(screening.start) || !hasOffset(screening.end))
        return fail(errors, QStringLiteral("screening %1").arg(screening.id), QStringLiteral("start"),
                    QStringLiteral("start and end need a date, a time and an offset (+08:00)"));
    Programme result = programme;
    result.screenings.append(screening);
    return result;
}

std::optional<Programme> ProgrammeEdits::editFilm(const Programme &programme, const QString &filmId,
                                                  const QJsonObject &fields, QList<ProgrammeError> *errors)
{
    const auto it = std::find_if(programme.films.cbegin(), programme.films.cend(), [&](const Film &f) { return f.id == filmId; });
    if (it == programme.films.cend())
        return fail(errors, QStringLiteral("film %1").arg(filmId), QStringLiteral("id"),
                    QStringLiteral("no film has this id; check it against the programme"));
    const qsizetype i = it - programme.films.cbegin();
    const QString where = QStringLiteral("films[%1]").arg(i);
    if (fields.contains(QStringLiteral("id")) && fields.value(QStringLiteral("id")) != filmId)
        return fail(errors, ProgrammeValidator::where(QStringLiteral("films"), i, filmId), QStringLiteral("id"),
                    QStringLiteral("a film's id cannot be changed; add a new film instead"));

    QJsonObject merged = ProgrammeJson::toJson(*it);
    for (auto field = fields.begin(); field != fields.end(); ++field) {
        if (field.value().isNull())
            merged.remove(field.key());   // null clears an optional field
        else
            merged.insert(field.key(), field.value());
    }
    const std::optional<Film> film = ProgrammeJson::filmFromJson(merged, where, errors);
    if (!film)
        return std::nullopt;
    Programme result = programme;
    result.films[i] = *film;
    return result;
}

Programme ProgrammeEdits::replaceScreenings(const Programme &programme, const QList<Screening> &screenings)
{
    Programme result = programme;
    result.screenings = screenings;
    return result;
}

QDate ProgrammeEdits::firstDay(const Programme &programme)
{
    const QTimeZone zone(programme.timeZone.toUtf8());
    QDateTime first;
    for (const Screening &s : programme.screenings)
        if (!first.isValid() || s.start < first)
            first = s.start;
    return first.isValid() ? local(first, zone).date() : QDate();
}

Programme ProgrammeEdits::startOn(const Programme &programme, const QDate &day)
{
    const QDate first = firstDay(programme);
    if (!first.isValid() || !day.isValid())
        return programme;
    const qint64 days = first.daysTo(day);
    const QTimeZone zone(programme.timeZone.toUtf8());
    Programme result = programme;
    for (Screening &s : result.screenings) {
        s.start = movedByDays(s.start, days, zone);
        s.end = movedByDays(s.end, days, zone);
    }
    for (ProgrammeEvent &e : result.events) {
        e.start = movedByDays(e.start, days, zone);
        e.end = movedByDays(e.end, days, zone);
    }
    return result;
}

} // namespace fest
