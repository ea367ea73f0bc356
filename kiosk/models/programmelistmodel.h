#pragma once

#include "displaylanguage.h"

#include <QAbstractListModel>

namespace fest {

struct Programme;

// Base of the kiosk's list models: each one is rebuilt from a whole programme (a reset:
// a new programme version replaces every row, and a reset is the cheapest way to say
// so) and shows its bilingual texts in the current display language. Rows keep both
// languages, so switching language only announces that the localized roles changed.
class ProgrammeListModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    using QAbstractListModel::QAbstractListModel;

    void setProgramme(const Programme &programme);
    void setLanguage(DisplayLanguage::Language language);
    DisplayLanguage::Language language() const { return m_language; }
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;

    // Row of an id, -1 when absent.
    Q_INVOKABLE int indexOf(const QString &id) const;
    // One row as a map of role name -> value, for pages that show a single item.
    Q_INVOKABLE QVariantMap get(int row) const;

signals:
    void countChanged();

protected:
    virtual void rebuild(const Programme &programme) = 0;  // called between begin/endResetModel
    virtual int rows() const = 0;
    virtual QString idAt(int row) const = 0;
    virtual QList<int> localizedRoles() const = 0;
    bool validRow(const QModelIndex &index) const;

private:
    DisplayLanguage::Language m_language = DisplayLanguage::Language::English;
    QHash<QString, int> m_rowOfId;
};

} // namespace fest
