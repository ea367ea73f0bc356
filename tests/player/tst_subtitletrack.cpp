#include "subtitletrack.h"

#include <QTemporaryDir>
#include <QTest>

using namespace fest;

namespace {
constexpr qint64 kMs = 1'000'000;
constexpr qint64 kS = 1000 * kMs;
} // namespace

// SRT and WebVTT as festivals receive them, and every way a file can be wrong: each
// refusal names the file and the line, and says what to do.
class tst_SubtitleTrack : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsSrt();
    void readsWebVtt();
    void keepsOnlySafeMarkup();
    void overlappingCuesShowTogether();
    void refusesMalformedFilesNamingTheLine_data();
    void refusesMalformedFilesNamingTheLine();
    void missingAndOversizedFiles();
};

void tst_SubtitleTrack::readsSrt()
{
    // A BOM, Windows line ends, cues out of order and a two-line cue.
    const QByteArray srt = "\xEF\xBB\xBF" "1\r\n00:00:01,000 --> 00:00:02,500\r\nFirst line\r\nsecond line\r\n\r\n"
                           "3\r\n01:00:00,000 --> 01:00:01,000\r\nAn hour in\r\n\r\n"
                           "2\r\n00:01:00,000 --> 00:01:02,000\r\n一分鐘\r\n";
    QString error;
    const auto track = SubtitleTrack::parse(srt, QStringLiteral("f.en.srt"), QStringLiteral("en"), &error);
    QVERIFY2(track, qPrintable(error));
    QCOMPARE(track->language(), QStringLiteral("en"));
    QCOMPARE(track->cues().size(), 3);
    QCOMPARE(track->cues().at(1).startNs, 60 * kS);   // sorted by start
    QCOMPARE(track->cues().at(1).line, 11);  // its time line
    QCOMPARE(track->textAt(999 * kMs), QString());
    QCOMPARE(track->textAt(1 * kS), QStringLiteral("First line<br>second line"));
    QCOMPARE(track->textAt(2500 * kMs - 1), QStringLiteral("First line<br>second line"));
    QCOMPARE(track->textAt(2500 * kMs), QString());  // the end is exclusive
    QCOMPARE(track->textAt(61 * kS), QStringLiteral("一分鐘"));
    QCOMPARE(track->textAt(3600 * kS + 500 * kMs), QStringLiteral("An hour in"));
    QCOMPARE(track->textAt(3602 * kS), QString());
}

void tst_SubtitleTrack::readsWebVtt()
{
    const QByteArray vtt = "WEBVTT - festival copy\nKind: captions\n\n"
                           "NOTE translated by the festival\nsecond note line\n\n"
                           "STYLE\n::cue { color: yellow }\n\n"
                           "intro\n00:05.000 --> 00:07.250 line:90% align:center\n<v Narrator>Tom &amp; Jerry &lt;3\n\n"
                           "01:00:00.000 --> 01:00:02.000\nLate\n";
    QString error;
    const auto track = SubtitleTrack::parse(vtt, QStringLiteral("f.vtt"), QStringLiteral("en"), &error);
    QVERIFY2(track, qPrintable(error));
    QCOMPARE(track->cues().size(), 2);
    QCOMPARE(track->cues().at(0).startNs, 5 * kS);
    QCOMPARE(track->cues().at(0).endNs, 7250 * kMs);
    QCOMPARE(track->textAt(6 * kS), QStringLiteral("Tom &amp; Jerry &lt;3"));
    QCOMPARE(track->textAt(3601 * kS), QStringLiteral("Late"));
}

void tst_SubtitleTrack::keepsOnlySafeMarkup()
{
    const QByteArray srt = "1\n00:00:00,000 --> 00:00:01,000\n{\\an8}<i>Whispered</i> <font color=\"red\">5 < 6 & 7 > 3</font>\n"
                           "<img src=\"http://x\"/><B>Loud</B>\n";
    QString error;
    const auto track = SubtitleTrack::parse(srt, QStringLiteral("f.srt"), QStringLiteral("en"), &error);
    QVERIFY2(track, qPrintable(error));
    QCOMPARE(track->textAt(0), QStringLiteral("<i>Whispered</i> 5 &lt; 6 &amp; 7 &gt; 3<br><b>Loud</b>"));
}

