#pragma once

#include "searchfiltermodel.h"

namespace fest {

// Films matching the search box and category, sorted by title in the display language.
class FilmFilterModel : public SearchFilterModel
{
    Q_OBJECT
public:
    explicit FilmFilterModel(QObject *parent = nullptr);
};

} // namespace fest
