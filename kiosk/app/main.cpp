// festival-kiosk: the lobby touch app. Parses the configuration, builds the Kiosk and
// loads the QML UI; --screenshot renders every screen to PNGs and exits.
#include "kiosk.h"
#include "screenshotrenderer.h"
#include "startupprobe.h"
#include "windowsnapshot.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QTimer>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <cstdio>

Q_IMPORT_QML_PLUGIN(Festival_KioskPlugin)

int main(int argc, char *argv[])
{
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    qputenv("QT_IM_MODULE", QByteArrayLiteral("qtvirtualkeyboard"));
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("festival-kiosk"));
    QGuiApplication::setApplicationVersion(QStringLiteral(FEST_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Festival lobby kiosk: programme, film pages and audience voting."));
    parser.addHelpOption();
    parser.addVersionOption();
    fest::KioskConfig::addOptions(parser);
    parser.addOption({QStringLiteral("measure-start"),
                      QStringLiteral("Print the time to the first frame and the resident memory, then exit (benchmark).")});
    parser.addOption({QStringLiteral("snapshot"),
                      QStringLiteral("Save what the screen shows to this PNG file every 5 seconds (a kiosk without a display)."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("hash-pin"), QStringLiteral("Print the staff_pin_hash line for this PIN and exit."),
                      QStringLiteral("pin")});
    parser.process(app);
    if (parser.isSet(QStringLiteral("hash-pin"))) {
        std::printf("staff_pin_hash=%s\n", qPrintable(fest::StaffAccess::hashPin(parser.value(QStringLiteral("hash-pin")))));
        return 0;
    }

    const fest::KioskConfig config = fest::KioskConfig::fromParser(parser);
    if (!config.ok()) {
        for (const QString &e : config.errors)
            std::fprintf(stderr, "festival-kiosk: %s\n", qPrintable(e));
        return 2;
    }
    QGuiApplication::setFont(QFont(QStringLiteral("Noto Sans CJK HK")));
    // The UI styles every control itself; Basic is the lightest base (Linux defaults to Fusion).
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    fest::Kiosk kiosk(config);
    QString error;
    // Screenshots need the programme at once; otherwise the first frame does not wait for it.
    const bool screenshots = !config.screenshotDir.isEmpty();
    if (!kiosk.start(&error, screenshots ? fest::Kiosk::ProgrammeLoading::Blocking : fest::Kiosk::ProgrammeLoading::Background)) {
        std::fprintf(stderr, "festival-kiosk: %s\n", qPrintable(error));
        return 1;
    }
    QObject::connect(&kiosk, &fest::Kiosk::programmeFileFailed, &app, [](const QString &why) {
        std::fprintf(stderr, "festival-kiosk: %s\n", qPrintable(why));
        QCoreApplication::exit(1);
    });

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    kiosk.setEngine(&engine);
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
                     Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/Festival/Kiosk/Main.qml")));
    auto *window = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window)
        return 1;

    // Reading aloud: the speech engine (and speech-dispatcher) start once the UI is up.
    if (!screenshots)
        QTimer::singleShot(500, kiosk.speech(), &fest::Speaker::prepare);
    if (parser.isSet(QStringLiteral("measure-start"))) {
        auto *probe = new fest::StartupProbe(window, kiosk.feed(), startMs, &app);
        QObject::connect(probe, &fest::StartupProbe::done, &app, [] { QCoreApplication::exit(0); });
    }
    if (parser.isSet(QStringLiteral("snapshot")))
        new fest::WindowSnapshot(window, parser.value(QStringLiteral("snapshot")), 5000, &app);
    if (screenshots) {
        auto *renderer = new fest::ScreenshotRenderer(&kiosk, window, config.screenshotDir, &app);
        QObject::connect(renderer, &fest::ScreenshotRenderer::done, &app, [renderer] {
            for (const QString &f : renderer->failures())
                std::fprintf(stderr, "festival-kiosk: could not write %s\n", qPrintable(f));
            std::printf("%lld screenshots written\n", static_cast<long long>(renderer->written().size()));
            QCoreApplication::exit(renderer->failures().isEmpty() ? 0 : 1);
        });
        renderer->start();
    }
    return app.exec();
}
