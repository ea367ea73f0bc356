#include "votesinspector.h"

#include <QStringList>

namespace fest {

VotesInspector::VotesInspector(Database db)
    : m_db(std::move(db))
{
}

std::optional<VotesInspector> VotesInspector::open(const QString &path, QString *error)
{
    std::optional<Database> db = Database::open(path, {Database::Sync::Full, true, 10000}, error);
    if (!db)
        return std::nullopt;
    return VotesInspector(std::move(*db));
}

qint64 VotesInspector::single(const QString &sql) const
{
    Statement s = m_db.prepare(sql);
    return s.step() == Statement::Step::Row ? s.columnInt(0) : -1;
}

qint64 VotesInspector::votes() const
{
    return single(QStringLiteral("SELECT COUNT(*) FROM votes"));
}

QSet<QString> VotesInspector::voteIds() const
{
    QSet<QString> ids;
    Statement s = m_db.prepare(QStringLiteral("SELECT vote_id FROM ballots"));
    while (s.step() == Statement::Step::Row)
        ids.insert(s.columnText(0));
    return ids;
}

qint64 VotesInspector::rejections() const
{
    return single(QStringLiteral("SELECT COUNT(*) FROM rejections"));
}

QMap<QString, qint64> VotesInspector::rejectionsByReason() const
{
    QMap<QString, qint64> reasons;
    Statement s = m_db.prepare(QStringLiteral("SELECT reason, COUNT(*) FROM rejections GROUP BY reason"));
    while (s.step() == Statement::Step::Row)
        reasons.insert(s.columnText(0), s.columnInt(1));
    return reasons;
}

QMap<QString, VotesInspector::FilmCount> VotesInspector::perFilm() const
{
    QMap<QString, FilmCount> films;
    Statement s = m_db.prepare(QStringLiteral("SELECT film_id, COUNT(*), SUM(score) FROM votes GROUP BY film_id"));
    while (s.step() == Statement::Step::Row)
        films.insert(s.columnText(0), {s.columnInt(1), s.columnInt(2)});
    return films;
}

QString VotesInspector::integrity() const
{
    QStringList problems;
    Statement s = m_db.prepare(QStringLiteral("PRAGMA integrity_check"));
    while (s.step() == Statement::Step::Row)
        problems << s.columnText(0);
    return problems.join(u'\n');
}

QString VotesInspector::integrityOf(const QString &path)
{
    QString error;
    std::optional<VotesInspector> db = open(path, &error);
    return db ? db->integrity() : error;
}

} // namespace fest
