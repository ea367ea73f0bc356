// The festival-player process in window mode, as a booth runs it: on a real X server
// (Xvfb), at the output its configuration gives ([video] output), with the picture area of
// a masked screen ([video] masking), playing an H.264 film with subtitles from a playlist
// on a real broker. The X screen itself is captured (ffmpeg's x11grab, pointer drawn), so
// what is checked is what the audience would see.
#include "ffmpegmedia.h"
#include "mosquittoprocess.h"
#include "projectbinaries.h"
#include "screenbus.h"
#include "showclock.h"
#include "showclockprovider.h"
#include "xvfbdisplay.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace fest;

namespace {

bool isGrey(QRgb c) { return qAbs(qRed(c) - 128) < 24 && qAbs(qGreen(c) - 128) < 24 && qAbs(qBlue(c) - 128) < 24; }
bool isBlack(QRgb c) { return qRed(c) < 24 && qGreen(c) < 24 && qBlue(c) < 24; }
bool isBright(QRgb c) { return qRed(c) > 200 && qGreen(c) > 200 && qBlue(c) > 200; }

// The first and last row (down column `at`) or column (along row `at`) of the film's grey.
std::pair<int, int> greySpan(const QImage &image, int at, Qt::Orientation along)
{
    const int length = along == Qt::Vertical ? image.height() : image.width();
    int first = -1, last = -1;
    for (int i = 0; i < length; ++i) {
        if (isGrey(along == Qt::Vertical ? image.pixel(at, i) : image.pixel(i, at))) {
            first = first < 0 ? i : first;
            last = i;
        }
    }
    return {first, last};
}

} // namespace

class tst_PlayerOutput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void maskedPictureAreaWithSubtitlesAndNoPointer();

private:
    QImage grabScreen(const QString &name);

    QTemporaryDir m_dir;
    XvfbDisplay m_display;
    MosquittoProcess m_broker;
    std::unique_ptr<ShowClockProvider> m_provider;
    std::unique_ptr<QProcess> m_player;
};

void tst_PlayerOutput::initTestCase()
{
    QVERIFY2(!FfmpegMedia::executable().isEmpty(), qPrintable(FfmpegMedia::missingMessage()));
    QVERIFY2(!projectBinary(QStringLiteral("festival-player")).isEmpty(), "festival-player is not built");
    QVERIFY2(m_display.start(), qPrintable(m_display.errorString()));
    QDir(m_dir.path()).mkpath(QStringLiteral("media/films"));
    // A flat 16:9 film of one grey, and an English cue from 1 s to 3 s.
    const QString made = FfmpegMedia::encode(m_dir.filePath(QStringLiteral("media/films/F-1.mp4")),
                                             {"-f", "lavfi", "-i", "color=c=0x808080:size=640x360:rate=25"},
                                             {"-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "25"}, 5);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    QFile srt(m_dir.filePath(QStringLiteral("media/films/F-1.en.srt")));
    QVERIFY(srt.open(QIODevice::WriteOnly));
    srt.write("1\n00:00:01,000 --> 00:00:03,000\nInside the picture\n");
    srt.close();
    m_provider = std::make_unique<ShowClockProvider>(0, QStringLiteral("127.0.0.1"));
    QVERIFY(m_provider->isValid());
    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error));
}

void tst_PlayerOutput::cleanupTestCase()
{
    if (m_player) {
        m_player->terminate();
        if (!m_player->waitForFinished(5000))
            m_player->kill();
    }
}

// The X screen as it is now (ffmpeg's x11grab draws the pointer where X has it).
QImage tst_PlayerOutput::grabScreen(const QString &name)
{
    const QString path = m_dir.filePath(name);
    QProcess ffmpeg;
    ffmpeg.setProcessChannelMode(QProcess::MergedChannels);
    ffmpeg.start(FfmpegMedia::executable(), {"-nostdin", "-loglevel", "error", "-y", "-f", "x11grab", "-draw_mouse", "1",
                                              "-video_size", "1280x720", "-i", QString::fromLatin1(m_display.name()),
                                              "-frames:v", "1", path});
    if (!ffmpeg.waitForFinished(20000) || ffmpeg.exitCode() != 0)
        qWarning("x11grab: %s", ffmpeg.readAll().constData());
    const QImage image(path);
    const QString extra = qEnvironmentVariable("FEST_TEST_SCREENSHOTS");
    if (!extra.isEmpty())
        image.save(extra + QLatin1Char('/') + name);
    return image;
}

