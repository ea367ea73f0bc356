// bench_soak: K simulated kiosks (default 200) casting ballots at R per second each
// (default 2) for M minutes (default 10) against the real festival-controller, with
// headless festival-player processes playing a programme meanwhile. Reports the ack
// latency (p50/p99/max overall and per minute), ballots dropped (never answered, per
// minute too), and the resident memory of the controller, the broker and each player:
// at the start (before the kiosks cast), after the warm-up (default the first minute)
// and at the end, and whether each stays within 10% of its warmed-up size for the rest
// of the run. The controller's memory is split into anonymous/file/shared and shown
// beside the votes database's size and its CPU time per ballot, which is what tells a
// page cache filling up from memory kept per ballot. Prints tables and writes JSON
// (default <build>/bench/soak/bench_soak.json).
#include "kioskswarm.h"
#include "mediagenerator.h"
#include "mosquittoprocess.h"
#include "playerprocess.h"
#include "processsampler.h"
#include "scenariocontroller.h"
#include "scenarioprogramme.h"
#include "scenariotickets.h"
#include "statuswatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <algorithm>
#include <cmath>

using namespace fest;

namespace {
QTextStream out(stdout);
QTextStream err(stderr);

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[qsizetype(std::min<double>(double(values.size() - 1), p * double(values.size())))];
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).section(u' ', 0, 2) : QString();
}

qint64 fileKb(const QString &path)
{
    return QFileInfo(path).size() / 1024;
}

struct Sample {
    double atSeconds = 0;
    qint64 sent = 0;
    qint64 answered = 0;
    double p99Ms = 0;
    ProcessSampler::Memory controller;
    qint64 controllerCpuMs = 0;
    qint64 votesDbKb = 0;   // the database file (its WAL, ~4 MB once it has wrapped, apart)
    qint64 brokerKb = 0;
    QList<qint64> playersKb;
    double load1 = 0;
};

QString mb(qint64 kb)
{
    return QString::number(double(kb) / 1024.0, 'f', 1);
}

// The sample nearest to a moment of the run.
const Sample &sampleAt(const QList<Sample> &samples, double seconds)
{
    return *std::min_element(samples.begin(), samples.end(), [seconds](const Sample &a, const Sample &b) {
        return std::abs(a.atSeconds - seconds) < std::abs(b.atSeconds - seconds);
    });
}

QJsonObject summaryJson(const ProcessSampler::Summary &s)
{
    return {{"startKb", s.startKb}, {"warmKb", s.warmKb}, {"endKb", s.endKb}, {"minAfterWarmKb", s.minAfterWarmKb},
            {"maxAfterWarmKb", s.maxAfterWarmKb}, {"endVsWarmPercent", s.endVsWarmPercent},
            {"maxDeviationPercent", s.maxDeviationPercent}, {"flat", s.flat}};
}

// Per process: start, warm, end, the range after warm-up and the verdict.
QJsonObject reportMemory(const QList<Sample> &samples, int warmIndex, double tolerance, const QStringList &players)
{
    QList<QPair<QString, QList<qint64>>> series{{QStringLiteral("controller"), {}}, {QStringLiteral("broker"), {}}};
    for (const QString &p : players)
        series.append({p, {}});
    for (const Sample &s : samples) {
        series[0].second << s.controller.rssKb;
        series[1].second << s.brokerKb;
        for (int p = 0; p < players.size(); ++p)
            series[2 + p].second << s.playersKb.value(p);
    }
    out << QStringLiteral("\nresident memory (MB): start = before the kiosks cast, warm = at %1 s, flat = every sample "
                          "from warm to the end within %2% of warm\n")
               .arg(samples[warmIndex].atSeconds, 0, 'f', 0).arg(tolerance);
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n").arg("process", -12).arg("start", 7).arg("warm", 7).arg("end", 7)
               .arg("after warm", 13).arg("end vs warm", 12).arg("flat", 16);
    QJsonObject json;
    for (const auto &[name, kb] : series) {
        const ProcessSampler::Summary s = ProcessSampler::summarise(kb, warmIndex, tolerance);
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n").arg(name, -12).arg(mb(s.startKb), 7).arg(mb(s.warmKb), 7)
                   .arg(mb(s.endKb), 7).arg(mb(s.minAfterWarmKb) + u'-' + mb(s.maxAfterWarmKb), 13)
                   .arg(QStringLiteral("%1%").arg(s.endVsWarmPercent, 0, 'f', 1), 12)
                   .arg(QStringLiteral("%1 (max %2%)").arg(s.flat ? "yes" : "NO").arg(s.maxDeviationPercent, 0, 'f', 1), 16);
        json.insert(name, summaryJson(s));
    }
    return json;
}

