#include "nownextmodel.h"

#include "playerstatus.h"
#include "programme.h"
#include "screenstatusbook.h"

namespace fest {

QVariant NowNextModel::data(const QModelIndex &index, int role) const
{
    if (!validRow(index))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case ScreenIdRole: return r.screenId;
    case ScreenNameRole: return DisplayLanguage::pick(r.screenName, language(), r.screenId);
    case VenueIdRole: return r.venueId;
    case VenueNameRole: return DisplayLanguage::pick(r.venueName, language(), r.venueId);
    case NowIdRole: return r.now ? r.now->id : QString();
    case NowTitleRole: return title(r.now);
    case NowEndTimeRole: return r.now ? r.now->endTime : QString();
    case NowProgressRole: return r.progress;
    case NextIdRole: return r.next ? r.next->id : QString();
    case NextTitleRole: return title(r.next);
    case NextStartTimeRole: return r.next ? r.next->startTime : QString();
    case SecondsToNextRole: return r.secondsToNext;
    case LateMinutesRole: return r.lateMinutes;
    case PlayerOfflineRole: return r.offline;
    }
    return {};
}

QHash<int, QByteArray> NowNextModel::roleNames() const
{
    static const QHash<int, QByteArray> names{
        {ScreenIdRole, "screenId"}, {ScreenNameRole, "screenName"}, {VenueIdRole, "venueId"},
        {VenueNameRole, "venueName"}, {NowIdRole, "nowId"}, {NowTitleRole, "nowTitle"},
        {NowEndTimeRole, "nowEndTime"}, {NowProgressRole, "nowProgress"}, {NextIdRole, "nextId"},
        {NextTitleRole, "nextTitle"}, {NextStartTimeRole, "nextStartTime"},
        {SecondsToNextRole, "secondsToNext"}, {LateMinutesRole, "lateMinutes"},
        {PlayerOfflineRole, "playerOffline"}};
    return names;
}

QList<int> NowNextModel::localizedRoles() const
{
    return {ScreenNameRole, VenueNameRole, NowTitleRole, NextTitleRole};
}

void NowNextModel::rebuild(const Programme &programme)
{
    // Entries of the old screening list are gone: forget them until the next update().
    m_rows.clear();
    m_screenings = nullptr;
    QHash<QString, const Venue *> venues;
    for (const Venue &v : programme.venues)
        venues.insert(v.id, &v);
    for (const Venue &venue : programme.venues) {
        for (const Screen &s : programme.screens) {
            if (s.venueId == venue.id)
                m_rows.append(Row{s.id, s.venueId, s.name, venue.name});
        }
    }
}

void NowNextModel::update(const ScreeningListModel &screenings, const ScreenStatusBook &status, const QDateTime &now)
{
    QHash<QString, QList<const ScreeningListModel::Entry *>> byScreen;
    for (const ScreeningListModel::Entry &e : screenings.entries()) {
        if (!e.cancelled)
            byScreen[e.screenId].append(&e);  // entries are in start order
    }
    const bool sourceChanged = m_screenings != &screenings;
    m_screenings = &screenings;
    // "Next" means later today at the festival, not tomorrow morning.
    const QString today = screenings.dayOf(now);
    for (int i = 0; i < m_rows.size(); ++i) {
        Row next = computed(m_rows[i], byScreen.value(m_rows[i].screenId), status, now, today);
        if (!sourceChanged && next.sameState(m_rows[i]))
            continue;
        m_rows[i] = next;
        emit dataChanged(index(i), index(i));
    }
}

NowNextModel::Row NowNextModel::computed(const Row &base, const QList<const ScreeningListModel::Entry *> &onScreen,
                                         const ScreenStatusBook &status, const QDateTime &now,
                                         const QString &today) const
{
    Row r{base.screenId, base.venueId, base.screenName, base.venueName};
    const ScreenStatusBook::Status player = status.screen(r.screenId);
    r.offline = player.offline();
    qint64 late = std::max<qint64>(0, player.lateSeconds);
    for (const ScreeningListModel::Entry *e : onScreen) {
        // What the player says it plays wins over the timetable: that is "running late".
        const bool playing = !player.screening.isEmpty() ? e->id == player.screening
                                                         : e->start <= now && now < e->end;
        if (playing && !r.now) {
            r.now = e;
            if (now > e->end)
                late = std::max(late, e->end.secsTo(now));
        } else if (e->start > now && !r.next && e->day == today) {
            r.next = e;
        }
    }
    if (r.now) {
        const qint64 length = std::max<qint64>(1, r.now->start.secsTo(r.now->end));
        r.progress = std::clamp(double(r.now->start.secsTo(now)) / double(length), 0.0, 1.0);
    }
    if (r.next)
        r.secondsToNext = now.secsTo(r.next->start) + late;
    r.lateMinutes = PlayerStatus::lateMinutes(late * 1000);
    return r;
}

bool NowNextModel::Row::sameState(const Row &o) const
{
    return now == o.now && next == o.next && qFuzzyCompare(1.0 + progress, 1.0 + o.progress)
        && secondsToNext == o.secondsToNext && lateMinutes == o.lateMinutes && offline == o.offline;
}

QString NowNextModel::title(const ScreeningListModel::Entry *entry) const
{
    return entry && m_screenings ? m_screenings->titleOf(*entry) : QString();
}

} // namespace fest
