#include "programmerepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fest;

class tst_ProgrammeRepository : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void emptyDatabaseHasNoVersion();
    void everyCommitIsANewVersionWithItsAudit();
    void auditFiltersByAccount();
    void failedCommitKeepsPreviousVersion();
    void versionsSurviveReopening();

private:
    QTemporaryDir m_dir;
    std::optional<Database> m_db;
    std::unique_ptr<ProgrammeRepository> m_repo;
    int m_n = 0;
};

void tst_ProgrammeRepository::init()
{
    QString error;
    m_repo.reset();
    m_db = Database::open(m_dir.filePath(QStringLiteral("r%1.db").arg(++m_n)), {}, &error);
    QVERIFY2(m_db, qPrintable(error));
    m_repo = std::make_unique<ProgrammeRepository>(*m_db);
    QVERIFY2(m_repo->migrate(&error), qPrintable(error));
}

void tst_ProgrammeRepository::emptyDatabaseHasNoVersion()
{
    QVERIFY(!m_repo->current());
    QCOMPARE(m_repo->auditLog(10).size(), 0);
}

void tst_ProgrammeRepository::everyCommitIsANewVersionWithItsAudit()
{
    QString error;
    const auto v1 = m_repo->commit("{\"a\":1}", QStringLiteral("h1"), {QStringLiteral("alice"), QStringLiteral("programme.import"), {}, {}, QJsonObject{{"n", 1}}}, &error);
    QVERIFY2(v1, qPrintable(error));
    const auto v2 = m_repo->commit("{\"a\":2}", QStringLiteral("h2"),
                                   {QStringLiteral("bob"), QStringLiteral("screening.move"), {{"id", "S1"}}, QJsonObject{{"start", "10:00"}}, QJsonObject{{"start", "10:30"}}}, &error);
    QVERIFY2(v2, qPrintable(error));
    QCOMPARE(*v1, 1);
    QCOMPARE(*v2, 2);
    QCOMPARE(m_repo->current()->number, 2);
    QCOMPARE(m_repo->current()->json, QByteArray("{\"a\":2}"));
    QCOMPARE(m_repo->current()->hash, QStringLiteral("h2"));

    const QJsonArray log = m_repo->auditLog(10);
    QCOMPARE(log.size(), 2);
    const QJsonObject newest = log.first().toObject();
    QCOMPARE(newest.value(QStringLiteral("account")).toString(), QStringLiteral("bob"));
    QCOMPARE(newest.value(QStringLiteral("op")).toString(), QStringLiteral("screening.move"));
    QCOMPARE(newest.value(QStringLiteral("programmeVersion")).toInteger(), 2);
    QCOMPARE(newest.value(QStringLiteral("before")).toObject().value(QStringLiteral("start")).toString(), QStringLiteral("10:00"));
    QCOMPARE(newest.value(QStringLiteral("after")).toObject().value(QStringLiteral("start")).toString(), QStringLiteral("10:30"));
    QCOMPARE(newest.value(QStringLiteral("args")).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("S1"));
}

void tst_ProgrammeRepository::auditFiltersByAccount()
{
    QString error;
    QVERIFY(m_repo->audit({QStringLiteral("alice"), QStringLiteral("voting.open"), {}, {}, {}}, &error));
    QVERIFY(m_repo->audit({QStringLiteral("bob"), QStringLiteral("voting.close"), {}, {}, {}}, &error));
    const QJsonArray alice = m_repo->auditLog(10, QStringLiteral("alice"));
    QCOMPARE(alice.size(), 1);
    QCOMPARE(alice.first().toObject().value(QStringLiteral("op")).toString(), QStringLiteral("voting.open"));
    QVERIFY(!alice.first().toObject().contains(QStringLiteral("programmeVersion")));
}

// A version whose audit entry cannot be written must not be kept: the two go together.
void tst_ProgrammeRepository::failedCommitKeepsPreviousVersion()
{
    QString error;
    QVERIFY(m_repo->commit("{}", QStringLiteral("h1"), {QStringLiteral("alice"), QStringLiteral("programme.import"), {}, {}, {}}, &error));
    QVERIFY(m_db->exec(QStringLiteral("CREATE TRIGGER no_audit BEFORE INSERT ON audit BEGIN SELECT RAISE(FAIL, 'audit is read-only'); END")));
    QVERIFY(!m_repo->commit("{\"x\":1}", QStringLiteral("h2"), {QStringLiteral("alice"), QStringLiteral("programme.import"), {}, {}, {}}, &error));
    QVERIFY2(error.contains(QStringLiteral("audit is read-only")), qPrintable(error));
    QCOMPARE(m_repo->current()->number, 1);
    QCOMPARE(m_repo->current()->hash, QStringLiteral("h1"));
}

void tst_ProgrammeRepository::versionsSurviveReopening()
{
    QString error;
    QVERIFY(m_repo->commit("{\"kept\":true}", QStringLiteral("hk"), {QStringLiteral("alice"), QStringLiteral("programme.import"), {}, {}, {}}, &error));
    const QString path = m_db->path();
    m_repo.reset();
    m_db.reset();
    m_db = Database::open(path, {}, &error);
    QVERIFY(m_db);
    ProgrammeRepository reopened(*m_db);
    QVERIFY(reopened.migrate(&error));
    QCOMPARE(reopened.current()->json, QByteArray("{\"kept\":true}"));
}

QTEST_GUILESS_MAIN(tst_ProgrammeRepository)
#include "tst_programmerepository.moc"
