#include "mediagenerator.h"
#include "playbackengine.h"
#include "playerview.h"
#include "showclock.h"
#include "showclockprovider.h"
#include "xvfbdisplay.h"

#include <QGuiApplication>
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

private:
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
