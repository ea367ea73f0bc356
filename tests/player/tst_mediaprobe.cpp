#include "embeddedsubtitles.h"
#include "ffmpegmedia.h"
#include "mediagenerator.h"
#include "mediaprobe.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;
using Code = PlaybackError::Code;

class tst_MediaProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void check_data();
    void check();
    void checkIsAsynchronous();
    void subtitleProblemsNameFileAndLine();
    void embeddedSubtitles_data();
    void embeddedSubtitles();
    void embeddedSubtitlesAbsent();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString muxedFilm(const QString &file, const QString &codec, bool named);
    QTemporaryDir m_dir;
    QByteArray m_goodSha;
};

void tst_MediaProbe::initTestCase()
{
    QVERIFY(m_dir.isValid());
    MediaGenerator::Options o;
    o.seconds = 2;
    QCOMPARE(MediaGenerator::generate(path("good.webm"), o), QString());
    o.audio = false;
    QCOMPARE(MediaGenerator::generate(path("silent.webm"), o), QString());

    QFile good(path("good.webm"));
    QVERIFY(good.open(QIODevice::ReadOnly));
    const QByteArray bytes = good.readAll();
    m_goodSha = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();

    QFile garbage(path("garbage.webm"));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(64 * 1024, '\x5a'));
    QFile truncated(path("truncated.webm"));
    QVERIFY(truncated.open(QIODevice::WriteOnly));
    truncated.write(bytes.left(200));
    QFile locked(path("locked.webm"));
    QVERIFY(locked.open(QIODevice::WriteOnly));
    locked.write(bytes);
    locked.close();
    QVERIFY(locked.setPermissions(QFileDevice::Permissions()));
}

void tst_MediaProbe::check_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("sha");
    QTest::addColumn<Code>("expected");
    QTest::addColumn<bool>("video");
    QTest::addColumn<bool>("audio");
    QTest::newRow("good") << "good.webm" << QByteArray() << Code::None << true << true;
    QTest::newRow("good, checksum matches") << "good.webm" << m_goodSha << Code::None << true << true;
    QTest::newRow("good, upper-case checksum") << "good.webm" << m_goodSha.toUpper() << Code::None << true << true;
    QTest::newRow("video only") << "silent.webm" << QByteArray() << Code::None << true << false;
    QTest::newRow("checksum differs") << "good.webm" << QByteArray(64, 'a') << Code::ChecksumMismatch << false << false;
    QTest::newRow("missing") << "nowhere.webm" << QByteArray() << Code::MediaMissing << false << false;
    QTest::newRow("a folder") << "." << QByteArray() << Code::MediaMissing << false << false;
    QTest::newRow("garbage") << "garbage.webm" << QByteArray() << Code::MediaUndecodable << false << false;
    QTest::newRow("truncated") << "truncated.webm" << QByteArray() << Code::MediaUndecodable << false << false;
    if (geteuid() != 0)  // root reads files whatever their permissions
        QTest::newRow("unreadable") << "locked.webm" << QByteArray() << Code::MediaUnreadable << false << false;
}

