#include "searchfiltermodel.h"

#include "searchkey.h"

namespace fest {

SearchFilterModel::SearchFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    auto announce = [this] { emit countChanged(); };
    connect(this, &QAbstractItemModel::rowsInserted, this, announce);
    connect(this, &QAbstractItemModel::rowsRemoved, this, announce);
    connect(this, &QAbstractItemModel::modelReset, this, announce);
    connect(this, &QAbstractItemModel::layoutChanged, this, announce);
}

void SearchFilterModel::setQuery(const QString &query)
{
    if (m_query == query)
        return;
    m_query = query;
    const QStringList words = SearchKey::words(query);
    emit queryChanged();
    if (words == m_words)
        return;
    m_words = words;
    refilter();
}

void SearchFilterModel::setCategoryId(const QString &id)
{
    if (m_categoryId == id)
        return;
    m_categoryId = id;
    emit categoryIdChanged();
    refilter();
}

QString SearchFilterModel::idAt(int row) const
{
    return data(index(row, 0), Qt::UserRole + 1).toString();
}

bool SearchFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_words.isEmpty() && !SearchKey::matches(i.data(sourceRole("searchKey")).toString(), m_words))
        return false;
    if (!m_categoryId.isEmpty() && !i.data(sourceRole("categoryIds")).toStringList().contains(m_categoryId))
        return false;
    return acceptsMore(i);
}

bool SearchFilterModel::acceptsMore(const QModelIndex &) const
{
    return true;
}

int SearchFilterModel::sourceRole(const QByteArray &name) const
{
    // Small hash (a dozen roles): cheaper than caching and safe across source changes.
    return sourceModel() ? sourceModel()->roleNames().key(name, -1) : -1;
}

void SearchFilterModel::refilter()
{
    const int before = rowCount();
    invalidateFilter();
    if (rowCount() != before)
        emit countChanged();
}

} // namespace fest
