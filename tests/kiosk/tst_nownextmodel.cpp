#include "nownextmodel.h"
#include "sampleprogramme.h"
#include "screenstatusbook.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace fest;

class tst_NowNextModel : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void oneRowPerScreenGroupedByVenue();
    void nowAndNextFromTimetable_data();
    void nowAndNextFromTimetable();
    void playerStillPlayingAfterScheduledEndIsRunningLate();
    void reportedLatenessDelaysCountdown();
    void unchangedRowsAreNotAnnounced();
private:
    QModelIndex row(const QString &screen) const { return m_model->index(m_model->indexOf(screen)); }
    std::unique_ptr<ScreeningListModel> m_screenings;
    std::unique_ptr<NowNextModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    ScreenStatusBook m_players;
};

void tst_NowNextModel::init()
{
    m_screenings = std::make_unique<ScreeningListModel>();
    m_model = std::make_unique<NowNextModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Programme p = SampleProgramme::load();
    m_model->setProgramme(p);
    m_screenings->setProgramme(p);
}

void tst_NowNextModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_screenings.reset();
}

void tst_NowNextModel::oneRowPerScreenGroupedByVenue()
{
    QCOMPARE(m_model->rowCount(), 6);
    QCOMPARE(m_model->index(0).data(NowNextModel::ScreenIdRole).toString(), QStringLiteral("HALL-1"));
    QCOMPARE(m_model->index(1).data(NowNextModel::VenueIdRole).toString(), QStringLiteral("V-CINE"));
    QCOMPARE(m_model->index(2).data(NowNextModel::VenueIdRole).toString(), QStringLiteral("V-CINE"));
}

void tst_NowNextModel::nowAndNextFromTimetable_data()
{
    QTest::addColumn<QString>("time");
    QTest::addColumn<QString>("screen");
    QTest::addColumn<QString>("now");
    QTest::addColumn<QString>("next");
    QTest::addColumn<int>("secondsToNext");
    QTest::newRow("before the first") << "2026-12-05T10:50:00" << "CINE-1" << "" << "S-0101" << 600;
    QTest::newRow("during") << "2026-12-05T11:30:00" << "CINE-1" << "S-0101" << "S-0103" << 9000;
    QTest::newRow("between") << "2026-12-05T12:30:00" << "CINE-1" << "" << "S-0103" << 5400;
    QTest::newRow("last of the day") << "2026-12-05T17:10:00" << "CINE-1" << "S-0107" << "" << -1;
    // Tomorrow's first screening is not "next": the card says nothing more today.
    QTest::newRow("evening") << "2026-12-05T20:00:00" << "HALL-1" << "" << "" << -1;
}

void tst_NowNextModel::nowAndNextFromTimetable()
{
    QFETCH(QString, time);
    QFETCH(QString, screen);
    QFETCH(QString, now);
    QFETCH(QString, next);
    QFETCH(int, secondsToNext);
    m_model->update(*m_screenings, m_players, SampleProgramme::hk(time));
    const QModelIndex r = row(screen);
    QCOMPARE(r.data(NowNextModel::NowIdRole).toString(), now);
    QCOMPARE(r.data(NowNextModel::NextIdRole).toString(), next);
    QCOMPARE(r.data(NowNextModel::SecondsToNextRole).toLongLong(), qint64(secondsToNext));
    QCOMPARE(r.data(NowNextModel::LateMinutesRole).toInt(), 0);
}

void tst_NowNextModel::playerStillPlayingAfterScheduledEndIsRunningLate()
{
    ScreenStatusBook::Status s;
    s.account = QStringLiteral("player-cine-1");
    s.screen = QStringLiteral("CINE-1");
    s.state = QStringLiteral("playing");
    s.screening = QStringLiteral("S-0101");
    m_players.setStatus(s);
    m_model->update(*m_screenings, m_players, SampleProgramme::hk("2026-12-05T12:07:00"));
    const QModelIndex r = row("CINE-1");
    QCOMPARE(r.data(NowNextModel::NowIdRole).toString(), QStringLiteral("S-0101"));
    QCOMPARE(r.data(NowNextModel::LateMinutesRole).toInt(), 7);
    QCOMPARE(r.data(NowNextModel::NowProgressRole).toDouble(), 1.0);
}

void tst_NowNextModel::reportedLatenessDelaysCountdown()
{
    ScreenStatusBook::Status s;
    s.account = QStringLiteral("player-cine-1");
    s.screen = QStringLiteral("CINE-1");
    s.state = QStringLiteral("waiting");
    s.lateSeconds = 300;
    m_players.setStatus(s);
    m_model->update(*m_screenings, m_players, SampleProgramme::hk("2026-12-05T10:50:00"));
    const QModelIndex r = row("CINE-1");
    QCOMPARE(r.data(NowNextModel::SecondsToNextRole).toLongLong(), 900);
    QCOMPARE(r.data(NowNextModel::LateMinutesRole).toInt(), 5);
}

void tst_NowNextModel::unchangedRowsAreNotAnnounced()
{
    m_model->update(*m_screenings, m_players, SampleProgramme::hk("2026-12-05T20:00:00"));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->update(*m_screenings, m_players, SampleProgramme::hk("2026-12-05T20:00:01"));
    QCOMPARE(changed.size(), 0);  // nothing left today anywhere: nothing moves
    m_model->update(*m_screenings, m_players, SampleProgramme::hk("2026-12-05T18:00:00"));
    QVERIFY(changed.size() > 0);
    QVERIFY(changed.size() < 6);  // only screens with a next screening at 18:00 changed
}

QTEST_GUILESS_MAIN(tst_NowNextModel)
#include "tst_nownextmodel.moc"
