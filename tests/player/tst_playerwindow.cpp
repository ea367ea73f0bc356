#include "ffmpegmedia.h"
#include "mediagenerator.h"
#include "playbackengine.h"
#include "playerview.h"
#include "showclock.h"
#include "showclockprovider.h"
#include "xvfbdisplay.h"

#include <QGuiApplication>
#include <QImage>
#include <QtQml/qqmlextensionplugin.h>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

#include <gst/gst.h>

Q_IMPORT_QML_PLUGIN(Festival_PlayerPlugin)

using namespace fest;
using State = PlaybackEngine::State;

namespace {
constexpr qint64 kFrameNs = 40'000'000;
constexpr qint64 kMs = 1'000'000;

// The player window's two video items, without the overlays.
const char kScene[] = R"(
import QtQuick
import QtQuick.Window
import org.freedesktop.gstreamer.Qt6GLVideoItem
Window {
    width: 320; height: 240; visible: true; color: "black"
    GstGLQt6VideoItem { objectName: "video0"; anchors.fill: parent }
    GstGLQt6VideoItem { objectName: "video1"; anchors.fill: parent; visible: false }
}
)";
// The player window's video items with its subtitle lines, on a 16:9 output.
const char kFestivalScene[] = R"(
import QtQuick
import QtQuick.Window
import org.freedesktop.gstreamer.Qt6GLVideoItem
import Festival.Player
Window {
    width: 640; height: 360; visible: true; color: "black"
    GstGLQt6VideoItem {
        objectName: "video0"; anchors.fill: parent
        visible: PlayerView.videoVisible && PlayerView.activeVideo === 0
    }
    GstGLQt6VideoItem {
        objectName: "video1"; anchors.fill: parent
        visible: PlayerView.videoVisible && PlayerView.activeVideo === 1
    }
    SubtitleLines { anchors.fill: parent; visible: PlayerView.videoVisible }
}
)";

bool isBlack(QRgb c) { return qRed(c) < 24 && qGreen(c) < 24 && qBlue(c) < 24; }
bool isBright(QRgb c) { return qRed(c) > 200 && qGreen(c) > 200 && qBlue(c) > 200; }

// Rows from `top` down that hold bright (subtitle) pixels, as runs of adjacent rows.
int brightBands(const QImage &image, int top)
{
    int bands = 0;
    bool inBand = false;
    for (int y = top; y < image.height(); ++y) {
        int bright = 0;
        for (int x = 0; x < image.width(); ++x)
            bright += isBright(image.pixel(x, y)) ? 1 : 0;
        const bool text = bright >= 3;
        if (text && !inBand)
            ++bands;
        inBand = text;
    }
    return bands;
}

// The first row (from the top, at column x) or column (from the left, at row y) that is
// not black: the size of a letterbox or pillarbox bar.
int barRows(const QImage &image, int x)
{
    int y = 0;
    while (y < image.height() && isBlack(image.pixel(x, y)))
        ++y;
    return y;
}
int barColumns(const QImage &image, int y)
{
    int x = 0;
    while (x < image.width() && isBlack(image.pixel(x, y)))
        ++x;
    return x;
}

// A picture to look at: kept in the test's folder, and in FEST_TEST_SCREENSHOTS if set.
void keep(const QImage &image, const QString &dir, const QString &name)
{
    image.save(dir + QLatin1Char('/') + name);
    const QString extra = qEnvironmentVariable("FEST_TEST_SCREENSHOTS");
    if (!extra.isEmpty())
        image.save(extra + QLatin1Char('/') + name);
}
} // namespace

// Window mode on a real X server (Xvfb + Mesa): qml6glsink pipelines change state in
// render jobs, start at their instant and report the sink's own frame figures.
class tst_PlayerWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void itemStartsAtItsInstantInTheWindow();
    void subtitlesShowWithTheirFrame();
    void embeddedSubtitlesAsTheScreeningChose();
    void pictureKeepsItsAspect();

private:
    // The festival scene (video items + subtitle lines) bound to a new view and engine.
    struct Stage
    {
        std::unique_ptr<PlayerView> view;
        std::unique_ptr<QQmlEngine> qml;
        std::unique_ptr<QQuickWindow> window;
        std::unique_ptr<PlaybackEngine> engine;
    };
    std::unique_ptr<Stage> stage();
    QString film(const QString &name, const QString &size, const QStringList &filters, const QString &color);

    QTemporaryDir m_dir;
    std::unique_ptr<ShowClockProvider> m_provider;
    std::unique_ptr<ShowClock> m_clock;
    std::unique_ptr<QQmlEngine> m_qml;
    std::unique_ptr<QQuickWindow> m_window;
};

