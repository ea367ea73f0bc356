#include "programmegenerator.h"
#include "programmejson.h"
#include "programmevalidator.h"

#include <QSet>
#include <QTest>

using namespace fest;

class tst_ProgrammeGenerator : public QObject
{
    Q_OBJECT

private slots:
    void festivalScaleIsValid();
    void sizes_data();
    void sizes();
    void sameSeedSameProgramme();
    void fitsTheProgrammeLimits();
};

void tst_ProgrammeGenerator::festivalScaleIsValid()
{
    const Programme p = ProgrammeGenerator::generate({});
    QCOMPARE(p.films.size(), 1300);
    QCOMPARE(p.screens.size(), 100);
    QSet<QString> countries;
    for (const Film &f : p.films)
        countries.insert(f.country);
    QCOMPARE(countries.size(), 80);
    const QList<ProgrammeError> errors = ProgrammeValidator::validate(p, 10);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).toString()));
    // Every film of the catalogue is screened at least once.
    QSet<QString> screened;
    for (const Screening &s : p.screenings)
        for (const QString &id : s.filmIds)
            screened.insert(id);
    QCOMPARE(screened.size(), p.films.size());
}

void tst_ProgrammeGenerator::sizes_data()
{
    QTest::addColumn<int>("films");
    QTest::addColumn<int>("screens");
    QTest::addColumn<int>("days");
    QTest::addColumn<int>("changeover");
    QTest::newRow("reference edition") << 40 << 10 << 2 << 10;
    QTest::newRow("one screen") << 5 << 1 << 1 << 15;
    QTest::newRow("long changeover") << 100 << 7 << 3 << 30;
}

void tst_ProgrammeGenerator::sizes()
{
    QFETCH(int, films);
    QFETCH(int, screens);
    QFETCH(int, days);
    QFETCH(int, changeover);
    ProgrammeGenerator::Options options;
    options.films = films;
    options.screens = screens;
    options.days = days;
    options.changeoverMinutes = changeover;
    const Programme p = ProgrammeGenerator::generate(options);
    QCOMPARE(p.films.size(), films);
    QCOMPARE(p.screens.size(), screens);
    QVERIFY(!p.screenings.isEmpty());
    QCOMPARE(p.screenings.last().start.date(), options.firstDay.addDays(days - 1));
    const QList<ProgrammeError> errors = ProgrammeValidator::validate(p, changeover);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).toString()));
}

void tst_ProgrammeGenerator::sameSeedSameProgramme()
{
    ProgrammeGenerator::Options options;
    options.films = 200;
    options.screens = 10;
    const QString hash = ProgrammeJson::contentHash(ProgrammeGenerator::generate(options));
    QCOMPARE(ProgrammeJson::contentHash(ProgrammeGenerator::generate(options)), hash);
    options.seed = 2;
    QVERIFY(ProgrammeJson::contentHash(ProgrammeGenerator::generate(options)) != hash);
}

void tst_ProgrammeGenerator::fitsTheProgrammeLimits()
{
    const Programme p = ProgrammeGenerator::generate({});
    const QByteArray json = ProgrammeJson::encode(p);
    QList<ProgrammeError> errors;
    const auto decoded = ProgrammeJson::decode(json, &errors);
    QVERIFY2(decoded, qPrintable(errors.value(0).toString()));
    QCOMPARE(*decoded, p);
}

QTEST_GUILESS_MAIN(tst_ProgrammeGenerator)
#include "tst_programmegenerator.moc"
