// Failure model, "bad or hostile message" applied to votes: ballots replayed verbatim
// (by their kiosk and by another account) and new ballots cast on tickets that have
// already voted leave the count, the per-film figures and the organisers' results exactly
// as they were.
#include "ballotclientprocess.h"
#include "database.h"
#include "festctlrun.h"
#include "kioskfleet.h"
#include "mosquittoprocess.h"
#include "mqttclient.h"
#include "scenariocontroller.h"
#include "scenarioprogramme.h"
#include "scenarioreport.h"
#include "scenariotickets.h"
#include "topics.h"
#include "votesinspector.h"

#include <QDir>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;

class tst_ReplayedBallots : public QObject
{
    Q_OBJECT
private slots:
    void replaysAndUsedTicketsLeaveTheTallyUnmoved();

private:
    static QList<QByteArray> outboxPayloads(const QString &outbox);
    // Publishes each payload as `account` and returns the "result" of each reply.
    QMap<QString, int> replay(const MosquittoProcess &broker, const QString &account, const QList<QByteArray> &payloads);
};

QList<QByteArray> tst_ReplayedBallots::outboxPayloads(const QString &outbox)
{
    QList<QByteArray> payloads;
    QString error;
    std::optional<Database> db = Database::open(outbox, {Database::Sync::Normal, true, 5000}, &error);
    if (!db)
        return payloads;
    Statement s = db->prepare(QStringLiteral("SELECT payload FROM outbox ORDER BY seq"));
    while (s.step() == Statement::Step::Row)
        payloads << s.columnBlob(0);
    return payloads;
}

QMap<QString, int> tst_ReplayedBallots::replay(const MosquittoProcess &broker, const QString &account, const QList<QByteArray> &payloads)
{
    MqttOptions options;
    options.port = broker.port();
    options.username = account;
    options.clientId = account + QStringLiteral("-replayer");
    MqttClient client(options);
    QMap<QString, int> results;
    int replies = 0;
    connect(&client, &MqttClient::messageReceived, this, [&](const MqttMessage &m) {
        ++results[QJsonDocument::fromJson(m.payload).object().value(QStringLiteral("result")).toString()];
        ++replies;
    });
    const QString replyTopic = Topics::ballotReplyPrefix(account);
    client.subscribe(replyTopic, 1);
    client.open();
    if (!QTest::qWaitFor([&] { return client.state() == MqttClient::State::Connected; }, 10000))
        return {};
    for (const QByteArray &payload : payloads) {
        MqttMessage m;
        m.topic = Topics::vote(account);
        m.payload = payload;
        m.qos = 1;
        m.responseTopic = replyTopic;
        m.correlationData = QJsonDocument::fromJson(payload).object().value(QStringLiteral("voteId")).toString().toUtf8();
        client.publish(m);
    }
    (void)QTest::qWaitFor([&] { return replies >= payloads.size(); }, 30000);
    return results;
}

