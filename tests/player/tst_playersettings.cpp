#include "playersettings.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;

class tst_PlayerSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void flagsOverrideDefaults();
    void invalid_data();
    void invalid();
    void fileAndSetOverrides();

private:
    std::optional<PlayerSettings> parse(const QStringList &args, QStringList *errors);
};

std::optional<PlayerSettings> tst_PlayerSettings::parse(const QStringList &args, QStringList *errors)
{
    QCommandLineParser parser;
    PlayerSettings::addOptions(parser);
    if (!parser.parse(QStringList{QStringLiteral("festival-player")} + args)) {
        errors->append(parser.errorText());
        return std::nullopt;
    }
    return PlayerSettings::fromParser(parser, errors);
}

void tst_PlayerSettings::flagsOverrideDefaults()
{
    QStringList errors;
    const auto s = parse({"--screen", "HALL-1", "--broker", "mqtt://10.0.0.5:18830", "--media", "/srv/films",
                          "--cache", "/var/cache/p.json", "--clock", "10.0.0.5:7011", "--headless",
                          "--preroll-lead-ms", "8000", "--output-latency-ms", "150"}, &errors);
    QVERIFY2(s, qPrintable(errors.join('\n')));
    QCOMPARE(s->screen, QStringLiteral("HALL-1"));
    QCOMPARE(s->account, QStringLiteral("player-HALL-1"));
    QCOMPARE(s->broker.host, QStringLiteral("10.0.0.5"));
    QCOMPARE(s->broker.port, quint16(18830));
    QCOMPARE(s->broker.username, QStringLiteral("player-HALL-1"));
    QCOMPARE(s->mediaFolder, QStringLiteral("/srv/films"));
    QCOMPARE(s->cachePath, QStringLiteral("/var/cache/p.json"));
    QCOMPARE(s->clockHost, QStringLiteral("10.0.0.5"));
    QCOMPARE(s->clockPort, quint16(7011));
    QVERIFY(s->headless);
    QCOMPARE(s->prerollLeadMs, 8000);
    QCOMPARE(s->outputLatencyMs, 150);
    QCOMPARE(s->audioSink, QStringLiteral("fakesink sync=true"));
    QCOMPARE(s->speakers, SpeakerLayout::Stereo);            // the defaults
    QCOMPARE(s->targetLufs, std::optional<double>(-23.0));
}

void tst_PlayerSettings::invalid_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("key");
    QTest::newRow("no screen") << QStringList{} << "player/screen";
    QTest::newRow("screen with a slash") << QStringList{"--screen", "A/B"} << "player/screen";
    QTest::newRow("screen with a wildcard") << QStringList{"--screen", "A+"} << "player/screen";
    QTest::newRow("account with #") << QStringList{"--screen", "A", "--account", "p#"} << "broker/user";
    QTest::newRow("clock without port") << QStringList{"--screen", "A", "--clock", "host"} << "clock/address";
    QTest::newRow("clock port 0") << QStringList{"--screen", "A", "--clock", "host:0"} << "clock/address";
    QTest::newRow("clock port too big") << QStringList{"--screen", "A", "--clock", "host:70000"} << "clock/address";
    QTest::newRow("broker url scheme") << QStringList{"--screen", "A", "--broker", "http://x"} << "broker/url";
    QTest::newRow("latency negative") << QStringList{"--screen", "A", "--output-latency-ms", "-5"} << "player/output_latency_ms";
    QTest::newRow("preroll not a number") << QStringList{"--screen", "A", "--preroll-lead-ms", "soon"} << "player/preroll_lead_ms";
    QTest::newRow("speakers 7.1") << QStringList{"--screen", "A", "--set", "audio/layout=7.1"} << "audio/layout";
    QTest::newRow("target in dB SPL") << QStringList{"--screen", "A", "--set", "audio/target_lufs=85"} << "audio/target_lufs";
    QTest::newRow("target a word") << QStringList{"--screen", "A", "--set", "audio/target_lufs=loud"} << "audio/target_lufs";
    QTest::newRow("gain too high") << QStringList{"--screen", "A", "--set", "audio/max_gain_db=40"} << "audio/max_gain_db";
    QTest::newRow("output without size") << QStringList{"--screen", "A", "--set", "video/output=+1920+0"} << "video/output";
    QTest::newRow("masking a word") << QStringList{"--screen", "A", "--set", "video/masking=scope"} << "video/masking";
    QTest::newRow("masking taller than wide") << QStringList{"--screen", "A", "--set", "video/masking=9:16"} << "video/masking";
    QTest::newRow("decoding by a GPU name") << QStringList{"--screen", "A", "--set", "video/decoding=nvidia"} << "video/decoding";
    QTest::newRow("missing password file") << QStringList{"--screen", "A", "--password-file", "/nonexistent/pw"} << "broker/password_file";
}

void tst_PlayerSettings::invalid()
{
    QFETCH(QStringList, args);
    QFETCH(QString, key);
    QStringList errors;
    QVERIFY(!parse(args, &errors));
    // Problems name the key as "[section] key".
    const QString where = QStringLiteral("[%1] %2").arg(key.section('/', 0, 0), key.section('/', 1));
    QVERIFY2(errors.join('\n').contains(where), qPrintable(errors.join('\n')));
}

void tst_PlayerSettings::fileAndSetOverrides()
{
    QTemporaryDir dir;
    QFile ini(dir.filePath("player.ini"));
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write("[player]\nscreen=CINE-2\nmedia_folder=films\nno_buffer_timeout_ms=5000\n[clock]\naddress=127.0.0.1:7100\n"
              "[audio]\nlayout=5.1\ntarget_lufs=-27.5\n[video]\ndecoding=software\noutput=1920x1080+1920+0\nmasking=239:100\n");
    ini.close();
    QStringList errors;
    const auto s = parse({"--config", ini.fileName(), "--set", "player/output_latency_ms=80"}, &errors);
    QVERIFY2(s, qPrintable(errors.join('\n')));
    QCOMPARE(s->screen, QStringLiteral("CINE-2"));
    QCOMPARE(s->mediaFolder, dir.filePath("films"));  // relative to the file's folder
    QCOMPARE(s->noBufferTimeoutMs, 5000);
    QCOMPARE(s->clockPort, quint16(7100));
    QCOMPARE(s->outputLatencyMs, 80);
    QVERIFY(!s->headless);
    QCOMPARE(s->audioSink, QStringLiteral("autoaudiosink"));
    QCOMPARE(s->speakers, SpeakerLayout::Surround51);
    QCOMPARE(s->targetLufs, std::optional<double>(-27.5));
    QCOMPARE(s->maxGainDb, 15.0);
    QCOMPARE(s->decoding, DecoderChoice::Mode::Software);
    QCOMPARE(s->output, std::optional<QRect>(QRect(1920, 0, 1920, 1080)));
    QCOMPARE(s->maskingAspect, 2.39);
    const auto off = parse({"--config", ini.fileName(), "--set", "audio/target_lufs=off"}, &errors);
    QVERIFY2(off, qPrintable(errors.join('\n')));
    QVERIFY(!off->targetLufs);
    QCOMPARE(off->decoding, DecoderChoice::Mode::Software);
    const auto defaults = parse({"--screen", "A", "--set", "video/masking=1.85"}, &errors);
    QCOMPARE(defaults->decoding, DecoderChoice::Mode::Auto);
    QVERIFY(!defaults->output);
    QCOMPARE(defaults->maskingAspect, 1.85);
}

QTEST_GUILESS_MAIN(tst_PlayerSettings)
#include "tst_playersettings.moc"
