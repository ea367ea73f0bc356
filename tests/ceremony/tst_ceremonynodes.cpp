// End to end with the real nodes: a broker, festival-controller, festctl, two headless
// festival-player processes on ceremony screens and two festival-kiosk processes
// (offscreen), all on the controller's show clock. Every node reports in its status the
// seq it applied and the show-clock instant it acted (appliedAtUs); the players also the
// first frame of a cue's clip.
#include "envelope.h"
#include "mediagenerator.h"
#include "mosquittoprocess.h"
#include "mqttclient.h"
#include "programmeedits.h"
#include "programmejson.h"
#include "projectbinaries.h"
#include "topics.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;

namespace {
// How far apart the nodes may act on one cue. A correctness bound, not a benchmark:
// "on the clock, not on arrival" is checked by every node acting at or after executeAtUs
// (a node acting on arrival acts ~300 ms early); this bound checks that they act
// together, within half the lead. Six processes share two cores with the rest of the
// suite (a 20 ms bound failed once at 30.6 ms in a full run); bench/ceremony measures
// the real spread.
constexpr qint64 kSpreadBoundUs = 150'000;
// A player's clip shows its first frame at the instant; the sink's own scheduling and a
// loaded machine add a few ms.
constexpr qint64 kClipBoundUs = 60'000;

struct Applied
{
    qint64 seq = 0;
    qint64 atUs = 0;
    qint64 clipCueSeq = 0;
    qint64 clipFirstFrameUs = 0;
};
} // namespace

class tst_CeremonyNodes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyNodeActsOnEveryCueAtTheSameInstant();
    void aRestartedNodeShowsTheCurrentCueWithoutReplaying();
    void aReconnectAfterABrokerRestartReplaysNothing();
    void theEndGivesTheScreensBackToTheirPlaylists();

private:
    struct Run {
        int exitCode;
        QString out;
    };
    Run festctl(const QStringList &args);
    QProcess *startPlayer(const QString &screen);
    QProcess *startKiosk(const QString &id);
    std::unique_ptr<QProcess> launch(const QString &binary, const QStringList &args, bool offscreen);
    bool allApplied(qint64 seq) const;
    void go(const QString &command = QStringLiteral("go"));

    QTemporaryDir m_dir;
    MosquittoProcess m_broker;
    std::unique_ptr<QProcess> m_controller;
    std::map<QString, std::unique_ptr<QProcess>> m_nodes;   // account -> process
    std::unique_ptr<MqttClient> m_observer;
    QMap<QString, Applied> m_applied;                        // account -> last status
    QMap<QString, QString> m_playerState;                    // account -> status "state"
    QList<QByteArray> m_seen;                                // every payload, in order
    qint64 m_seq = 0;
    qint64 m_executeAtUs = 0;
    qint64 m_expiresAtUs = 0;
    int m_clockPort = 0;
};

std::unique_ptr<QProcess> tst_CeremonyNodes::launch(const QString &binary, const QStringList &args, bool offscreen)
{
    auto p = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("fest.mqtt.debug=false"));
    if (offscreen) {
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("QT_QUICK_BACKEND"), QStringLiteral("software"));
    }
    p->setProcessEnvironment(env);
    p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p->start(projectBinary(binary), args);
    return p;
}

QProcess *tst_CeremonyNodes::startPlayer(const QString &screen)
{
    const QString account = QStringLiteral("player-") + screen;
    m_nodes[account] = launch(QStringLiteral("festival-player"),
                              {"--headless", "--ceremony", "--screen", screen, "--account", account,
                               "--broker", m_broker.url(), "--media", m_dir.filePath("media"),
                               "--cache", m_dir.filePath(account + ".cache.json"),
                               "--clock", QStringLiteral("127.0.0.1:%1").arg(m_clockPort)}, false);
    return m_nodes[account].get();
}

QProcess *tst_CeremonyNodes::startKiosk(const QString &id)
{
    m_nodes[id] = launch(QStringLiteral("festival-kiosk"),
                         {"--set", "broker/url=" + m_broker.url(), "--set", "kiosk/id=" + id,
                          "--set", "kiosk/venue=V-HALL", "--set", "kiosk/outbox=" + m_dir.filePath(id + ".db"),
                          "--clock", QStringLiteral("127.0.0.1:%1").arg(m_clockPort)}, true);
    return m_nodes[id].get();
}

