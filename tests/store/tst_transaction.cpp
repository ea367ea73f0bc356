#include "database.h"
#include "transaction.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fest;

class tst_Transaction : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void commitKeepsRows();
    void destructorRollsBack();
    void failedCommitIsReported();

private:
    qint64 rows();
    QTemporaryDir m_dir;
    std::optional<Database> m_db;
    int m_n = 0;
};

void tst_Transaction::init()
{
    QString error;
    m_db = Database::open(m_dir.filePath(QStringLiteral("tx%1.db").arg(++m_n)), {}, &error);
    QVERIFY2(m_db, qPrintable(error));
    QVERIFY(m_db->exec(QStringLiteral("CREATE TABLE parent(id INTEGER PRIMARY KEY);"
                                      "CREATE TABLE child(p INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)")));
}

qint64 tst_Transaction::rows()
{
    Statement s = m_db->prepare(QStringLiteral("SELECT count(*) FROM parent"));
    return s.step() == Statement::Step::Row ? s.columnInt(0) : -1;
}

void tst_Transaction::commitKeepsRows()
{
    {
        Transaction tx(*m_db);
        QVERIFY(tx.isActive());
        QVERIFY(m_db->exec(QStringLiteral("INSERT INTO parent VALUES (1)")));
        QString error;
        QVERIFY2(tx.commit(&error), qPrintable(error));
    }
    QVERIFY(!m_db->inTransaction());
    QCOMPARE(rows(), 1);
}

void tst_Transaction::destructorRollsBack()
{
    {
        Transaction tx(*m_db);
        QVERIFY(m_db->exec(QStringLiteral("INSERT INTO parent VALUES (1)")));
    }
    QVERIFY(!m_db->inTransaction());
    QCOMPARE(rows(), 0);
}

// A deferred foreign key makes COMMIT itself fail: the caller must be told, and nothing kept.
void tst_Transaction::failedCommitIsReported()
{
    Transaction tx(*m_db);
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO parent VALUES (1)")));
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO child VALUES (99)")));
    QString error;
    QVERIFY(!tx.commit(&error));
    QVERIFY2(error.contains(QStringLiteral("FOREIGN KEY")), qPrintable(error));
    QVERIFY(!m_db->inTransaction());
    QCOMPARE(rows(), 0);
}

QTEST_GUILESS_MAIN(tst_Transaction)
#include "tst_transaction.moc"
