// bench_votes: acked votes per second and ack latency for K kiosks sending ballots to the
// controller's vote ingest (WAL, synchronous=FULL, group commit), and, in the same run and
// with the same request/reply pattern, the raw broker rate against a responder that
// answers at once without a database. The simulated kiosks run in their own process
// (bench_votes --drive), the responder in its own, the broker in its own; each phase
// also reports the CPU each of them spent per ballot.
#include "ballot.h"
#include "ballotburst.h"
#include "mosquittoprocess.h"
#include "processcpu.h"
#include "projectbinaries.h"
#include "ticketcode.h"
#include "ticketissuer.h"
#include "ticketkeyring.h"
#include "ticketverifier.h"
#include "voteservice.h"
#include "votestore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <iostream>
#include <string>

using namespace fest;

namespace {
QTextStream out(stdout);
QTextStream err(stderr);

QJsonObject toJson(const BallotBurst::Result &r)
{
    QJsonObject results;
    for (auto it = r.results.cbegin(); it != r.results.cend(); ++it)
        results.insert(it.key(), it.value());
    return {{"sent", r.sent}, {"answered", r.answered}, {"seconds", r.seconds}, {"perSecond", r.perSecond},
            {"p50Ms", r.p50Ms}, {"p99Ms", r.p99Ms}, {"maxMs", r.maxMs}, {"results", results}};
}

BallotBurst::Result fromJson(const QJsonObject &o)
{
    BallotBurst::Result r;
    r.sent = o.value("sent").toInteger();
    r.answered = o.value("answered").toInteger();
    r.seconds = o.value("seconds").toDouble();
    r.perSecond = o.value("perSecond").toDouble();
    r.p50Ms = o.value("p50Ms").toDouble();
    r.p99Ms = o.value("p99Ms").toDouble();
    r.maxMs = o.value("maxMs").toDouble();
    const QJsonObject results = o.value("results").toObject();
    for (auto it = results.begin(); it != results.end(); ++it)
        r.results.insert(it.key(), it.value().toInteger());
    return r;
}

// CPU microseconds per answered ballot in each process of a phase.
struct Cpu
{
    double broker = 0;
    double responder = 0;
    double kiosks = 0;
    double total() const { return broker + responder + kiosks; }
};

struct Phase
{
    QString name;
    double rate = 0;   // offered ballots/s; 0 = flood (every kiosk window full)
    BallotBurst::Result result;
    Cpu cpu;
};

void printHeader()
{
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 | %7 %8 %9 %10\n")
               .arg("pattern", -34).arg("answered", 8).arg("per s", 8).arg("p50 ms", 8).arg("p99 ms", 8).arg("max ms", 8)
               .arg("broker", 7).arg("resp.", 7).arg("kiosks", 7).arg("CPU us/ballot", 14);
}

void printRow(const Phase &p)
{
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 | %7 %8 %9 %10\n")
               .arg(p.name, -34).arg(p.result.answered, 8).arg(p.result.perSecond, 8, 'f', 0).arg(p.result.p50Ms, 8, 'f', 2)
               .arg(p.result.p99Ms, 8, 'f', 2).arg(p.result.maxMs, 8, 'f', 2).arg(p.cpu.broker, 7, 'f', 1)
               .arg(p.cpu.responder, 7, 'f', 1).arg(p.cpu.kiosks, 7, 'f', 1).arg(p.cpu.total(), 14, 'f', 1);
}

// --drive: the simulated kiosks, in their own process. Connects, says "ready", waits for
// a line on stdin, runs, prints the result as one JSON line.
int drive(const QCommandLineParser &parser)
{
    QString error;
    const std::optional<MqttOptions> options = MqttOptions::fromUrl(parser.value("broker"), &error);
    if (!options) {
        err << "bench_votes --drive: " << error << '\n';
        return 2;
    }
    QFile file(parser.value("payloads"));
    if (!file.open(QIODevice::ReadOnly)) {
        err << "bench_votes --drive: cannot read " << file.fileName() << '\n';
        return 2;
    }
    std::vector<QByteArray> payloads;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.isEmpty())
            payloads.push_back(line);
    }
    BallotBurst burst(*options, parser.value("kiosks").toInt(), parser.value("window").toInt());
    if (!burst.connectAll(10000)) {
        err << "bench_votes --drive: the simulated kiosks cannot connect\n";
        return 2;
    }
    std::cout << "ready" << std::endl;
    std::string go;
    std::getline(std::cin, go);
    const BallotBurst::Result r = burst.run(payloads, parser.value("timeout-ms").toInt(), parser.value("rate").toDouble());
    std::cout << QJsonDocument(toJson(r)).toJson(QJsonDocument::Compact).toStdString() << std::endl;
    // Stay until told, so that the caller can read this process's CPU time first.
    std::getline(std::cin, go);
    return 0;
}