// Per minute of casting: ballots, drops, ack p50/p99/max, and the controller at the
// minute's end (RSS split, votes database size, CPU per ballot in the minute).
QJsonArray reportMinutes(const QList<KioskSwarm::Window> &minutes, const QList<Sample> &samples)
{
    out << QStringLiteral("\nper minute (ballots by the minute they were cast; controller figures at the minute's end)\n");
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11\n").arg("min", 4).arg("sent", 7).arg("dropped", 8).arg("p50 ms", 7)
               .arg("p99 ms", 7).arg("max ms", 7).arg("ctrl MB", 8).arg("anon MB", 8).arg("db MB", 7).arg("cpu us/b", 9).arg("load", 5);
    QJsonArray json;
    qint64 cpuBefore = samples.first().controllerCpuMs;
    for (int m = 0; m < minutes.size(); ++m) {
        const KioskSwarm::Window &w = minutes[m];
        const Sample &s = sampleAt(samples, 60.0 * (m + 1));
        const double cpuUs = w.sent > 0 ? 1000.0 * double(s.controllerCpuMs - cpuBefore) / double(w.sent) : 0;
        cpuBefore = s.controllerCpuMs;
        const double p50 = percentile(w.latenciesMs, 0.5), p99 = percentile(w.latenciesMs, 0.99), max = percentile(w.latenciesMs, 1.0);
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11\n").arg(m + 1, 4).arg(w.sent, 7).arg(w.sent - w.answered, 8)
                   .arg(p50, 7, 'f', 1).arg(p99, 7, 'f', 1).arg(max, 7, 'f', 1).arg(mb(s.controller.rssKb), 8)
                   .arg(mb(s.controller.anonKb), 8).arg(mb(s.votesDbKb), 7).arg(cpuUs, 9, 'f', 0).arg(s.load1, 5, 'f', 1);
        json.append(QJsonObject{{"minute", m + 1}, {"sent", w.sent}, {"dropped", w.sent - w.answered},
                                {"ackMs", QJsonObject{{"p50", p50}, {"p99", p99}, {"max", max}}},
                                {"controllerKb", s.controller.rssKb}, {"controllerAnonKb", s.controller.anonKb},
                                {"votesDbKb", s.votesDbKb}, {"controllerCpuUsPerBallot", cpuUs}, {"load1", s.load1}});
    }
    return json;
}

QJsonArray seriesJson(const QList<Sample> &samples)
{
    QJsonArray series;
    for (const Sample &s : samples) {
        QJsonArray pk;
        for (qint64 k : s.playersKb)
            pk.append(k);
        series.append(QJsonObject{{"atSeconds", s.atSeconds}, {"sent", s.sent}, {"acked", s.answered}, {"p99Ms", s.p99Ms},
                                  {"controllerKb", s.controller.rssKb}, {"controllerAnonKb", s.controller.anonKb},
                                  {"controllerFileKb", s.controller.fileKb}, {"controllerShmemKb", s.controller.shmemKb},
                                  {"controllerCpuMs", s.controllerCpuMs}, {"votesDbKb", s.votesDbKb},
                                  {"brokerKb", s.brokerKb}, {"playersKb", pk}, {"load1", s.load1}});
    }
    return series;
}

