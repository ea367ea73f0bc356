// bench_votes: acked votes per second and ack latency for K kiosks bursting N ballots at
// the controller's vote ingest (WAL, synchronous=FULL, group commit), and, in the same
// run and with the same request/reply pattern, the raw broker rate against a responder
// that answers at once without a database.
#include "ballot.h"
#include "ticketcode.h"
#include "ballotburst.h"
#include "mosquittoprocess.h"
#include "projectbinaries.h"
#include "ticketissuer.h"
#include "ticketkeyring.h"
#include "ticketverifier.h"
#include "votestore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

using namespace fest;

namespace {
QTextStream out(stdout);

QJsonObject toJson(const BallotBurst::Result &r)
{
    QJsonObject results;
    for (auto it = r.results.cbegin(); it != r.results.cend(); ++it)
        results.insert(it.key(), it.value());
    return {{"sent", r.sent}, {"answered", r.answered}, {"seconds", r.seconds}, {"perSecond", r.perSecond},
            {"p50Ms", r.p50Ms}, {"p99Ms", r.p99Ms}, {"maxMs", r.maxMs}, {"results", results}};
}

void row(const QString &name, const BallotBurst::Result &r)
{
    out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
               .arg(name, -28).arg(r.answered, 9).arg(r.perSecond, 12, 'f', 0).arg(r.p50Ms, 9, 'f', 2)
               .arg(r.p99Ms, 9, 'f', 2).arg(r.maxMs, 9, 'f', 2);
}

// The controller's per-ballot work without the bus: decode, verify, hash, group commit
// (WAL, synchronous=FULL). Shows how much of the end-to-end figure the database costs.
BallotBurst::Result storeOnly(const std::vector<QByteArray> &payloads, const TicketKeyring &keys, const QString &path)
{
    BallotBurst::Result r;
    QString error;
    std::optional<Database> db = VoteStore::openDatabase(path, &error);
    if (!db)
        return r;
    VoteStore store(*db);
    const TicketVerifier verifier(keys);
    QElapsedTimer clock;
    clock.start();
    for (size_t i = 0; i < payloads.size(); ++i) {
        const std::optional<Ballot> b = Ballot::fromJson(payloads[i], nullptr);
        if (!b || verifier.verify(b->ticket) != TicketVerifier::Result::Valid)
            continue;
        VoteStore::Entry e{b->voteId, TicketCode::storageHash(b->ticket), b->screening, b->film, int(b->score),
                           QStringLiteral("bench"), b->castAt, clock.nsecsElapsed() / 1000};
        ++r.sent;
        store.submit(std::move(e), [&](const BallotReply &reply) {
            ++r.answered;
            ++r.results[BallotReply::resultCode(reply.result)];
        });
        if (i % 256 == 255)
            QCoreApplication::processEvents();
    }
    store.flush();
    r.seconds = double(clock.nsecsElapsed()) / 1e9;
    r.perSecond = double(r.answered) / r.seconds;
    return r;
}

std::unique_ptr<QProcess> startIngest(const QStringList &args)
{
    auto p = std::make_unique<QProcess>();
    p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p->start(projectBinary(QStringLiteral("festival-vote-ingest")), args);
    if (!p->waitForStarted())
        return nullptr;
    QThread::msleep(300); // let it connect and subscribe before the burst starts
    return p;
}

void stop(std::unique_ptr<QProcess> &p)
{
    p->terminate();
    if (!p->waitForFinished(5000))
        p->kill();
    p->waitForFinished();
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\nfest.mqtt.info=false"));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({
        {"kiosks", "Simulated kiosks.", "k", "8"},
        {"ballots", "Ballots in the burst.", "n", "50000"},
        {"window", "Ballots in flight per kiosk.", "w", "200"},
        {"group-ms", "The controller's group commit window.", "ms", "2"},
        {"json", "Where to write the figures.", "file", QStringLiteral(FEST_BENCH_OUTPUT_DIR "/bench_votes.json")},
    });
    parser.process(app);
    const int kiosks = parser.value("kiosks").toInt();
    const int ballots = parser.value("ballots").toInt();
    const int window = parser.value("window").toInt();
    if (projectBinary(QStringLiteral("festival-vote-ingest")).isEmpty()) {
        QTextStream(stderr) << "bench_votes: festival-vote-ingest is not built; build the target first\n";
        return 2;
    }

    QTemporaryDir dir;
    MosquittoProcess broker;
    MosquittoProcess::Limits limits;
    limits.maxQueuedMessages = 1000000;
    broker.setLimits(limits);
    // A QoS 1 window of 20 per connection (mosquitto's default) would make the broker's
    // round trips, not the controller, the limit: see docs/votes.md.
    broker.addConfigLines({QStringLiteral("max_inflight_messages 1000"), QStringLiteral("set_tcp_nodelay true")});
    QString error;
    if (!broker.start(&error)) {
        QTextStream(stderr) << "bench_votes: " << error << '\n';
        return 2;
    }
    MqttOptions options;
    options.host = broker.host();
    options.port = broker.port();

    // Payloads first: the timed part only sends, commits and answers.
    const auto keys = TicketKeyring::loadOrCreate(dir.filePath("tickets.keys"), &error);
    const QStringList codes = TicketIssuer(*keys).issue(ballots);
    std::vector<QByteArray> payloads;
    payloads.reserve(size_t(ballots));
    for (const QString &code : codes) {
        Ballot b{Ballot::newVoteId(), code, QStringLiteral("S-1"), QStringLiteral("F-1"), qint64(1 + payloads.size() % 5),
                 QDateTime::currentDateTimeUtc()};
        payloads.push_back(b.toJson());
    }

    BallotBurst burst(options, kiosks, window);
    if (!burst.connectAll(10000)) {
        QTextStream(stderr) << "bench_votes: the simulated kiosks cannot connect\n";
        return 2;
    }
    const QString url = broker.url();
    auto echo = startIngest({"--broker", url, "--user", "echo", "--echo"});
    const BallotBurst::Result raw = burst.run(payloads, 120000);
    stop(echo);

    auto ingest = startIngest({"--broker", url, "--db", dir.filePath("votes.sqlite"), "--keys", dir.filePath("tickets.keys"),
                               "--open", "S-1=F-1", "--group-ms", parser.value("group-ms")});
    const BallotBurst::Result votes = burst.run(payloads, 300000);
    stop(ingest);

    const BallotBurst::Result store = storeOnly(payloads, *keys, dir.filePath("store-only.sqlite"));

    const double share = raw.perSecond > 0 ? votes.perSecond / raw.perSecond : 0;
    out << QStringLiteral("bench_votes: %1 kiosks, %2 ballots, %3 in flight per kiosk, group window %4 ms\n")
               .arg(kiosks).arg(ballots).arg(window).arg(parser.value("group-ms"));
    out << QStringLiteral("%1 %2 %3 %4 %5 %6\n").arg("pattern", -28).arg("answered", 9).arg("per second", 12)
               .arg("p50 ms", 9).arg("p99 ms", 9).arg("max ms", 9);
    row(QStringLiteral("raw broker (echo, no db)"), raw);
    row(QStringLiteral("votes (sync=FULL, committed)"), votes);
    row(QStringLiteral("store only (no bus)"), store);
    out << QStringLiteral("votes/raw: %1%  results: ").arg(share * 100, 0, 'f', 1);
    for (auto it = votes.results.cbegin(); it != votes.results.cend(); ++it)
        out << it.key() << '=' << it.value() << ' ';
    out << '\n';
    out << QStringLiteral("goals: >= 20000 acked/s %1, >= 60% of raw %2, p99 <= 50 ms %3\n")
               .arg(votes.perSecond >= 20000 ? "met" : "NOT met", share >= 0.6 ? "met" : "NOT met",
                    votes.p99Ms <= 50 ? "met" : "NOT met");
    out.flush();

    const QJsonObject json{{"benchmark", "votes"}, {"kiosks", kiosks}, {"ballots", ballots}, {"window", window},
                           {"groupMs", parser.value("group-ms").toInt()}, {"raw", toJson(raw)}, {"votes", toJson(votes)}, {"storeOnly", toJson(store)},
                           {"votesShareOfRaw", share}, {"cores", QThread::idealThreadCount()}};
    QFile file(parser.value("json"));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(json).toJson()) < 0) {
        QTextStream(stderr) << "bench_votes: cannot write " << file.fileName() << '\n';
        return 1;
    }
    out << "figures written to " << file.fileName() << '\n';
    return votes.answered == ballots ? 0 : 1;
}
