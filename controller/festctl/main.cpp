#include "ctlcommand.h"
#include "ctlsession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QFile>
#include <QTextStream>

using namespace fest;

namespace {

QList<CtlCommand> allCommands()
{
    return programmeCommands() + screeningCommands() + filmCommands() + nodeCommands() + playerCommands() + auditCommands() + voteCommands() + ceremonyCommands() + mediaCommands();
}

QString commandList()
{
    QString text = QStringLiteral("Commands:\n");
    for (const CtlCommand &c : allCommands())
        text += QStringLiteral("  %1 %2\n      %3\n").arg(c.name, c.usage, c.summary);
    return text;
}

const CtlCommand *findCommand(const QList<CtlCommand> &commands, const QStringList &words, int *used)
{
    for (int n = 2; n >= 1; --n) {
        if (words.size() < n)
            continue;
        const QString name = words.mid(0, n).join(QLatin1Char(' '));
        for (const CtlCommand &c : commands)
            if (c.name == name) {
                *used = n;
                return &c;
            }
    }
    return nullptr;
}

QString envOr(const char *name, const QString &fallback)
{
    const QString v = qEnvironmentVariable(name);
    return v.isEmpty() ? fallback : v;
}

} // namespace

int main(int argc, char *argv[])
{
    QLoggingCategory::setFilterRules(QStringLiteral("fest.mqtt.debug=false\nfest.mqtt.info=false"));
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("festctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FEST_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Run the festival from the command line: programme, screens, nodes.\n\n") + commandList());
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("broker"), QStringLiteral("Broker URL, mqtt://host:port or mqtts://host:port (env FESTCTL_BROKER)."), QStringLiteral("url"),
         envOr("FESTCTL_BROKER", QStringLiteral("mqtt://127.0.0.1:1883"))},
        {QStringLiteral("user"), QStringLiteral("Broker account (env FESTCTL_USER)."), QStringLiteral("name"), envOr("FESTCTL_USER", QStringLiteral("organiser"))},
        {QStringLiteral("password-file"), QStringLiteral("File whose first line is the account's password (env FESTCTL_PASSWORD_FILE)."),
         QStringLiteral("file"), qEnvironmentVariable("FESTCTL_PASSWORD_FILE")},
        {QStringLiteral("tls-ca"), QStringLiteral("CA certificate to verify the broker (for mqtts://)."), QStringLiteral("file")},
        {QStringLiteral("json"), QStringLiteral("Print JSON for scripts instead of tables.")},
        {QStringLiteral("timeout"), QStringLiteral("Seconds to wait for the broker and the controller (default 10)."), QStringLiteral("s"), QStringLiteral("10")},
    });
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do; see Commands."));
    parser.process(app);

    const QList<CtlCommand> commands = allCommands();
    int used = 0;
    const CtlCommand *command = findCommand(commands, parser.positionalArguments(), &used);
    if (!command) {
        err << (parser.positionalArguments().isEmpty() ? QStringLiteral("festctl: say what to do.\n")
                                                        : QStringLiteral("festctl: unknown command \"%1\".\n").arg(parser.positionalArguments().join(QLatin1Char(' '))))
            << commandList();
        return int(ExitCode::Usage);
    }

    QCommandLineParser sub;
    sub.addHelpOption();
    sub.addOptions(command->options);
    sub.setApplicationDescription(command->summary);
    const QStringList rest = parser.positionalArguments().mid(used);
    if (!sub.parse(QStringList{QStringLiteral("festctl ") + command->name} + rest)) {
        err << "festctl: " << sub.errorText() << "\nusage: festctl " << command->name << ' ' << command->usage << Qt::endl;
        return int(ExitCode::Usage);
    }
    if (sub.isSet(QStringLiteral("help"))) {
        out << "usage: festctl " << command->name << ' ' << command->usage << "\n" << sub.helpText();
        return int(ExitCode::Ok);
    }
    if (sub.positionalArguments().size() < command->positionals) {
        err << "festctl: missing arguments.\nusage: festctl " << command->name << ' ' << command->usage << Qt::endl;
        return int(ExitCode::Usage);
    }

    QString error;
    std::optional<MqttOptions> mqtt = MqttOptions::fromUrl(parser.value(QStringLiteral("broker")), &error);
    if (!mqtt) {
        err << "festctl: --broker: " << error << Qt::endl;
        return int(ExitCode::Usage);
    }
    CtlSession::Options options;
    options.account = parser.value(QStringLiteral("user"));
    options.json = parser.isSet(QStringLiteral("json"));
    // Capped at a day: a larger --timeout overflowed int when turned into milliseconds.
    options.timeoutMs = qBound(1, parser.value(QStringLiteral("timeout")).toInt(), 86400) * 1000;
    mqtt->username = options.account;
    mqtt->clientId = QStringLiteral("festctl-%1-%2").arg(options.account).arg(QCoreApplication::applicationPid());
    mqtt->tlsCaFile = parser.value(QStringLiteral("tls-ca"));
    mqtt->reconnectMaxMs = 1000;
    if (parser.isSet(QStringLiteral("password-file")) || !parser.value(QStringLiteral("password-file")).isEmpty()) {
        QFile file(parser.value(QStringLiteral("password-file")));
        if (!file.open(QIODevice::ReadOnly)) {
            err << "festctl: cannot read the password file " << file.fileName() << ": " << file.errorString() << Qt::endl;
            return int(ExitCode::Usage);
        }
        mqtt->password = QString::fromUtf8(file.readLine()).trimmed();
    }
    options.mqtt = *mqtt;

    CtlSession session(options, out, err);
    if (const std::optional<ExitCode> failed = session.connect())
        return int(*failed);
    return command->run(session, sub);
}
