#include "ceremonydirector.h"
#include "fileprobe.h"
#include "playernode.h"
#include "playersettings.h"
#include "playerview.h"
#include "shutdownsignal.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTextStream>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include <memory>

#include <gst/gst.h>

Q_IMPORT_QML_PLUGIN(Festival_CeremonyPlugin)

using namespace fest;

namespace {

std::optional<PlayerSettings> parse(QCoreApplication &app)
{
    QCoreApplication::setApplicationName(QStringLiteral("festival-player"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FEST_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Plays one screen's playlist on the festival's show clock."));
    parser.addHelpOption();
    parser.addVersionOption();
    PlayerSettings::addOptions(parser);
    parser.addOption(QCommandLineOption(QStringLiteral("windowed"), QStringLiteral("A normal window instead of full screen.")));
    parser.process(app);
    QStringList errors;
    auto settings = PlayerSettings::fromParser(parser, &errors);
    if (!settings) {
        QTextStream err(stderr);
        err << "festival-player: the configuration has problems:\n";
        for (const QString &e : errors)
            err << "  " << e << '\n';
    }
    if (settings && parser.isSet(QStringLiteral("windowed")))
        settings->fullScreen = false;
    return settings;
}

CeremonyDirector::Options ceremonyOptions(const PlayerSettings &settings,
                                          std::function<GstElement *(int)> videoSinkFactory)
{
    CeremonyDirector::Options o;
    o.mediaFolder = settings.mediaFolder;
    o.outputLatencyNs = qint64(settings.outputLatencyMs) * 1'000'000;
    o.videoSink = settings.videoSink;
    o.audioSink = settings.audioSink;
    o.videoSinkFactory = std::move(videoSinkFactory);
    return o;
}

void followInStatus(PlayerNode &node, CeremonyDirector &ceremony)
{
    node.addStatusField(QStringLiteral("ceremony"), [&ceremony] { return ceremony.statusJson(); });
    QObject::connect(&ceremony, &CeremonyDirector::statusChanged, &node, &PlayerNode::scheduleStatus);
}

// festival-player --probe FILE [--json] [--layout stereo|5.1] [--target-lufs N|off]
int runProbe(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("festival-player"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Checks one film file as a player would before its screening."));
    parser.addHelpOption();
    parser.addOption(QCommandLineOption(QStringLiteral("probe"), QStringLiteral("The film file."), QStringLiteral("file")));
    parser.addOption(QCommandLineOption(QStringLiteral("json"), QStringLiteral("Print the report as JSON.")));
    parser.addOption(QCommandLineOption(QStringLiteral("layout"), QStringLiteral("The room's speakers: stereo or 5.1."),
                                        QStringLiteral("layout"), QStringLiteral("stereo")));
    parser.addOption(QCommandLineOption(QStringLiteral("target-lufs"), QStringLiteral("The screens' loudness target, or off."),
                                        QStringLiteral("lufs"), QStringLiteral("-23")));
    parser.process(app);
    QTextStream out(stdout), err(stderr);
    FileProbe::Options options;
    const auto layout = AudioLayout::fromName(parser.value(QStringLiteral("layout")));
    bool targetOk = false;
    const double target = parser.value(QStringLiteral("target-lufs")).toDouble(&targetOk);
    if (!layout || (!targetOk && parser.value(QStringLiteral("target-lufs")) != QLatin1String("off"))) {
        err << "festival-player: --layout is stereo or 5.1, --target-lufs a number (LUFS) or off\n";
        return 2;
    }
    options.speakers = *layout;
    options.targetLufs = targetOk ? std::optional(target) : std::nullopt;
    gst_init(nullptr, nullptr);
    const MediaReport report = FileProbe::probe(parser.value(QStringLiteral("probe")), options);
    if (parser.isSet(QStringLiteral("json"))) {
        out << QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented);
    } else {
        out << FileProbe::describe(report);
    }
    return report.problems().isEmpty() ? 0 : 1;
}

int runHeadless(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const auto settings = parse(app);
    if (!settings)
        return 2;
    PlayerNode node(*settings, PlayerNode::engineOptions(*settings));
    std::unique_ptr<CeremonyDirector> ceremony;
    if (settings->followCeremony) {
        ceremony = std::make_unique<CeremonyDirector>(node.client(), node.clock(), node.engine(),
                                                      ceremonyOptions(*settings, {}));
        followInStatus(node, *ceremony);
    }
    ShutdownSignal shutdown;
    QObject::connect(&shutdown, &ShutdownSignal::received, &app, [&] {
        node.shutdown();
        app.quit();
    });
    node.start();
    return app.exec();
}

int runWindow(int argc, char **argv)
{
    QQuickWindow::setGraphicsApi(QSGRendererInterface::OpenGL);  // qml6glsink renders with GL
    QGuiApplication app(argc, argv);
    const auto settings = parse(app);
    if (!settings)
        return 2;
    gst_init(nullptr, nullptr);
    // The sink plugin registers the GstGLQt6VideoItem QML type: load it before the QML.
    GstElement *probe = gst_element_factory_make("qml6glsink", nullptr);
    if (!probe) {
        QTextStream(stderr) << "festival-player: qml6glsink is missing. Install gstreamer1.0-qt6, or run with --headless.\n";
        return 2;
    }
    gst_object_unref(probe);

    PlayerView view(settings->screen, nullptr, settings->maskingAspect);
    PlaybackEngine::Options options = PlayerNode::engineOptions(*settings);
    options.videoSinkFactory = [&view](const PlaybackItem &item) { return view.makeVideoSink(item.id); };
    options.stateChangeRunner = [&view](std::function<void()> job) { view.runOnRenderThread(std::move(job)); };
    PlayerNode node(*settings, options);
    view.follow(&node);
    PlayerView::setInstance(&view);
    // Always there for the window's overlay; it follows cues only on a ceremony screen.
    QObject *ceremonyVideos[2] = {nullptr, nullptr};
    CeremonyDirector ceremony(settings->followCeremony ? node.client() : nullptr, node.clock(), node.engine(),
                              ceremonyOptions(*settings, [&ceremonyVideos](int video) {
                                  return CeremonyDirector::makeQmlVideoSink(ceremonyVideos[video]);
                              }));
    CeremonyDirector::setInstance(&ceremony);
    if (settings->followCeremony)
        followInStatus(node, ceremony);

    QQmlApplicationEngine qml;
    qml.addImportPath(QStringLiteral("qrc:/"));   // Festival.Ceremony (the overlay) lives there
    qml.load(QUrl(QStringLiteral("qrc:/Festival/Player/PlayerWindow.qml")));
    auto *window = qml.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(qml.rootObjects().first());
    if (!window) {
        QTextStream(stderr) << "festival-player: the player window did not load; see the messages above.\n";
        return 1;
    }
    view.setVideoItems(window->findChild<QObject *>(QStringLiteral("video0")),
                       window->findChild<QObject *>(QStringLiteral("video1")));
    ceremonyVideos[0] = window->findChild<QObject *>(QStringLiteral("ceremonyVideo0"));
    ceremonyVideos[1] = window->findChild<QObject *>(QStringLiteral("ceremonyVideo1"));
    if (settings->output) {
        // A given output (e.g. the projector beside the booth's monitor): exactly there.
        window->setFlags(window->flags() | Qt::FramelessWindowHint);
        window->setGeometry(*settings->output);
        window->show();
    } else if (settings->fullScreen) {
        window->showFullScreen();
    } else {
        window->show();
    }
    // Pipelines change state in render jobs (PlayerView::runOnRenderThread), so the node
    // can follow its schedule at once: an item prerolls once the window has drawn.
    node.start();
    ShutdownSignal shutdown;
    QObject::connect(&shutdown, &ShutdownSignal::received, &app, [&] {
        node.shutdown();
        app.quit();
    });
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    // The kind of application must be chosen before any argument parsing. --help and
    // --version need no display either.
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--probe") == 0 || qstrncmp(argv[i], "--probe=", 8) == 0)
            return runProbe(argc, argv);
    }
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : {"--headless", "--help", "-h", "--version", "-v"}) {
            if (qstrcmp(argv[i], flag) == 0)
                return runHeadless(argc, argv);
        }
    }
    return runWindow(argc, argv);
}
