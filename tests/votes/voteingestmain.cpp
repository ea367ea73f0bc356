// festival-vote-ingest: VoteService alone in a process, for tests that kill it mid-burst
// and for the benchmark. --echo replaces it with a responder that answers every ballot
// at once without a database: the raw broker request/reply baseline.
#include "ballot.h"
#include "ballotreply.h"
#include "mqttclient.h"
#include "ticketissuer.h"
#include "ticketkeyring.h"
#include "topics.h"
#include "voteservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>

using namespace fest;

namespace {
int fail(const QString &message)
{
    QTextStream(stderr) << "festival-vote-ingest: " << message << '\n';
    return 2;
}

// "S-1=F-1,F-2": a screening open from an hour ago until tomorrow.
std::optional<VotingWindows::Screening> parseOpen(const QString &spec)
{
    const QStringList parts = spec.split(u'=');
    if (parts.size() != 2 || parts[0].isEmpty() || parts[1].isEmpty())
        return std::nullopt;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return VotingWindows::Screening{parts[0], parts[1].split(u','), now.addSecs(-3600), now.addDays(1)};
}

void echo(MqttClient &client, const MqttMessage &message, int replyQos)
{
    if (!Topics::parseVote(message.topic) || message.responseTopic.isEmpty())
        return;
    MqttMessage reply;
    reply.topic = message.responseTopic;
    reply.correlationData = message.correlationData;
    reply.qos = replyQos;
    reply.payload = BallotReply::accepted(QString::fromLatin1(message.correlationData)).toJson();
    client.publish(reply);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // Per-packet library chatter only when asked for (QT_LOGGING_RULES overrides this).
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false"));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({
        {"broker", "Broker URL.", "url", "mqtt://127.0.0.1:1883"},
        {"user", "Broker account.", "name", "controller"},
        {"db", "Votes database file.", "file"},
        {"keys", "Ticket key file (created if missing).", "file"},
        {"open", "Screening open for votes: ID=FILM[,FILM...] (repeatable).", "spec"},
        {"group-ms", "Group commit window.", "ms", "2"},
        {"receive-maximum", "QoS 1 ballots the broker may have in flight to us (default: VoteService::ingestOptions).", "n"},
        {"reply-qos", "QoS of the replies (default: VoteService's).", "qos", QString::number(VoteService::Options{}.replyQos)},
        {"sub-qos", "QoS of the ballot subscription (default: VoteService's).", "qos", QString::number(VoteService::Options{}.ballotQos)},
        {"no-coalesce", "Write every packet at once (default: VoteService::ingestOptions coalesces)."},
        {"echo", "Answer every ballot at once, no database (raw baseline)."},
        {"issue", "Print COUNT ticket lines \"code,SCREENING-ID,FILM\" for --open's first screening and exit.", "count"},
    });
    parser.process(app);

    QString error;
    std::optional<MqttOptions> options = MqttOptions::fromUrl(parser.value("broker"), &error);
    if (!options)
        return fail(error);
    options->username = parser.value("user");
    options->clientId = parser.value("user") + QStringLiteral("-ingest");
    MqttOptions tuned = VoteService::ingestOptions(*options);
    if (parser.isSet("receive-maximum"))
        tuned.receiveMaximum = parser.value("receive-maximum").toInt();
    tuned.coalesceWrites = !parser.isSet("no-coalesce");
    MqttClient client(tuned);

    if (parser.isSet("echo")) {
        const int replyQos = parser.value("reply-qos").toInt();
        client.subscribe(Topics::vote(QStringLiteral("+")), parser.value("sub-qos").toInt());
        QObject::connect(&client, &MqttClient::messageReceived, &client, [&](const MqttMessage &m) { echo(client, m, replyQos); });
        client.open();
        return app.exec();
    }

    if (!parser.isSet("db") || !parser.isSet("keys"))
        return fail(QStringLiteral("--db and --keys are required (or --echo)"));
    std::optional<Database> db = VoteStore::openDatabase(parser.value("db"), &error);
    if (!db)
        return fail(error);
    std::optional<TicketKeyring> keys = TicketKeyring::loadOrCreate(parser.value("keys"), &error);
    if (!keys)
        return fail(error);
    QList<VotingWindows::Screening> screenings;
    for (const QString &spec : parser.values("open")) {
        const auto s = parseOpen(spec);
        if (!s)
            return fail(QStringLiteral("--open %1: expected ID=FILM[,FILM...]").arg(spec));
        screenings.append(*s);
    }
    if (parser.isSet("issue")) {
        if (screenings.isEmpty())
            return fail(QStringLiteral("--issue needs --open ID=FILM"));
        QTextStream out(stdout);
        for (const QString &code : TicketIssuer(*keys).issue(parser.value("issue").toInt()))
            out << code << ',' << screenings.first().id << ',' << screenings.first().films.first() << '\n';
        return 0;
    }
    TicketVerifier verifier(*keys);
    VotingWindows windows(*db);
    if (!windows.load(&error))
        return fail(error);
    windows.setScreenings(screenings);
    VoteService::Options serviceOptions;
    serviceOptions.store.groupWindowMs = parser.value("group-ms").toInt();
    serviceOptions.resultsIntervalMs = 5000;
    serviceOptions.ballotQos = parser.value("sub-qos").toInt();
    serviceOptions.replyQos = parser.value("reply-qos").toInt();
    const std::unique_ptr<VoteService> service = VoteService::create(&client, *db, verifier, windows, serviceOptions, &error);
    if (!service)
        return fail(error);
    client.open();
    return app.exec();
}
