// Failure model, "kiosk offline for hours": a kiosk that could not reach the broker holds
// 500 ballots in its outbox; once back online it is killed with SIGKILL twice while it
// re-sends them and started again. Exactly 500 votes are counted.
#include "ballotclientprocess.h"
#include "kioskfleet.h"
#include "mosquittoprocess.h"
#include "scenariocontroller.h"
#include "scenarioprogramme.h"
#include "scenarioreport.h"
#include "votesinspector.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;

class tst_KioskOffline : public QObject
{
    Q_OBJECT
private slots:
    void queuedBallotsSurviveTwoRestartsWhileResending();
};

void tst_KioskOffline::queuedBallotsSurviveTwoRestartsWhileResending()
{
    QVERIFY2(!ScenarioController::binary().isEmpty(), "festival-controller was not built");
    QVERIFY2(!BallotClientProcess::binary().isEmpty(), "festival-ballot-client was not built");
    const int queued = 500;

    QTemporaryDir dir;
    MosquittoProcess broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    const QString programme = dir.filePath(QStringLiteral("programme.json"));
    QVERIFY2(ScenarioProgramme::votingOpen().write(programme, &error), qPrintable(error));
    ScenarioController controller({broker.url(), dir.path(), {}, programme});
    KioskFleet fleet(dir.path(), controller.ticketKeys());
    QVERIFY2(fleet.prepare(1, queued, &error), qPrintable(error));
    QVERIFY2(controller.start(&error), qPrintable(error));
    std::optional<VotesInspector> votes = VotesInspector::open(controller.votesDatabase(), &error);
    QVERIFY2(votes, qPrintable(error));

    // Offline: the kiosk's broker address answers nothing (a port nobody listens on).
    quint16 deadPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        deadPort = probe.serverPort();
    }
    BallotClientProcess &kiosk = fleet.client(0);
    QVERIFY(kiosk.startBurst(QStringLiteral("mqtt://127.0.0.1:%1").arg(deadPort), fleet.ticketsCsv(0), queued, 0, 1500));
    QVERIFY(kiosk.waitFinished(30000));
    QCOMPARE(kiosk.exitCode(), 3);   // not drained: kept for later
    QCOMPARE(BallotClientProcess::pendingIn(kiosk.outbox()), queued);
    QCOMPARE(votes->votes(), 0);

    // Back online; killed twice in the middle of re-sending.
    QElapsedTimer online;
    online.start();
    QList<int> pendingAtKill;
    for (int threshold : {1, queued / 2}) {
        QVERIFY(kiosk.startDrain(broker.url(), 120000));
        QVERIFY2(QTest::qWaitFor([&] { return votes->votes() >= threshold || !kiosk.isRunning(); }, 60000),
                 "the kiosk's ballots are not arriving");
        kiosk.kill();
        pendingAtKill << BallotClientProcess::pendingIn(kiosk.outbox());
        QVERIFY2(pendingAtKill.last() > 0, "the kiosk had sent everything before it was killed; nothing was tested");
    }
    QVERIFY(kiosk.startDrain(broker.url(), 120000));
    QVERIFY(kiosk.waitFinished(150000));
    const qint64 drainedMs = online.elapsed();
    QCOMPARE(kiosk.exitCode(), 0);
    QCOMPARE(BallotClientProcess::pendingIn(kiosk.outbox()), 0);
    QCOMPARE(kiosk.summary().rejected, 0);

    QCOMPARE(votes->votes(), qint64(queued));
    QCOMPARE(votes->voteIds().size(), qsizetype(queued));
    QCOMPARE(votes->rejections(), 0);
    QCOMPARE(votes->integrity(), QStringLiteral("ok"));

    ScenarioReport(QStringLiteral("kiosk offline, 500 queued, restarted x2 while re-sending"))
        .set(QStringLiteral("queued"), queued)
        .set(QStringLiteral("counted"), votes->votes())
        .set(QStringLiteral("pending at kills"), QStringLiteral("%1/%2").arg(pendingAtKill.value(0)).arg(pendingAtKill.value(1)))
        .set(QStringLiteral("last run duplicate replies"), kiosk.summary().duplicate)
        .set(QStringLiteral("online to drained ms"), drainedMs)
        .write();
}

QTEST_GUILESS_MAIN(tst_KioskOffline)
#include "tst_kioskoffline.moc"
