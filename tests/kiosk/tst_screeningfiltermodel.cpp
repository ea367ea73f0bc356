#include "sampleprogramme.h"
#include "screeningfiltermodel.h"
#include "screeninglistmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace fest;

class tst_ScreeningFilterModel : public QObject
{
    Q_OBJECT
private slots:
    void filters_data();
    void filters();
    void votingOpenOnlyFollowsWindows();
    void filmPageWithoutFilmListsNothing();
};

void tst_ScreeningFilterModel::filters_data()
{
    QTest::addColumn<QString>("day");
    QTest::addColumn<QString>("venue");
    QTest::addColumn<QString>("film");
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("count");
    QTest::newRow("everything") << "" << "" << "" << "" << "" << 18;
    QTest::newRow("first day") << "2026-12-05" << "" << "" << "" << "" << 8;
    QTest::newRow("hall") << "" << "V-HALL" << "" << "" << "" << 2;
    QTest::newRow("film F-001") << "" << "" << "F-001" << "" << "" << 2;
    QTest::newRow("second day, F-001") << "2026-12-06" << "" << "F-001" << "" << "" << 1;
    QTest::newRow("category") << "" << "" << "" << "best-first-work" << "" << 8;
    QTest::newRow("search film title in block") << "" << "" << "" << "" << "月光" << 2;
    QTest::newRow("search country") << "" << "" << "" << "" << "Kazakhstan" << 2;
    QTest::newRow("nothing") << "2026-12-07" << "" << "" << "" << "" << 0;
}

void tst_ScreeningFilterModel::filters()
{
    QFETCH(QString, day);
    QFETCH(QString, venue);
    QFETCH(QString, film);
    QFETCH(QString, category);
    QFETCH(QString, query);
    QFETCH(int, count);
    ScreeningListModel screenings;
    screenings.setProgramme(SampleProgramme::load());
    ScreeningFilterModel filter;
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSourceModel(&screenings);
    filter.setDay(day);
    filter.setVenueId(venue);
    filter.setFilmId(film);
    filter.setCategoryId(category);
    filter.setQuery(query);
    QCOMPARE(filter.count(), count);
}

void tst_ScreeningFilterModel::votingOpenOnlyFollowsWindows()
{
    ScreeningListModel screenings;
    screenings.setProgramme(SampleProgramme::load());
    ScreeningFilterModel filter;
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSourceModel(&screenings);
    filter.setVotingOpenOnly(true);
    QCOMPARE(filter.count(), 0);
    VotingStatus windows;
    windows.setWindows({{QStringLiteral("S-0103"), {VotingStatus::State::Open, {}}},
                        {QStringLiteral("S-0104"), {VotingStatus::State::Closed, {}}}});
    screenings.setVotingStatus(windows);
    QCOMPARE(filter.count(), 1);
    QCOMPARE(filter.idAt(0), QStringLiteral("S-0103"));
    windows.setWindows({});
    screenings.setVotingStatus(windows);
    QCOMPARE(filter.count(), 0);
}

// The film page's list was built with every screening (a delegate each, 1,864 with a
// large programme) before the page got its film: a slow, heavy start.
void tst_ScreeningFilterModel::filmPageWithoutFilmListsNothing()
{
    ScreeningListModel screenings;
    screenings.setProgramme(SampleProgramme::load());
    ScreeningFilterModel filter;
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSourceModel(&screenings);
    filter.setFilmRequired(true);
    QCOMPARE(filter.count(), 0);
    filter.setFilmId(QStringLiteral("F-001"));
    QCOMPARE(filter.count(), 2);
    filter.setFilmId({});
    QCOMPARE(filter.count(), 0);
    filter.setFilmRequired(false);
    QCOMPARE(filter.count(), 18);
}

QTEST_GUILESS_MAIN(tst_ScreeningFilterModel)
#include "tst_screeningfiltermodel.moc"
