// Failure model, "bad or hostile message": a flood of malformed, deeply nested, invalid
// UTF-8, wrongly typed and oversized payloads on every topic a client may write, at the
// real controller and a headless player. Each is rejected with a logged reason, neither
// process crashes, the controller's memory stays bounded, and a valid ballot cast during
// the flood is counted.
#include "ballotclientprocess.h"
#include "kioskfleet.h"
#include "mosquittoprocess.h"
#include "mqttclient.h"
#include "playerprocess.h"
#include "scenariocontroller.h"
#include "scenarioprogramme.h"
#include "scenarioreport.h"
#include "scenariosize.h"
#include "statuswatcher.h"
#include "topics.h"
#include "votesinspector.h"

#include <QDir>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;

class tst_HostilePayloads : public QObject
{
    Q_OBJECT
private slots:
    void floodOnEveryClientTopicIsRejectedWithReasons();

private:
    struct Target {
        QString topic;
        QString account;        // the publisher
        QString responseTopic;  // empty: none
        QString logged;         // what the controller's log must say about it ("" : not the controller's topic)
    };
    static QList<QByteArray> payloads();
};

QList<QByteArray> tst_HostilePayloads::payloads()
{
    QList<QByteArray> list{
        "{{{{ not json",
        QByteArray(50000, '[') + QByteArray(50000, ']'),
        QByteArray(20000, '{').replace("{", "{\"a\":") + "1" + QByteArray(20000, '}'),
        "{\"type\":\"ballot\",\"v\":1,\"voteId\":\"\xff\xfe\xfd\",\"ticket\":\"\xc3\x28\"}",
        "{\"type\":\"status\",\"v\":1,\"role\":\"\xed\xa0\x80\",\"state\":\"playing\"}",
        R"({"type":"ballot","v":"1","voteId":5,"ticket":[],"screening":{},"film":null,"score":"5","castAt":true})",
        R"({"type":"status","v":1,"role":7,"state":[],"screen":{"a":1},"item":"x","positionMs":"NaN","programmeVersion":-1e308})",
        R"({"type":"request","v":1,"op":42,"args":[]})",
        R"({"type":"request","v":1,"op":"player.seek","args":{"positionMs":-1e400}})",
        R"({"type":"ballot","v":1,"voteId":"00000000-0000-0000-0000-000000000000","ticket":"AAAA-AAAA-AAAA-AAAA","screening":"S-1","film":"F-1","score":99,"castAt":"yesterday"})",
        "null", "[]", "\"just a string\"", "1e999999", "",
        QByteArray("\x00\x01\x02\x03binary", 10),
    };
    // Oversized: a string field far over the 8 KiB cap, and a message near the broker's
    // 1 MiB packet limit.
    list << QByteArray(R"({"type":"ballot","v":1,"voteId":")") + QByteArray(200 * 1024, 'x') + "\"}";
    list << QByteArray(R"({"type":"status","v":1,"role":"player","state":")") + QByteArray(900 * 1024, 'y') + "\"}";
    QByteArray random(4096, Qt::Uninitialized);
    QRandomGenerator rng(8);
    for (char &c : random)
        c = char(rng.bounded(256));
    list << random;
    return list;
}

