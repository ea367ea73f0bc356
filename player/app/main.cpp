#include "playernode.h"
#include "playersettings.h"
#include "shutdownsignal.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace fest;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("festival-player"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FEST_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Plays one screen's playlist on the festival's show clock."));
    parser.addHelpOption();
    parser.addVersionOption();
    PlayerSettings::addOptions(parser);
    parser.process(app);

    QStringList errors;
    const auto settings = PlayerSettings::fromParser(parser, &errors);
    if (!settings) {
        QTextStream err(stderr);
        err << "festival-player: the configuration has problems:\n";
        for (const QString &e : errors)
            err << "  " << e << '\n';
        return 2;
    }
    if (!settings->headless) {
        QTextStream(stderr) << "festival-player: window mode is not available in this build; run with --headless.\n";
        return 2;
    }
    PlayerNode node(*settings, PlayerNode::engineOptions(*settings));
    ShutdownSignal shutdown;
    QObject::connect(&shutdown, &ShutdownSignal::received, &app, [&] {
        node.shutdown();
        app.quit();
    });
    node.start();
    return app.exec();
}
