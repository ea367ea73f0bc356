#include "filmfiltermodel.h"
#include "filmlistmodel.h"
#include "sampleprogramme.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace fest;

class tst_FilmFilterModel : public QObject
{
    Q_OBJECT
private slots:
    void search_data();
    void search();
    void categoryFilter();
    void sortsByTitleInDisplayLanguage();
};

void tst_FilmFilterModel::search_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("ids");
    QTest::newRow("english title, any case") << "neonature" << QStringList{"F-002"};
    QTest::newRow("spaces ignored") << "neo nature" << QStringList{"F-002"};
    QTest::newRow("chinese title") << "愛神" << QStringList{"F-001"};
    QTest::newRow("original script") << "燼舟" << QStringList{"F-004"};
    QTest::newRow("maker") << "cardona" << QStringList{"F-001"};
    QTest::newRow("maker in chinese") << "歐陽" << QStringList{"F-004"};
    QTest::newRow("country in english") << "mexico" << QStringList{"F-001"};
    QTest::newRow("country in chinese") << "墨西哥" << QStringList{"F-001"};
    QTest::newRow("two words, both must match") << "project tam" << QStringList{"F-003"};
    QTest::newRow("accents kept, case folded") << "MARÉ" << QStringList{"F-009"};
    QTest::newRow("no match") << "zzzz" << QStringList{};
}

void tst_FilmFilterModel::search()
{
    QFETCH(QString, query);
    QFETCH(QStringList, ids);
    FilmListModel films;
    films.setProgramme(SampleProgramme::load());
    FilmFilterModel filter;
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSourceModel(&films);
    QSignalSpy count(&filter, &SearchFilterModel::countChanged);
    filter.setQuery(query);
    QStringList found;
    for (int row = 0; row < filter.rowCount(); ++row)
        found << filter.idAt(row);
    found.sort();
    QCOMPARE(found, ids);
    QCOMPARE(filter.count(), ids.size());
    QVERIFY(count.size() >= 1);
    filter.setQuery({});
    QCOMPARE(filter.count(), 40);
}

void tst_FilmFilterModel::categoryFilter()
{
    FilmListModel films;
    films.setProgramme(SampleProgramme::load());
    FilmFilterModel filter;
    filter.setSourceModel(&films);
    filter.setCategoryId(QStringLiteral("best-human-ai-collaboration"));
    QCOMPARE(filter.count(), 4);
    filter.setQuery(QStringLiteral("hong kong"));
    QCOMPARE(filter.count(), 1);
    QCOMPARE(filter.idAt(0), QStringLiteral("F-004"));
}

void tst_FilmFilterModel::sortsByTitleInDisplayLanguage()
{
    FilmListModel films;
    films.setProgramme(SampleProgramme::load());
    FilmFilterModel filter;
    filter.setSourceModel(&films);
    filter.setQuery(QStringLiteral("project"));
    filter.setQuery({});
    const auto title = [&](int row) { return filter.index(row, 0).data(FilmListModel::TitleRole).toString(); };
    for (int row = 1; row < filter.rowCount(); ++row)
        QVERIFY2(QString::localeAwareCompare(title(row - 1), title(row)) <= 0, qPrintable(title(row)));
}

QTEST_GUILESS_MAIN(tst_FilmFilterModel)
#include "tst_filmfiltermodel.moc"
