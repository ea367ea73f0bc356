// The seam between a player and the controller, both real: what a real player says about
// the screening it shows is what closes (or keeps open) that screening's voting window,
// and only the player of that screening's screen can say it.
//   - a film that ends well before its slot closes voting at its real end plus the
//     close-after-end delay, not at the scheduled end plus the grace;
//   - a kiosk account that publishes statuses claiming to be a player (playing, then
//     idle, for another screen's screening) changes no voting window;
//   - a player killed mid-film (its Will says offline) does not end the screening.
#include "festctlrun.h"
#include "mediagenerator.h"
#include "mosquittoprocess.h"
#include "mqttclient.h"
#include "playerprocess.h"
#include "playerstatus.h"
#include "scenariocontroller.h"
#include "scenarioprogramme.h"
#include "statuswatcher.h"
#include "topics.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;

namespace {
constexpr int kCloseAfterEndMinutes = 2;

MqttOptions options(const QString &brokerUrl, const QString &account)
{
    MqttOptions o = MqttOptions::fromUrl(brokerUrl, nullptr).value_or(MqttOptions());
    o.username = account;
    o.clientId = account;
    return o;
}

bool connectClient(MqttClient &client)
{
    client.open();
    return QTest::qWaitFor([&] { return client.state() == MqttClient::State::Connected; }, 10000);
}

void publishRetained(MqttClient &client, const QString &account, const PlayerStatus &status)
{
    client.publish(MqttMessage{Topics::nodeStatus(account), status.encode(), 1, true});
}
constexpr int kGraceMinutes = 30;

// The voting windows as the controller publishes them (retained fest/v1/voting).
class VotingWatcher : public QObject
{
public:
    explicit VotingWatcher(const QString &brokerUrl)
        : m_client(options(brokerUrl, QStringLiteral("voting-watcher")))
    {
        m_client.subscribe(Topics::voting(), 1);
        QObject::connect(&m_client, &MqttClient::messageReceived, this, [this](const MqttMessage &m) {
            const QJsonObject voting = QJsonDocument::fromJson(m.payload).object();
            for (const QJsonValue &v : voting.value(QStringLiteral("screenings")).toArray())
                m_windows.insert(v[QStringLiteral("screening")].toString(), v.toObject());
        });
        m_client.open();
    }
    bool waitConnected() { return QTest::qWaitFor([this] { return m_client.state() == MqttClient::State::Connected; }, 10000); }
    QJsonObject window(const QString &screening) const { return m_windows.value(screening); }
    QDateTime closesAt(const QString &screening) const
    {
        return QDateTime::fromString(window(screening).value(QStringLiteral("closesAt")).toString(), Qt::ISODateWithMs);
    }

private:
    MqttClient m_client;
    QHash<QString, QJsonObject> m_windows;
};
} // namespace

class tst_ScreeningEnds : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void aFilmEndingEarlyClosesVotingAtItsRealEnd();
    void aKioskClaimingToBeAPlayerChangesNoWindow();
    void aPlayerKilledMidFilmDoesNotEndItsScreening();

private:
    // The role festctl nodes lists for an account (empty when not listed).
    QString roleListed(const QString &account) const;

    QTemporaryDir m_dir;
    MosquittoProcess m_broker;
    std::unique_ptr<ScenarioController> m_controller;
    std::unique_ptr<StatusWatcher> m_statuses;
    std::unique_ptr<VotingWatcher> m_voting;
    std::map<QString, std::unique_ptr<PlayerProcess>> m_players;
    QString m_media;
    QDateTime m_start;
};