void tst_ReplayedBallots::replaysAndUsedTicketsLeaveTheTallyUnmoved()
{
    QVERIFY2(!ScenarioController::binary().isEmpty(), "festival-controller was not built");
    QVERIFY2(!BallotClientProcess::binary().isEmpty(), "festival-ballot-client was not built");
    QVERIFY2(!FestctlRun::binary().isEmpty(), "festctl was not built");
    const int ballots = 60;

    QTemporaryDir dir;
    MosquittoProcess broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    const QString programme = dir.filePath(QStringLiteral("programme.json"));
    QVERIFY2(ScenarioProgramme::votingOpen().write(programme, &error), qPrintable(error));
    ScenarioController controller({broker.url(), dir.path(), {}, programme, 0, {QStringLiteral("organiser")},
                                   {QStringLiteral("[votes]"), QStringLiteral("minimum_votes=1")}});
    KioskFleet fleet(dir.path(), controller.ticketKeys());
    QVERIFY2(fleet.prepare(2, ballots, &error), qPrintable(error));
    QVERIFY2(controller.start(&error), qPrintable(error));

    // Kiosk 1 queues its ballots offline first, so that their exact payloads can be
    // read back for the replay; then it sends them.
    quint16 deadPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        deadPort = probe.serverPort();
    }
    BallotClientProcess &kiosk = fleet.client(0);
    QVERIFY(kiosk.startBurst(QStringLiteral("mqtt://127.0.0.1:%1").arg(deadPort), fleet.ticketsCsv(0), ballots, 0, 1000));
    QVERIFY(kiosk.waitFinished(30000));
    const QList<QByteArray> cast = outboxPayloads(kiosk.outbox());
    QCOMPARE(cast.size(), ballots);
    QVERIFY(kiosk.startDrain(broker.url(), 60000));
    QVERIFY(kiosk.waitFinished(90000));
    QCOMPARE(kiosk.exitCode(), 0);
    QCOMPARE(kiosk.summary().accepted, ballots);

    std::optional<VotesInspector> votes = VotesInspector::open(controller.votesDatabase(), &error);
    QVERIFY2(votes, qPrintable(error));
    const QMap<QString, VotesInspector::FilmCount> before = votes->perFilm();
    const FestctlRun resultsBefore = FestctlRun::run(broker.url(), {QStringLiteral("--json"), QStringLiteral("results")});
    QVERIFY2(resultsBefore.exitCode == 0, qPrintable(resultsBefore.err));
    QCOMPARE(votes->votes(), qint64(ballots));

    // 1. Verbatim replay by the same kiosk, and by another kiosk account.
    const QMap<QString, int> sameKiosk = replay(broker, kiosk.account(), cast);
    QCOMPARE(sameKiosk, (QMap<QString, int>{{QStringLiteral("duplicate"), ballots}}));
    const QMap<QString, int> otherKiosk = replay(broker, QStringLiteral("kiosk-99"), cast);
    QCOMPARE(otherKiosk, (QMap<QString, int>{{QStringLiteral("duplicate"), ballots}}));

    // 2. New ballots (new vote ids) on the used tickets, once with the same films and
    // once with every film changed.
    BallotClientProcess &second = fleet.client(1);
    QVERIFY(second.startBurst(broker.url(), fleet.ticketsCsv(0), ballots, 0, 60000));
    QVERIFY(second.waitFinished(90000));
    QCOMPARE(second.summary().rejected, ballots);
    QStringList codes;
    for (const QByteArray &p : cast)
        codes << QJsonDocument::fromJson(p).object().value(QStringLiteral("ticket")).toString();
    const QString otherFilms = dir.filePath(QStringLiteral("other-films.csv"));
    QVERIFY2(ScenarioTickets::writeCsv(otherFilms, codes, QStringLiteral("S-1"), {QStringLiteral("F-3"), QStringLiteral("F-1")}, &error), qPrintable(error));
    QVERIFY(second.startBurst(broker.url(), otherFilms, ballots, 0, 60000));
    QVERIFY(second.waitFinished(90000));
    QCOMPARE(second.summary().rejected, ballots);

    QCOMPARE(votes->votes(), qint64(ballots));
    QCOMPARE(votes->perFilm(), before);
    QCOMPARE(votes->rejectionsByReason(), (QMap<QString, qint64>{{QStringLiteral("ticket_used"), 2 * ballots}}));
    const FestctlRun resultsAfter = FestctlRun::run(broker.url(), {QStringLiteral("--json"), QStringLiteral("results")});
    QVERIFY2(resultsAfter.exitCode == 0, qPrintable(resultsAfter.err));
    QCOMPARE(resultsAfter.out, resultsBefore.out);

    ScenarioReport(QStringLiteral("replayed ballots and used tickets"))
        .set(QStringLiteral("counted"), votes->votes())
        .set(QStringLiteral("verbatim replays (duplicate)"), 2 * ballots)
        .set(QStringLiteral("new ballots on used tickets (rejected)"), 2 * ballots)
        .set(QStringLiteral("results unchanged"), true)
        .write();
}

QTEST_GUILESS_MAIN(tst_ReplayedBallots)
#include "tst_replayedballots.moc"
