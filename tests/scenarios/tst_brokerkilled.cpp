// Failure model, "broker down or restarted": mosquitto (no persistence) killed with
// SIGKILL twice in the middle of a vote burst from many kiosks and started again on the
// same port. Nothing relies on the broker's memory: every ballot is counted exactly once.
#include "kioskfleet.h"
#include "mosquittoprocess.h"
#include "scenariocontroller.h"
#include "scenarioprogramme.h"
#include "scenarioreport.h"
#include "scenariosize.h"
#include "votesinspector.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;

class tst_BrokerKilled : public QObject
{
    Q_OBJECT
private slots:
    void brokerKilledMidBurstCountsEveryBallotOnce();
};

void tst_BrokerKilled::brokerKilledMidBurstCountsEveryBallotOnce()
{
    QVERIFY2(!ScenarioController::binary().isEmpty(), "festival-controller was not built");
    QVERIFY2(!BallotClientProcess::binary().isEmpty(), "festival-ballot-client was not built");
    const int kiosks = ScenarioSize::pick(10, 50);
    const int ballotsEach = ScenarioSize::pick(100, 100);

    QTemporaryDir dir;
    MosquittoProcess broker;
    MosquittoProcess::Limits limits;
    limits.maxQueuedMessages = 100000;
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

    // Paced to last ~6 s whatever the size: the kill points, counts of committed votes
    // polled every 50 ms, must land inside the burst however fast the controller commits
    // (a flood of 1,000 ballots is written in a fraction of a second).
    fleet.startBursts(broker.url(), fleet.ballotsEach() / 6.0, 600000);
    QList<qint64> countedAtKill;
    QElapsedTimer sinceRestart;
    for (double fraction : {0.2, 0.6}) {
        const int threshold = int(fleet.total() * fraction);
        QTRY_VERIFY2_WITH_TIMEOUT(votes->votes() >= threshold, qPrintable(QStringLiteral("%1 of %2 votes counted").arg(votes->votes()).arg(threshold)), 180000);
        broker.kill();
        countedAtKill << votes->votes();
        QVERIFY2(broker.restart(&error), qPrintable(error));
        sinceRestart.start();
    }
    QVERIFY2(countedAtKill.last() < fleet.total(), "the burst ended before the broker was killed; nothing was tested");

    QVERIFY2(fleet.waitFinished(300000), "kiosks still running 5 minutes after the broker came back");
    const qint64 drainedMs = sinceRestart.elapsed();
    const QString problems = fleet.drainProblems();
    QVERIFY2(problems.isEmpty(), qPrintable(problems));
    const BallotClientProcess::Summary totals = fleet.totals();
    QCOMPARE(totals.accepted + totals.duplicate, fleet.total());
    QVERIFY2(controller.isRunning(), "the controller exited when its broker died");

    QCOMPARE(votes->votes(), qint64(fleet.total()));
    QCOMPARE(votes->voteIds().size(), qsizetype(fleet.total()));
    QCOMPARE(votes->rejections(), 0);
    QCOMPARE(votes->integrity(), QStringLiteral("ok"));

    QStringList at;
    for (qint64 c : countedAtKill)
        at << QString::number(c);
    ScenarioReport(QStringLiteral("broker SIGKILL x2 mid-burst"))
        .set(QStringLiteral("kiosks"), kiosks)
        .set(QStringLiteral("ballots"), fleet.total())
        .set(QStringLiteral("counted"), votes->votes())
        .set(QStringLiteral("killed at"), at.join(u'/'))
        .set(QStringLiteral("duplicate replies"), totals.duplicate)
        .set(QStringLiteral("outboxes empty after restart ms"), drainedMs)
        .write();
}

QTEST_GUILESS_MAIN(tst_BrokerKilled)
#include "tst_brokerkilled.moc"
