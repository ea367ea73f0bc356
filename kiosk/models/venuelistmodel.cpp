#include "venuelistmodel.h"

#include "programme.h"

namespace fest {

QVariant VenueListModel::data(const QModelIndex &index, int role) const
{
    if (!validRow(index))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case IdRole: return row.venue.id;
    case NameRole: return DisplayLanguage::pick(row.venue.name, language(), row.venue.id);
    case AddressRole: return DisplayLanguage::pick(row.venue.address, language());
    case ScreenCountRole: return row.screens;
    }
    return {};
}

QHash<int, QByteArray> VenueListModel::roleNames() const
{
    static const QHash<int, QByteArray> names{
        {IdRole, "venueId"}, {NameRole, "name"}, {AddressRole, "address"}, {ScreenCountRole, "screenCount"}};
    return names;
}

QString VenueListModel::nameOf(const QString &id) const
{
    const int row = indexOf(id);
    return row < 0 ? QString() : DisplayLanguage::pick(m_rows.at(row).venue.name, language(), id);
}

void VenueListModel::rebuild(const Programme &programme)
{
    m_rows.clear();
    m_rows.reserve(programme.venues.size());
    for (const Venue &venue : programme.venues) {
        const auto screens = std::count_if(programme.screens.cbegin(), programme.screens.cend(),
                                           [&](const Screen &s) { return s.venueId == venue.id; });
        m_rows.append(Row{venue, int(screens)});
    }
}

} // namespace fest
