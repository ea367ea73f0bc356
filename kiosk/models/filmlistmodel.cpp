#include "filmlistmodel.h"

#include "countrynames.h"
#include "programme.h"
#include "searchkey.h"

namespace fest {

QVariant FilmListModel::data(const QModelIndex &index, int role) const
{
    if (!validRow(index))
        return {};
    const Row &row = m_rows.at(index.row());
    const Film &f = row.film;
    switch (role) {
    case IdRole: return f.id;
    case TitleRole: return DisplayLanguage::title(f.title, language(), f.originalTitle);
    case OriginalTitleRole: return f.originalTitle;
    case SubtitleRole: return subtitle(row);
    case MakersRole: return f.makers.join(QStringLiteral(", "));
    case CountryRole: return f.country;
    case CountryNameRole: return CountryNames::name(f.country, language());
    case YearRole: return f.year;
    case RuntimeMinutesRole: return (f.runtimeSeconds + 59) / 60;
    case SynopsisRole: return DisplayLanguage::pick(f.synopsis, language());
    case CategoryIdsRole: return f.categoryIds;
    case CategoryNamesRole: return DisplayLanguage::pick(row.categories, language());
    case SearchKeyRole:
        if (!row.searchKey) {
            QStringList searchable{f.originalTitle, f.title.en, f.title.zh, CountryNames::searchText(f.country)};
            searchable += f.makers;
            row.searchKey = SearchKey::of(searchable);
        }
        return *row.searchKey;
    }
    return {};
}

QHash<int, QByteArray> FilmListModel::roleNames() const
{
    static const QHash<int, QByteArray> names{
        {IdRole, "filmId"}, {TitleRole, "title"}, {OriginalTitleRole, "originalTitle"},
        {SubtitleRole, "subtitle"}, {MakersRole, "makers"}, {CountryRole, "country"},
        {CountryNameRole, "countryName"}, {YearRole, "year"}, {RuntimeMinutesRole, "runtimeMinutes"},
        {SynopsisRole, "synopsis"}, {CategoryIdsRole, "categoryIds"},
        {CategoryNamesRole, "categoryNames"}, {SearchKeyRole, "searchKey"}};
    return names;
}

QList<int> FilmListModel::localizedRoles() const
{
    return {TitleRole, SubtitleRole, CountryNameRole, SynopsisRole, CategoryNamesRole};
}

const Film *FilmListModel::film(const QString &id) const
{
    const int row = indexOf(id);
    return row < 0 ? nullptr : &m_rows.at(row).film;
}

QString FilmListModel::titleOf(const QString &id) const
{
    const Film *f = film(id);
    return f ? DisplayLanguage::title(f->title, language(), f->originalTitle) : id;
}

QString FilmListModel::subtitle(const Row &row) const
{
    const Film &f = row.film;
    const QString shown = DisplayLanguage::title(f.title, language(), f.originalTitle);
    QStringList others;
    for (const QString &t : {f.originalTitle, f.title.en, f.title.zh}) {
        if (!t.isEmpty() && t != shown && !others.contains(t))
            others << t;
    }
    return others.join(QStringLiteral(" · "));
}

void FilmListModel::rebuild(const Programme &programme)
{
    QHash<QString, const AwardCategory *> awards;
    for (const AwardCategory &a : programme.awards)
        awards.insert(a.id, &a);

    m_rows.clear();
    m_rows.reserve(programme.films.size());
    for (const Film &film : programme.films) {
        QStringList en, zh;
        for (const QString &id : film.categoryIds) {
            if (const AwardCategory *a = awards.value(id)) {
                en << DisplayLanguage::pick(a->name, DisplayLanguage::Language::English, id);
                zh << DisplayLanguage::pick(a->name, DisplayLanguage::Language::Chinese, id);
            }
        }
        const QString sep = QStringLiteral(" · ");
        m_rows.append(Row{film, {en.join(sep), zh.join(sep)}, std::nullopt});
    }
}

} // namespace fest
