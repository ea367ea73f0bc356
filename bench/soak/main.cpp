// bench_soak: K simulated kiosks (default 200) casting ballots at R per second each
// (default 2) for M minutes (default 10) against the real festival-controller, with
// headless festival-player processes playing a programme meanwhile. Reports the ack
// latency (p50/p99/max, overall and per sample window), ballots dropped (never answered),
// and the resident memory of the controller, the broker and each player over time, with
// the growth of each from the first to the last quarter of the run (goal: flat within
// 10%). Prints a table and writes JSON (default <build>/bench/soak/bench_soak.json).
#include "kioskswarm.h"
#include "mediagenerator.h"
#include "memorysampler.h"
#include "mosquittoprocess.h"
#include "playerprocess.h"
#include "scenariocontroller.h"
#include "scenarioprogramme.h"
#include "scenariotickets.h"
#include "statuswatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <algorithm>

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

struct Sample {
    double atSeconds = 0;
    qint64 sent = 0;
    qint64 answered = 0;
    double p99Ms = 0;
    qint64 controllerKb = 0;
    qint64 brokerKb = 0;
    QList<qint64> playersKb;
};

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
        {"json", "Where to write the figures.", "file", QStringLiteral(FEST_BENCH_OUTPUT_DIR "/bench_soak.json")},
    });
    parser.process(app);
    const double minutes = parser.value("minutes").toDouble();
    const int kiosks = parser.value("kiosks").toInt();
    const double rate = parser.value("rate").toDouble();
    const int playerCount = parser.value("players").toInt();
    const int sampleSeconds = std::max(1, parser.value("sample-seconds").toInt());
    if (minutes <= 0 || kiosks <= 0 || rate <= 0 || playerCount < 0)
        return fail(QStringLiteral("--minutes, --kiosks and --rate must be above 0, --players 0 or more"));

    QTemporaryDir dir;
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
    const qint64 brokerPid = MemorySampler::pidWithArgument(broker.filePath(QStringLiteral("mosquitto.conf")));

    out << "soak: " << kiosks << " kiosks x " << rate << " ballots/s for " << minutes << " min, " << playerCount
        << " players (load average at start: " << [] {
               QFile f(QStringLiteral("/proc/loadavg"));
               return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).section(u' ', 0, 2) : QString();
           }() << ")\n";
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n").arg("t (s)", 6).arg("sent", 8).arg("acked", 8).arg("p99 ms", 8)
               .arg("ctrl kB", 9).arg("broker kB", 10).arg("players kB", 12);
    QList<Sample> samples;
    QElapsedTimer run;
    run.start();
    swarm.start();
    const auto sample = [&] {
        const KioskSwarm::Window w = swarm.takeWindow();
        Sample s{double(run.elapsed()) / 1000.0, w.sent, w.answered, percentile(w.latenciesMs, 0.99),
                 controller.rssKb(), MemorySampler::rssKb(brokerPid), {}};
        QStringList playersKb;
        for (const auto &p : players) {
            s.playersKb << MemorySampler::rssKb(p->pid());
            playersKb << QString::number(s.playersKb.last());
        }
        samples << s;
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n").arg(s.atSeconds, 6, 'f', 0).arg(s.sent, 8).arg(s.answered, 8)
                   .arg(s.p99Ms, 8, 'f', 1).arg(s.controllerKb, 9).arg(s.brokerKb, 10).arg(playersKb.join(u'/'), 12);
        out.flush();
    };
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, sample);
    sampler.start(sampleSeconds * 1000);
    QTest::qWait(int(minutes * 60 * 1000));
    swarm.stop();
    (void)QTest::qWaitFor([&] { return swarm.outstanding() == 0; }, 15000);
    sampler.stop();
    sample();

    int playersDied = 0;
    for (const auto &p : players)
        playersDied += !p->isRunning();
    const bool controllerAlive = controller.isRunning();
    const QList<double> &latencies = swarm.latenciesMs();
    const int warm = std::min<int>(int(60 / sampleSeconds), int(samples.size() / 4));
    QList<qint64> controllerKb, brokerKb;
    QList<QList<qint64>> playerKb(playerCount);
    for (const Sample &s : samples) {
        controllerKb << s.controllerKb;
        brokerKb << s.brokerKb;
        for (int p = 0; p < playerCount; ++p)
            playerKb[p] << s.playersKb.value(p);
    }
    QJsonObject growth{{"controller", MemorySampler::growthPercent(controllerKb, warm)},
                       {"broker", MemorySampler::growthPercent(brokerKb, warm)}};
    for (int p = 0; p < playerCount; ++p)
        growth.insert(players[size_t(p)]->account(), MemorySampler::growthPercent(playerKb[p], warm));
    QJsonObject results;
    for (auto it = swarm.results().cbegin(); it != swarm.results().cend(); ++it)
        results.insert(it.key(), it.value());

    out << "\nsent " << swarm.sent() << ", acked " << swarm.answered() << ", dropped (never answered) " << swarm.outstanding()
        << ", kiosk disconnections " << swarm.disconnections() << '\n';
    out << "ack latency ms: p50 " << percentile(latencies, 0.5) << ", p99 " << percentile(latencies, 0.99) << ", max "
        << percentile(latencies, 1.0) << '\n';
    out << "memory growth, first to last quarter after warm-up (%): " << QJsonDocument(growth).toJson(QJsonDocument::Compact) << '\n';
    out << "controller " << (controllerAlive ? "alive" : "DIED") << ", players died " << playersDied << ", players' last state:";
    for (const auto &p : players)
        out << ' ' << watcher.latest(p->account()).value(QStringLiteral("state")).toString();
    out << '\n';

    QJsonArray series;
    for (const Sample &s : samples) {
        QJsonArray pk;
        for (qint64 k : s.playersKb)
            pk.append(k);
        series.append(QJsonObject{{"atSeconds", s.atSeconds}, {"sent", s.sent}, {"acked", s.answered}, {"p99Ms", s.p99Ms},
                                  {"controllerKb", s.controllerKb}, {"brokerKb", s.brokerKb}, {"playersKb", pk}});
    }
    const QJsonObject json{{"benchmark", "soak"}, {"kiosks", kiosks}, {"ratePerKiosk", rate}, {"minutes", minutes},
                           {"players", playerCount}, {"sent", swarm.sent()}, {"acked", swarm.answered()},
                           {"dropped", swarm.outstanding()}, {"results", results},
                           {"ackMs", QJsonObject{{"p50", percentile(latencies, 0.5)}, {"p99", percentile(latencies, 0.99)}, {"max", percentile(latencies, 1.0)}}},
                           {"memoryGrowthPercent", growth}, {"controllerAlive", controllerAlive}, {"playersDied", playersDied},
                           {"series", series}};
    QFile file(parser.value("json"));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(json).toJson()) < 0)
        return fail(QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    out << "figures written to " << file.fileName() << '\n';
    for (const auto &p : players)
        p->terminate();
    controller.terminate();
    return controllerAlive && playersDied == 0 && swarm.outstanding() == 0 ? 0 : 1;
}
