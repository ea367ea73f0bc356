#include "database.h"
#include "transaction.h"

#include <sqlite3.h>

#include <QLoggingCategory>
#include <utility>

Q_LOGGING_CATEGORY(lcDb, "fest.db")

namespace fest {

namespace {
const char *syncPragma(Database::Sync sync)
{
    switch (sync) {
    case Database::Sync::Off: return "PRAGMA synchronous=OFF";
    case Database::Sync::Normal: return "PRAGMA synchronous=NORMAL";
    case Database::Sync::Full: return "PRAGMA synchronous=FULL";
    }
    return "PRAGMA synchronous=FULL";
}
} // namespace

Database::Database(sqlite3 *db, QString path)
    : m_db(db)
    , m_path(std::move(path))
{
}

std::optional<Database> Database::open(const QString &path, const Options &options, QString *error)
{
    sqlite3 *raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &raw, flags, nullptr);
    Database db(raw, path);  // owns raw even when opening failed
    if (rc != SQLITE_OK) {
        if (error)
            *error = QStringLiteral("cannot open database %1: %2").arg(path, QString::fromUtf8(sqlite3_errstr(rc)));
        return std::nullopt;
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, options.busyTimeoutMs);
    QString why;
    if (!db.exec(QStringLiteral("PRAGMA foreign_keys=ON"), &why)
        || (options.wal && !db.exec(QStringLiteral("PRAGMA journal_mode=WAL"), &why))
        || !db.exec(QLatin1String(syncPragma(options.sync)), &why)) {
        if (error)
            *error = QStringLiteral("cannot set up database %1: %2").arg(path, why);
        return std::nullopt;
    }
    return db;
}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_path(std::move(other.m_path))
{
}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

Database::~Database()
{
    sqlite3_close_v2(m_db);
}

bool Database::exec(const QString &sql, QString *error)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const QString text = QStringLiteral("%1 (SQLite code %2)").arg(QString::fromUtf8(message ? message : sqlite3_errstr(rc))).arg(rc);
        sqlite3_free(message);
        qCWarning(lcDb).noquote() << "exec failed:" << text;
        if (error)
            *error = text;
        return false;
    }
    return true;
}

Statement Database::prepare(const QString &sql) const
{
    return Statement(m_db, sql);
}

int Database::userVersion() const
{
    Statement s = prepare(QStringLiteral("PRAGMA user_version"));
    return s.step() == Statement::Step::Row ? int(s.columnInt(0)) : -1;
}

bool Database::migrate(const QList<Migration> &ordered, QString *error)
{
    const int current = userVersion();
    const int newest = ordered.isEmpty() ? 0 : ordered.last().version;
    if (current > newest) {
        if (error)
            *error = QStringLiteral("database %1 has schema version %2, newer than this program knows (%3): "
                                    "use a newer release or a fresh database file")
                         .arg(m_path).arg(current).arg(newest);
        return false;
    }
    for (const Migration &m : ordered) {
        if (m.version <= current)
            continue;
        Transaction tx(*this);
        QString why;
        if (!tx.isActive() || !exec(m.sql, &why)
            || !exec(QStringLiteral("PRAGMA user_version=%1").arg(m.version), &why) || !tx.commit(&why)) {
            if (error)
                *error = QStringLiteral("migration to schema version %1 of %2 failed: %3").arg(m.version).arg(m_path, why);
            return false;
        }
        qCInfo(lcDb) << "migrated" << m_path << "to schema version" << m.version;
    }
    return true;
}

qint64 Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(m_db); }
int Database::changes() const { return sqlite3_changes(m_db); }
QString Database::lastError() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }
int Database::lastErrorCode() const { return sqlite3_extended_errcode(m_db); }
bool Database::inTransaction() const { return sqlite3_get_autocommit(m_db) == 0; }

} // namespace fest
