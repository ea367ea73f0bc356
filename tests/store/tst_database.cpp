#include "database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fest;

class tst_Database : public QObject
{
    Q_OBJECT

private slots:
    void opensWithWalAndForeignKeys();
    void reportsUnopenablePath();
    void migratesInOrderOnce();
    void failedMigrationLeavesVersion();
    void refusesNewerSchema();
    void bindsAndReadsEveryType();
    void reportsPrepareError();

private:
    Database openFresh(const QString &name = QStringLiteral("t.db"));
    QTemporaryDir m_dir;
};

Database tst_Database::openFresh(const QString &name)
{
    QString error;
    auto db = Database::open(m_dir.filePath(name), {}, &error);
    if (!db)
        qFatal("open failed: %s", qPrintable(error));
    return std::move(*db);
}

void tst_Database::opensWithWalAndForeignKeys()
{
    Database db = openFresh(QStringLiteral("wal.db"));
    Statement mode = db.prepare(QStringLiteral("PRAGMA journal_mode"));
    QCOMPARE(mode.step(), Statement::Step::Row);
    QCOMPARE(mode.columnText(0), QStringLiteral("wal"));
    Statement fk = db.prepare(QStringLiteral("PRAGMA foreign_keys"));
    QCOMPARE(fk.step(), Statement::Step::Row);
    QCOMPARE(fk.columnInt(0), 1);
    Statement sync = db.prepare(QStringLiteral("PRAGMA synchronous"));
    QCOMPARE(sync.step(), Statement::Step::Row);
    QCOMPARE(sync.columnInt(0), 2);  // FULL
}

void tst_Database::reportsUnopenablePath()
{
    QString error;
    auto db = Database::open(m_dir.filePath(QStringLiteral("no/such/dir/x.db")), {}, &error);
    QVERIFY(!db);
    QVERIFY2(error.contains(QStringLiteral("cannot open database")), qPrintable(error));
}

void tst_Database::migratesInOrderOnce()
{
    Database db = openFresh(QStringLiteral("mig.db"));
    const QList<Database::Migration> migrations{
        {1, QStringLiteral("CREATE TABLE a(x INTEGER)")},
        {2, QStringLiteral("ALTER TABLE a ADD COLUMN y TEXT; INSERT INTO a VALUES (1, 'one')")},
    };
    QString error;
    QVERIFY2(db.migrate(migrations, &error), qPrintable(error));
    QCOMPARE(db.userVersion(), 2);
    QVERIFY2(db.migrate(migrations, &error), qPrintable(error));  // again: nothing re-applied
    Statement count = db.prepare(QStringLiteral("SELECT count(*) FROM a"));
    QCOMPARE(count.step(), Statement::Step::Row);
    QCOMPARE(count.columnInt(0), 1);
}

void tst_Database::failedMigrationLeavesVersion()
{
    Database db = openFresh(QStringLiteral("bad.db"));
    QString error;
    QVERIFY(db.migrate({{1, QStringLiteral("CREATE TABLE a(x)")}}, &error));
    const QList<Database::Migration> broken{
        {1, QStringLiteral("CREATE TABLE a(x)")},
        {2, QStringLiteral("CREATE TABLE b(y); THIS IS NOT SQL")},
    };
    QVERIFY(!db.migrate(broken, &error));
    QVERIFY2(error.contains(QStringLiteral("schema version 2")), qPrintable(error));
    QCOMPARE(db.userVersion(), 1);
    // the half-applied migration was rolled back: table b does not exist
    QVERIFY(!db.prepare(QStringLiteral("SELECT * FROM b")).isValid());
}

void tst_Database::refusesNewerSchema()
{
    Database db = openFresh(QStringLiteral("newer.db"));
    QVERIFY(db.exec(QStringLiteral("PRAGMA user_version=7")));
    QString error;
    QVERIFY(!db.migrate({{1, QStringLiteral("CREATE TABLE a(x)")}}, &error));
    QVERIFY2(error.contains(QStringLiteral("newer than this program")), qPrintable(error));
}

void tst_Database::bindsAndReadsEveryType()
{
    Database db = openFresh(QStringLiteral("types.db"));
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE t(i INTEGER, d REAL, s TEXT, b BLOB, n TEXT)")));
    Statement ins = db.prepare(QStringLiteral("INSERT INTO t VALUES (?, ?, :s, ?, ?)"));
    const QByteArray blob("\x00\x01\xff", 3);
    ins.bind(1, qint64(1) << 53).bind(2, 2.5).bind(":s", QStringLiteral("燼舟渡")).bind(4, blob).bind(5, QVariant());
    QVERIFY2(ins.exec(), qPrintable(ins.error()));
    Statement sel = db.prepare(QStringLiteral("SELECT i, d, s, b, n FROM t"));
    QCOMPARE(sel.step(), Statement::Step::Row);
    QCOMPARE(sel.columnInt(0), qint64(1) << 53);
    QCOMPARE(sel.columnDouble(1), 2.5);
    QCOMPARE(sel.columnText(2), QStringLiteral("燼舟渡"));
    QCOMPARE(sel.columnBlob(3), blob);
    QVERIFY(sel.columnIsNull(4));
    QCOMPARE(sel.step(), Statement::Step::Done);
}

void tst_Database::reportsPrepareError()
{
    Database db = openFresh(QStringLiteral("err.db"));
    Statement s = db.prepare(QStringLiteral("SELECT * FROM missing_table"));
    QVERIFY(!s.isValid());
    QVERIFY2(s.error().contains(QStringLiteral("missing_table")), qPrintable(s.error()));
    QCOMPARE(s.step(), Statement::Step::Error);
}

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_database.moc"
