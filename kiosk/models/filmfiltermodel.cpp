#include "filmfiltermodel.h"

#include "filmlistmodel.h"

namespace fest {

FilmFilterModel::FilmFilterModel(QObject *parent)
    : SearchFilterModel(parent)
{
    setSortRole(FilmListModel::TitleRole);
    setSortLocaleAware(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
    sort(0);
}

} // namespace fest