void tst_PlayerWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    MediaGenerator::Options o;
    o.seconds = 3;
    o.label = QStringLiteral("W");
    QCOMPARE(MediaGenerator::generate(m_dir.filePath(QStringLiteral("w.webm")), o), QString());
    m_provider = std::make_unique<ShowClockProvider>(0, QStringLiteral("127.0.0.1"));
    QVERIFY2(m_provider->isValid(), qPrintable(m_provider->errorString()));
    m_clock = std::make_unique<ShowClock>(QStringLiteral("127.0.0.1"), m_provider->port());
    QVERIFY(m_clock->waitForSync(5000));

    // The sink plugin registers the QML type: load it before the scene.
    GstElement *probe = gst_element_factory_make("qml6glsink", nullptr);
    QVERIFY2(probe, "qml6glsink is missing: install gstreamer1.0-qt6");
    gst_object_unref(probe);
    m_qml = std::make_unique<QQmlEngine>();
    QQmlComponent component(m_qml.get());
    component.setData(kScene, QUrl());
    m_window.reset(qobject_cast<QQuickWindow *>(component.create()));
    QVERIFY2(m_window, qPrintable(component.errorString()));
}

void tst_PlayerWindow::cleanupTestCase()
{
    m_window.reset();
    m_qml.reset();
}

void tst_PlayerWindow::itemStartsAtItsInstantInTheWindow()
{
    PlayerView view(QStringLiteral("WIN-1"));
    view.setVideoItems(m_window->findChild<QObject *>(QStringLiteral("video0")),
                       m_window->findChild<QObject *>(QStringLiteral("video1")));
    std::atomic<int> jobsRun{0};
    std::atomic<bool> jobOnGuiThread{false};
    QThread *gui = QThread::currentThread();
    PlaybackEngine::Options o;
    o.prerollLeadNs = 1'500'000'000;
    o.recordFrames = true;
    o.videoSinkFactory = [&view](const PlaybackItem &item) { return view.makeVideoSink(item.id); };
    o.stateChangeRunner = [&](std::function<void()> job) {
        view.runOnRenderThread([&, job = std::move(job)] {
            if (QThread::currentThread() == gui)
                jobOnGuiThread = true;
            ++jobsRun;
            job();
        });
    };
    PlaybackEngine engine(m_clock->clock(), o);
    view.setEngine(&engine);
    QSignalSpy started(&engine, &PlaybackEngine::itemStarted);
    QSignalSpy errors(&engine, &PlaybackEngine::errorOccurred);

    PlaybackItem item;
    item.id = QStringLiteral("W");
    item.mediaPath = m_dir.filePath(QStringLiteral("w.webm"));
    item.startUs = m_clock->nowUs() + 2'500'000;
    item.durationUs = 3'000'000;
    engine.setItems({item});
    engine.start();

    QTRY_VERIFY_WITH_TIMEOUT(jobsRun.load() >= 1, 5000);  // the preroll ran as a render job
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 6000);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first().at(1).toString()));
    QVERIFY(jobsRun.load() >= 2);  // and so did PLAYING
    if (m_window->rendererInterface()->graphicsApi() == QSGRendererInterface::OpenGL && jobOnGuiThread.load())
        qInfo("render loop runs on the GUI thread (basic loop)");

    // The first frame the sink confirms (it sends no QoS for the preroll frame, so that
    // is the first or the second) is rendered on its slot of the timeline.
    const qint64 firstPts = started.first().at(2).toLongLong();
    QVERIFY2(firstPts >= 0 && firstPts <= kFrameNs, qPrintable(QString::number(firstPts)));
    const qint64 error = started.first().at(1).toLongLong() - (item.startUs * 1000 + firstPts);
    QVERIFY2(qAbs(error) < kFrameNs, qPrintable(QStringLiteral("first frame %1 us off").arg(error / 1000)));
    QTRY_VERIFY_WITH_TIMEOUT(engine.positionNs() > 800 * kMs, 3000);
    const auto frames = engine.takeFrames();
    QVERIFY(frames.size() >= 10);  // the picture moves: frames go on reaching the screen
    // Dropped frames come from the GL sink itself (its stats), not a constant.
    ItemPipeline *pipe = engine.pipeline(QStringLiteral("W"));
    QVERIFY(pipe);
    QVERIFY(pipe->hasSinkStats());
    const quint64 bySink = pipe->sinkDroppedFrames();  // counts only grow: read it first
    QVERIFY(engine.droppedFrames() >= bySink);
    QCOMPARE(engine.state(), State::Playing);
    QCOMPARE(view.state(), QStringLiteral("playing"));
    QVERIFY(view.videoVisible());
}

