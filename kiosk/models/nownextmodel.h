#pragma once

#include "programmelistmodel.h"
#include "screeninglistmodel.h"

namespace fest {

class ScreenStatusBook;

// The home screen: one row per screen (grouped by venue) with what plays now, what
// comes next and in how long, and whether the screen runs late. Rows follow the
// programme's screens; update() recomputes the moving parts and announces only the rows
// that changed, so it can run every second.
class NowNextModel : public ProgrammeListModel
{
    Q_OBJECT
public:
    enum Role {
        ScreenIdRole = Qt::UserRole + 1,
        ScreenNameRole,
        VenueIdRole,
        VenueNameRole,
        NowIdRole,
        NowTitleRole,
        NowEndTimeRole,
        NowProgressRole,     // 0..1 through the current screening
        NextIdRole,
        NextTitleRole,
        NextStartTimeRole,
        SecondsToNextRole,   // -1 when nothing more today on this screen
        LateMinutesRole,     // > 0: the screen runs this late
        PlayerOfflineRole,
    };
    Q_ENUM(Role)

    using ProgrammeListModel::ProgrammeListModel;

    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void update(const ScreeningListModel &screenings, const ScreenStatusBook &status, const QDateTime &now);

protected:
    void rebuild(const Programme &programme) override;
    int rows() const override { return int(m_rows.size()); }
    QString idAt(int row) const override { return m_rows.at(row).screenId; }
    QList<int> localizedRoles() const override;

private:
    struct Row {
        QString screenId;
        QString venueId;
        LocalizedText screenName;
        LocalizedText venueName;
        // moving parts
        const ScreeningListModel::Entry *now = nullptr;
        const ScreeningListModel::Entry *next = nullptr;
        double progress = 0;
        qint64 secondsToNext = -1;
        int lateMinutes = 0;
        bool offline = false;
        bool sameState(const Row &o) const;
    };
    Row computed(const Row &base, const QList<const ScreeningListModel::Entry *> &onScreen,
                 const ScreenStatusBook &status, const QDateTime &now, const QString &today) const;
    QString title(const ScreeningListModel::Entry *entry) const;

    QList<Row> m_rows;
    const ScreeningListModel *m_screenings = nullptr;
};

} // namespace fest
