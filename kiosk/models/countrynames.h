#pragma once

#include "displaylanguage.h"

#include <QString>

namespace fest {

// The name of a country or region (ISO 3166-1 alpha-2 code) in the visitor's language.
// English comes from QLocale; Qt has no Chinese names for foreign territories, so the
// Traditional Chinese (Hong Kong) names are a table here. An unknown code shows as the
// English name, or the code itself.
class CountryNames
{
public:
    static QString name(const QString &code, DisplayLanguage::Language language);
    // Both names, for search.
    static QString searchText(const QString &code);
};

} // namespace fest