void tst_CeremonyNodes::initTestCase()
{
    for (const char *name : {"festival-controller", "festctl", "festival-player", "festival-kiosk"})
        QVERIFY2(!projectBinary(QLatin1String(name)).isEmpty(), name);
    // Clips: the intro's own, and the media of two nominees of best-film.
    QVERIFY(QDir().mkpath(m_dir.filePath("media/ceremony")));
    QVERIFY(QDir().mkpath(m_dir.filePath("media/films")));
    MediaGenerator::Options clip;
    clip.seconds = 4;
    clip.label = QStringLiteral("intro");
    QCOMPARE(MediaGenerator::generate(m_dir.filePath("media/ceremony/intro.webm"), clip), QString());
    clip.label = QStringLiteral("F-001");
    QCOMPARE(MediaGenerator::generate(m_dir.filePath("media/films/F-001.webm"), clip), QString());

    // The sample festival moved to start today, as the demo does: whatever the date, the
    // ceremony screens have screenings ahead (tomorrow's at least) to go back to.
    QFile sample(qEnvironmentVariable("FEST_SOURCE_DIR") + QStringLiteral("/config/programme.sample.json"));
    QVERIFY2(sample.open(QIODevice::ReadOnly), qPrintable(sample.fileName()));
    QList<ProgrammeError> problems;
    const std::optional<Programme> programme = ProgrammeJson::decode(sample.readAll(), &problems);
    QVERIFY2(programme, qPrintable(problems.value(0).toString()));
    const QString seed = m_dir.filePath(QStringLiteral("programme.json"));
    QFile seedFile(seed);
    QVERIFY(seedFile.open(QIODevice::WriteOnly));
    seedFile.write(ProgrammeJson::encode(ProgrammeEdits::startOn(*programme, QDate::currentDate())));
    seedFile.close();

    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error));
    const QString ini = m_dir.filePath(QStringLiteral("controller.ini"));
    QFile f(ini);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("[broker]\nurl=%1\n[database]\npath=%2\n[clock]\nport=0\n[programme]\nseed=%3\n[roles]\norganiser=org\n")
                .arg(m_broker.url(), m_dir.filePath(QStringLiteral("controller.db")), seed).toUtf8());
    f.close();
    m_controller = launch(QStringLiteral("festival-controller"), {QStringLiteral("--config"), ini}, false);
    QVERIFY(m_controller->waitForStarted());

    MqttOptions o;
    o.host = m_broker.host();
    o.port = m_broker.port();
    o.username = QStringLiteral("observer");
    m_observer = std::make_unique<MqttClient>(o);
    // Everything a player or a kiosk may read (their ACLs), and more.
    m_observer->subscribe(QStringLiteral("fest/v1/#"));
    connect(m_observer.get(), &MqttClient::messageReceived, this, [this](const MqttMessage &m) {
        m_seen << m.payload;
        if (m.topic == Topics::ceremony()) {
            const QJsonObject s = QJsonDocument::fromJson(m.payload).object();
            m_seq = s.value("seq").toInteger();
            m_executeAtUs = s.value("executeAtUs").toInteger();
            m_expiresAtUs = s.value("expiresAtUs").toInteger();
            return;
        }
        const std::optional<QJsonObject> status = Envelope::decode(m.payload, QStringLiteral("status"));
        if (!status || !m.topic.endsWith(QLatin1String("/status")))
            return;
        const QString account = m.topic.section(QLatin1Char('/'), 3, 3);
        if (account == QLatin1String("controller") && status->value("state").toString() != QLatin1String("offline"))
            m_clockPort = status->value("clockPort").toInt();
        if (status->value("role").toString() == QLatin1String("player"))
            m_playerState[account] = status->value("state").toString();
        const QJsonObject c = status->value("ceremony").toObject();
        if (c.isEmpty())
            return;
        const QJsonObject clipJson = c.value("clip").toObject();
        m_applied[account] = {c.value("seq").toInteger(), c.value("appliedAtUs").toInteger(),
                              clipJson.value("cueSeq").toInteger(), clipJson.value("firstFrameUs").toInteger()};
    });
    m_observer->open();
    QTRY_VERIFY_WITH_TIMEOUT(m_clockPort > 0, 30000);

    for (const QString &screen : {QStringLiteral("HALL-1"), QStringLiteral("CINE-1")})
        QVERIFY(startPlayer(screen)->waitForStarted());
    for (const QString &id : {QStringLiteral("kiosk-a"), QStringLiteral("kiosk-b")})
        QVERIFY(startKiosk(id)->waitForStarted());
    for (const char *account : {"player-HALL-1", "player-CINE-1", "kiosk-a", "kiosk-b"})
        QTRY_VERIFY2_WITH_TIMEOUT(m_applied.contains(QLatin1String(account)), account, 60000);

    const QJsonObject cues{{"formatVersion", 1},
                           {"cues", QJsonArray{QJsonObject{{"type", "intro"}, {"heading", QJsonObject{{"en", "Award Ceremony"}, {"zh", "頒獎典禮"}}},
                                                           {"media", "ceremony/intro.webm"}},
                                               QJsonObject{{"type", "title"}, {"category", "best-film"}},
                                               QJsonObject{{"type", "nominee"}, {"category", "best-film"}, {"film", "F-001"}},
                                               QJsonObject{{"type", "nominee"}, {"category", "best-film"}, {"film", "F-003"}},
                                               QJsonObject{{"type", "reveal"}, {"category", "best-film"}},
                                               QJsonObject{{"type", "outro"}, {"heading", QJsonObject{{"en", "Good night"}, {"zh", "晚安"}}}}}}};
    const QString file = m_dir.filePath(QStringLiteral("cues.json"));
    QFile cf(file);
    QVERIFY(cf.open(QIODevice::WriteOnly));
    cf.write(QJsonDocument(cues).toJson());
    cf.close();
    Run run = festctl({QStringLiteral("ceremony"), QStringLiteral("load"), file});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out));
    run = festctl({QStringLiteral("ceremony"), QStringLiteral("set-winner"), QStringLiteral("best-film"), QStringLiteral("F-003")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out));
}