std::unique_ptr<tst_PlayerWindow::Stage> tst_PlayerWindow::stage()
{
    auto st = std::make_unique<Stage>();
    st->view = std::make_unique<PlayerView>(QStringLiteral("WIN-2"));
    PlayerView::setInstance(st->view.get());
    st->qml = std::make_unique<QQmlEngine>();
    st->qml->addImportPath(QStringLiteral("qrc:/"));
    QQmlComponent component(st->qml.get());
    component.setData(kFestivalScene, QUrl());
    st->window.reset(qobject_cast<QQuickWindow *>(component.create()));
    if (!st->window) {
        qWarning("%s", qPrintable(component.errorString()));
        return nullptr;
    }
    st->view->setVideoItems(st->window->findChild<QObject *>(QStringLiteral("video0")),
                            st->window->findChild<QObject *>(QStringLiteral("video1")));
    PlaybackEngine::Options o;
    o.prerollLeadNs = 1'500'000'000;
    PlayerView *view = st->view.get();
    o.videoSinkFactory = [view](const PlaybackItem &item) { return view->makeVideoSink(item.id); };
    o.stateChangeRunner = [view](std::function<void()> job) { view->runOnRenderThread(std::move(job)); };
    st->engine = std::make_unique<PlaybackEngine>(m_clock->clock(), o);
    st->view->setEngine(st->engine.get());
    return st;
}

// An H.264 film of one flat colour (so that subtitles and bars can be told apart).
QString tst_PlayerWindow::film(const QString &name, const QString &size, const QStringList &filters, const QString &color)
{
    QStringList options{"-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "25"};
    if (!filters.isEmpty())
        options << "-vf" << filters.join(QLatin1Char(','));
    return FfmpegMedia::encode(m_dir.filePath(name),
                               {"-f", "lavfi", "-i", QStringLiteral("color=c=%1:size=%2:rate=25").arg(color, size)},
                               options, 6);
}

// English and 繁中 subtitle files on an H.264 film: both lines are on screen from the
// frame of the cue's time (a probe on the overlay at each frame, and a screenshot), gone
// after its end, and back on time after a seek to before it.
void tst_PlayerWindow::subtitlesShowWithTheirFrame()
{
    QVERIFY2(!FfmpegMedia::executable().isEmpty(), qPrintable(FfmpegMedia::missingMessage()));
    QCOMPARE(film(QStringLiteral("sub.mp4"), QStringLiteral("640x360"), {}, QStringLiteral("0x203050")), QString());
    auto write = [this](const QString &name, const QByteArray &bytes) {
        QFile f(m_dir.filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    };
    QVERIFY(write("sub.en.srt", "1\n00:00:02,000 --> 00:00:03,000\nTwo seconds in\n"));
    QVERIFY(write("sub.zh-Hant.vtt", "WEBVTT\n\n00:02.000 --> 00:03.000\n兩秒\n"));
    auto st = stage();
    QVERIFY(st);
    PlaybackEngine &engine = *st->engine;
    struct Change { qint64 positionNs; QList<PlaybackEngine::SubtitleLine> lines; };
    QList<Change> changes;
    connect(st->view.get(), &PlayerView::subtitlesChanged, this, [&] {
        changes.append({engine.positionNs(), st->view->subtitleLines()});
    });
    QSignalSpy errors(&engine, &PlaybackEngine::errorOccurred);
    PlaybackItem item;
    item.id = QStringLiteral("SUB");
    item.mediaPath = m_dir.filePath(QStringLiteral("sub.mp4"));
    item.subtitles = {{"en", m_dir.filePath(QStringLiteral("sub.en.srt"))}, {"zh-Hant", m_dir.filePath(QStringLiteral("sub.zh-Hant.vtt"))}};
    item.startUs = m_clock->nowUs() + 2'500'000;
    item.durationUs = 6'000'000;
    engine.setItems({item});
    engine.start();

    const QList<PlaybackEngine::SubtitleLine> both{{"en", "Two seconds in"}, {"zh-Hant", "兩秒"}};
    constexpr qint64 cueNs = 2'000 * kMs;
    QTRY_VERIFY_WITH_TIMEOUT(!changes.isEmpty(), 8000);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first().at(1).toString()));
    QCOMPARE(changes.first().lines, both);
    const qint64 late = changes.first().positionNs - cueNs;
    qInfo("subtitles on at film position %.1f ms after the cue's time", late / 1e6);
    QVERIFY2(late >= 0 && late < kFrameNs, qPrintable(QStringLiteral("on %1 ms after the cue").arg(late / 1e6)));
    QImage on = st->window->grabWindow();
    keep(on, m_dir.path(), QStringLiteral("subtitles-on.png"));
    QCOMPARE(brightBands(on, on.height() / 2), 2);   // the English line and the Chinese line

    QTRY_VERIFY_WITH_TIMEOUT(changes.size() >= 2, 3000);
    QVERIFY(changes.at(1).lines.isEmpty());
    QVERIFY2(changes.at(1).positionNs >= 3000 * kMs && changes.at(1).positionNs < 3000 * kMs + kFrameNs,
             qPrintable(QString::number(changes.at(1).positionNs)));
    QImage off = st->window->grabWindow();
    QCOMPARE(brightBands(off, off.height() / 2), 0);

    // A seek back before the cue: it shows again on its frame.
    QTRY_VERIFY_WITH_TIMEOUT(engine.positionNs() > 3300 * kMs, 3000);
    QVERIFY(engine.seek(1500 * kMs));
    QTRY_VERIFY_WITH_TIMEOUT(changes.size() >= 3, 4000);
    QCOMPARE(changes.at(2).lines, both);
    const qint64 lateAfterSeek = changes.at(2).positionNs - cueNs;
    qInfo("after a seek: on at %.1f ms after the cue's time", lateAfterSeek / 1e6);
    QVERIFY2(lateAfterSeek >= 0 && lateAfterSeek < kFrameNs, qPrintable(QString::number(lateAfterSeek / 1e6)));
}

