#include "sampleprogramme.h"
#include "screeninglistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace fest;

class tst_ScreeningListModel : public QObject
{
    Q_OBJECT
private slots:
    void passesModelTester();
    void rowsInStartOrderWithFestivalTimes();
    void resolvesVenueScreenAndBlockFilms();
    void votingWindowsAnnounceOnlyChangedRows();
    void votingStateSurvivesNewProgrammeVersion();
};

void tst_ScreeningListModel::passesModelTester()
{
    ScreeningListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProgramme(SampleProgramme::load());
    QCOMPARE(model.rowCount(), 18);
    model.setLanguage(DisplayLanguage::Language::Chinese);
    VotingStatus windows;
    windows.setWindows({{QStringLiteral("S-0103"), {VotingStatus::State::Open, {}}}});
    model.setVotingStatus(windows);
}

void tst_ScreeningListModel::rowsInStartOrderWithFestivalTimes()
{
    ScreeningListModel model;
    model.setProgramme(SampleProgramme::load());
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.index(row - 1).data(ScreeningListModel::StartRole).toDateTime()
                <= model.index(row).data(ScreeningListModel::StartRole).toDateTime());
    const QModelIndex first = model.index(0);
    QCOMPARE(first.data(ScreeningListModel::StartTimeRole).toString(), QStringLiteral("11:00"));
    QCOMPARE(first.data(ScreeningListModel::DayRole).toString(), QStringLiteral("2026-12-05"));
    QCOMPARE(model.days(), (QStringList{"2026-12-05", "2026-12-06"}));
}

void tst_ScreeningListModel::resolvesVenueScreenAndBlockFilms()
{
    ScreeningListModel model;
    model.setProgramme(SampleProgramme::load());
    model.setLanguage(DisplayLanguage::Language::Chinese);
    const QModelIndex s = model.index(model.indexOf(QStringLiteral("S-0106")));
    QCOMPARE(s.data(ScreeningListModel::VenueNameRole).toString(), QStringLiteral("大學會堂"));
    QCOMPARE(s.data(ScreeningListModel::ScreenNameRole).toString(), QStringLiteral("會堂主銀幕"));
    QCOMPARE(s.data(ScreeningListModel::FilmIdsRole).toStringList(), (QStringList{"F-001", "F-002"}));
    QCOMPARE(s.data(ScreeningListModel::FilmTitlesRole).toString(), QStringLiteral("愛神的來世 · 新自然"));
    const QModelIndex single = model.index(model.indexOf(QStringLiteral("S-0202")));
    QCOMPARE(single.data(ScreeningListModel::FilmTitlesRole).toString(), QString());
    QCOMPARE(single.data(ScreeningListModel::TitleRole).toString(), QStringLiteral("愛神的來世"));
}

void tst_ScreeningListModel::votingWindowsAnnounceOnlyChangedRows()
{
    ScreeningListModel model;
    model.setProgramme(SampleProgramme::load());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    VotingStatus windows;
    windows.setWindows({{QStringLiteral("S-0103"), {VotingStatus::State::Open, {}}}});
    model.setVotingStatus(windows);
    QCOMPARE(changed.size(), 1);
    const int row = model.indexOf(QStringLiteral("S-0103"));
    QCOMPARE(changed[0][0].toModelIndex().row(), row);
    QCOMPARE(changed[0][1].toModelIndex().row(), row);
    QCOMPARE(changed[0][2].value<QList<int>>(), QList<int>{ScreeningListModel::VotingStateRole});
    model.setVotingStatus(windows);
    QCOMPARE(changed.size(), 1);
}

void tst_ScreeningListModel::votingStateSurvivesNewProgrammeVersion()
{
    ScreeningListModel model;
    Programme p = SampleProgramme::load();
    model.setProgramme(p);
    VotingStatus windows;
    windows.setWindows({{QStringLiteral("S-0103"), {VotingStatus::State::Open, {}}}});
    model.setVotingStatus(windows);
    p.screenings[0].title.en = QStringLiteral("Renamed");
    model.setProgramme(p);
    QCOMPARE(model.index(model.indexOf(QStringLiteral("S-0103"))).data(ScreeningListModel::VotingStateRole).toInt(),
             int(VotingStatus::State::Open));
}

QTEST_GUILESS_MAIN(tst_ScreeningListModel)
#include "tst_screeninglistmodel.moc"
