#include "mediagenerator.h"
#include "mosquittoprocess.h"
#include "projectbinaries.h"
#include "screenbus.h"
#include "showclock.h"
#include "showclockprovider.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace fest;

// The festival-player process itself: killed mid-film (no clean disconnect), the broker
// marks it offline through its Will; started again it rejoins the film where the show is.
class tst_FestivalPlayer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killedMidFilmGoesOfflineAndRejoins();
    void badConfigurationExitsWithTheKey();

private:
    QProcess *startPlayer();

    QTemporaryDir m_dir;
    QString m_binary;
    std::unique_ptr<ShowClockProvider> m_provider;
    MosquittoProcess m_broker;
    std::vector<std::unique_ptr<QProcess>> m_players;
};

void tst_FestivalPlayer::initTestCase()
{
    m_binary = projectBinary(QStringLiteral("festival-player"));
    if (m_binary.isEmpty())
        QFAIL("festival-player is not built");
    QDir(m_dir.path()).mkpath(QStringLiteral("media/films"));
    MediaGenerator::Options o;
    o.seconds = 8;
    QCOMPARE(MediaGenerator::generate(m_dir.filePath("media/films/F-1.webm"), o), QString());
    m_provider = std::make_unique<ShowClockProvider>(0, QStringLiteral("127.0.0.1"));
    QVERIFY(m_provider->isValid());
    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error));
}

QProcess *tst_FestivalPlayer::startPlayer()
{
    auto p = std::make_unique<QProcess>();
    p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p->start(m_binary, {"--headless", "--screen", "ARTS-1", "--broker", m_broker.url(), "--media", m_dir.filePath("media"),
                        "--cache", m_dir.filePath("cache.json"), "--clock", QStringLiteral("127.0.0.1:%1").arg(m_provider->port()),
                        "--preroll-lead-ms", "1000"});
    m_players.push_back(std::move(p));
    return m_players.back().get();
}

void tst_FestivalPlayer::killedMidFilmGoesOfflineAndRejoins()
{
    ScreenBus bus(m_broker, QStringLiteral("ARTS-1"));
    QVERIFY(bus.connectToBroker());

    ShowClock clock(QStringLiteral("127.0.0.1"), m_provider->port());
    QVERIFY(clock.waitForSync(5000));
    Playlist playlist;
    playlist.screenId = QStringLiteral("ARTS-1");
    playlist.programmeVersion = 11;
    PlaylistItem item;
    item.screeningId = QStringLiteral("S-9");
    item.filmId = QStringLiteral("F-1");
    item.media = QStringLiteral("films/F-1.webm");
    item.title = {QStringLiteral("Project J"), QStringLiteral("Project J")};
    item.startUs = clock.nowUs() + 2'000'000;
    item.durationUs = 8'000'000;
    playlist.items = {item};
    QVERIFY(bus.publish(playlist));

    QProcess *first = startPlayer();
    QVERIFY(first->waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(bus.status().value("state").toString(), QStringLiteral("playing"), 10000);
    QCOMPARE(bus.status().value("programmeVersion").toInteger(), 11);
    QTRY_VERIFY_WITH_TIMEOUT(bus.status().value("positionMs").toInteger() > 1500, 5000);
    first->kill();  // SIGKILL: no offline status of its own, only the Will
    first->waitForFinished();
    QTRY_COMPARE_WITH_TIMEOUT(bus.status().value("state").toString(), QStringLiteral("offline"), 10000);

    QProcess *second = startPlayer();
    QVERIFY(second->waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(bus.status().value("state").toString(), QStringLiteral("playing"), 10000);
    // It reports the position the show is at, not the start of the film.
    const qint64 expectedMs = (clock.nowUs() - item.startUs) / 1000;
    const qint64 positionMs = bus.status().value("positionMs").toInteger();
    QVERIFY2(positionMs > 1000 && qAbs(positionMs - expectedMs) < 1500,
             qPrintable(QStringLiteral("position %1 ms, show at %2 ms").arg(positionMs).arg(expectedMs)));
    QCOMPARE(bus.status().value("item").toObject().value("screening").toString(), QStringLiteral("S-9"));
    second->terminate();  // SIGTERM: clean shutdown publishes offline itself
    QVERIFY(second->waitForFinished(5000));
    QCOMPARE(second->exitCode(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(bus.status().value("state").toString(), QStringLiteral("offline"), 5000);
}

void tst_FestivalPlayer::badConfigurationExitsWithTheKey()
{
    QProcess p;
    p.start(m_binary, {"--headless", "--screen", "bad/screen", "--clock", "nowhere"});
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 2);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("[player] screen")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("[clock] address")), qPrintable(err));
}

QTEST_GUILESS_MAIN(tst_FestivalPlayer)
#include "tst_festivalplayer.moc"