// masking=2.39 on the 1280x720 output: the picture area is 1280x536 in the middle (92
// rows of black above and below); the 16:9 film keeps its aspect inside it (953 wide,
// pillars of 164); the subtitle sits inside the area, above its lower edge; and the
// pointer, which X leaves in the middle of the screen, is not drawn.
void tst_PlayerOutput::maskedPictureAreaWithSubtitlesAndNoPointer()
{
    ScreenBus bus(m_broker, QStringLiteral("SCOPE-1"));
    QVERIFY(bus.connectToBroker());

    ShowClock clock(QStringLiteral("127.0.0.1"), m_provider->port());
    QVERIFY(clock.waitForSync(5000));
    Playlist playlist;
    playlist.screenId = QStringLiteral("SCOPE-1");
    playlist.programmeVersion = 3;
    PlaylistItem item;
    item.screeningId = QStringLiteral("S-1");
    item.filmId = QStringLiteral("F-1");
    item.media = QStringLiteral("films/F-1.mp4");
    item.title = {QStringLiteral("Flat in scope"), QStringLiteral("Flat in scope")};
    item.subtitles = {{QStringLiteral("en"), QStringLiteral("films/F-1.en.srt")}};
    item.startUs = clock.nowUs() + 6'000'000;
    item.durationUs = 5'000'000;
    playlist.items = {item};
    QVERIFY(bus.publish(playlist));

    m_player = std::make_unique<QProcess>();
    m_player->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DISPLAY"), QString::fromLatin1(m_display.name()));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    env.remove(QStringLiteral("QT_QUICK_BACKEND"));
    m_player->setProcessEnvironment(env);
    m_player->start(projectBinary(QStringLiteral("festival-player")),
                    {"--screen", "SCOPE-1", "--broker", m_broker.url(), "--media", m_dir.filePath("media"),
                     "--cache", m_dir.filePath("cache.json"), "--clock", QStringLiteral("127.0.0.1:%1").arg(m_provider->port()),
                     "--preroll-lead-ms", "1500", "--set", "video/output=1280x720+0+0", "--set", "video/masking=2.39",
                     "--set", "audio/target_lufs=off"});
    QVERIFY(m_player->waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(bus.status().value("state").toString(), QStringLiteral("playing"), 15000);
    // Inside the cue (film 1-3 s).
    QTRY_VERIFY_WITH_TIMEOUT(bus.status().value("positionMs").toInteger() >= 1200, 5000);
    QTest::qWait(300);
    const QImage shot = grabScreen(QStringLiteral("masked-2.39.png"));
    QVERIFY2(!shot.isNull(), "the X screen could not be captured");
    QCOMPARE(shot.size(), QSize(1280, 720));

    const auto [top, bottom] = greySpan(shot, 640, Qt::Vertical);
    const auto [left, right] = greySpan(shot, 200, Qt::Horizontal);   // a row above the subtitle
    qInfo("picture: rows %d-%d, columns %d-%d", top, bottom, left, right);
    QVERIFY2(qAbs(top - 92) <= 2 && qAbs(bottom - 627) <= 2, qPrintable(QStringLiteral("rows %1-%2").arg(top).arg(bottom)));
    QVERIFY2(qAbs(left - 164) <= 2 && qAbs(right - 1115) <= 2, qPrintable(QStringLiteral("columns %1-%2").arg(left).arg(right)));
    QVERIFY(isBlack(shot.pixel(640, 40)) && isBlack(shot.pixel(640, 690)) && isBlack(shot.pixel(60, 360)));
    // The subtitle: bright rows inside the picture area's lower part, none below it.
    int brightTop = -1, brightBottom = -1;
    for (int y = 0; y < shot.height(); ++y) {
        int bright = 0;
        for (int x = 0; x < shot.width(); ++x)
            bright += isBright(shot.pixel(x, y)) ? 1 : 0;
        if (bright >= 3) {
            brightTop = brightTop < 0 ? y : brightTop;
            brightBottom = y;
        }
    }
    qInfo("subtitle rows %d-%d", brightTop, brightBottom);
    QVERIFY2(brightTop > 360 && brightBottom < 627, qPrintable(QStringLiteral("subtitle rows %1-%2").arg(brightTop).arg(brightBottom)));
    // No pointer: the middle of the screen, where X keeps it, is the film's grey.
    for (int y = 352; y < 392; ++y) {
        for (int x = 632; x < 664; ++x)
            QVERIFY2(isGrey(shot.pixel(x, y)), qPrintable(QStringLiteral("pointer at %1,%2: %3").arg(x).arg(y).arg(shot.pixel(x, y), 0, 16)));
    }
}

QTEST_GUILESS_MAIN(tst_PlayerOutput)
#include "tst_playeroutput.moc"