void tst_SubtitleTrack::overlappingCuesShowTogether()
{
    const QByteArray srt = "1\n00:00:00,000 --> 00:00:10,000\nLong sign\n\n"
                           "2\n00:00:02,000 --> 00:00:03,000\nShort line\n\n"
                           "3\n00:00:04,000 --> 00:00:05,000\nAnother\n";
    QString error;
    const auto track = SubtitleTrack::parse(srt, QStringLiteral("f.srt"), QStringLiteral("en"), &error);
    QVERIFY2(track, qPrintable(error));
    QCOMPARE(track->textAt(2500 * kMs), QStringLiteral("Long sign<br>Short line"));
    QCOMPARE(track->textAt(3500 * kMs), QStringLiteral("Long sign"));
    QCOMPARE(track->textAt(4500 * kMs), QStringLiteral("Long sign<br>Another"));
    QCOMPARE(track->textAt(10 * kS), QString());
}

void tst_SubtitleTrack::refusesMalformedFilesNamingTheLine_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("says");
    QTest::newRow("big5") << QByteArray("1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:03,000 --> 00:00:04,000\n\xA7\x41\xA6\x6E\n")
                          << 7 << "not UTF-8";
    QTest::newRow("bad time") << QByteArray("1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:03 --> 00:00:04\ntext\n")
                              << 6 << "expected a time line like 00:01:00,000 --> 00:01:02,500";
    QTest::newRow("ends first") << QByteArray("1\n00:00:05,000 --> 00:00:04,000\ntext\n") << 2 << "ends before it starts";
    QTest::newRow("seconds 75") << QByteArray("1\n00:00:75,000 --> 00:00:76,000\ntext\n") << 2 << "up to 59";
    QTest::newRow("no blank") << QByteArray("1\n00:00:01,000 --> 00:00:02,000\ntext\n2\n00:00:03,000 --> 00:00:04,000\nx\n")
                              << 5 << "blank line between cues";
    QTest::newRow("not srt") << QByteArray("Title: My film\nDialogue: 0,0:00:01.00\n") << 1 << "cue number";
    QTest::newRow("number alone") << QByteArray("1\n00:00:01,000 --> 00:00:02,000\ntext\n\n2\n") << 5 << "no time line";
    QTest::newRow("vtt short arrow") << QByteArray("WEBVTT\n\n00:01.000 -> 00:02.000\n你好\n") << 3 << "found \"00:01.000 -> 00:02.000\"";
    QTest::newRow("srt long dash") << QByteArray("1\n00:00:01,000 \xE2\x80\x94> 00:00:02,000\nx\n") << 2 << "expected a time line";
    QTest::newRow("empty") << QByteArray("\n\n") << 1 << "no cues";
    QTest::newRow("vtt bad") << QByteArray("WEBVTT\n\n00:01.000 --> 00:02.000\nok\n\nid\n00:03 --> 00:04\n") << 7
                             << "00:01:00.000 --> 00:01:02.500";
}

void tst_SubtitleTrack::refusesMalformedFilesNamingTheLine()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, line);
    QFETCH(QString, says);
    QString error;
    QVERIFY(!SubtitleTrack::parse(bytes, QStringLiteral("films/F-1.en.srt"), QStringLiteral("en"), &error));
    QVERIFY2(error.startsWith(QStringLiteral("films/F-1.en.srt line %1: ").arg(line)), qPrintable(error));
    QVERIFY2(error.contains(says), qPrintable(error));
}

void tst_SubtitleTrack::missingAndOversizedFiles()
{
    QTemporaryDir dir;
    QString error;
    const QString missing = dir.filePath(QStringLiteral("none.srt"));
    QVERIFY(!SubtitleTrack::load(missing, QStringLiteral("en"), &error));
    QVERIFY2(error.startsWith(missing) && error.contains(QStringLiteral("missing")), qPrintable(error));

    const QString big = dir.filePath(QStringLiteral("big.srt"));
    QFile file(big);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(SubtitleTrack::maxBytes + 1));
    file.close();
    QVERIFY(!SubtitleTrack::load(big, QStringLiteral("en"), &error));
    QVERIFY2(error.contains(QStringLiteral("larger than any subtitle file")), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_SubtitleTrack)
#include "tst_subtitletrack.moc"
