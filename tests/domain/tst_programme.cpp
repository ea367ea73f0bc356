#include "programme.h"

#include <QTest>

using namespace fest;

class tst_Programme : public QObject
{
    Q_OBJECT

private slots:
    void lookups_data();
    void lookups();
    void contentSecondsSumsTheBlock();
};

static Programme programme()
{
    Programme p;
    p.venues = {{"V-1", {}, {}}};
    p.screens = {{"SC-1", "V-1", {}}};
    Film a;
    a.id = "F-1";
    a.runtimeSeconds = 100;
    Film b = a;
    b.id = "F-2";
    b.runtimeSeconds = 250;
    p.films = {a, b};
    p.screenings = {{"S-1", "SC-1", {}, {}, {"F-1", "F-2", "F-404"}, {}, Screening::Status::Scheduled}};
    p.events = {{"E-1", ProgrammeEvent::Kind::Panel, {}, "V-1", {}, {}, {}}};
    p.awards = {{"A-1", {}, AwardCategory::DecidedBy::Audience, {"F-2"}}};
    return p;
}

void tst_Programme::lookups_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("found");
    QTest::newRow("present") << "" << true;
    QTest::newRow("absent") << "X" << false;
}

void tst_Programme::lookups()
{
    QFETCH(QString, id);
    QFETCH(bool, found);
    const Programme p = programme();
    auto pick = [&](const QString &real) { return id.isEmpty() ? real : id; };
    QCOMPARE(p.venue(pick("V-1")) != nullptr, found);
    QCOMPARE(p.screen(pick("SC-1")) != nullptr, found);
    QCOMPARE(p.film(pick("F-2")) != nullptr, found);
    QCOMPARE(p.screening(pick("S-1")) != nullptr, found);
    QCOMPARE(p.event(pick("E-1")) != nullptr, found);
    QCOMPARE(p.award(pick("A-1")) != nullptr, found);
    if (found)
        QCOMPARE(p.film("F-2")->runtimeSeconds, 250);
}

void tst_Programme::contentSecondsSumsTheBlock()
{
    const Programme p = programme();
    QCOMPARE(p.contentSeconds(p.screenings.first()), 350);   // the unknown film counts 0
}

QTEST_GUILESS_MAIN(tst_Programme)
#include "tst_programme.moc"