void tst_ScreeningEnds::initTestCase()
{
    QVERIFY2(!ScenarioController::binary().isEmpty(), "festival-controller was not built");
    QVERIFY2(!PlayerProcess::binary().isEmpty(), "festival-player was not built");
    m_media = m_dir.filePath(QStringLiteral("media"));
    QVERIFY(QDir().mkpath(m_media + QStringLiteral("/films")));
    MediaGenerator::Options film;
    film.seconds = 6;
    const QString generated = MediaGenerator::generate(m_media + QStringLiteral("/films/short.webm"), film);
    QVERIFY2(generated.isEmpty(), qPrintable(generated));
    film.seconds = 40;
    QCOMPARE(MediaGenerator::generate(m_media + QStringLiteral("/films/long.webm"), film), QString());

    // HALL-1: a 6 s film in a slot of several minutes (it ends "early"). CINE-1: a 40 s
    // film whose player is killed in the middle. ARTS-1: a screening nobody plays, whose
    // window a forging kiosk tries to close.
    ScenarioProgramme programme;
    m_start = ScenarioProgramme::at(15);
    for (const char *screen : {"HALL-1", "CINE-1", "ARTS-1"})
        programme.addScreen(QLatin1String(screen));
    programme.addFilm(QStringLiteral("F-SHORT"), 6, QStringLiteral("films/short.webm"));
    programme.addFilm(QStringLiteral("F-LONG"), 40, QStringLiteral("films/long.webm"));
    programme.addScreening(QStringLiteral("S-EARLY"), QStringLiteral("HALL-1"), m_start, {QStringLiteral("F-SHORT")},
                           m_start.addSecs(5 * 60));
    programme.addScreening(QStringLiteral("S-KILLED"), QStringLiteral("CINE-1"), m_start, {QStringLiteral("F-LONG")});
    programme.addScreening(QStringLiteral("S-NOBODY"), QStringLiteral("ARTS-1"), m_start, {QStringLiteral("F-LONG")});
    QString error;
    const QString programmeFile = m_dir.filePath(QStringLiteral("programme.json"));
    QVERIFY2(programme.write(programmeFile, &error), qPrintable(error));

    QVERIFY2(m_broker.start(&error), qPrintable(error));
    ScenarioController::Settings settings{m_broker.url(), m_dir.path(), {}, programmeFile};
    settings.extraIni = {QStringLiteral("[votes]"), QStringLiteral("close_after_end_minutes=%1").arg(kCloseAfterEndMinutes),
                         QStringLiteral("grace_minutes=%1").arg(kGraceMinutes)};
    m_controller = std::make_unique<ScenarioController>(settings);
    QVERIFY2(m_controller->start(&error), qPrintable(error));
    m_statuses = std::make_unique<StatusWatcher>(m_broker.url());
    QVERIFY(m_statuses->connectToBroker());
    m_voting = std::make_unique<VotingWatcher>(m_broker.url());
    QVERIFY(m_voting->waitConnected());
    for (const char *screen : {"HALL-1", "CINE-1"}) {
        auto player = std::make_unique<PlayerProcess>(
            PlayerProcess::Settings{QLatin1String(screen), m_broker.url(), m_dir.path(), m_media, m_controller->clockPort()});
        QVERIFY2(player->start(&error), qPrintable(error));
        m_players[QLatin1String(screen)] = std::move(player);
    }
    // Scheduled: every window closes at its scheduled end plus the grace.
    QTRY_VERIFY_WITH_TIMEOUT(m_voting->closesAt(QStringLiteral("S-EARLY")).isValid(), 20000);
    QCOMPARE(m_voting->closesAt(QStringLiteral("S-EARLY")), m_start.addSecs(5 * 60 + kGraceMinutes * 60));
}

QString tst_ScreeningEnds::roleListed(const QString &account) const
{
    const FestctlRun run = FestctlRun::run(m_broker.url(), {QStringLiteral("--json"), QStringLiteral("nodes")});
    for (const QJsonValue &n : QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("nodes")).toArray())
        if (n[QStringLiteral("account")].toString() == account)
            return n[QStringLiteral("role")].toString();
    return {};
}

void tst_ScreeningEnds::aFilmEndingEarlyClosesVotingAtItsRealEnd()
{
    const QString account = m_players.at(QStringLiteral("HALL-1"))->account();
    QTRY_VERIFY2_WITH_TIMEOUT(m_statuses->firstPlaying(account, QStringLiteral("S-EARLY/F-SHORT")),
                              qPrintable(m_statuses->timeline(account)), 40000);
    // The film ends after 6 s, minutes before its slot does: the window now closes
    // close_after_end after the real end.
    const QDateTime scheduled = m_start.addSecs(5 * 60 + kGraceMinutes * 60);
    QTRY_VERIFY2_WITH_TIMEOUT(m_voting->closesAt(QStringLiteral("S-EARLY")) != scheduled,
                              qPrintable(QStringLiteral("still closes at the scheduled end plus grace; HALL-1 said:\n%1\ncontroller log:\n%2")
                                             .arg(m_statuses->timeline(account), m_controller->log().right(2000))),
                              30000);
    const QDateTime realEnd = m_start.addSecs(6);
    const qint64 offMs = realEnd.addSecs(kCloseAfterEndMinutes * 60).msecsTo(m_voting->closesAt(QStringLiteral("S-EARLY")));
    QVERIFY2(offMs >= -1000 && offMs < 5000, qPrintable(QStringLiteral("closes %1 ms after the real end plus %2 min")
                                                        .arg(offMs).arg(kCloseAfterEndMinutes)));
    QCOMPARE(m_voting->window(QStringLiteral("S-EARLY")).value(QStringLiteral("state")).toString(), QStringLiteral("open"));
}

