// A screening that runs late, every side real: a real player held by the booth (festctl
// player hold), the real controller, a real kiosk (the Kiosk object the kiosk app runs,
// on the bus), festctl nodes. Nothing is fed by hand: the lateness comes from the player.
//   - while it runs late, the kiosk's Now & Next says "running N min late", festctl nodes
//     says the same N, and the controller keeps the voting window open N minutes longer;
//   - when the film really ends (later than planned by the hold), voting closes
//     close_after_end after that real end.
#include "festctlrun.h"
#include "kiosk.h"
#include "kioskconfig.h"
#include "mediagenerator.h"
#include "mosquittoprocess.h"
#include "mqttclient.h"
#include "nownextmodel.h"
#include "playerprocess.h"
#include "scenariocontroller.h"
#include "scenarioprogramme.h"
#include "statuswatcher.h"
#include "topics.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;

namespace {
constexpr int kCloseAfterEndMinutes = 2;
constexpr int kGraceMinutes = 30;
constexpr int kFilmSeconds = 50;
const QString kScreen = QStringLiteral("LATE-1");
const QString kScreening = QStringLiteral("S-LATE");

MqttOptions options(const QString &brokerUrl, const QString &account)
{
    MqttOptions o = MqttOptions::fromUrl(brokerUrl, nullptr).value_or(MqttOptions());
    o.username = account;
    o.clientId = account;
    return o;
}
} // namespace

class tst_RunningLate : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void aHeldScreeningRunsLateEverywhereAndClosesAfterItsRealEnd();

private:
    QDateTime closesAt() const;
    int kioskLateMinutes() const;
    QJsonObject nodeListed(const QString &account, QString *table) const;

    QTemporaryDir m_dir;
    MosquittoProcess m_broker;
    std::unique_ptr<ScenarioController> m_controller;
    std::unique_ptr<StatusWatcher> m_statuses;
    std::unique_ptr<PlayerProcess> m_player;
    std::unique_ptr<Kiosk> m_kiosk;
    std::unique_ptr<MqttClient> m_votingReader;
    QJsonObject m_window;
    QDateTime m_start;
    QDateTime m_scheduledEnd;
};

void tst_RunningLate::initTestCase()
{
    QVERIFY2(!ScenarioController::binary().isEmpty(), "festival-controller was not built");
    QVERIFY2(!PlayerProcess::binary().isEmpty(), "festival-player was not built");
    const QString media = m_dir.filePath(QStringLiteral("media"));
    QVERIFY(QDir().mkpath(media + QStringLiteral("/films")));
    MediaGenerator::Options film;
    film.seconds = kFilmSeconds;
    const QString generated = MediaGenerator::generate(media + QStringLiteral("/films/late.webm"), film);
    QVERIFY2(generated.isEmpty(), qPrintable(generated));

    ScenarioProgramme programme;
    m_start = ScenarioProgramme::at(20);
    m_scheduledEnd = m_start.addSecs(kFilmSeconds + 60);   // the slot: the film and a minute
    programme.addScreen(kScreen);
    programme.addFilm(QStringLiteral("F-LATE"), kFilmSeconds, QStringLiteral("films/late.webm"));
    programme.addScreening(kScreening, kScreen, m_start, {QStringLiteral("F-LATE")}, m_scheduledEnd);
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

    m_votingReader = std::make_unique<MqttClient>(options(m_broker.url(), QStringLiteral("voting-watcher")));
    m_votingReader->subscribe(Topics::voting(), 1);
    connect(m_votingReader.get(), &MqttClient::messageReceived, this, [this](const MqttMessage &m) {
        for (const QJsonValue &v : QJsonDocument::fromJson(m.payload).object().value(QStringLiteral("screenings")).toArray())
            if (v[QStringLiteral("screening")].toString() == kScreening)
                m_window = v.toObject();
    });
    m_votingReader->open();

    m_player = std::make_unique<PlayerProcess>(
        PlayerProcess::Settings{kScreen, m_broker.url(), m_dir.path(), media, m_controller->clockPort()});
    QVERIFY2(m_player->start(&error), qPrintable(error));

    KioskConfig config;
    config.kioskId = QStringLiteral("kiosk-lobby");
    config.venueId = QStringLiteral("V-1");
    config.broker = MqttOptions::fromUrl(m_broker.url(), nullptr);
    config.broker->username = config.kioskId;
    config.outboxPath = m_dir.filePath(QStringLiteral("outbox.db"));
    config.clockAddress = QStringLiteral("127.0.0.1:%1").arg(m_controller->clockPort());
    m_kiosk = std::make_unique<Kiosk>(config);
    QVERIFY2(m_kiosk->start(&error), qPrintable(error));

    // Scheduled: the window closes at the scheduled end plus the grace.
    QTRY_VERIFY_WITH_TIMEOUT(closesAt().isValid(), 40000);
    QCOMPARE(closesAt(), m_scheduledEnd.addSecs(kGraceMinutes * 60));
}

