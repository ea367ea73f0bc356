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

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
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
    PlaybackItem good{QStringLiteral("A"), {}, {}, path("good.webm"), {}, 0, 0};
    PlaybackItem missing{QStringLiteral("B"), {}, {}, path("nowhere.webm"), {}, 0, 0};
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
