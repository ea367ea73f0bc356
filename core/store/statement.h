#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;

namespace fest {

// A prepared statement; owns its sqlite3_stmt. Move-only.
class Statement
{
public:
    Statement() = default;
    Statement(sqlite3 *db, const QString &sql);
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    bool isValid() const { return m_stmt != nullptr; }
    QString error() const { return m_error; }

    // 1-based index. A null QVariant binds NULL, QByteArray a blob, integers as int64.
    Statement &bind(int index, const QVariant &value);
    Statement &bind(const char *name, const QVariant &value);

    enum class Step { Row, Done, Error };
    Step step();
    // Steps until done; false on error (see error()).
    bool exec();
    // Resets the statement and clears its bindings, ready for reuse.
    void reset();

    int columnCount() const;
    qint64 columnInt(int i) const;
    double columnDouble(int i) const;
    QString columnText(int i) const;
    QByteArray columnBlob(int i) const;
    bool columnIsNull(int i) const;

private:
    void recordError(const char *what);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_error;
};

} // namespace fest