std::unique_ptr<QProcess> startProcess(const QString &program, const QStringList &args, bool lightLoop = false)
{
    auto p = std::make_unique<QProcess>();
    p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    if (lightLoop) {
        // The simulated kiosks share the machine with what they measure: Qt's own event
        // dispatcher costs them less per wake-up than the GLib one.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_NO_GLIB"), QStringLiteral("1"));
        p->setProcessEnvironment(env);
    }
    p->start(program, args);
    if (!p->waitForStarted())
        return nullptr;
    return p;
}

void stop(std::unique_ptr<QProcess> &p)
{
    if (!p)
        return;
    p->terminate();
    if (!p->waitForFinished(5000))
        p->kill();
    p->waitForFinished();
}

bool readLine(QProcess &p, QByteArray *line, int timeoutMs)
{
    QElapsedTimer waited;
    waited.start();
    while (!p.canReadLine()) {
        if (p.state() != QProcess::Running || waited.elapsed() > timeoutMs || !p.waitForReadyRead(timeoutMs))
            return p.canReadLine() && (*line = p.readLine().trimmed(), true);
    }
    *line = p.readLine().trimmed();
    return true;
}

// One phase: a fresh responder, the kiosk process, CPU measured from "go" to the result.
Phase runPhase(const QString &name, const QStringList &responderArgs, const QStringList &driveArgs, double rate,
               qint64 brokerPid, const QString &ingest)
{
    Phase phase{name, rate, {}, {}};
    auto responder = startProcess(ingest, responderArgs);
    QThread::msleep(300); // let it connect and subscribe before the kiosks start
    auto driver = startProcess(QCoreApplication::applicationFilePath(),
                               driveArgs + QStringList{"--rate", QString::number(rate)}, true);
    QByteArray line;
    if (!responder || !driver || !readLine(*driver, &line, 15000) || line != "ready") {
        err << "bench_votes: " << name << ": the kiosks or the responder did not start\n";
        stop(driver);
        stop(responder);
        return phase;
    }
    ProcessCpu brokerCpu(brokerPid), responderCpu(responder->processId()), kioskCpu(driver->processId());
    driver->write("go\n");
    if (readLine(*driver, &line, 600000))
        phase.result = fromJson(QJsonDocument::fromJson(line).object());
    const double answered = double(std::max<qint64>(1, phase.result.answered));
    phase.cpu = {brokerCpu.elapsed() * 1e6 / answered, responderCpu.elapsed() * 1e6 / answered,
                 kioskCpu.elapsed() * 1e6 / answered};
    driver->write("exit\n");
    driver->waitForFinished(5000);
    stop(driver);
    stop(responder);
    return phase;
}

