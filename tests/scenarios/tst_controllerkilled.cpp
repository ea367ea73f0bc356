// Failure model, "controller down" during a vote burst: festival-controller killed with
// SIGKILL at five random moments while many kiosks (festival-ballot-client processes) cast
// a burst. Every ballot is counted exactly once, no kiosk keeps anything in its outbox
// after the last restart, and the votes database passes PRAGMA integrity_check.
#include "kioskfleet.h"
#include "mosquittoprocess.h"
#include "scenariocontroller.h"
#include "scenarioprogramme.h"
#include "scenarioreport.h"
#include "scenariosize.h"
#include "votesinspector.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;

class tst_ControllerKilled : public QObject
{
    Q_OBJECT
private slots:
    void killedFiveTimesDuringBurstCountsEveryBallotOnce();
};

void tst_ControllerKilled::killedFiveTimesDuringBurstCountsEveryBallotOnce()
{
    QVERIFY2(!ScenarioController::binary().isEmpty(), "festival-controller was not built");
    QVERIFY2(!BallotClientProcess::binary().isEmpty(), "festival-ballot-client was not built");
    const int kiosks = ScenarioSize::pick(10, 50);
    const int ballotsEach = ScenarioSize::pick(100, 100);
    const int kills = 5;

    QTemporaryDir dir;
    MosquittoProcess broker;
    MosquittoProcess::Limits limits;
    limits.maxQueuedMessages = 100000;   // the controller's queue holds every kiosk's window
    broker.setLimits(limits);
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));

    const QString programme = dir.filePath(QStringLiteral("programme.json"));
    QVERIFY2(ScenarioProgramme::votingOpen().write(programme, &error), qPrintable(error));
    ScenarioController controller({broker.url(), dir.path(), {}, programme});
    KioskFleet fleet(dir.path(), controller.ticketKeys());
    QVERIFY2(fleet.prepare(kiosks, ballotsEach, &error), qPrintable(error));
    QVERIFY2(controller.start(&error), qPrintable(error));
    std::optional<VotesInspector> votes = VotesInspector::open(controller.votesDatabase(), &error);
    QVERIFY2(votes, qPrintable(error));

    // Kill points: random counts of committed votes, spread over the burst.
    const quint32 seed = qEnvironmentVariableIsSet("FEST_SCENARIO_SEED") ? quint32(qEnvironmentVariableIntValue("FEST_SCENARIO_SEED"))
                                                                          : QRandomGenerator::global()->generate();
    qInfo("kill points from seed %u (FEST_SCENARIO_SEED repeats them)", seed);
    QRandomGenerator random(seed);
    QList<int> killAt;
    for (int i = 0; i < kills; ++i)
        killAt << int(fleet.total() * (0.05 + 0.8 * (i + random.generateDouble()) / kills));

    // Paced to last ~6 s whatever the size: the kill points, counts of committed votes
    // polled every 50 ms, must land inside the burst however fast the controller commits
    // (a flood of 1,000 ballots is written in a fraction of a second).
    fleet.startBursts(broker.url(), fleet.ballotsEach() / 6.0, 600000);
    QList<qint64> countedAtKill;
    int pendingAtKills = 0;
    QElapsedTimer sinceLastRestart;
    for (int threshold : killAt) {
        QTRY_VERIFY2_WITH_TIMEOUT(votes->votes() >= threshold, qPrintable(QStringLiteral("%1 of %2 votes counted").arg(votes->votes()).arg(threshold)), 180000);
        controller.kill();
        countedAtKill << votes->votes();
        pendingAtKills += fleet.pending();
        QVERIFY2(controller.start(&error), qPrintable(error));
        sinceLastRestart.start();
    }
    QVERIFY2(countedAtKill.last() < fleet.total(), "the burst ended before the last kill; nothing was tested");

    QVERIFY2(fleet.waitFinished(300000), "kiosks still running 5 minutes after the last restart");
    const qint64 drainedMs = sinceLastRestart.elapsed();
    const QString problems = fleet.drainProblems();
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    const BallotClientProcess::Summary totals = fleet.totals();
    QCOMPARE(totals.accepted + totals.duplicate, fleet.total());

    QCOMPARE(votes->votes(), qint64(fleet.total()));
    QCOMPARE(votes->voteIds().size(), qsizetype(fleet.total()));
    QCOMPARE(votes->rejections(), 0);
    QCOMPARE(votes->integrity(), QStringLiteral("ok"));
    QVERIFY(controller.terminate());
    QCOMPARE(VotesInspector::integrityOf(controller.database()), QStringLiteral("ok"));

    QStringList at;
    for (qint64 c : countedAtKill)
        at << QString::number(c);
    ScenarioReport(QStringLiteral("controller SIGKILL x5 mid-burst"))
        .set(QStringLiteral("kiosks"), kiosks)
        .set(QStringLiteral("ballots"), fleet.total())
        .set(QStringLiteral("counted"), votes->votes())
        .set(QStringLiteral("killed at"), at.join(u'/'))
        .set(QStringLiteral("duplicate replies"), totals.duplicate)
        .set(QStringLiteral("outboxes empty after last restart ms"), drainedMs)
        .set(QStringLiteral("integrity"), votes->integrity())
        .write();
}

QTEST_GUILESS_MAIN(tst_ControllerKilled)
#include "tst_controllerkilled.moc"
