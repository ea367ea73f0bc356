#include "screeningfiltermodel.h"

#include "screeninglistmodel.h"

namespace fest {

void ScreeningFilterModel::setVotingOpenOnly(bool only)
{
    if (m_votingOpenOnly == only)
        return;
    m_votingOpenOnly = only;
    emit criteriaChanged();
    refilter();
}

void ScreeningFilterModel::setFilmRequired(bool required)
{
    if (m_filmRequired == required)
        return;
    m_filmRequired = required;
    refilter();
}

void ScreeningFilterModel::change(QString &field, const QString &value)
{
    if (field == value)
        return;
    field = value;
    emit criteriaChanged();
    refilter();
}

bool ScreeningFilterModel::acceptsMore(const QModelIndex &i) const
{
    using R = ScreeningListModel;
    if (!m_day.isEmpty() && i.data(R::DayRole).toString() != m_day)
        return false;
    if (!m_venueId.isEmpty() && i.data(R::VenueIdRole).toString() != m_venueId)
        return false;
    if (m_filmRequired && m_filmId.isEmpty())
        return false;
    if (!m_filmId.isEmpty() && !i.data(R::FilmIdsRole).toStringList().contains(m_filmId))
        return false;
    if (m_votingOpenOnly
        && (i.data(R::VotingStateRole).toInt() != int(VotingStatus::State::Open) || i.data(R::CancelledRole).toBool()))
        return false;
    return true;
}

} // namespace fest