void tst_HostilePayloads::floodOnEveryClientTopicIsRejectedWithReasons()
{
    QVERIFY2(!ScenarioController::binary().isEmpty(), "festival-controller was not built");
    QVERIFY2(!PlayerProcess::binary().isEmpty(), "festival-player was not built");
    QVERIFY2(!BallotClientProcess::binary().isEmpty(), "festival-ballot-client was not built");
    const int rounds = ScenarioSize::pick(20, 200);

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
    QVERIFY2(fleet.prepare(1, 20, &error), qPrintable(error));
    QVERIFY2(controller.start(&error), qPrintable(error));
    QDir(dir.path()).mkdir(QStringLiteral("media"));
    PlayerProcess player({QStringLiteral("CINE-1"), broker.url(), dir.path(), dir.filePath(QStringLiteral("media")), controller.clockPort()});
    StatusWatcher watcher(broker.url());
    QVERIFY(watcher.connectToBroker());
    QVERIFY2(player.start(&error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(!watcher.latest(player.account()).isEmpty(), 20000);

    const QList<Target> targets{
        {Topics::vote(QStringLiteral("kiosk-66")), QStringLiteral("kiosk-66"), Topics::ballotReplyPrefix(QStringLiteral("kiosk-66")), QStringLiteral("refused a ballot from kiosk-66")},
        {Topics::nodeStatus(QStringLiteral("kiosk-66")), QStringLiteral("kiosk-66"), {}, QStringLiteral("status of kiosk-66 refused")},
        {Topics::controllerRequest(QStringLiteral("organiser")), QStringLiteral("organiser"), Topics::controllerReplyPrefix(QStringLiteral("organiser")) + QStringLiteral("/x"), QStringLiteral("bad request from organiser")},
        {Topics::nodeRequest(player.account()), QStringLiteral("staff"), Topics::replyPrefix(QStringLiteral("staff"), player.account()) + QStringLiteral("/x"), {}},
        {Topics::replyPrefix(QStringLiteral("controller"), player.account()) + QStringLiteral("/x"), player.account(), {}, {}},
        {Topics::root() + QStringLiteral("/bridge/venue-9/state"), QStringLiteral("venue-9"), {}, {}},
    };
    const QList<QByteArray> hostile = payloads();

    MqttOptions options = *MqttOptions::fromUrl(broker.url(), &error);
    options.username = QStringLiteral("attacker");
    MqttClient attacker(options);
    attacker.open();
    QTRY_COMPARE(attacker.state(), MqttClient::State::Connected);

    const qint64 rssBefore = controller.rssKb();
    BallotClientProcess &kiosk = fleet.client(0);
    int sent = 0;
    for (int round = 0; round < rounds; ++round) {
        if (round == rounds / 2)   // valid traffic in the middle of the flood
            QVERIFY(kiosk.startBurst(broker.url(), fleet.ticketsCsv(0), fleet.ballotsEach(), 0, 120000));
        for (const Target &t : targets) {
            for (const QByteArray &payload : hostile) {
                MqttMessage m;
                m.topic = t.topic;
                m.payload = payload;
                m.qos = 1;
                m.responseTopic = t.responseTopic;
                m.correlationData = QByteArray::number(sent);
                if (attacker.publish(m) > 0)
                    ++sent;
            }
        }
        // Keep the client's queue short: let the broker acknowledge this round first.
        QVERIFY(QTest::qWaitFor([&] { return attacker.pendingPublishes() == 0; }, 60000));
    }
    QVERIFY(kiosk.waitFinished(120000));
    QCOMPARE(kiosk.exitCode(), 0);
    QCOMPARE(kiosk.summary().accepted, fleet.ballotsEach());

    // Both still answer: the controller a request, the player with a fresh status.
    QVERIFY2(controller.isRunning(), qPrintable(controller.log().right(2000)));
    QVERIFY2(player.isRunning(), qPrintable(player.log().right(2000)));
    const qint64 rssAfter = controller.rssKb();
    std::optional<VotesInspector> votes = VotesInspector::open(controller.votesDatabase(), &error);
    QVERIFY2(votes, qPrintable(error));
    QCOMPARE(votes->votes(), qint64(fleet.ballotsEach()));

    const QString log = controller.log();
    for (const Target &t : targets)
        if (!t.logged.isEmpty())
            QVERIFY2(log.contains(t.logged), qPrintable(QStringLiteral("the controller's log does not say \"%1\"").arg(t.logged)));
    // A flood is logged once a minute per account, not once a message: the disk stays free.
    for (const Target &t : targets)
        if (!t.logged.isEmpty())
            QVERIFY2(log.count(t.logged) <= 2, qPrintable(QStringLiteral("\"%1\" logged %2 times for %3 hostile messages")
                                                             .arg(t.logged).arg(log.count(t.logged)).arg(hostile.size() * rounds)));
    QVERIFY2(!log.contains(QStringLiteral("ALARM")), qPrintable(log.right(2000)));
    // Memory: the flood may leave caches warm but must not grow with the number of
    // messages (64 MiB is far below what keeping every payload would cost).
#if defined(__SANITIZE_ADDRESS__)
    // Under AddressSanitizer freed memory stays in its quarantine (256 MiB), so RSS says
    // nothing about the controller; LeakSanitizer checks it at terminate() instead.
    qInfo("controller RSS %lld kB -> %lld kB (not bounded under AddressSanitizer)", rssBefore, rssAfter);
#else
    QVERIFY2(rssAfter - rssBefore < 64 * 1024, qPrintable(QStringLiteral("controller RSS %1 kB -> %2 kB").arg(rssBefore).arg(rssAfter)));
#endif
    QVERIFY(controller.terminate());
    QVERIFY(player.terminate());

    ScenarioReport(QStringLiteral("hostile payloads on every client topic"))
        .set(QStringLiteral("hostile messages"), sent)
        .set(QStringLiteral("topics"), int(targets.size()))
        .set(QStringLiteral("valid ballots during flood counted"), votes->votes())
        .set(QStringLiteral("controller RSS before kB"), rssBefore)
        .set(QStringLiteral("controller RSS after kB"), rssAfter)
        .write();
}

QTEST_GUILESS_MAIN(tst_HostilePayloads)
#include "tst_hostilepayloads.moc"
