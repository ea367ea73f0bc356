#include "transaction.h"
#include "database.h"

namespace fest {

Transaction::Transaction(Database &db)
    : m_db(db)
{
    m_active = m_db.exec(QStringLiteral("BEGIN IMMEDIATE"), &m_error);
}

Transaction::~Transaction()
{
    rollback();
}

bool Transaction::commit(QString *error)
{
    if (!m_active) {
        if (error)
            *error = m_error.isEmpty() ? QStringLiteral("no transaction is open") : m_error;
        return false;
    }
    if (!m_db.exec(QStringLiteral("COMMIT"), &m_error) || m_db.inTransaction()) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("COMMIT did not end the transaction");
        if (error)
            *error = m_error;
        rollback();
        return false;
    }
    m_active = false;
    return true;
}

void Transaction::rollback()
{
    if (m_active && m_db.inTransaction())
        m_db.exec(QStringLiteral("ROLLBACK"));
    m_active = false;
}

} // namespace fest
