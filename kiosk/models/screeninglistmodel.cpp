#include "screeninglistmodel.h"

#include "programme.h"
#include "countrynames.h"
#include "searchkey.h"

namespace fest {

QVariant ScreeningListModel::data(const QModelIndex &index, int role) const
{
    if (!validRow(index))
        return {};
    const Entry &e = m_rows.at(index.row());
    switch (role) {
    case IdRole: return e.id;
    case TitleRole: return titleOf(e);
    case FilmTitlesRole: {
        if (e.filmTitles.size() < 2)
            return QString();
        QStringList titles;
        for (const LocalizedText &t : e.filmTitles)
            titles << DisplayLanguage::pick(t, language());
        return titles.join(QStringLiteral(" · "));
    }
    case FilmIdsRole: return e.filmIds;
    case ScreenIdRole: return e.screenId;
    case ScreenNameRole: return DisplayLanguage::pick(e.screenName, language(), e.screenId);
    case VenueIdRole: return e.venueId;
    case VenueNameRole: return DisplayLanguage::pick(e.venueName, language(), e.venueId);
    case StartRole: return e.start;
    case EndRole: return e.end;
    case DayRole: return e.day;
    case StartTimeRole: return e.startTime;
    case EndTimeRole: return e.endTime;
    case CancelledRole: return e.cancelled;
    case CategoryIdsRole: return e.categoryIds;
    case SearchKeyRole:
        if (!e.searchKey)
            e.searchKey = SearchKey::of(e.searchable);
        return *e.searchKey;
    case VotingStateRole: return int(e.voting);
    }
    return {};
}

QHash<int, QByteArray> ScreeningListModel::roleNames() const
{
    static const QHash<int, QByteArray> names{
        {IdRole, "screeningId"}, {TitleRole, "title"}, {FilmTitlesRole, "filmTitles"},
        {FilmIdsRole, "filmIds"}, {ScreenIdRole, "screenId"}, {ScreenNameRole, "screenName"},
        {VenueIdRole, "venueId"}, {VenueNameRole, "venueName"}, {StartRole, "start"},
        {EndRole, "end"}, {DayRole, "day"}, {StartTimeRole, "startTime"}, {EndTimeRole, "endTime"},
        {CancelledRole, "cancelled"}, {CategoryIdsRole, "categoryIds"}, {SearchKeyRole, "searchKey"},
        {VotingStateRole, "votingState"}};
    return names;
}

QList<int> ScreeningListModel::localizedRoles() const
{
    return {TitleRole, FilmTitlesRole, ScreenNameRole, VenueNameRole};
}

void ScreeningListModel::setVotingStatus(const VotingStatus &windows)
{
    int first = -1, last = -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        const VotingStatus::State s = windows.state(m_rows[row].id);
        if (s == m_rows[row].voting)
            continue;
        m_rows[row].voting = s;
        first = first < 0 ? row : first;
        last = row;
    }
    if (first >= 0)
        emit dataChanged(index(first), index(last), {VotingStateRole});
}

const ScreeningListModel::Entry *ScreeningListModel::entry(const QString &id) const
{
    const int row = indexOf(id);
    return row < 0 ? nullptr : &m_rows.at(row);
}

QString ScreeningListModel::titleOf(const Entry &e) const
{
    if (!e.title.isEmpty())
        return DisplayLanguage::pick(e.title, language());
    return e.filmTitles.isEmpty() ? e.id : DisplayLanguage::pick(e.filmTitles.constFirst(), language());
}

QDateTime ScreeningListModel::local(const QDateTime &t) const
{
    return m_zone.isValid() ? t.toTimeZone(m_zone) : t;
}

QString ScreeningListModel::dayOf(const QDateTime &t) const
{
    return local(t).date().toString(Qt::ISODate);
}

void ScreeningListModel::rebuild(const Programme &programme)
{
    m_zone = QTimeZone(programme.timeZone.toUtf8());
    QHash<QString, const Film *> films;
    for (const Film &f : programme.films)
        films.insert(f.id, &f);
    QHash<QString, const Screen *> screens;
    for (const Screen &s : programme.screens)
        screens.insert(s.id, &s);
    QHash<QString, const Venue *> venues;
    for (const Venue &v : programme.venues)
        venues.insert(v.id, &v);
    const QHash<QString, VotingStatus::State> previousVoting = [this] {
        QHash<QString, VotingStatus::State> h;
        for (const Entry &e : std::as_const(m_rows))
            h.insert(e.id, e.voting);
        return h;
    }();

    m_rows.clear();
    m_rows.reserve(programme.screenings.size());
    for (const Screening &s : programme.screenings) {
        Entry e;
        e.id = s.id;
        e.screenId = s.screenId;
        e.title = s.title;
        e.filmIds = s.filmIds;
        e.start = s.start;
        e.end = s.end;
        const QDateTime start = local(s.start);
        e.day = start.date().toString(Qt::ISODate);
        e.startTime = start.time().toString(QStringLiteral("HH:mm"));
        e.endTime = local(s.end).time().toString(QStringLiteral("HH:mm"));
        e.cancelled = s.isCancelled();
        e.voting = previousVoting.value(s.id);
        QStringList searchable{s.title.en, s.title.zh};
        if (const Screen *screen = screens.value(s.screenId)) {
            e.screenName = screen->name;
            e.venueId = screen->venueId;
            if (const Venue *venue = venues.value(screen->venueId))
                e.venueName = venue->name;
        }
        for (const QString &id : s.filmIds) {
            const Film *f = films.value(id);
            if (!f)
                continue;
            e.filmTitles << LocalizedText{f->title.en.isEmpty() ? f->originalTitle : f->title.en,
                                          f->title.zh.isEmpty() ? f->originalTitle : f->title.zh};
            searchable << f->originalTitle << f->title.en << f->title.zh << f->makers << CountryNames::searchText(f->country);
            for (const QString &c : f->categoryIds) {
                if (!e.categoryIds.contains(c))
                    e.categoryIds << c;
            }
        }
        e.searchable = std::move(searchable);
        m_rows.append(std::move(e));
    }
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [](const Entry &a, const Entry &b) { return a.start < b.start; });
    m_days.clear();
    for (const Entry &e : std::as_const(m_rows)) {
        if (!m_days.contains(e.day))
            m_days << e.day;
    }
}

} // namespace fest
