#include "votestore.h"
#include "votingwindows.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using fest::BallotReply;
using fest::VotingWindows;
using namespace std::chrono_literals;

namespace {
const QDateTime Start(QDate(2026, 12, 5), QTime(14, 0), Qt::UTC);
const QDateTime End = Start.addSecs(90 * 60);

QList<VotingWindows::Screening> programme()
{
    return {
        {QStringLiteral("S-1"), {QStringLiteral("F-1")}, Start, End},
        {QStringLiteral("S-BLOCK"), {QStringLiteral("F-2"), QStringLiteral("F-3")}, Start, End},
    };
}

VotingWindows::Options options()
{
    VotingWindows::Options o;
    o.closeAfterEnd = 20min;
    o.grace = 30min;
    return o;
}
} // namespace

class tst_VotingWindows : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void state_data();
    void state();
    void check_data();
    void check();
    void overridesAndEndsSurviveRestart();
    void overrideOfUnknownScreeningRefused();
    void retainedMessageListsOpenAndClosedWindows();
    void opensOnScheduleWithoutBeingAsked();
    void aScreeningRunningLateStaysOpenPastItsGrace();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::optional<fest::Database> m_db;
};

void tst_VotingWindows::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_db = fest::VoteStore::openDatabase(m_dir->filePath(QStringLiteral("votes.sqlite")), &error);
    QVERIFY2(m_db, qPrintable(error));
}

void tst_VotingWindows::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void tst_VotingWindows::state_data()
{
    QTest::addColumn<int>("minutesAfterStart");
    QTest::addColumn<int>("endedAfterMinutes"); // -1: no player report
    QTest::addColumn<QString>("manual");        // "", "open", "closed"
    QTest::addColumn<VotingWindows::State>("expected");
    QTest::newRow("before start") << -1 << -1 << "" << VotingWindows::State::NotOpenYet;
    QTest::newRow("at start") << 0 << -1 << "" << VotingWindows::State::Open;
    QTest::newRow("during") << 45 << -1 << "" << VotingWindows::State::Open;
    QTest::newRow("in grace, no report") << 119 << -1 << "" << VotingWindows::State::Open;
    QTest::newRow("after grace, no report") << 120 << -1 << "" << VotingWindows::State::Closed;
    QTest::newRow("ran late, reported end") << 120 << 105 << "" << VotingWindows::State::Open;
    QTest::newRow("closes 20 min after reported end") << 125 << 105 << "" << VotingWindows::State::Closed;
    QTest::newRow("ended early") << 85 << 60 << "" << VotingWindows::State::Closed;
    QTest::newRow("manual open before start") << -30 << -1 << "open" << VotingWindows::State::Open;
    QTest::newRow("manual open long after") << 600 << 90 << "open" << VotingWindows::State::Open;
    QTest::newRow("manual close during") << 45 << -1 << "closed" << VotingWindows::State::Closed;
}

void tst_VotingWindows::state()
{
    QFETCH(int, minutesAfterStart);
    QFETCH(int, endedAfterMinutes);
    QFETCH(QString, manual);
    QFETCH(VotingWindows::State, expected);
    VotingWindows windows(*m_db, options());
    windows.setClock([&] { return Start.addSecs(minutesAfterStart * 60); });
    windows.setScreenings(programme());
    if (endedAfterMinutes >= 0)
        windows.screeningEnded(QStringLiteral("S-1"), Start.addSecs(endedAfterMinutes * 60));
    if (!manual.isEmpty())
        QVERIFY(windows.setOpen(QStringLiteral("S-1"), manual == u"open", QStringLiteral("organiser"), nullptr));
    QCOMPARE(windows.state(QStringLiteral("S-1")), expected);
    QCOMPARE(windows.state(QStringLiteral("S-404")), VotingWindows::State::Unknown);
}