void tst_CeremonyNodes::cleanupTestCase()
{
    for (auto &[account, p] : m_nodes) {
        p->terminate();
        if (!p->waitForFinished(5000))
            p->kill();
        p->waitForFinished(5000);
    }
    if (m_controller) {
        m_controller->terminate();
        if (!m_controller->waitForFinished(5000))
            m_controller->kill();
        m_controller->waitForFinished(5000);
    }
}

tst_CeremonyNodes::Run tst_CeremonyNodes::festctl(const QStringList &args)
{
    QProcess p;
    p.start(projectBinary(QStringLiteral("festctl")),
            QStringList{QStringLiteral("--broker"), m_broker.url(), QStringLiteral("--user"), QStringLiteral("org")} + args);
    if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 30000))
        return {-1, QStringLiteral("festctl did not finish")};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError())};
}

bool tst_CeremonyNodes::allApplied(qint64 seq) const
{
    if (m_applied.size() < 4)
        return false;
    for (const Applied &a : m_applied)
        if (a.seq != seq)
            return false;
    return true;
}

void tst_CeremonyNodes::go(const QString &command)
{
    const qint64 before = m_seq;
    const Run run = festctl({QStringLiteral("ceremony"), command});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out));
    QTRY_VERIFY_WITH_TIMEOUT(m_seq > before, 10000);
    QTRY_VERIFY2_WITH_TIMEOUT(allApplied(m_seq), qPrintable(QStringLiteral("seq %1 not applied everywhere").arg(m_seq)), 15000);
}

