#pragma once

#include "programmelistmodel.h"
#include "venue.h"

namespace fest {

// The festival's venues, in programme order.
class VenueListModel : public ProgrammeListModel
{
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, AddressRole, ScreenCountRole };
    Q_ENUM(Role)

    using ProgrammeListModel::ProgrammeListModel;

    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    // The venue's name in the current language; empty for an unknown id.
    Q_INVOKABLE QString nameOf(const QString &id) const;

protected:
    void rebuild(const Programme &programme) override;
    int rows() const override { return int(m_rows.size()); }
    QString idAt(int row) const override { return m_rows.at(row).venue.id; }
    QList<int> localizedRoles() const override { return {NameRole, AddressRole}; }

private:
    struct Row {
        Venue venue;
        int screens = 0;
    };
    QList<Row> m_rows;
};

} // namespace fest