// The controller's per-ballot work without the bus: decode, verify, hash, group commit
// (WAL, synchronous=FULL). Shows how much of the end-to-end figure the database costs.
Phase storeOnly(const std::vector<QByteArray> &payloads, const TicketKeyring &keys, const QString &path)
{
    Phase phase{QStringLiteral("store only (no bus)"), 0, {}, {}};
    BallotBurst::Result &r = phase.result;
    QString error;
    std::optional<Database> db = VoteStore::openDatabase(path, &error);
    if (!db)
        return phase;
    VoteStore store(*db);
    const TicketVerifier verifier(keys);
    ProcessCpu cpu(QCoreApplication::applicationPid());
    QElapsedTimer clock;
    clock.start();
    for (size_t i = 0; i < payloads.size(); ++i) {
        const std::optional<Ballot> b = Ballot::fromJson(payloads[i], nullptr);
        if (!b || verifier.verify(b->ticket) != TicketVerifier::Result::Valid)
            continue;
        VoteStore::Entry e{b->voteId, TicketCode::storageHash(b->ticket), b->screening, b->ratings,
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
    phase.cpu.responder = cpu.elapsed() * 1e6 / double(std::max<qint64>(1, r.answered));
    return phase;
}

QJsonObject toJson(const Phase &p)
{
    QJsonObject o = toJson(p.result);
    o.insert("name", p.name);
    o.insert("offeredPerSecond", p.rate);
    o.insert("cpuUsPerBallot", QJsonObject{{"broker", p.cpu.broker}, {"responder", p.cpu.responder},
                                           {"kiosks", p.cpu.kiosks}, {"total", p.cpu.total()}});
    return o;
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).section(u' ', 0, 2) : QString();
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\nfest.mqtt.info=false\nfest.db.info=false"));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({
        {"kiosks", "Simulated kiosks.", "k", "8"},
        {"ballots", "Ballots in the flood.", "n", "50000"},
        {"films", "Films each ballot rates (a block's ballot when above 1).", "n", "1"},
        {"window", "Ballots in flight per kiosk (the outbox's maxInFlight).", "w", "200"},
        {"rates", "Offered rates (ballots/s) of the paced runs, comma separated; empty for none.", "list", "10000,20000"},
        {"paced-seconds", "Length of each paced run.", "s", "3"},
        {"group-ms", "The controller's group commit window.", "ms", "2"},
        {"receive-maximum", "The responder's MQTT 5 receive maximum (default: VoteService::ingestOptions).", "n"},
        {"no-coalesce", "The responder writes every packet at once."},
        {"ballot-qos", "QoS of the responder's ballot subscription.", "qos", QString::number(VoteService::Options{}.ballotQos)},
        {"reply-qos", "QoS of the replies.", "qos", QString::number(VoteService::Options{}.replyQos)},
        {"json", "Where to write the figures.", "file", QStringLiteral(FEST_BENCH_OUTPUT_DIR "/bench_votes.json")},
        {"store-only", "Only the store-only run (for profiling the controller's per-ballot work)."},
        {"drive", "Internal: be the kiosk process."},
        {"broker", "Internal (--drive): broker URL.", "url"},
        {"payloads", "Internal (--drive): ballot file, one per line.", "file"},
        {"rate", "Internal (--drive): offered rate, 0 for a flood.", "n", "0"},
        {"timeout-ms", "Internal (--drive): give up after this long.", "ms", "300000"},
    });
    parser.process(app);
    if (parser.isSet("drive"))
        return drive(parser);

    const int kiosks = parser.value("kiosks").toInt();
    const int ballots = parser.value("ballots").toInt();
    const int window = parser.value("window").toInt();
    const QString ingest = projectBinary(QStringLiteral("festival-vote-ingest"));
    if (ingest.isEmpty()) {
        err << "bench_votes: festival-vote-ingest is not built; build the target first\n";
        return 2;
    }
    QList<double> rates;
    for (const QString &r : parser.value("rates").split(u',', Qt::SkipEmptyParts))
        rates.append(r.toDouble());
    const QString loadBefore = loadAverage();

    QTemporaryDir dir;
    MosquittoProcess broker;
    MosquittoProcess::Limits limits;
    limits.maxQueuedMessages = 1000000;
    broker.setLimits(limits);
    // The same flow-control and latency settings as config/mosquitto/mosquitto.conf.
    broker.addConfigLines({QStringLiteral("max_inflight_messages 1000"), QStringLiteral("set_tcp_nodelay true")});
    QString error;
    if (!broker.start(&error)) {
        err << "bench_votes: " << error << '\n';
        return 2;
    }
    const qint64 brokerPid = ProcessCpu::childNamed(QStringLiteral("mosquitto"));

    // Payloads first: the timed part only sends, commits and answers. Every votes phase
    // gets a fresh database, so all phases can share one set of tickets.
    qint64 largest = ballots;
    for (double r : rates)
        largest = std::max<qint64>(largest, qint64(r * parser.value("paced-seconds").toDouble()));
    const auto keys = TicketKeyring::loadOrCreate(dir.filePath("tickets.keys"), &error);
    const QStringList codes = TicketIssuer(*keys).issue(int(largest));
    std::vector<QByteArray> payloads;
    payloads.reserve(size_t(largest));
    const int films = std::clamp(parser.value("films").toInt(), 1, 32);
    QStringList filmIds;
    for (int f = 1; f <= films; ++f)
        filmIds << QStringLiteral("F-%1").arg(f);
    for (const QString &code : codes) {
        QList<Ballot::Rating> ratings;
        for (const QString &film : std::as_const(filmIds))
            ratings.append({film, qint64(1 + (payloads.size() + ratings.size()) % 5)});
        Ballot b{Ballot::newVoteId(), code, QStringLiteral("S-1"), ratings, QDateTime::currentDateTimeUtc()};
        payloads.push_back(b.toJson());
        Q_ASSERT(!payloads.back().contains('\n'));
    }
    auto writePayloads = [&](qint64 count) {
        const QString path = dir.filePath(QStringLiteral("payloads-%1.txt").arg(count));
        QFile f(path);
        if (f.exists() || !f.open(QIODevice::WriteOnly))
            return path;
        for (qint64 i = 0; i < count; ++i)
            f.write(payloads[size_t(i)] + '\n');
        return path;
    };

    const QString url = broker.url();
    const QString receiveMaximum = parser.isSet("receive-maximum")
        ? parser.value("receive-maximum") : QString::number(VoteService::ingestOptions({}).receiveMaximum);
    // Both responders answer with the same pattern (subscription QoS, reply QoS, socket
    // settings): the raw row is the floor of exactly what the votes row does.
    QStringList tuning{"--receive-maximum", receiveMaximum, "--sub-qos", parser.value("ballot-qos"), "--reply-qos",
                       parser.value("reply-qos")};
    if (parser.isSet("no-coalesce"))
        tuning << "--no-coalesce";
    const QStringList echoArgs = QStringList{"--broker", url, "--user", "echo", "--echo"} + tuning;
    int database = 0;
    auto votesArgs = [&] {
        return QStringList{"--broker", url, "--db", dir.filePath(QStringLiteral("votes-%1.sqlite").arg(++database)),
                           "--keys", dir.filePath("tickets.keys"), "--open", "S-1=" + filmIds.join(u','), "--group-ms",
                           parser.value("group-ms")} + tuning;
    };
    auto driveArgs = [&](qint64 count) {
        return QStringList{"--drive", "--broker", url, "--payloads", writePayloads(count), "--kiosks", QString::number(kiosks),
                           "--window", QString::number(window)};
    };

    if (parser.isSet("store-only")) {
        std::vector<QByteArray> flood(payloads.begin(), payloads.begin() + ballots);
        const Phase p = storeOnly(flood, *keys, dir.filePath("store-only.sqlite"));
        printHeader();
        printRow(p);
        return p.result.answered == ballots ? 0 : 1;
    }
    QList<Phase> phases;
    phases.append(runPhase(QStringLiteral("raw broker (echo, no db)"), echoArgs, driveArgs(ballots), 0, brokerPid, ingest));
    phases.append(runPhase(QStringLiteral("votes (sync=FULL, committed)"), votesArgs(), driveArgs(ballots), 0, brokerPid, ingest));
    const Phase raw = phases[0];
    const Phase votes = phases[1];
    for (double rate : rates) {
        const qint64 count = qint64(rate * parser.value("paced-seconds").toDouble());
        phases.append(runPhase(QStringLiteral("raw at %1/s offered").arg(rate), echoArgs, driveArgs(count), rate, brokerPid, ingest));
        phases.append(runPhase(QStringLiteral("votes at %1/s offered").arg(rate), votesArgs(), driveArgs(count), rate, brokerPid, ingest));
    }
    std::vector<QByteArray> flood(payloads.begin(), payloads.begin() + ballots);
    phases.append(storeOnly(flood, *keys, dir.filePath("store-only.sqlite")));
    const QString loadAfter = loadAverage();

    const double share = raw.result.perSecond > 0 ? votes.result.perSecond / raw.result.perSecond : 0;
    out << QStringLiteral("bench_votes: %1 kiosks (own process), %2 in flight per kiosk, flood of %3 ballots of %11 film(s), group window %4 ms, "
                          "receive maximum %5, ballot/reply QoS %6/%7%8; load average before %9, after %10\n")
               .arg(kiosks).arg(window).arg(ballots)
               .arg(parser.value("group-ms"), receiveMaximum, parser.value("ballot-qos"), parser.value("reply-qos"),
                    parser.isSet("no-coalesce") ? QStringLiteral(", no coalescing") : QString(), loadBefore, loadAfter)
               .arg(films);
    printHeader();
    for (const Phase &p : phases)
        printRow(p);
    out << QStringLiteral("votes/raw (flood): %1%  results: ").arg(share * 100, 0, 'f', 1);
    for (auto it = votes.result.results.cbegin(); it != votes.result.results.cend(); ++it)
        out << it.key() << '=' << it.value() << ' ';
    out << '\n';
    // The p99 goal is "under that load": the 20,000/s paced run when there is one.
    const Phase *atGoal = nullptr;
    for (const Phase &p : phases) {
        if (p.rate >= 20000 && p.name.startsWith(u"votes"))
            atGoal = &p;
    }
    const double p99 = atGoal ? atGoal->result.p99Ms : votes.result.p99Ms;
    out << QStringLiteral("goals: >= 20000 acked/s (flood) %1, >= 60% of raw (flood) %2, p99 <= 50 ms (%3) %4\n")
               .arg(votes.result.perSecond >= 20000 ? "met" : "NOT met", share >= 0.6 ? "met" : "NOT met",
                    atGoal ? atGoal->name : QStringLiteral("flood"), p99 <= 50 ? "met" : "NOT met");
    out.flush();

    QJsonArray list;
    bool allAnswered = true;
    for (const Phase &p : phases) {
        list.append(toJson(p));
        allAnswered = allAnswered && p.result.answered == p.result.sent && p.result.sent > 0;
    }
    const QJsonObject json{{"benchmark", "votes"}, {"kiosks", kiosks}, {"ballots", ballots}, {"films", films}, {"window", window},
                           {"groupMs", parser.value("group-ms").toInt()}, {"receiveMaximum", receiveMaximum.toInt()},
                           {"ballotQos", parser.value("ballot-qos").toInt()}, {"replyQos", parser.value("reply-qos").toInt()},
                           {"coalesce", !parser.isSet("no-coalesce")},
                           {"phases", list}, {"votesShareOfRaw", share}, {"cores", QThread::idealThreadCount()},
                           {"loadBefore", loadBefore}, {"loadAfter", loadAfter}};
    QFile file(parser.value("json"));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(json).toJson()) < 0) {
        err << "bench_votes: cannot write " << file.fileName() << '\n';
        return 1;
    }
    out << "figures written to " << file.fileName() << '\n';
    return allAnswered ? 0 : 1;
}