void tst_RunningLate::cleanupTestCase()
{
    m_kiosk.reset();
    m_player.reset();
    m_controller.reset();
}

QDateTime tst_RunningLate::closesAt() const
{
    return QDateTime::fromString(m_window.value(QStringLiteral("closesAt")).toString(), Qt::ISODateWithMs);
}

int tst_RunningLate::kioskLateMinutes() const
{
    NowNextModel *model = m_kiosk->nowNext();
    const int row = model->indexOf(kScreen);
    return row < 0 ? -1 : model->get(row).value(QStringLiteral("lateMinutes")).toInt();
}

QJsonObject tst_RunningLate::nodeListed(const QString &account, QString *table) const
{
    *table = FestctlRun::run(m_broker.url(), {QStringLiteral("nodes")}).out;
    const FestctlRun run = FestctlRun::run(m_broker.url(), {QStringLiteral("--json"), QStringLiteral("nodes")});
    for (const QJsonValue &n : QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("nodes")).toArray())
        if (n[QStringLiteral("account")].toString() == account)
            return n.toObject();
    return {};
}

void tst_RunningLate::aHeldScreeningRunsLateEverywhereAndClosesAfterItsRealEnd()
{
    const QString account = m_player->account();
    const QString item = kScreening + QStringLiteral("/F-LATE");
    QTRY_VERIFY2_WITH_TIMEOUT(m_statuses->firstPlaying(account, item), qPrintable(m_statuses->timeline(account)), 60000);
    QCOMPARE(kioskLateMinutes(), 0);

    // The booth holds the film for over half a minute: the screen now runs a minute late.
    const QDateTime heldAt = QDateTime::currentDateTimeUtc();
    const FestctlRun hold = FestctlRun::run(m_broker.url(), {QStringLiteral("player"), kScreen, QStringLiteral("hold")},
                                            QStringLiteral("booth"));
    QVERIFY2(hold.exitCode == 0, qPrintable(hold.out + hold.err));
    QTRY_VERIFY2_WITH_TIMEOUT(m_statuses->latest(account).value(QStringLiteral("lateMs")).toInteger() >= 31000,
                              qPrintable(m_statuses->timeline(account)), 60000);

    // The kiosk, festctl and the controller's voting window say the same: 1 min late.
    QTRY_COMPARE_WITH_TIMEOUT(kioskLateMinutes(), 1, 10000);
    QString table;
    QTRY_VERIFY2_WITH_TIMEOUT(nodeListed(account, &table).value(QStringLiteral("lateMs")).toInteger() >= 30000, qPrintable(table), 10000);
    const QString row = table.split(QLatin1Char('\n')).filter(account).value(0);
    QVERIFY2(row.contains(QStringLiteral(" 1 min ")), qPrintable(table));
    QTRY_COMPARE_WITH_TIMEOUT(closesAt(), m_scheduledEnd.addSecs(60 + kGraceMinutes * 60), 10000);
    QCOMPARE(m_window.value(QStringLiteral("state")).toString(), QStringLiteral("open"));

    const FestctlRun resume = FestctlRun::run(m_broker.url(), {QStringLiteral("player"), kScreen, QStringLiteral("resume")},
                                              QStringLiteral("booth"));
    QVERIFY2(resume.exitCode == 0, qPrintable(resume.out + resume.err));
    const qint64 heldMs = heldAt.msecsTo(QDateTime::currentDateTimeUtc());

    // The film ends when it really does, later than planned by the hold: voting closes
    // close_after_end after that.
    QTRY_VERIFY2_WITH_TIMEOUT(closesAt() != m_scheduledEnd.addSecs(60 + kGraceMinutes * 60),
                              qPrintable(m_statuses->timeline(account) + m_controller->log().right(2000)),
                              (kFilmSeconds + 20) * 1000);
    const QDateTime expected = m_start.addMSecs(kFilmSeconds * 1000 + heldMs).addSecs(kCloseAfterEndMinutes * 60);
    const qint64 offMs = expected.msecsTo(closesAt());
    QVERIFY2(offMs > -5000 && offMs < 5000,
             qPrintable(QStringLiteral("closes %1 ms away from the real end (held %2 ms) plus %3 min")
                            .arg(offMs).arg(heldMs).arg(kCloseAfterEndMinutes)));
    // Over, the kiosk no longer calls the screen late.
    QTRY_COMPARE_WITH_TIMEOUT(kioskLateMinutes(), 0, 10000);
}

QTEST_MAIN(tst_RunningLate)
#include "tst_runninglate.moc"
