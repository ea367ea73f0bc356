#pragma once

#include "statement.h"

#include <QList>
#include <QString>
#include <optional>

struct sqlite3;

namespace fest {

// An open SQLite database file; owns the connection. Move-only.
//
// Each database chooses its durability explicitly (see Sync): the controller's votes need
// Full, a cache can live with Normal.
class Database
{
public:
    enum class Sync { Off, Normal, Full };
    struct Options {
        Sync sync = Sync::Full;
        bool wal = true;
        int busyTimeoutMs = 5000;
    };
    struct Migration {
        int version;
        QString sql;
    };

    static std::optional<Database> open(const QString &path, const Options &options, QString *error);

    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    // Runs one or more statements that return no rows.
    bool exec(const QString &sql, QString *error = nullptr);
    Statement prepare(const QString &sql) const;

    // Applies, in order and each in its own transaction, the migrations whose version is
    // above user_version. Refuses a database newer than the newest migration.
    bool migrate(const QList<Migration> &ordered, QString *error);
    int userVersion() const;

    qint64 lastInsertRowId() const;
    int changes() const;
    QString lastError() const;
    int lastErrorCode() const;  // SQLite extended result code
    bool inTransaction() const;
    QString path() const { return m_path; }
    sqlite3 *handle() const { return m_db; }

private:
    explicit Database(sqlite3 *db, QString path);

    sqlite3 *m_db = nullptr;
    QString m_path;
};

} // namespace fest