void tst_CeremonyNodes::everyNodeActsOnEveryCueAtTheSameInstant()
{
    for (int cue = 1; cue <= 5; ++cue) {   // up to the reveal
        const bool reveal = cue == 5;
        if (reveal) {
            // Nothing on any topic a node reads carried a winner before its reveal.
            for (const QByteArray &payload : std::as_const(m_seen))
                QVERIFY2(!payload.contains("\"winner\""), payload.constData());
        }
        go();
        if (QTest::currentTestFailed())
            return;
        qint64 first = std::numeric_limits<qint64>::max(), last = 0;
        for (auto it = m_applied.cbegin(); it != m_applied.cend(); ++it) {
            // Acted at the instant, not before it (on arrival) and not long after.
            QVERIFY2(it->atUs >= m_executeAtUs, qPrintable(it.key()));
            first = qMin(first, it->atUs);
            last = qMax(last, it->atUs);
        }
        QVERIFY2(last - first <= kSpreadBoundUs, qPrintable(QStringLiteral("cue %1: nodes acted %2 us apart").arg(cue).arg(last - first)));
        if (cue == 1 || cue == 3) {   // cues with a clip: each player shows its first frame at the instant
            for (const char *player : {"player-HALL-1", "player-CINE-1"}) {
                const QString account = QLatin1String(player);
                QTRY_VERIFY_WITH_TIMEOUT(m_applied[account].clipCueSeq == m_seq && m_applied[account].clipFirstFrameUs > 0, 10000);
                const qint64 late = m_applied[account].clipFirstFrameUs - m_executeAtUs;
                QVERIFY2(late >= -2000 && late < kClipBoundUs, qPrintable(QStringLiteral("%1 first frame %2 us after the instant").arg(account).arg(late)));
            }
        }
        // While the ceremony runs, it has the ceremony screens (their playlists are stopped).
        for (const char *player : {"player-HALL-1", "player-CINE-1"})
            QTRY_COMPARE_WITH_TIMEOUT(m_playerState.value(QLatin1String(player)), QStringLiteral("idle"), 10000);
    }
    bool winnerSeen = false;
    for (const QByteArray &payload : std::as_const(m_seen))
        winnerSeen = winnerSeen || payload.contains("\"winner\"");
    QVERIFY(winnerSeen);   // the reveal carried it: the check above could fail
}

void tst_CeremonyNodes::aRestartedNodeShowsTheCurrentCueWithoutReplaying()
{
    // kiosk-b goes away; the ceremony moves on (outro); kiosk-b comes back after the
    // cue expired: it shows the current cue (same seq) at once instead of firing it.
    QProcess *kiosk = m_nodes["kiosk-b"].get();
    kiosk->kill();
    QVERIFY(kiosk->waitForFinished(5000));
    m_applied.remove(QStringLiteral("kiosk-b"));
    const qint64 before = m_seq;
    const Run run = festctl({QStringLiteral("ceremony"), QStringLiteral("go")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out));
    QTRY_VERIFY_WITH_TIMEOUT(m_seq > before, 10000);
    const qint64 expires = m_expiresAtUs;
    QTRY_VERIFY_WITH_TIMEOUT(m_applied.size() == 3 && m_applied["kiosk-a"].seq == m_seq, 15000);
    QTest::qWait(int((expires - m_executeAtUs) / 1000) + 200);   // past the expiry
    QVERIFY(startKiosk(QStringLiteral("kiosk-b"))->waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(m_applied.value(QStringLiteral("kiosk-b")).seq == m_seq, 60000);
    QVERIFY2(m_applied["kiosk-b"].atUs > expires, "a late joiner fired an expired cue");
}

void tst_CeremonyNodes::aReconnectAfterABrokerRestartReplaysNothing()
{
    const QMap<QString, Applied> before = m_applied;
    QCOMPARE(before.size(), 4);
    m_applied.clear();
    m_clockPort = 0;   // set again by the controller's status once it is back
    QString error;
    QVERIFY2(m_broker.restart(&error), qPrintable(error));
    // The controller republishes the retained state with the same seq; the nodes come back
    // and publish their status again, with the instant they applied it the first time.
    for (const QString &account : before.keys()) {
        QTRY_VERIFY2_WITH_TIMEOUT(m_applied.contains(account), qPrintable(account), 60000);
        QCOMPARE(m_applied[account].seq, before[account].seq);
        QCOMPARE(m_applied[account].atUs, before[account].atUs);
    }
    // The next test's request must find the controller subscribed again: a request sent
    // while it is still reconnecting reaches nobody (festctl then says so).
    QTRY_VERIFY_WITH_TIMEOUT(m_clockPort > 0, 60000);
}

void tst_CeremonyNodes::theEndGivesTheScreensBackToTheirPlaylists()
{
    go(QStringLiteral("end"));
    if (QTest::currentTestFailed())
        return;
    // The players' schedules run again: each screen plays, or waits for its next screening
    // (today's or tomorrow's), instead of staying idle as it did under the ceremony.
    for (const char *player : {"player-HALL-1", "player-CINE-1"})
        QTRY_VERIFY2_WITH_TIMEOUT(m_playerState.value(QLatin1String(player)) != QLatin1String("idle"),
                                  qPrintable(QStringLiteral("%1 stays %2").arg(QLatin1String(player), m_playerState.value(QLatin1String(player)))),
                                  15000);
}

QTEST_GUILESS_MAIN(tst_CeremonyNodes)
#include "tst_ceremonynodes.moc"