// A good film with one good and one malformed subtitle file: the good track is read, the
// other is the item's readiness error (file and line named); a missing one says so.
void tst_MediaProbe::subtitleProblemsNameFileAndLine()
{
    auto write = [this](const QString &name, const QByteArray &bytes) {
        QFile f(path(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    };
    write("good.en.srt", "1\n00:00:00,500 --> 00:00:01,500\nHello\n");
    write("good.zh-Hant.srt", "1\n00:00:00,500 --> 00:00:01,500\n你好\n\n2\n00:00:01,600 -> 00:00:01,900\n再見\n");
    PlaybackItem item;
    item.id = QStringLiteral("S-1/F-1");
    item.mediaPath = path("good.webm");
    item.subtitles = {{"en", path("good.en.srt")}, {"zh-Hant", path("good.zh-Hant.srt")}};
    MediaProbe::Result r = MediaProbe::checkNow(item);
    QCOMPARE(r.error, Code::SubtitleInvalid);
    QVERIFY2(r.message.contains(path("good.zh-Hant.srt") + " line 6: expected a time line"), qPrintable(r.message));
    QVERIFY2(r.message.contains("plays without them"), qPrintable(r.message));
    QCOMPARE(r.subtitles.size(), 1);
    QCOMPARE(r.subtitles.first()->language(), QStringLiteral("en"));
    QCOMPARE(r.subtitles.first()->textAt(1'000'000'000), QStringLiteral("Hello"));
    QVERIFY(r.hasVideo);  // the film itself was checked and is fine

    item.subtitles = {{"en", path("nowhere.en.srt")}};
    r = MediaProbe::checkNow(item);
    QCOMPARE(r.error, Code::SubtitleMissing);
    QVERIFY2(r.message.contains(path("nowhere.en.srt") + ": subtitle file is missing"), qPrintable(r.message));
    QCOMPARE(PlaybackError::wireName(r.error), QStringLiteral("subtitle_missing"));
}

// A film with its subtitles muxed in, as festivals receive MKV and MP4: English, then
// Simplified and Traditional Chinese tracks both tagged "chi", told apart by their names
// (Matroska's track names; GStreamer does not read MP4's, so that file has one Chinese track).
void tst_MediaProbe::embeddedSubtitles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("codec");   // ffmpeg's subtitle encoder
    QTest::addColumn<bool>("markup");     // italics survive (SRT's tags; ssaparse drops ASS's {\\i1}, MP4 keeps them aside)
    QTest::addColumn<bool>("named");      // the Chinese tracks are told apart by name
    QTest::newRow("MKV, SRT tracks") << "muxed.mkv" << "srt" << true << true;
    QTest::newRow("MKV, ASS tracks") << "muxed-ass.mkv" << "ass" << false << true;
    QTest::newRow("MP4, timed text (tx3g)") << "muxed.mp4" << "mov_text" << false << false;
}

// An H.264/AAC film with English and 繁中 text tracks in `codec` (ffmpeg's subtitle
// encoder), and with `named` a Simplified Chinese track before the 繁中 one, both tagged
// "chi" and told apart by their names; empty on success, else what went wrong.
QString tst_MediaProbe::muxedFilm(const QString &file, const QString &codec, bool named)
{
    if (FfmpegMedia::executable().isEmpty())
        return FfmpegMedia::missingMessage();
    auto write = [this](const QString &name, const QByteArray &bytes) {
        QFile f(path(name));
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    };
    if (!write("muxed.en.srt", "1\n00:00:01,000 --> 00:00:02,000\nHello <i>world</i> & more\n\n"
                               "2\n00:00:03,000 --> 00:00:04,500\nSecond cue\non two lines\n")
        || !write("muxed.hans.srt", "1\n00:00:01,000 --> 00:00:02,000\n你好 (简)\n")
        || !write("muxed.hant.srt", "1\n00:00:01,000 --> 00:00:02,000\n你好\n\n2\n00:00:03,000 --> 00:00:04,500\n再見\n"))
        return QStringLiteral("cannot write the subtitle files in %1").arg(m_dir.path());
    QStringList inputs{"-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
                       "-i", path("muxed.en.srt")};
    QStringList options{"-map", "0", "-map", "1", "-map", "2", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac",
                        "-c:s", codec, "-metadata:s:s:0", "language=eng"};
    if (named) {
        inputs << "-i" << path("muxed.hans.srt");
        options << "-map" << "3" << "-metadata:s:s:1" << "language=chi" << "-metadata:s:s:1" << "title=Simplified Chinese";
    }
    const QString last = named ? "2" : "1";
    inputs << "-i" << path("muxed.hant.srt");
    options << "-map" << (named ? "4" : "3") << "-metadata:s:s:" + last << "language=chi"
            << "-metadata:s:s:" + last << "title=Traditional Chinese";
    return FfmpegMedia::encode(path(file), inputs, options, 6);
}

void tst_MediaProbe::embeddedSubtitles()
{
    QFETCH(QString, file);
    QFETCH(QString, codec);
    QFETCH(bool, markup);
    QFETCH(bool, named);
    const QString made = muxedFilm(file, codec, named);
    QVERIFY2(made.isEmpty(), qPrintable(made));

    PlaybackItem item;
    item.id = QStringLiteral("S-1/F-1");
    item.mediaPath = path(file);
    item.subtitles = {{"en", {}, true}, {"zh-Hant", {}, true}};
    const MediaProbe::Result r = MediaProbe::checkNow(item);
    QVERIFY2(r.ready(), qPrintable(r.message));
    QCOMPARE(r.embeddedSubtitles.size(), named ? 3 : 2);
    QCOMPARE(r.subtitles.size(), 2);
    const SubtitleTrack &en = *r.subtitles.at(0);
    const SubtitleTrack &zh = *r.subtitles.at(1);
    QCOMPARE(en.language(), QStringLiteral("en"));
    QCOMPARE(zh.language(), QStringLiteral("zh-Hant"));
    QCOMPARE(en.cues().size(), 2);
    // On at its time, off at its end, on the file's timeline: in MKV ffmpeg shifts every
    // stream by the AAC encoder's priming (1024 samples, 23 ms), the picture too.
    const QList<SubtitleTrack::Cue> &cues = en.cues();
    QVERIFY2(cues[0].startNs >= 1'000'000'000 && cues[0].startNs <= 1'024'000'000, qPrintable(QString::number(cues[0].startNs)));
    QCOMPARE(cues[0].endNs - cues[0].startNs, 1'000'000'000);
    QCOMPARE(cues[1].endNs - cues[1].startNs, 1'500'000'000);
    QCOMPARE(en.textAt(cues[0].startNs - 1), QString());
    QCOMPARE(en.textAt(cues[0].startNs), markup ? QStringLiteral("Hello <i>world</i> &amp; more")
                                                : QStringLiteral("Hello world &amp; more"));
    QCOMPARE(en.textAt(cues[0].endNs), QString());
    QCOMPARE(en.textAt(4'400'000'000), QStringLiteral("Second cue<br>on two lines"));
    QCOMPARE(en.nextChangeAfter(3'500'000'000), cues[1].endNs);
    // The Traditional track, not the first Chinese one.
    QCOMPARE(zh.textAt(1'500'000'000), QStringLiteral("你好"));
    QCOMPARE(zh.textAt(3'500'000'000), QStringLiteral("再見"));

    // Staff see what is in the file.
    const MediaReport report = MediaProbe::report(item, r, SpeakerLayout::Stereo, std::nullopt, 0);
    QCOMPARE(report.subtitles, (QStringList{"en", "zh-Hant"}));
    QCOMPARE(report.embeddedSubtitles, r.embeddedSubtitles);
}

// A language the film has no text track for is the item's readiness error, saying what the
// file has; a film without any says so too. Either way the film itself is ready to play.
void tst_MediaProbe::embeddedSubtitlesAbsent()
{
    const QString made = muxedFilm(QStringLiteral("muxed.mkv"), QStringLiteral("srt"), true);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    PlaybackItem item;
    item.id = QStringLiteral("S-1/F-1");
    item.mediaPath = path("muxed.mkv");
    item.subtitles = {{"en", {}, true}, {"fr", {}, true}};
    MediaProbe::Result r = MediaProbe::checkNow(item);
    QCOMPARE(r.error, Code::SubtitleMissing);
    QVERIFY2(r.message.contains(path("muxed.mkv") + " has no fr text subtitles (it has: en, zh \"Simplified Chinese\", "
                                                    "zh \"Traditional Chinese\"). Give a fr SRT file"),
             qPrintable(r.message));
    QCOMPARE(r.subtitles.size(), 1);   // English still shows
    QVERIFY(r.hasVideo && r.hasAudio);

    item.mediaPath = path("good.webm");
    item.subtitles = {{"en", {}, true}};
    r = MediaProbe::checkNow(item);
    QCOMPARE(r.error, Code::SubtitleMissing);
    QVERIFY2(r.message.contains(path("good.webm") + " has no subtitle track. Give a en SRT or WebVTT file"), qPrintable(r.message));
}

void tst_MediaProbe::check()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, sha);
    QFETCH(Code, expected);
    QFETCH(bool, video);
    QFETCH(bool, audio);
    PlaybackItem item;
    item.id = QStringLiteral("S-1");
    item.mediaPath = path(file);
    item.sha256Hex = sha;
    const MediaProbe::Result r = MediaProbe::checkNow(item);
    QCOMPARE(r.error, expected);
    QCOMPARE(r.itemId, item.id);
    QCOMPARE(r.ready(), expected == Code::None);
    if (expected == Code::None) {
        QVERIFY(r.message.isEmpty());
        QCOMPARE(r.hasVideo, video);
        QCOMPARE(r.hasAudio, audio);
        QVERIFY2(qAbs(r.durationNs - 2'000'000'000) < 100'000'000, qPrintable(QString::number(r.durationNs)));
    } else {
        QVERIFY(r.message.contains(item.mediaPath));
    }
}

void tst_MediaProbe::checkIsAsynchronous()
{
    MediaProbe probe;
    QSignalSpy spy(&probe, &MediaProbe::checked);
    PlaybackItem good{.id = QStringLiteral("A"), .mediaPath = path("good.webm")};
    PlaybackItem missing{.id = QStringLiteral("B"), .mediaPath = path("nowhere.webm")};
    probe.check(good);
    probe.check(missing);
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 2, 10000);
    QHash<QString, Code> byId;
    for (const auto &args : spy)
        byId.insert(args.first().value<MediaProbe::Result>().itemId, args.first().value<MediaProbe::Result>().error);
    QCOMPARE(byId.value("A"), Code::None);
    QCOMPARE(byId.value("B"), Code::MediaMissing);
}

QTEST_GUILESS_MAIN(tst_MediaProbe)
#include "tst_mediaprobe.moc"