// An MKV with English and 繁中 text tracks, shown twice: once with the Chinese track only
// (one line, from the film itself), once with none (nothing: GStreamer's own overlay would
// burn the first track into the picture).
void tst_PlayerWindow::embeddedSubtitlesAsTheScreeningChose()
{
    QVERIFY2(!FfmpegMedia::executable().isEmpty(), qPrintable(FfmpegMedia::missingMessage()));
    auto write = [this](const QString &name, const QByteArray &bytes) {
        QFile f(m_dir.filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    };
    QVERIFY(write("muxed.en.srt", "1\n00:00:02,000 --> 00:00:03,000\nTwo seconds in\n"));
    QVERIFY(write("muxed.zh.srt", "1\n00:00:02,000 --> 00:00:03,000\n兩秒\n"));
    const QString made = FfmpegMedia::encode(
        m_dir.filePath(QStringLiteral("muxed.mkv")),
        {"-f", "lavfi", "-i", "color=c=0x203050:size=640x360:rate=25", "-i", m_dir.filePath(QStringLiteral("muxed.en.srt")),
         "-i", m_dir.filePath(QStringLiteral("muxed.zh.srt"))},
        {"-map", "0", "-map", "1", "-map", "2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "25",
         "-c:s", "srt", "-metadata:s:s:0", "language=eng", "-metadata:s:s:1", "language=chi",
         "-metadata:s:s:1", "title=Traditional Chinese"},
        5);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    auto st = stage();
    QVERIFY(st);
    PlaybackEngine &engine = *st->engine;
    QSignalSpy errors(&engine, &PlaybackEngine::errorOccurred);
    QList<std::pair<QString, QList<PlaybackEngine::SubtitleLine>>> changes;
    connect(st->view.get(), &PlayerView::subtitlesChanged, this, [&] {
        changes.append({engine.currentItem() ? engine.currentItem()->id : QString(), st->view->subtitleLines()});
    });
    const qint64 t0 = m_clock->nowUs() + 3'000'000;
    PlaybackItem chinese;
    chinese.id = QStringLiteral("ZH");
    chinese.mediaPath = m_dir.filePath(QStringLiteral("muxed.mkv"));
    chinese.subtitles = {{"zh-Hant", {}, true}};
    chinese.startUs = t0;
    chinese.durationUs = 4'000'000;
    PlaybackItem none = chinese;
    none.id = QStringLiteral("NONE");
    none.subtitles.clear();
    none.startUs = t0 + 4'500'000;
    engine.setItems({chinese, none});
    engine.start();

    QTRY_VERIFY_WITH_TIMEOUT(!changes.isEmpty(), 9000);
    QCOMPARE(changes.first().first, QStringLiteral("ZH"));
    QCOMPARE(changes.first().second, (QList<PlaybackEngine::SubtitleLine>{{"zh-Hant", "兩秒"}}));
    QTest::qWait(200);
    const QImage on = st->window->grabWindow();
    keep(on, m_dir.path(), QStringLiteral("embedded-zh.png"));
    QCOMPARE(brightBands(on, on.height() / 2), 1);   // the Chinese line alone

    QTRY_VERIFY_WITH_TIMEOUT(engine.currentItem() && engine.currentItem()->id == QStringLiteral("NONE")
                                 && engine.positionNs() > 2'300 * kMs, 9000);
    const QImage off = st->window->grabWindow();
    keep(off, m_dir.path(), QStringLiteral("embedded-none.png"));
    QCOMPARE(brightBands(off, off.height() / 2), 0);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first().at(1).toString()));
}

