#include "ceremonystore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fest;

class tst_CeremonyStore : public QObject
{
    Q_OBJECT

private slots:
    void cuesWinnersAndStateSurviveReopening();
    void winnerCanBeChangedBeforeReveal();
};

void tst_CeremonyStore::cuesWinnersAndStateSurviveReopening()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ceremony.db"));
    const QList<CueDefinition> cues{{Cue::Type::Intro, {QStringLiteral("Award Ceremony"), QStringLiteral("頒獎典禮")}, QStringLiteral("c/intro.webm"), {}, {}},
                                    {Cue::Type::Nominee, {}, {}, QStringLiteral("best-film"), QStringLiteral("F-001")},
                                    {Cue::Type::Reveal, {}, {}, QStringLiteral("best-film"), {}}};
    QString error;
    {
        std::optional<Database> db = CeremonyStore::openDatabase(path, &error);
        QVERIFY2(db, qPrintable(error));
        CeremonyStore store(*db);
        QVERIFY(store.cues().isEmpty());
        QCOMPARE(store.published().seq, 0);
        QVERIFY(store.replaceCues(cues, &error));
        QVERIFY(store.setWinner(QStringLiteral("best-film"), {QStringLiteral("F-001"), QStringLiteral("jury")}, QStringLiteral("org"), &error));
        QVERIFY(store.savePublished({41, QByteArray("payload 41")}, &error));
    }
    std::optional<Database> db = CeremonyStore::openDatabase(path, &error);
    QVERIFY2(db, qPrintable(error));
    QCOMPARE(db->userVersion(), CeremonyStore::migrations().last().version);
    CeremonyStore store(*db);
    QCOMPARE(store.cues(), cues);
    QCOMPARE(store.winner(QStringLiteral("best-film"))->film, QStringLiteral("F-001"));
    QVERIFY(!store.winner(QStringLiteral("best-first-work")));
    QCOMPARE(store.sealedCategories(), QStringList{QStringLiteral("best-film")});
    // A restarted controller continues from the stored seq, so nodes never see it go back.
    QCOMPARE(store.published().seq, 41);
    QCOMPARE(store.published().payload, QByteArray("payload 41"));
}

void tst_CeremonyStore::winnerCanBeChangedBeforeReveal()
{
    QTemporaryDir dir;
    QString error;
    std::optional<Database> db = CeremonyStore::openDatabase(dir.filePath(QStringLiteral("c.db")), &error);
    QVERIFY(db);
    CeremonyStore store(*db);
    QVERIFY(store.setWinner(QStringLiteral("best-film"), {QStringLiteral("F-001"), QStringLiteral("jury")}, QStringLiteral("org"), &error));
    QVERIFY(store.setWinner(QStringLiteral("best-film"), {QStringLiteral("F-003"), QStringLiteral("jury")}, QStringLiteral("org"), &error));
    QCOMPARE(store.winner(QStringLiteral("best-film"))->film, QStringLiteral("F-003"));
    QVERIFY(!store.setWinner(QStringLiteral("best-film"), {QStringLiteral("F-003"), QStringLiteral("bribe")}, QStringLiteral("org"), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(store.winner(QStringLiteral("best-film"))->film, QStringLiteral("F-003"));
}

QTEST_GUILESS_MAIN(tst_CeremonyStore)
#include "tst_ceremonystore.moc"
