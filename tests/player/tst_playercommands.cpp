#include "playbackengine.h"
#include "playercommands.h"

#include <QJsonDocument>
#include <QTest>

#include <gst/gst.h>

using namespace fest;

// Argument checks and refusals; the commands' effect on real playback is covered by
// tst_playbackengine and, over the bus, by tst_playernode.
class tst_PlayerCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void execute_data();
    void execute();

private:
    GstClock *m_clock = nullptr;
};

void tst_PlayerCommands::initTestCase()
{
    gst_init(nullptr, nullptr);
    m_clock = gst_system_clock_obtain();
}

void tst_PlayerCommands::cleanupTestCase()
{
    gst_object_unref(m_clock);
}

void tst_PlayerCommands::execute_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<QByteArray>("args");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("code");
    QTest::newRow("hold, nothing playing") << "player.hold" << QByteArray("{}") << false << "not_playing";
    QTest::newRow("resume, nothing held") << "player.resume" << QByteArray("{}") << false << "not_held";
    QTest::newRow("skip, nothing playing") << "player.skip" << QByteArray("{}") << false << "not_playing";
    QTest::newRow("restart, nothing playing") << "player.restart" << QByteArray("{}") << false << "not_playing";
    QTest::newRow("stop") << "player.stop" << QByteArray("{}") << true << "";
    QTest::newRow("hold with args") << "player.hold" << QByteArray(R"({"now":true})") << false << "invalid_args";
    QTest::newRow("unknown op") << "player.explode" << QByteArray("{}") << false << "unknown_op";
    QTest::newRow("controller op") << "screening.move" << QByteArray("{}") << false << "unknown_op";
    QTest::newRow("seek, nothing playing") << "player.seek" << QByteArray(R"({"positionMs":1000})") << false << "not_playing";
    QTest::newRow("seek, negative") << "player.seek" << QByteArray(R"({"positionMs":-1})") << false << "invalid_args";
    QTest::newRow("seek, fraction") << "player.seek" << QByteArray(R"({"positionMs":1.5})") << false << "invalid_args";
    QTest::newRow("seek, string") << "player.seek" << QByteArray(R"({"positionMs":"10"})") << false << "invalid_args";
    QTest::newRow("seek, missing") << "player.seek" << QByteArray("{}") << false << "invalid_args";
    QTest::newRow("seek, extra key") << "player.seek" << QByteArray(R"({"positionMs":1,"x":2})") << false << "invalid_args";
    QTest::newRow("volume 0") << "player.volume" << QByteArray(R"({"level":0})") << true << "";
    QTest::newRow("volume 1") << "player.volume" << QByteArray(R"({"level":1})") << true << "";
    QTest::newRow("volume 0.3") << "player.volume" << QByteArray(R"({"level":0.3})") << true << "";
    QTest::newRow("volume above 1") << "player.volume" << QByteArray(R"({"level":1.01})") << false << "invalid_args";
    QTest::newRow("volume below 0") << "player.volume" << QByteArray(R"({"level":-0.1})") << false << "invalid_args";
    QTest::newRow("volume bool") << "player.volume" << QByteArray(R"({"level":true})") << false << "invalid_args";
    QTest::newRow("blackout on") << "player.blackout" << QByteArray(R"({"on":true})") << true << "";
    QTest::newRow("blackout number") << "player.blackout" << QByteArray(R"({"on":1})") << false << "invalid_args";
    QTest::newRow("blackout missing") << "player.blackout" << QByteArray("{}") << false << "invalid_args";
}

void tst_PlayerCommands::execute()
{
    QFETCH(QString, op);
    QFETCH(QByteArray, args);
    QFETCH(bool, ok);
    QFETCH(QString, code);
    PlaybackEngine engine(m_clock, PlaybackEngine::Options());
    engine.start();
    PlayerCommands commands(engine);
    const Reply reply = commands.execute(Request{op, QJsonDocument::fromJson(args).object()});
    QCOMPARE(reply.ok, ok);
    QCOMPARE(reply.code, code);
    if (!ok)
        QVERIFY2(reply.message.endsWith(QLatin1Char('.')), qPrintable(reply.message));
}

QTEST_GUILESS_MAIN(tst_PlayerCommands)
#include "tst_playercommands.moc"
