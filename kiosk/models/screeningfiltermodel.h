#pragma once

#include "searchfiltermodel.h"

namespace fest {

// Screenings by day, venue, film, category and search; or only those open for voting.
// Empty criteria do not filter. Keeps the source's start order.
class ScreeningFilterModel : public SearchFilterModel
{
    Q_OBJECT
    Q_PROPERTY(QString day READ day WRITE setDay NOTIFY criteriaChanged)
    Q_PROPERTY(QString venueId READ venueId WRITE setVenueId NOTIFY criteriaChanged)
    Q_PROPERTY(QString filmId READ filmId WRITE setFilmId NOTIFY criteriaChanged)
    Q_PROPERTY(bool votingOpenOnly READ votingOpenOnly WRITE setVotingOpenOnly NOTIFY criteriaChanged)
public:
    using SearchFilterModel::SearchFilterModel;

    QString day() const { return m_day; }
    void setDay(const QString &day) { change(m_day, day); }
    QString venueId() const { return m_venueId; }
    void setVenueId(const QString &id) { change(m_venueId, id); }
    QString filmId() const { return m_filmId; }
    void setFilmId(const QString &id) { change(m_filmId, id); }
    bool votingOpenOnly() const { return m_votingOpenOnly; }
    void setVotingOpenOnly(bool only);
    // A film page's list: without a film it shows nothing rather than every screening
    // (which would build a delegate per screening before the page gets its film).
    void setFilmRequired(bool required);

signals:
    void criteriaChanged();

protected:
    bool acceptsMore(const QModelIndex &sourceIndex) const override;

private:
    void change(QString &field, const QString &value);

    QString m_day;
    QString m_venueId;
    QString m_filmId;
    bool m_votingOpenOnly = false;
    bool m_filmRequired = false;
};

} // namespace fest
