#pragma once

#include <optional>

#include "film.h"
#include "programmelistmodel.h"

namespace fest {

// Every film of the programme (the catalogue may hold far more films than are
// screened), with texts in the display language and a search key over both scripts.
class FilmListModel : public ProgrammeListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,          // display language, else the other, else the original title
        OriginalTitleRole,
        SubtitleRole,       // the other names the film goes by, for the film page
        MakersRole,         // "A, B"
        CountryRole,        // ISO code
        CountryNameRole,
        YearRole,
        RuntimeMinutesRole,
        SynopsisRole,
        CategoryIdsRole,
        CategoryNamesRole,  // "Best Film · Audience Award"
        SearchKeyRole,
    };
    Q_ENUM(Role)

    using ProgrammeListModel::ProgrammeListModel;

    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    const Film *film(const QString &id) const;
    // Title of a film in the current language; the id when unknown.
    QString titleOf(const QString &id) const;

protected:
    void rebuild(const Programme &programme) override;
    int rows() const override { return int(m_rows.size()); }
    QString idAt(int row) const override { return m_rows.at(row).film.id; }
    QList<int> localizedRoles() const override;

private:
    struct Row {
        Film film;
        LocalizedText categories;
        // Built on the first search, not at every programme version: normalising the
        // texts was most of a rebuild's time, and most versions are never searched.
        mutable std::optional<QString> searchKey;
    };
    QString subtitle(const Row &row) const;
    QList<Row> m_rows;
};

} // namespace fest
