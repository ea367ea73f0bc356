#include "programmelistmodel.h"

namespace fest {

void ProgrammeListModel::setProgramme(const Programme &programme)
{
    const int before = rowCount();
    beginResetModel();
    rebuild(programme);
    m_rowOfId.clear();
    const int n = rows();
    m_rowOfId.reserve(n);
    for (int row = 0; row < n; ++row)
        m_rowOfId.insert(idAt(row), row);
    endResetModel();
    if (before != rowCount())
        emit countChanged();
}

void ProgrammeListModel::setLanguage(DisplayLanguage::Language language)
{
    if (m_language == language)
        return;
    m_language = language;
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), localizedRoles());
}

int ProgrammeListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : rows();
}

int ProgrammeListModel::indexOf(const QString &id) const
{
    return m_rowOfId.value(id, -1);
}

QVariantMap ProgrammeListModel::get(int row) const
{
    QVariantMap map;
    if (row < 0 || row >= rowCount())
        return map;
    const QModelIndex i = index(row);
    const auto names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        map.insert(QString::fromUtf8(it.value()), data(i, it.key()));
    return map;
}

bool ProgrammeListModel::validRow(const QModelIndex &index) const
{
    return checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid);
}

} // namespace fest