// Scope (2.39:1) gets bars top and bottom on a 16:9 output, 4:3 gets pillars, and a PAL
// anamorphic film (720x576, pixels 64:45) fills it: nothing is stretched.
void tst_PlayerWindow::pictureKeepsItsAspect()
{
    QVERIFY2(!FfmpegMedia::executable().isEmpty(), qPrintable(FfmpegMedia::missingMessage()));
    const QString grey = QStringLiteral("0x808080");
    QCOMPARE(film(QStringLiteral("scope.mp4"), QStringLiteral("956x400"), {}, grey), QString());
    QCOMPARE(film(QStringLiteral("academy.mp4"), QStringLiteral("480x360"), {}, grey), QString());
    QCOMPARE(film(QStringLiteral("pal.mp4"), QStringLiteral("720x576"), {"setsar=64/45"}, grey), QString());
    auto st = stage();
    QVERIFY(st);
    PlaybackEngine &engine = *st->engine;
    QSignalSpy errors(&engine, &PlaybackEngine::errorOccurred);
    const qint64 t0 = m_clock->nowUs() + 2'500'000;
    PlaybackItems items;
    const char *files[] = {"scope.mp4", "academy.mp4", "pal.mp4"};
    for (int i = 0; i < 3; ++i) {
        PlaybackItem item;
        item.id = QString::fromLatin1(files[i]);
        item.mediaPath = m_dir.filePath(item.id);
        item.startUs = t0 + i * 3'000'000;
        item.durationUs = 2'500'000;
        items << item;
    }
    engine.setItems(items);
    engine.start();
    // Expected bars on 640x360: scope 640x268 -> 46 rows; 4:3 480x360 -> 80 columns.
    struct Expect { int rows; int columns; };
    const Expect expect[] = {{46, 0}, {0, 80}, {0, 0}};
    for (int i = 0; i < 3; ++i) {
        QTRY_VERIFY_WITH_TIMEOUT(engine.currentItem() && engine.currentItem()->id == items[i].id
                                     && engine.state() == State::Playing && engine.positionNs() > 600 * kMs, 8000);
        const QImage shot = st->window->grabWindow();
        keep(shot, m_dir.path(), items[i].id + QStringLiteral(".png"));
        const int rows = barRows(shot, shot.width() / 2);
        const int columns = barColumns(shot, shot.height() / 2);
        qInfo("%s: bars of %d rows, %d columns", files[i], rows, columns);
        QVERIFY2(qAbs(rows - expect[i].rows) <= 2 && qAbs(columns - expect[i].columns) <= 2,
                 qPrintable(QStringLiteral("%1: %2 rows, %3 columns of bars").arg(files[i]).arg(rows).arg(columns)));
        const QRgb centre = shot.pixel(shot.width() / 2, shot.height() / 2);
        QVERIFY2(qAbs(qGreen(centre) - 128) < 24, qPrintable(QString::number(centre, 16)));
    }
    QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first().at(1).toString()));
}

int main(int argc, char **argv)
{
    // The X server must exist before the application connects to it.
    XvfbDisplay display;
    if (!display.start()) {
        qCritical("%s", qPrintable(display.errorString()));
        return 1;
    }
    qputenv("DISPLAY", display.name());
    qputenv("QT_QPA_PLATFORM", "xcb");
    qunsetenv("QT_QUICK_BACKEND");  // the test environment asks for the software renderer
    gst_init(&argc, &argv);
    QQuickWindow::setGraphicsApi(QSGRendererInterface::OpenGL);
    QGuiApplication app(argc, argv);
    tst_PlayerWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_playerwindow.moc"
