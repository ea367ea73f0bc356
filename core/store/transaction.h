#pragma once

#include <QString>

namespace fest {

class Database;

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless committed.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    QString error() const { return m_error; }
    // True only when the COMMIT really ended the transaction: SQLite can refuse a COMMIT
    // (SQLITE_BUSY, SQLITE_FULL) and leave it open, and a caller that acknowledges data
    // on a failed commit loses it.
    bool commit(QString *error = nullptr);
    void rollback();

private:
    Database &m_db;
    bool m_active = false;
    QString m_error;
};

} // namespace fest
