#include "ceremonystore.h"

#include "statement.h"
#include "transaction.h"

#include <QDateTime>

namespace fest {

QList<Database::Migration> CeremonyStore::migrations()
{
    return {
        {1, QStringLiteral(R"(
CREATE TABLE cues (
    position INTEGER PRIMARY KEY,
    type INTEGER NOT NULL,
    heading_en TEXT NOT NULL DEFAULT '',
    heading_zh TEXT NOT NULL DEFAULT '',
    media TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    film TEXT NOT NULL DEFAULT ''
);
CREATE TABLE winners (
    category TEXT PRIMARY KEY,
    film TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('jury', 'audience')),
    set_by TEXT NOT NULL,
    set_at TEXT NOT NULL
);
CREATE TABLE published (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL,
    payload BLOB NOT NULL
);
)")},
    };
}

std::optional<Database> CeremonyStore::openDatabase(const QString &path, QString *error)
{
    std::optional<Database> db = Database::open(path, Database::Options{Database::Sync::Full, true, 5000}, error);
    if (db && !db->migrate(migrations(), error))
        return std::nullopt;
    return db;
}

CeremonyStore::CeremonyStore(Database &db)
    : m_db(db)
{
}

bool CeremonyStore::migrate(QString *error)
{
    return m_db.migrate(migrations(), error);
}

QList<CueDefinition> CeremonyStore::cues()
{
    Statement q = m_db.prepare(QStringLiteral(
        "SELECT type, heading_en, heading_zh, media, category, film FROM cues ORDER BY position"));
    QList<CueDefinition> cues;
    while (q.step() == Statement::Step::Row)
        cues << CueDefinition{Cue::Type(q.columnInt(0)), {q.columnText(1), q.columnText(2)}, q.columnText(3),
                              q.columnText(4), q.columnText(5)};
    return cues;
}

bool CeremonyStore::replaceCues(const QList<CueDefinition> &cues, QString *error)
{
    Transaction tx(m_db);
    if (!m_db.exec(QStringLiteral("DELETE FROM cues"), error))
        return false;
    Statement insert = m_db.prepare(QStringLiteral(
        "INSERT INTO cues (position, type, heading_en, heading_zh, media, category, film) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < cues.size(); ++i) {
        const CueDefinition &c = cues.at(i);
        insert.reset();
        insert.bind(1, i).bind(2, int(c.type)).bind(3, c.heading.en).bind(4, c.heading.zh).bind(5, c.media)
            .bind(6, c.category).bind(7, c.film);
        if (!insert.exec()) {
            if (error)
                *error = insert.error();
            return false;
        }
    }
    return tx.commit(error);
}

std::optional<CeremonyStore::Winner> CeremonyStore::winner(const QString &category)
{
    Statement q = m_db.prepare(QStringLiteral("SELECT film, source FROM winners WHERE category = ?"));
    q.bind(1, category);
    if (q.step() != Statement::Step::Row)
        return std::nullopt;
    return Winner{q.columnText(0), q.columnText(1)};
}

QStringList CeremonyStore::sealedCategories()
{
    Statement q = m_db.prepare(QStringLiteral("SELECT category FROM winners ORDER BY category"));
    QStringList list;
    while (q.step() == Statement::Step::Row)
        list << q.columnText(0);
    return list;
}

bool CeremonyStore::setWinner(const QString &category, const Winner &winner, const QString &account, QString *error)
{
    Transaction tx(m_db);
    Statement q = m_db.prepare(QStringLiteral(
        "INSERT INTO winners (category, film, source, set_by, set_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (category) DO UPDATE SET film = excluded.film, source = excluded.source, "
        "set_by = excluded.set_by, set_at = excluded.set_at"));
    q.bind(1, category).bind(2, winner.film).bind(3, winner.source).bind(4, account)
        .bind(5, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (!q.exec()) {
        if (error)
            *error = q.error();
        return false;
    }
    return tx.commit(error);
}

CeremonyStore::Published CeremonyStore::published()
{
    Statement q = m_db.prepare(QStringLiteral("SELECT seq, payload FROM published WHERE id = 1"));
    if (q.step() != Statement::Step::Row)
        return {};
    return {q.columnInt(0), q.columnBlob(1)};
}

bool CeremonyStore::savePublished(const Published &published, QString *error)
{
    Transaction tx(m_db);
    Statement q = m_db.prepare(QStringLiteral(
        "INSERT INTO published (id, seq, payload) VALUES (1, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, payload = excluded.payload"));
    q.bind(1, published.seq).bind(2, published.payload);
    if (!q.exec()) {
        if (error)
            *error = q.error();
        return false;
    }
    return tx.commit(error);
}

} // namespace fest
