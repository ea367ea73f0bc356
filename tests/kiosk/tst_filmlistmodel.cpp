#include "filmlistmodel.h"
#include "sampleprogramme.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace fest;

class tst_FilmListModel : public QObject
{
    Q_OBJECT
private slots:
    void passesModelTester();
    void showsTitleInChosenLanguageWithFallbacks_data();
    void showsTitleInChosenLanguageWithFallbacks();
    void languageSwitchAnnouncesOnlyLocalizedRoles();
    void newProgrammeResetsRows();
    void getReturnsRoleMapAndEmptyForBadRow();
};

void tst_FilmListModel::passesModelTester()
{
    FilmListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProgramme(SampleProgramme::load());
    QCOMPARE(model.rowCount(), 40);
    model.setLanguage(DisplayLanguage::Language::Chinese);
    model.setProgramme(Programme{});
    QCOMPARE(model.rowCount(), 0);
}

void tst_FilmListModel::showsTitleInChosenLanguageWithFallbacks_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("chinese");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("country");
    QTest::newRow("en") << "F-001" << false << "The Afterlife of Aphrodite" << "Mexico";
    QTest::newRow("zh") << "F-001" << true << "愛神的來世" << "墨西哥";
    // 燼舟渡 has an English title but no Chinese one: Chinese readers see the original.
    QTest::newRow("no zh title, en") << "F-004" << false << "Ember Ferry" << "Hong Kong";
    QTest::newRow("no zh title, zh") << "F-004" << true << "燼舟渡" << "香港";
}

void tst_FilmListModel::showsTitleInChosenLanguageWithFallbacks()
{
    QFETCH(QString, id);
    QFETCH(bool, chinese);
    QFETCH(QString, title);
    QFETCH(QString, country);
    FilmListModel model;
    model.setProgramme(SampleProgramme::load());
    model.setLanguage(chinese ? DisplayLanguage::Language::Chinese : DisplayLanguage::Language::English);
    const QModelIndex i = model.index(model.indexOf(id));
    QCOMPARE(i.data(FilmListModel::TitleRole).toString(), title);
    QCOMPARE(i.data(FilmListModel::CountryNameRole).toString(), country);
}

void tst_FilmListModel::languageSwitchAnnouncesOnlyLocalizedRoles()
{
    FilmListModel model;
    model.setProgramme(SampleProgramme::load());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setLanguage(DisplayLanguage::Language::Chinese);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed[0][0].toModelIndex().row(), 0);
    QCOMPARE(changed[0][1].toModelIndex().row(), 39);
    const auto roles = changed[0][2].value<QList<int>>();
    QVERIFY(roles.contains(FilmListModel::TitleRole));
    QVERIFY(!roles.contains(FilmListModel::IdRole));
    model.setLanguage(DisplayLanguage::Language::Chinese);
    QCOMPARE(changed.size(), 1);  // no change, no signal
}

void tst_FilmListModel::newProgrammeResetsRows()
{
    FilmListModel model;
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy count(&model, &ProgrammeListModel::countChanged);
    Programme p = SampleProgramme::load();
    model.setProgramme(p);
    p.films.removeLast();
    model.setProgramme(p);
    QCOMPARE(reset.size(), 2);
    QCOMPARE(count.size(), 2);
    QCOMPARE(model.indexOf(QStringLiteral("F-040")), -1);
    QCOMPARE(model.indexOf(QStringLiteral("F-039")), 38);
}

void tst_FilmListModel::getReturnsRoleMapAndEmptyForBadRow()
{
    FilmListModel model;
    model.setProgramme(SampleProgramme::load());
    const QVariantMap film = model.get(model.indexOf(QStringLiteral("F-003")));
    QCOMPARE(film.value("title").toString(), QStringLiteral("Project J"));
    QCOMPARE(film.value("makers").toString(), QStringLiteral("Ka Tam"));
    QCOMPARE(film.value("categoryNames").toString(), QStringLiteral("Best Technical Innovation · Audience Award · Best Film"));
    QVERIFY(model.get(-1).isEmpty());
    QVERIFY(model.get(40).isEmpty());
}

QTEST_GUILESS_MAIN(tst_FilmListModel)
#include "tst_filmlistmodel.moc"
