#include "config.h"
#include "consoleconfig.h"
#include "consoleserver.h"
#include "shutdownsignal.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QTextStream>

using namespace fest;

int main(int argc, char *argv[])
{
    QLoggingCategory::setFilterRules(QStringLiteral("fest.mqtt.debug=false"));
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("festival-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FEST_VERSION));

    const QString defaultFile = QStringLiteral("/etc/festival/console.ini");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The festival's web console: serves the control-room pages and "
                                                    "connects each logged-in person to the bus with their own account."));
    parser.addHelpOption();
    parser.addVersionOption();
    Config::addOptions(parser, defaultFile);
    parser.addOption({QStringLiteral("broker"), QStringLiteral("Broker URL (overrides [broker] url)."), QStringLiteral("url")});
    parser.addOption({QStringLiteral("port"), QStringLiteral("HTTP port (overrides [http] port)."), QStringLiteral("port")});
    parser.process(app);

    Config config = Config::fromParser(parser, defaultFile);
    if (parser.isSet(QStringLiteral("broker")))
        config.set(QStringLiteral("broker/url"), parser.value(QStringLiteral("broker")));
    if (parser.isSet(QStringLiteral("port")))
        config.set(QStringLiteral("http/port"), parser.value(QStringLiteral("port")));
    // Next to the binary: <prefix>/bin/../share/festival/console/web, installed or built.
    const QString webRoot = QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../share/festival/console/web"));
    const ConsoleConfig settings = ConsoleConfig::from(config, QDir::cleanPath(webRoot));
    if (!config.ok()) {
        for (const QString &e : config.errors())
            qCritical().noquote() << e;
        return 2;
    }

    ConsoleServer server(settings);
    QString error;
    if (!server.listen(&error)) {
        qCritical().noquote() << "festival-console cannot start:" << error;
        return 1;
    }
    QTextStream(stdout) << "festival-console serving " << server.url().toString() << " (web root " << settings.webRoot << ")" << Qt::endl;

    ShutdownSignal shutdown;
    QObject::connect(&shutdown, &ShutdownSignal::received, &app, &QCoreApplication::quit);
    return app.exec();
}
