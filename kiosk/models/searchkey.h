#pragma once

#include <QString>
#include <QStringList>

namespace fest {

// What the search box compares: case-folded, accents kept, runs of spaces and
// punctuation collapsed to one space, so "neo nature", "NeoNature" and "Neo-Nature" all
// find the film, and Chinese matches by characters. Rows store the key of their
// searchable texts once; a query is normalised the same way and every word of it must
// occur in the row's key.
class SearchKey
{
public:
    static QString normalise(const QString &text);
    static QString of(const QStringList &texts);
    static bool matches(const QString &rowKey, const QStringList &queryWords);
    static QStringList words(const QString &query);
};

} // namespace fest