void tst_ScreeningEnds::aKioskClaimingToBeAPlayerChangesNoWindow()
{
    const QDateTime before = m_voting->closesAt(QStringLiteral("S-NOBODY"));
    QVERIFY(before.isValid());
    const QString kioskAccount = QStringLiteral("kiosk-07");
    MqttClient kiosk(options(m_broker.url(), kioskAccount));
    QVERIFY(connectClient(kiosk));
    // It says it plays ARTS-1's screening, then that it stopped: as the screen's player
    // would, but from a kiosk's account.
    PlayerStatus forged;
    forged.screen = QStringLiteral("ARTS-1");
    forged.state = PlayerStatus::State::Playing;
    forged.item = PlayerStatus::Item{QStringLiteral("S-NOBODY/F-LONG"), QStringLiteral("S-NOBODY"), QStringLiteral("F-LONG"),
                                     {}, {}, {}, m_start.toMSecsSinceEpoch() * 1000, 40000};
    publishRetained(kiosk, kioskAccount, forged);
    QTest::qWait(300);
    forged.state = PlayerStatus::State::Idle;
    forged.item.reset();
    publishRetained(kiosk, kioskAccount, forged);
    // The same from a player's account of another screen (HALL-2, not in the programme),
    // claiming ARTS-1.
    const QString otherAccount = PlayerStatus::accountForScreen(QStringLiteral("HALL-2"));
    MqttClient other(options(m_broker.url(), otherAccount));
    QVERIFY(connectClient(other));
    forged.state = PlayerStatus::State::Playing;
    forged.item = PlayerStatus::Item{QStringLiteral("S-NOBODY/F-LONG"), QStringLiteral("S-NOBODY"), QStringLiteral("F-LONG"),
                                     {}, {}, {}, m_start.toMSecsSinceEpoch() * 1000, 40000};
    publishRetained(other, otherAccount, forged);
    QTest::qWait(300);
    forged.state = PlayerStatus::State::Idle;
    forged.item.reset();
    publishRetained(other, otherAccount, forged);

    // The controller heard both: the kiosk is listed as the kiosk it is, the other
    // player's word for ARTS-1 is refused, saying why.
    QTRY_VERIFY2_WITH_TIMEOUT(roleListed(kioskAccount) == QLatin1String("kiosk"), qPrintable(roleListed(kioskAccount)), 15000);
    QTRY_VERIFY2_WITH_TIMEOUT(m_controller->log().contains(QStringLiteral("status of %1 refused").arg(otherAccount)),
                              qPrintable(m_controller->log().right(2000)), 10000);
    QTest::qWait(1000);
    QCOMPARE(m_voting->closesAt(QStringLiteral("S-NOBODY")), before);
    QVERIFY2(!m_controller->log().contains(QStringLiteral("finished screening S-NOBODY")), qPrintable(m_controller->log().right(2000)));
}

void tst_ScreeningEnds::aPlayerKilledMidFilmDoesNotEndItsScreening()
{
    PlayerProcess &player = *m_players.at(QStringLiteral("CINE-1"));
    const QString item = QStringLiteral("S-KILLED/F-LONG");
    QTRY_VERIFY2_WITH_TIMEOUT(m_statuses->firstPlaying(player.account(), item), qPrintable(m_statuses->timeline(player.account())), 40000);
    const QDateTime scheduled = m_voting->closesAt(QStringLiteral("S-KILLED"));
    player.kill();
    // Its Will reaches the bus; the screening is not over for all that.
    QTRY_COMPARE_WITH_TIMEOUT(m_statuses->latest(player.account()).value(QStringLiteral("state")).toString(), QStringLiteral("offline"), 90000);
    QTest::qWait(1000);
    QCOMPARE(m_voting->closesAt(QStringLiteral("S-KILLED")), scheduled);
    // Restarted, it chases to where the film is and the screening ends when the film does.
    QString startError;
    QVERIFY2(player.start(&startError), qPrintable(startError));
    QTRY_VERIFY2_WITH_TIMEOUT(m_voting->closesAt(QStringLiteral("S-KILLED")) != scheduled,
                              qPrintable(m_statuses->timeline(player.account())), 60000);
    const QDateTime realEnd = m_start.addSecs(40);
    const qint64 offMs = realEnd.addSecs(kCloseAfterEndMinutes * 60).msecsTo(m_voting->closesAt(QStringLiteral("S-KILLED")));
    QVERIFY2(offMs >= -1000 && offMs < 5000, qPrintable(QStringLiteral("closes %1 ms after the real end plus %2 min").arg(offMs).arg(kCloseAfterEndMinutes)));
}

QTEST_GUILESS_MAIN(tst_ScreeningEnds)
#include "tst_screeningends.moc"
