// MediaReport: what a player found in a film (player.media, festival-player --probe), the
// problems staff read in festctl and on the console, worst first, and its JSON both ways.
#include "mediareport.h"

#include <QJsonArray>
#include <QTest>

using namespace fest;
using Severity = MediaReport::Severity;

namespace {

// A film that plays as planned: 1080p25 H.264, 90 s in a 90 s slot, at the screen's level.
MediaReport fine()
{
    MediaReport m;
    m.itemId = QStringLiteral("S-1/F-1");
    m.screening = QStringLiteral("S-1");
    m.film = QStringLiteral("F-1");
    m.file = QStringLiteral("/srv/media/films/F-1.mp4");
    m.startUs = 1796443200000000;
    m.runtimeMs = 90'000;
    m.checked = true;
    m.videoCodec = QStringLiteral("H.264 (High Profile)");
    m.width = 1920;
    m.height = 1080;
    m.fps = 25;
    m.durationMs = 90'000;
    m.audioCodec = QStringLiteral("MPEG-4 AAC");
    m.audioChannels = 2;
    m.speakers = QStringLiteral("stereo");
    m.loudnessLufs = -28.0;
    m.targetLufs = -23.0;
    m.gainDb = 5.0;
    m.subtitles = {QStringLiteral("en"), QStringLiteral("zh-Hant")};
    m.embeddedSubtitles = {QStringLiteral("en")};
    m.decoder = QStringLiteral("avdec_h264");
    m.decodeSpeed = 6.5;
    return m;
}

} // namespace

class tst_MediaReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void problemsWorstFirst_data();
    void problemsWorstFirst();
    void jsonBothWays();
    void badReportsAreRefusedByName_data();
    void badReportsAreRefusedByName();
};

void tst_MediaReport::problemsWorstFirst_data()
{
    QTest::addColumn<MediaReport>("report");
    QTest::addColumn<Severity>("severity");
    QTest::addColumn<QString>("first");   // the first problem's words (empty: none)
    QTest::newRow("fine") << fine() << Severity::Fine << QString();
    MediaReport m = fine();
    m.durationMs = 95'000;
    QTest::newRow("runs over its slot") << m << Severity::Error << QStringLiteral("the end would be cut off");
    m = fine();
    m.durationMs = 80'000;
    QTest::newRow("shorter than its slot") << m << Severity::Warning << QStringLiteral("the screen would stay dark");
    m = fine();
    m.decodeSpeed = 0.8;
    QTest::newRow("too slow to decode") << m << Severity::Error << QStringLiteral("decodes it at only 0.80x real time");
    m = fine();
    m.loudnessLufs = -45.0;   // 22 dB under the target, the gain capped at 15
    m.gainDb = 15.0;
    QTest::newRow("too quiet for its gain") << m << Severity::Warning
                                            << QStringLiteral("it plays 7.0 dB under the screen's -23.0 LUFS: its gain stops at 15.0 dB");
    m.targetLufs.reset();   // normalisation off: nothing to say
    QTest::newRow("quiet, normalisation off") << m << Severity::Fine << QString();
    m = fine();
    m.errorCode = QStringLiteral("subtitle_invalid");
    m.message = QStringLiteral("…/F-1.zh-Hant.srt line 7: this line is not UTF-8 text");
    m.durationMs = 95'000;
    QTest::newRow("error before warning") << m << Severity::Error << QStringLiteral("the end would be cut off");
    m = fine();
    m.checked = false;
    QTest::newRow("not checked yet") << m << Severity::Warning << QStringLiteral("not checked yet");
}

void tst_MediaReport::problemsWorstFirst()
{
    QFETCH(MediaReport, report);
    QFETCH(Severity, severity);
    QFETCH(QString, first);
    QCOMPARE(report.severity(), severity);
    const QStringList problems = report.problems();
    if (first.isEmpty())
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
    else
        QVERIFY2(!problems.isEmpty() && problems.first().contains(first), qPrintable(problems.join('\n')));
}

// The reader of another program (festctl, the console) gets every fact, and the player's
// verdict in words: severity and problems travel with the facts.
void tst_MediaReport::jsonBothWays()
{
    MediaReport m = fine();
    m.loudnessLufs = -45.0;
    m.gainDb = 15.0;
    const QJsonObject json = m.toJson();
    QCOMPARE(json.value("severity").toString(), QStringLiteral("warning"));
    QCOMPARE(json.value("problems").toArray().size(), 1);
    QCOMPARE(json.value("targetLufs").toDouble(), -23.0);
    QString error;
    const auto back = MediaReport::fromJson(json, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->toJson(), json);
    QCOMPARE(back->problems(), m.problems());
    const auto list = MediaReport::listFromJson(MediaReport::listToJson({m, fine()}), &error);
    QVERIFY2(list, qPrintable(error));
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(1).severity(), Severity::Fine);
}

void tst_MediaReport::badReportsAreRefusedByName_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("a negative width") << "width" << QJsonValue(-1920);
    QTest::newRow("a loudness from nowhere") << "targetLufs" << QJsonValue(85);
    QTest::newRow("problems not a list") << "problems" << QJsonValue("all fine");
    QTest::newRow("an unknown field") << "verdict" << QJsonValue("ok");
    QTest::newRow("checked not a yes/no") << "checked" << QJsonValue("yes");
}

void tst_MediaReport::badReportsAreRefusedByName()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QJsonObject json = fine().toJson();
    json.insert(field, value);
    QString error;
    QVERIFY(!MediaReport::fromJson(json, &error));
    QVERIFY2(error.contains(field), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_MediaReport)
#include "tst_mediareport.moc"