// The player says the screening runs 40 minutes late (a long hold): its window does not
// close at the scheduled end plus the grace, but that much later; once the player reports
// the real end, it closes closeAfterEnd after it. Lateness counts in whole minutes (the
// kiosks' figure), so a second more or less changes nothing.
void tst_VotingWindows::aScreeningRunningLateStaysOpenPastItsGrace()
{
    QDateTime now = End.addSecs(30 * 60 + 1);   // just past the scheduled end plus grace
    VotingWindows windows(*m_db, options());
    windows.setClock([&] { return now; });
    windows.setScreenings(programme());
    QCOMPARE(windows.state(QStringLiteral("S-1")), VotingWindows::State::Closed);
    QSignalSpy changed(&windows, &VotingWindows::changed);
    windows.screeningRunsLate(QStringLiteral("S-1"), 40 * 60'000 - 20'000);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(windows.state(QStringLiteral("S-1")), VotingWindows::State::Open);
    QCOMPARE(windows.window(QStringLiteral("S-1")).closesAt, End.addSecs((40 + 30) * 60));
    windows.screeningRunsLate(QStringLiteral("S-1"), 40 * 60'000 - 1'000);
    QCOMPARE(changed.size(), 1);   // still "40 min late": nothing to republish
    // Another screening is not moved, and a report for an unknown one is ignored.
    QCOMPARE(windows.window(QStringLiteral("S-BLOCK")).closesAt, End.addSecs(30 * 60));
    windows.screeningRunsLate(QStringLiteral("S-404"), 40 * 60'000);
    QCOMPARE(windows.state(QStringLiteral("S-404")), VotingWindows::State::Unknown);
    // Under half a minute late is on time.
    windows.screeningRunsLate(QStringLiteral("S-BLOCK"), 29'000);
    QCOMPARE(windows.window(QStringLiteral("S-BLOCK")).closesAt, End.addSecs(30 * 60));

    // The real end, 41 minutes after the scheduled one: closes 20 minutes after it, and a
    // later lateness report (a stale status) moves nothing.
    windows.screeningEnded(QStringLiteral("S-1"), End.addSecs(41 * 60));
    QCOMPARE(windows.window(QStringLiteral("S-1")).closesAt, End.addSecs((41 + 20) * 60));
    windows.screeningRunsLate(QStringLiteral("S-1"), 90 * 60'000);
    QCOMPARE(windows.window(QStringLiteral("S-1")).closesAt, End.addSecs((41 + 20) * 60));
    now = End.addSecs((41 + 20) * 60);
    QCOMPARE(windows.state(QStringLiteral("S-1")), VotingWindows::State::Closed);
}

void tst_VotingWindows::check_data()
{
    QTest::addColumn<int>("minutesAfterStart");
    QTest::addColumn<QString>("screening");
    QTest::addColumn<QString>("film");
    QTest::addColumn<BallotReply::Reason>("expected");
    QTest::newRow("open") << 30 << "S-1" << "F-1" << BallotReply::Reason::None;
    QTest::newRow("block, second film") << 30 << "S-BLOCK" << "F-3" << BallotReply::Reason::None;
    QTest::newRow("film of another screening") << 30 << "S-1" << "F-2" << BallotReply::Reason::UnknownFilm;
    QTest::newRow("unknown screening") << 30 << "S-9" << "F-1" << BallotReply::Reason::UnknownScreening;
    QTest::newRow("not open yet") << -5 << "S-1" << "F-1" << BallotReply::Reason::WindowNotOpen;
    QTest::newRow("closed") << 200 << "S-1" << "F-1" << BallotReply::Reason::WindowClosed;
}

void tst_VotingWindows::check()
{
    QFETCH(int, minutesAfterStart);
    QFETCH(QString, screening);
    QFETCH(QString, film);
    QFETCH(BallotReply::Reason, expected);
    VotingWindows windows(*m_db, options());
    windows.setClock([&] { return Start.addSecs(minutesAfterStart * 60); });
    windows.setScreenings(programme());
    QCOMPARE(windows.check(screening, film), expected);
}

void tst_VotingWindows::overridesAndEndsSurviveRestart()
{
    const QDateTime now = Start.addSecs(60 * 60);
    {
        VotingWindows windows(*m_db, options());
        windows.setClock([&] { return now; });
        windows.setScreenings(programme());
        QVERIFY(windows.setOpen(QStringLiteral("S-1"), false, QStringLiteral("organiser"), nullptr));
        windows.screeningEnded(QStringLiteral("S-BLOCK"), Start.addSecs(30 * 60));
    }
    VotingWindows windows(*m_db, options());
    windows.setClock([&] { return now; });
    windows.setScreenings(programme());
    QString error;
    QVERIFY2(windows.load(&error), qPrintable(error));
    QCOMPARE(windows.state(QStringLiteral("S-1")), VotingWindows::State::Closed);
    QVERIFY(windows.window(QStringLiteral("S-1")).manual);
    QCOMPARE(windows.state(QStringLiteral("S-BLOCK")), VotingWindows::State::Closed);
    QCOMPARE(windows.window(QStringLiteral("S-BLOCK")).closesAt, Start.addSecs(50 * 60));
}

void tst_VotingWindows::overrideOfUnknownScreeningRefused()
{
    VotingWindows windows(*m_db, options());
    windows.setScreenings(programme());
    QSignalSpy changed(&windows, &VotingWindows::changed);
    QString error;
    QVERIFY(!windows.setOpen(QStringLiteral("S-404"), true, QStringLiteral("organiser"), &error));
    QVERIFY2(error.contains(QStringLiteral("S-404")), qPrintable(error));
    QCOMPARE(changed.count(), 0);
}

void tst_VotingWindows::retainedMessageListsOpenAndClosedWindows()
{
    VotingWindows windows(*m_db, options());
    windows.setClock([&] { return Start.addSecs(10 * 60); });
    windows.setScreenings(programme() << VotingWindows::Screening{QStringLiteral("S-LATER"), {QStringLiteral("F-9")}, End, End.addSecs(3600)});
    QVERIFY(windows.setOpen(QStringLiteral("S-BLOCK"), false, QStringLiteral("organiser"), nullptr));
    const QJsonObject json = windows.toJson();
    const QJsonArray list = json.value("screenings").toArray();
    QCOMPARE(list.size(), 2); // S-LATER has not opened: not listed
    QJsonObject w = list.at(0).toObject();
    QJsonObject closed = list.at(1).toObject();
    if (w.value("screening") != QStringLiteral("S-1"))
        std::swap(w, closed);
    QCOMPARE(closed.value("screening").toString(), QStringLiteral("S-BLOCK"));
    QCOMPARE(closed.value("state").toString(), QStringLiteral("closed"));
    QVERIFY(closed.value("manual").toBool());
    QCOMPARE(w.value("state").toString(), QStringLiteral("open"));
    QCOMPARE(w.value("screening").toString(), QStringLiteral("S-1"));
    QCOMPARE(QDateTime::fromString(w.value("opensAt").toString(), Qt::ISODate), Start);
    QCOMPARE(QDateTime::fromString(w.value("closesAt").toString(), Qt::ISODate), End.addSecs(30 * 60));
    QCOMPARE(w.value("films").toArray().first().toString(), QStringLiteral("F-1"));
}

void tst_VotingWindows::opensOnScheduleWithoutBeingAsked()
{
    VotingWindows windows(*m_db, options());
    const QDateTime soon = QDateTime::currentDateTimeUtc().addMSecs(200);
    windows.setScreenings({{QStringLiteral("S-NOW"), {QStringLiteral("F-1")}, soon, soon.addSecs(3600)}});
    QCOMPARE(windows.state(QStringLiteral("S-NOW")), VotingWindows::State::NotOpenYet);
    QSignalSpy changed(&windows, &VotingWindows::changed);
    QVERIFY(changed.wait(5000));
    QCOMPARE(windows.state(QStringLiteral("S-NOW")), VotingWindows::State::Open);
    QCOMPARE(windows.openWindows().size(), 1);
}

QTEST_GUILESS_MAIN(tst_VotingWindows)
#include "tst_votingwindows.moc"
