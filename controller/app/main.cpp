#include "config.h"
#include "controller.h"
#include "shutdownsignal.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>

using namespace fest;

int main(int argc, char *argv[])
{
    // libmosquitto's packet trace is for debugging; QT_LOGGING_RULES can turn it back on.
    QLoggingCategory::setFilterRules(QStringLiteral("fest.mqtt.debug=false"));
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("festival-controller"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FEST_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The festival controller: owns the programme, votes and ceremony, and the show clock."));
    parser.addHelpOption();
    parser.addVersionOption();
    Config::addOptions(parser, QStringLiteral("/etc/festival/controller.ini"));
    parser.addOption({QStringLiteral("database"), QStringLiteral("SQLite database file (overrides [database] path)."), QStringLiteral("file")});
    parser.addOption({QStringLiteral("broker"), QStringLiteral("Broker URL (overrides [broker] url)."), QStringLiteral("url")});
    parser.process(app);

    Config config = Config::fromParser(parser, QStringLiteral("/etc/festival/controller.ini"));
    if (parser.isSet(QStringLiteral("database")))
        config.set(QStringLiteral("database/path"), parser.value(QStringLiteral("database")));
    if (parser.isSet(QStringLiteral("broker")))
        config.set(QStringLiteral("broker/url"), parser.value(QStringLiteral("broker")));
    const Controller::Settings settings = Controller::settingsFrom(config);
    if (!config.ok()) {
        for (const QString &e : config.errors())
            qCritical().noquote() << e;
        return 2;
    }

    Controller controller(settings);
    QString error;
    if (!controller.start(&error)) {
        qCritical().noquote() << "festival-controller cannot start:" << error;
        return 1;
    }

    // SIGTERM/SIGINT: leave through the event loop so the offline status is published.
    ShutdownSignal shutdown;
    QObject::connect(&shutdown, &ShutdownSignal::received, &app, &QCoreApplication::quit);
    return app.exec();
}
