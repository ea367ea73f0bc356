// festival-ballot-client: a headless kiosk. Casts ballots through a real outbox, so
// it re-sends exactly as a lobby kiosk does; for tests, the benchmark and rehearsals.
#include "ballotclient.h"
#include "mqttclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QFile>
#include <QTextStream>
#include <QTimer>

using namespace fest;

namespace {
enum Exit { Ok = 0, Rejected = 1, Usage = 2, NotDrained = 3 };

int fail(int code, const QString &message)
{
    QTextStream(stderr) << "festival-ballot-client: " << message << '\n';
    return code;
}

std::optional<QString> readPassword(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("%1: cannot read the password file (%2)").arg(path, file.errorString());
        return std::nullopt;
    }
    return QString::fromUtf8(file.readLine(1024)).trimmed();
}

void printSummary(const BallotClient::Summary &s)
{
    QTextStream out(stdout);
    out << "accepted " << s.accepted << ", duplicate " << s.duplicate << ", rejected " << s.rejected
        << ", still pending " << s.pending << " (" << s.elapsedMs << " ms)\n";
    for (auto it = s.reasons.cbegin(); it != s.reasons.cend(); ++it)
        out << "  rejected " << it.key() << ": " << it.value() << '\n';
}

bool waitConnected(MqttClient &client, int timeoutMs)
{
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    QObject::connect(&client, &MqttClient::connected, &loop, &QEventLoop::quit);
    if (client.state() != MqttClient::State::Connected)
        loop.exec();
    return client.state() == MqttClient::State::Connected;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // Per-packet library chatter only when asked for (QT_LOGGING_RULES overrides this).
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false"));
    QCoreApplication::setApplicationName(QStringLiteral("festival-ballot-client"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A headless kiosk.\n  cast --ticket C --screening S --film F --score N\n"
        "  cast --ticket C --screening S --rating F=N [--rating F=N ...]   (films of a block, one ballot)\n"
        "  burst --tickets FILE --count N [--rate R] [--film F]\n  drain"));
    parser.addHelpOption();
    parser.addOptions({
        {"broker", "Broker URL (mqtt://host:port).", "url", "mqtt://127.0.0.1:1883"},
        {"user", "This kiosk's broker account.", "name"},
        {"password-file", "File whose first line is the account's password.", "file"},
        {"outbox", "The kiosk's outbox database file.", "file"},
        {"timeout-ms", "How long to wait for the controller's answers.", "ms", "30000"},
        {"ticket", "cast: the ticket code.", "code"},
        {"screening", "cast: the screening id.", "id"},
        {"film", "cast: the film id; burst: film for tickets without one.", "id"},
        {"score", "cast: 1 to 5 stars.", "n"},
        {"rating", "cast: a film of a block and its stars, FILM=N; repeat for each film rated (instead of --film and --score).",
         "film=n"},
        {"tickets", "burst: CSV file code,screening[,film].", "file"},
        {"count", "burst: how many ballots.", "n", "1"},
        {"rate", "burst: ballots per second (0: all at once).", "r", "0"},
    });
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("cast, burst or drain"));
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    const QString command = args.value(0);
    if (args.size() != 1 || !QStringList{"cast", "burst", "drain"}.contains(command))
        return fail(Usage, QStringLiteral("give one command: cast, burst or drain (see --help)"));
    if (!parser.isSet("user") || !parser.isSet("outbox"))
        return fail(Usage, QStringLiteral("--user and --outbox are required"));

    QString error;
    std::optional<MqttOptions> options = MqttOptions::fromUrl(parser.value("broker"), &error);
    if (!options)
        return fail(Usage, error);
    options->username = parser.value("user");
    options->clientId = parser.value("user") + QStringLiteral("-ballot-client");
    if (parser.isSet("password-file")) {
        const auto password = readPassword(parser.value("password-file"), &error);
        if (!password)
            return fail(Usage, error);
        options->password = *password;
    }
    std::optional<Database> db = VoteOutbox::openDatabase(parser.value("outbox"), &error);
    if (!db)
        return fail(Usage, error);

    MqttClient client(*options);
    VoteOutbox outbox(*db, &client, parser.value("user"));
    BallotClient ballots(&outbox);
    const int timeoutMs = parser.value("timeout-ms").toInt();
    client.open();

    if (command == u"cast") {
        QList<Ballot::Rating> ratings;
        if (parser.isSet("rating")) {
            if (parser.isSet("film") || parser.isSet("score"))
                return fail(Usage, QStringLiteral("give --film and --score for one film, or --rating FILM=N for each film, not both"));
            for (const QString &rating : parser.values("rating")) {
                const qsizetype at = rating.lastIndexOf(u'=');
                bool scoreOk = false;
                const int score = at > 0 ? rating.mid(at + 1).toInt(&scoreOk) : 0;
                if (!scoreOk)
                    return fail(Usage, QStringLiteral("--rating %1: expected FILM=N with N from 1 to 5, e.g. F-017=5").arg(rating));
                ratings.append({rating.left(at), score});
            }
        } else {
            bool scoreOk = false;
            const int score = parser.value("score").toInt(&scoreOk);
            if (!scoreOk)
                return fail(Usage, QStringLiteral("--score must be a number from 1 to 5"));
            ratings.append({parser.value("film"), score});
        }
        if (outbox.cast(parser.value("ticket"), parser.value("screening"), ratings).isEmpty())
            return fail(Usage, outbox.errorString());
    } else if (command == u"burst") {
        const auto tickets = BallotClient::loadTickets(parser.value("tickets"), &error);
        if (!tickets || !ballots.burst(*tickets, parser.value("count").toInt(), parser.value("rate").toDouble(),
                                       parser.value("film"), &error))
            return fail(Usage, error);
    }
    if (!waitConnected(client, timeoutMs))
        return fail(NotDrained, QStringLiteral("cannot reach the broker at %1 (%2); %3 ballots are kept in %4 and will be sent later")
                                    .arg(client.brokerAddress(), client.errorString()).arg(outbox.pending()).arg(parser.value("outbox")));
    const bool drained = ballots.drain(timeoutMs);
    printSummary(ballots.summary());
    if (!drained)
        return fail(NotDrained, QStringLiteral("no answer for %1 ballots within %2 ms; they are kept in %3 and re-sent next time")
                                    .arg(outbox.pending()).arg(timeoutMs).arg(parser.value("outbox")));
    if (command == u"cast" && ballots.summary().rejected > 0)
        return fail(Rejected, QStringLiteral("ballot rejected: %1").arg(ballots.lastRejection()));
    return Ok;
}