int fail(const QString &message)
{
    err << "bench_soak: " << message << Qt::endl;
    return 1;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("fest.mqtt.debug=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Soak: simulated kiosks against the real controller with players running."));
    parser.addHelpOption();
    parser.addOptions({
        {"minutes", "How long the kiosks cast.", "n", "10"},
        {"kiosks", "Simulated kiosks (one broker connection each).", "n", "200"},
        {"rate", "Ballots per second per kiosk.", "r", "2"},
        {"players", "Headless players (one per screen).", "n", "2"},
        {"sample-seconds", "Interval of the time series.", "s", "10"},
        {"warmup-seconds", "Memory is judged from the sample nearest to this.", "s", "60"},
        {"tolerance", "Flat: every sample after the warm-up within this many percent of the warm size.", "pct", "10"},
        {"keep", "Keep the work folder (databases, logs) and print where it is."},
        {"linger-seconds", "Leave every process running this long after the figures, to inspect them (gdb, /proc).", "s", "0"},
        {"json", "Where to write the figures.", "file", QStringLiteral(FEST_BENCH_OUTPUT_DIR "/bench_soak.json")},
    });
    parser.process(app);
    const double minutes = parser.value("minutes").toDouble();
    const int kiosks = parser.value("kiosks").toInt();
    const double rate = parser.value("rate").toDouble();
    const int playerCount = parser.value("players").toInt();
    const int sampleSeconds = std::max(1, parser.value("sample-seconds").toInt());
    const double warmupSeconds = parser.value("warmup-seconds").toDouble();
    const double tolerance = parser.value("tolerance").toDouble();
    if (minutes <= 0 || kiosks <= 0 || rate <= 0 || playerCount < 0 || warmupSeconds < 0 || warmupSeconds >= minutes * 60)
        return fail(QStringLiteral("--minutes, --kiosks and --rate must be above 0, --players 0 or more, "
                                   "--warmup-seconds from 0 to less than the run"));

    QTemporaryDir dir;
    dir.setAutoRemove(!parser.isSet("keep"));
    QString error;
    // The shipped broker's limits for the vote stream (config/mosquitto/mosquitto.conf).
    MosquittoProcess broker;
    MosquittoProcess::Limits limits;
    limits.maxQueuedMessages = 100000;
    broker.setLimits(limits);
    broker.addConfigLines({QStringLiteral("max_inflight_messages 1000")});
    if (!broker.start(&error))
        return fail(error);

    // Programme: the voting screening, and per player screen one block of 10-s films
    // that covers the whole run.
    const QString media = dir.filePath(QStringLiteral("media"));
    QDir().mkpath(media + QStringLiteral("/films"));
    MediaGenerator::Options film;
    film.seconds = 10;
    error = MediaGenerator::generate(media + QStringLiteral("/films/film.webm"), film);
    if (!error.isEmpty())
        return fail(error);
    ScenarioProgramme programme = ScenarioProgramme::votingOpen();
    const int filmsPerScreen = int(minutes * 6) + 12;
    for (int p = 0; p < playerCount; ++p) {
        const QString screen = QStringLiteral("CINE-%1").arg(p + 1);
        programme.addScreen(screen);
        QStringList ids;
        for (int i = 0; i < filmsPerScreen; ++i) {
            ids << QStringLiteral("%1-F%2").arg(screen).arg(i + 1);
            programme.addFilm(ids.last(), 10, QStringLiteral("films/film.webm"));
        }
        programme.addScreening(QStringLiteral("S-%1").arg(screen), screen, ScenarioProgramme::at(15), ids);
    }
    const QString programmeFile = dir.filePath(QStringLiteral("programme.json"));
    if (!programme.write(programmeFile, &error))
        return fail(error);

    ScenarioController controller({broker.url(), dir.path(), {}, programmeFile});
    const qint64 ballots = qint64(double(kiosks) * rate * minutes * 60.0) + kiosks;
    const QStringList tickets = ScenarioTickets::issue(controller.ticketKeys(), int(ballots), &error);
    if (tickets.size() != ballots)
        return fail(error);
    if (!controller.start(&error))
        return fail(error);
    StatusWatcher watcher(broker.url());
    watcher.connectToBroker();
    std::vector<std::unique_ptr<PlayerProcess>> players;
    for (int p = 0; p < playerCount; ++p) {
        players.push_back(std::make_unique<PlayerProcess>(PlayerProcess::Settings{QStringLiteral("CINE-%1").arg(p + 1), broker.url(), dir.path(), media, controller.clockPort()}));
        if (!players.back()->start(&error))
            return fail(error);
    }
    const bool playing = QTest::qWaitFor([&] {
        return std::all_of(players.begin(), players.end(), [&](const auto &p) {
            return !watcher.latest(p->account()).value(QStringLiteral("playlistSource")).toString().isEmpty();
        });
    }, 60000);
    if (!playing)
        return fail(QStringLiteral("the players did not load their playlists within 60 s"));

    KioskSwarm swarm(broker.url(), kiosks, rate, tickets);
    if (!swarm.connectAll(120000))
        return fail(QStringLiteral("not every kiosk could connect to the broker"));
    const qint64 brokerPid = ProcessSampler::pidWithArgument(broker.filePath(QStringLiteral("mosquitto.conf")));

    const QString loadAtStart = loadAverage();
    out << "soak: " << kiosks << " kiosks x " << rate << " ballots/s for " << minutes << " min, " << playerCount
        << " players (load average at start: " << loadAtStart << ")\n";
    if (parser.isSet("keep"))
        out << "work folder kept: " << dir.path() << '\n';
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n").arg("t (s)", 6).arg("sent", 8).arg("acked", 8).arg("p99 ms", 8)
               .arg("ctrl kB", 9).arg("db kB", 8).arg("broker kB", 10).arg("players kB", 14);
    QList<Sample> samples;
    QElapsedTimer run;
    QStringList playerAccounts;
    for (const auto &p : players)
        playerAccounts << p->account();
    const auto sample = [&] {
        const KioskSwarm::Window w = swarm.takeWindow();
        Sample s{run.isValid() ? double(run.elapsed()) / 1000.0 : 0.0, w.sent, w.answered, percentile(w.latenciesMs, 0.99),
                 ProcessSampler::memory(controller.pid()), ProcessSampler::cpuMs(controller.pid()),
                 fileKb(controller.votesDatabase()), ProcessSampler::memory(brokerPid).rssKb, {},
                 loadAverage().section(u' ', 0, 0).toDouble()};
        QStringList playersKb;
        for (const auto &p : players) {
            s.playersKb << ProcessSampler::memory(p->pid()).rssKb;
            playersKb << QString::number(s.playersKb.last());
        }
        samples << s;
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n").arg(s.atSeconds, 6, 'f', 0).arg(s.sent, 8).arg(s.answered, 8)
                   .arg(s.p99Ms, 8, 'f', 1).arg(s.controller.rssKb, 9).arg(s.votesDbKb, 8).arg(s.brokerKb, 10)
                   .arg(playersKb.join(u'/'), 14);
        out.flush();
    };
    sample();   // the start: everything running, no ballot cast yet
    run.start();
    swarm.start();
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, sample);
    sampler.start(sampleSeconds * 1000);
    QTest::qWait(int(minutes * 60 * 1000));
    swarm.stop();
    (void)QTest::qWaitFor([&] { return swarm.outstanding() == 0; }, 15000);
    sampler.stop();
    sample();
    const QString loadAtEnd = loadAverage();

    int playersDied = 0;
    for (const auto &p : players)
        playersDied += !p->isRunning();
    const bool controllerAlive = controller.isRunning();
    const QList<double> &latencies = swarm.latenciesMs();
    const int warmIndex = int(&sampleAt(samples, warmupSeconds) - samples.data());
    QJsonObject results;
    for (auto it = swarm.results().cbegin(); it != swarm.results().cend(); ++it)
        results.insert(it.key(), it.value());

    out << "\nsent " << swarm.sent() << ", acked " << swarm.answered() << ", dropped (never answered) " << swarm.outstanding()
        << ", kiosk disconnections " << swarm.disconnections() << '\n';
    out << "ack latency ms: p50 " << percentile(latencies, 0.5) << ", p99 " << percentile(latencies, 0.99) << ", max "
        << percentile(latencies, 1.0) << '\n';
    // A ballot cast in the run's last instant may fall into a minute of its own: count it in the last.
    QList<KioskSwarm::Window> castMinutes = swarm.minutes();
    while (castMinutes.size() > std::max<qsizetype>(1, qsizetype(std::ceil(minutes)))) {
        const KioskSwarm::Window extra = castMinutes.takeLast();
        castMinutes.last().sent += extra.sent;
        castMinutes.last().answered += extra.answered;
        castMinutes.last().latenciesMs += extra.latenciesMs;
    }
    const QJsonArray perMinute = reportMinutes(castMinutes, samples);
    const QJsonObject memory = reportMemory(samples, warmIndex, tolerance, playerAccounts);
    out << "\ncontroller " << (controllerAlive ? "alive" : "DIED") << ", players died " << playersDied << ", players' last state:";
    for (const auto &p : players)
        out << ' ' << watcher.latest(p->account()).value(QStringLiteral("state")).toString();
    out << "\nload average at start " << loadAtStart << ", at end " << loadAtEnd << '\n';

    const QJsonObject json{{"benchmark", "soak"}, {"kiosks", kiosks}, {"ratePerKiosk", rate}, {"minutes", minutes},
                           {"players", playerCount}, {"sent", swarm.sent()}, {"acked", swarm.answered()},
                           {"dropped", swarm.outstanding()}, {"kioskDisconnections", swarm.disconnections()}, {"results", results},
                           {"ackMs", QJsonObject{{"p50", percentile(latencies, 0.5)}, {"p99", percentile(latencies, 0.99)}, {"max", percentile(latencies, 1.0)}}},
                           {"warmupSeconds", samples[warmIndex].atSeconds}, {"tolerancePercent", tolerance},
                           {"memory", memory}, {"perMinute", perMinute}, {"controllerAlive", controllerAlive},
                           {"playersDied", playersDied}, {"loadAverage", QJsonObject{{"start", loadAtStart}, {"end", loadAtEnd}}},
                           {"series", seriesJson(samples)}};
    QFile file(parser.value("json"));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(json).toJson()) < 0)
        return fail(QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    out << "figures written to " << file.fileName() << '\n';
    if (const int linger = parser.value("linger-seconds").toInt(); linger > 0) {
        out << "processes left running for " << linger << " s: controller pid " << controller.pid() << '\n';
        out.flush();
        QTest::qWait(linger * 1000);
    }
    for (const auto &p : players)
        p->terminate();
    controller.terminate();
    return controllerAlive && playersDied == 0 && swarm.outstanding() == 0 ? 0 : 1;
}
