#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace fest {

// A proxy over a kiosk list model that keeps the rows matching the search box (every
// word of the query in the row's "searchKey" role) and, when set, one award category
// (in the row's "categoryIds" role). Subclasses add their own criteria.
class SearchFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(QString categoryId READ categoryId WRITE setCategoryId NOTIFY categoryIdChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    explicit SearchFilterModel(QObject *parent = nullptr);

    QString query() const { return m_query; }
    void setQuery(const QString &query);
    QString categoryId() const { return m_categoryId; }
    void setCategoryId(const QString &id);
    int count() const { return rowCount(); }
    Q_INVOKABLE QString idAt(int row) const;  // the source's first role (its id)

signals:
    void queryChanged();
    void categoryIdChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    virtual bool acceptsMore(const QModelIndex &sourceIndex) const;
    int sourceRole(const QByteArray &name) const;
    // Re-filters after a criterion changed (also announces the new count).
    void refilter();

private:
    QString m_query;
    QStringList m_words;
    QString m_categoryId;
};

} // namespace fest
