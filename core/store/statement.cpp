#include "statement.h"

#include <sqlite3.h>

#include <QLoggingCategory>
#include <utility>

Q_DECLARE_LOGGING_CATEGORY(lcDb)

namespace fest {

Statement::Statement(sqlite3 *db, const QString &sql)
    : m_db(db)
{
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &m_stmt, nullptr) != SQLITE_OK) {
        m_error = QStringLiteral("cannot prepare \"%1\": %2").arg(sql.simplified(), QString::fromUtf8(sqlite3_errmsg(db)));
        qCWarning(lcDb).noquote() << m_error;
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
}

Statement::Statement(Statement &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_error(std::move(other.m_error))
{
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_error = std::move(other.m_error);
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement &Statement::bind(int index, const QVariant &value)
{
    if (!m_stmt)
        return *this;
    int rc = SQLITE_OK;
    if (!value.isValid() || value.isNull()) {
        rc = sqlite3_bind_null(m_stmt, index);
    } else {
        switch (value.typeId()) {
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
        case QMetaType::Long:
        case QMetaType::ULong:
            rc = sqlite3_bind_int64(m_stmt, index, value.toLongLong());
            break;
        case QMetaType::Double:
        case QMetaType::Float:
            rc = sqlite3_bind_double(m_stmt, index, value.toDouble());
            break;
        case QMetaType::QByteArray: {
            const QByteArray blob = value.toByteArray();
            rc = sqlite3_bind_blob64(m_stmt, index, blob.constData(), sqlite3_uint64(blob.size()), SQLITE_TRANSIENT);
            break;
        }
        default: {
            const QByteArray text = value.toString().toUtf8();
            rc = sqlite3_bind_text64(m_stmt, index, text.constData(), sqlite3_uint64(text.size()), SQLITE_TRANSIENT, SQLITE_UTF8);
            break;
        }
        }
    }
    if (rc != SQLITE_OK)
        recordError("bind");
    return *this;
}

Statement &Statement::bind(const char *name, const QVariant &value)
{
    if (!m_stmt)
        return *this;
    const int index = sqlite3_bind_parameter_index(m_stmt, name);
    if (index == 0) {
        m_error = QStringLiteral("no parameter named %1").arg(QLatin1String(name));
        qCWarning(lcDb).noquote() << m_error;
        return *this;
    }
    return bind(index, value);
}

Statement::Step Statement::step()
{
    if (!m_stmt)
        return Step::Error;
    switch (sqlite3_step(m_stmt)) {
    case SQLITE_ROW:
        return Step::Row;
    case SQLITE_DONE:
        return Step::Done;
    default:
        recordError("step");
        return Step::Error;
    }
}

bool Statement::exec()
{
    Step s;
    while ((s = step()) == Step::Row) { }
    return s == Step::Done;
}

void Statement::reset()
{
    if (!m_stmt)
        return;
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int Statement::columnCount() const { return m_stmt ? sqlite3_column_count(m_stmt) : 0; }
qint64 Statement::columnInt(int i) const { return sqlite3_column_int64(m_stmt, i); }
double Statement::columnDouble(int i) const { return sqlite3_column_double(m_stmt, i); }
bool Statement::columnIsNull(int i) const { return sqlite3_column_type(m_stmt, i) == SQLITE_NULL; }

QString Statement::columnText(int i) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, i));
    return QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, i));
}

QByteArray Statement::columnBlob(int i) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, i));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, i));
}

void Statement::recordError(const char *what)
{
    m_error = QStringLiteral("%1 failed: %2 (SQLite code %3)")
                  .arg(QLatin1String(what), QString::fromUtf8(sqlite3_errmsg(m_db)))
                  .arg(sqlite3_extended_errcode(m_db));
    qCWarning(lcDb).noquote() << m_error;
}

} // namespace fest
