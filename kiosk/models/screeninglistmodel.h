#pragma once

#include <optional>

#include "programmelistmodel.h"
#include "votingstatus.h"

#include <QDateTime>
#include <QStringList>
#include <QTimeZone>

namespace fest {

// Every screening of the programme in start order, with its venue, screen and films
// resolved, times in the festival's time zone, and its voting state.
class ScreeningListModel : public ProgrammeListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,          // block title, or the film's title
        FilmTitlesRole,     // the films of a block, " · "-separated; empty for one film
        FilmIdsRole,
        ScreenIdRole,
        ScreenNameRole,
        VenueIdRole,
        VenueNameRole,
        StartRole,          // QDateTime
        EndRole,
        DayRole,            // "2026-12-05" in the festival's time zone
        StartTimeRole,      // "14:30"
        EndTimeRole,
        CancelledRole,
        CategoryIdsRole,    // union of its films' categories
        SearchKeyRole,
        VotingStateRole,    // VotingStatus::State as int
    };
    Q_ENUM(Role)

    struct Entry {
        QString id;
        QString screenId;
        QString venueId;
        LocalizedText title;
        LocalizedText screenName;
        LocalizedText venueName;
        QStringList filmIds;
        QList<LocalizedText> filmTitles;
        QDateTime start;
        QDateTime end;
        // In the festival's time zone, worked out once: converting between zones is
        // slow, and filters and delegates ask for these on every row.
        QString day;        // "2026-12-05"
        QString startTime;  // "14:30"
        QString endTime;
        QStringList categoryIds;
        bool cancelled = false;
        // The texts a search compares; their normalised key is built on the first search
        // (it was most of a rebuild's time, and most versions are never searched).
        QStringList searchable;
        mutable std::optional<QString> searchKey;
        VotingStatus::State voting = VotingStatus::State::NotOpen;
    };

    using ProgrammeListModel::ProgrammeListModel;

    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setVotingStatus(const VotingStatus &windows);
    const QList<Entry> &entries() const { return m_rows; }
    const Entry *entry(const QString &id) const;
    QTimeZone timeZone() const { return m_zone; }
    // Festival days in order, "yyyy-MM-dd".
    QStringList days() const { return m_days; }
    QString titleOf(const Entry &entry) const;
    // "yyyy-MM-dd" of an instant in the festival's time zone.
    QString dayOf(const QDateTime &t) const;

protected:
    void rebuild(const Programme &programme) override;
    int rows() const override { return int(m_rows.size()); }
    QString idAt(int row) const override { return m_rows.at(row).id; }
    QList<int> localizedRoles() const override;

private:
    QDateTime local(const QDateTime &t) const;

    QList<Entry> m_rows;
    QStringList m_days;
    QTimeZone m_zone;
};

} // namespace fest
