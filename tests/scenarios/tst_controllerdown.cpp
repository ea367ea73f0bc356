// Failure model, "controller down": festival-controller killed before a screening and
// kept down until it is over. Two headless players start every item of their screen at
// its instant from the playlist they hold (status reports), a kiosk keeps queueing
// ballots in its outbox; when the controller returns the ballots are counted and the
// controller lists both players on the programme version they play.
#include "ballotclientprocess.h"
#include "festctlrun.h"
#include "kioskfleet.h"
#include "mediagenerator.h"
#include "mosquittoprocess.h"
#include "playerprocess.h"
#include "scenariocontroller.h"
#include "scenarioprogramme.h"
#include "scenarioreport.h"
#include "scenariosize.h"
#include "statuswatcher.h"
#include "votesinspector.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;

class tst_ControllerDown : public QObject
{
    Q_OBJECT
private slots:
    void playersAndKiosksCarryOnThroughAWholeScreening();
};

void tst_ControllerDown::playersAndKiosksCarryOnThroughAWholeScreening()
{
    QVERIFY2(!ScenarioController::binary().isEmpty(), "festival-controller was not built");
    QVERIFY2(!PlayerProcess::binary().isEmpty(), "festival-player was not built");
    QVERIFY2(!BallotClientProcess::binary().isEmpty(), "festival-ballot-client was not built");
    const int films = ScenarioSize::pick(3, 6);
    const int filmSeconds = 3;
    const int ballots = ScenarioSize::pick(50, 500);
    const QStringList screens{QStringLiteral("CINE-1"), QStringLiteral("CINE-2")};
    const qint64 toleranceMs = 250;   // a status's position against its show-clock time

    QTemporaryDir dir;
    const QString media = dir.filePath(QStringLiteral("media"));
    QVERIFY(QDir().mkpath(media + QStringLiteral("/films")));
    MediaGenerator::Options film;
    film.seconds = filmSeconds;
    const QString generated = MediaGenerator::generate(media + QStringLiteral("/films/film.webm"), film);
    QVERIFY2(generated.isEmpty(), qPrintable(generated));
    QFile file(media + QStringLiteral("/films/film.webm"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());

    // Each screen: a block of films starting 15 s from now (start-up, sync and preroll
    // happen before), next to the voting screening S-1 on HALL-1.
    ScenarioProgramme programme = ScenarioProgramme::votingOpen();
    const QDateTime start = ScenarioProgramme::at(15);
    QHash<QString, QStringList> items;   // screen -> item ids
    for (const QString &screen : screens) {
        programme.addScreen(screen);
        QStringList ids;
        for (int i = 0; i < films; ++i) {
            const QString id = QStringLiteral("%1-F%2").arg(screen).arg(i + 1);
            programme.addFilm(id, filmSeconds, QStringLiteral("films/film.webm"), sha);
            ids << id;
        }
        const QString screening = QStringLiteral("S-%1").arg(screen);
        programme.addScreening(screening, screen, start, ids);
        for (const QString &id : ids)
            items[screen] << screening + u'/' + id;
    }

    MosquittoProcess broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    const QString programmeFile = dir.filePath(QStringLiteral("programme.json"));
    QVERIFY2(programme.write(programmeFile, &error), qPrintable(error));
    ScenarioController controller({broker.url(), dir.path(), {}, programmeFile});
    KioskFleet fleet(dir.path(), controller.ticketKeys());
    QVERIFY2(fleet.prepare(1, ballots, &error), qPrintable(error));
    QVERIFY2(controller.start(&error), qPrintable(error));
    StatusWatcher watcher(broker.url());
    QVERIFY(watcher.connectToBroker());
    std::vector<std::unique_ptr<PlayerProcess>> players;
    for (const QString &screen : screens) {
        players.push_back(std::make_unique<PlayerProcess>(PlayerProcess::Settings{screen, broker.url(), dir.path(), media, controller.clockPort()}));
        QVERIFY2(players.back()->start(&error), qPrintable(error));
    }
    // Both players hold their playlist and follow the show clock before the controller dies.
    for (const auto &p : players) {
        QTRY_VERIFY2_WITH_TIMEOUT(watcher.latest(p->account()).value(QStringLiteral("playlistSource")).toString() == QLatin1String("broker")
                                      && watcher.latest(p->account()).value(QStringLiteral("clock")).toObject().value(QStringLiteral("synced")).toBool(),
                                  qPrintable(p->account() + QStringLiteral(" has no playlist or clock: ") + p->log().right(1500)), 12000);
    }
    const qint64 programmeVersion = watcher.latest(players.front()->account()).value(QStringLiteral("programmeVersion")).toInteger();
    QVERIFY2(QDateTime::currentDateTimeUtc() < start.addSecs(-2), "the players were not ready before the screening; nothing was tested");
    controller.kill();

    // The kiosk keeps taking votes: they wait in its outbox.
    BallotClientProcess &kiosk = fleet.client(0);
    QVERIFY(kiosk.startBurst(broker.url(), fleet.ticketsCsv(0), ballots, 0, 3000));
    QVERIFY(kiosk.waitFinished(30000));
    QCOMPARE(kiosk.exitCode(), 3);
    QCOMPARE(BallotClientProcess::pendingIn(kiosk.outbox()), ballots);

    // The whole screening plays, every item on time, without the controller.
    const QDateTime over = start.addSecs(qint64(films) * filmSeconds + 2);
    QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentDateTimeUtc() > over, (films * filmSeconds + 30) * 1000);
    QVERIFY(!controller.isRunning());
    qint64 worstMs = 0;
    for (const auto &p : players) {
        QVERIFY2(p->isRunning(), qPrintable(p->log().right(2000)));
        const QString screen = p->account().mid(QStringLiteral("player-").size());
        for (const QString &item : items.value(screen)) {
            const std::optional<qint64> deviation = watcher.startDeviationMs(p->account(), item);
            QVERIFY2(deviation, qPrintable(QStringLiteral("%1 never reported %2 playing; its statuses:\n%3").arg(p->account(), item, watcher.timeline(p->account()))));
            QVERIFY2(std::abs(*deviation) <= toleranceMs, qPrintable(QStringLiteral("%1 started %2 %3 ms off its instant").arg(p->account(), item).arg(*deviation)));
            worstMs = std::max(worstMs, std::abs(*deviation));
        }
        QVERIFY2(watcher.errorItems(p->account()).isEmpty(), qPrintable(QJsonDocument(watcher.latest(p->account())).toJson()));
    }

    // The controller returns: the queued ballots are counted, the nodes reconverge.
    QVERIFY2(controller.start(&error), qPrintable(error));
    QVERIFY(kiosk.startDrain(broker.url(), 60000));
    QVERIFY(kiosk.waitFinished(90000));
    QCOMPARE(kiosk.exitCode(), 0);
    QCOMPARE(kiosk.summary().accepted, ballots);
    std::optional<VotesInspector> votes = VotesInspector::open(controller.votesDatabase(), &error);
    QVERIFY2(votes, qPrintable(error));
    QCOMPARE(votes->votes(), qint64(ballots));
    QJsonArray nodes;
    QTRY_VERIFY_WITH_TIMEOUT([&] {
        const FestctlRun run = FestctlRun::run(broker.url(), {QStringLiteral("--json"), QStringLiteral("nodes")});
        nodes = QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("nodes")).toArray();
        int current = 0;
        for (const QJsonValue &n : nodes)
            current += n[QStringLiteral("account")].toString().startsWith(QStringLiteral("player-"))
                && n[QStringLiteral("programmeVersion")].toInteger() == programmeVersion;
        return current == int(players.size());
    }(), 20000);
    for (const auto &p : players)
        QVERIFY(p->terminate());
    QVERIFY(controller.terminate());

    ScenarioReport(QStringLiteral("controller down for a whole screening"))
        .set(QStringLiteral("players"), int(players.size()))
        .set(QStringLiteral("items played from cache"), int(players.size()) * films)
        .set(QStringLiteral("worst start deviation ms"), worstMs)
        .set(QStringLiteral("ballots queued then counted"), votes->votes())
        .write();
}

QTEST_GUILESS_MAIN(tst_ControllerDown)
#include "tst_controllerdown.moc"
