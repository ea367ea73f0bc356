// bench/ceremony: how closely nodes act on a ceremony cue together.
//
// A real broker, the ceremony service on a controller connection, 4 players (real
// `festival-player --headless --ceremony` processes, each with its own show clock; their
// fire instants come from their status, appliedAtUs; or bare festival-cue-follower
// processes with --player-binary) and 50 simulated kiosks, each with its own broker
// connection and show clock: by default each on a thread of its own (a real kiosk is a
// machine of its own), or all on this process's main thread (--kiosk-mode one-thread, as
// before). For every cue: which node fired when, the spread of the fire instants (max -
// min) over all nodes, among the players, among the kiosks, and on the machine's own
// clock (the show clocks' disagreement included), each node's lateness (fire instant -
// executeAtUs) and the delay from the go to the last node firing. Prints a table and
// writes JSON.
#include "ceremonyservice.h"
#include "cuefollower.h"
#include "gstreamerinit.h"
#include "mosquittoprocess.h"
#include "mqttclient.h"
#include "mqttrequester.h"
#include "programmejson.h"
#include "programmerepository.h"
#include "programmeservice.h"
#include "projectbinaries.h"
#include "showclock.h"
#include "showclockprovider.h"
#include "simulatedkiosk.h"
#include "wakeprobe.h"
#include "statepublisher.h"
#include "request.h"
#include "topics.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <map>

using namespace fest;

namespace {

struct Stats {
    double p50 = 0, p99 = 0, max = 0;
    static Stats of(QList<double> v)
    {
        Stats s;
        if (v.isEmpty())
            return s;
        std::sort(v.begin(), v.end());
        const auto at = [&](double q) { return v.at(qMin(v.size() - 1, qsizetype(q * double(v.size() - 1) + 0.5))); };
        s.p50 = at(0.5);
        s.p99 = at(0.99);
        s.max = v.last();
        return s;
    }
    QJsonObject toJson() const { return {{"p50Ms", p50}, {"p99Ms", p99}, {"maxMs", max}}; }
};

MqttOptions optionsFor(const MosquittoProcess &broker, const QString &user)
{
    MqttOptions o;
    o.host = broker.host();
    o.port = broker.port();
    o.username = user;
    o.clientId = user;
    return o;
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readLine()).section(QLatin1Char(' '), 0, 2) : QString();
}

// One node acting on one cue: the instant on its own show clock and, when known, on the
// machine's realtime clock (every node runs on this machine).
struct Fire {
    QString node;   // player-N, kiosk-N
    qint64 showUs = 0;
    std::optional<qint64> wallUs;
    // Simulated kiosks: when the cue timer's last stretch began (show clock; 0 = skipped).
    std::optional<qint64> lastStretchUs;
    std::optional<qint64> scheduledUs;   // simulated kiosks: when the message was taken in
    bool isPlayer() const { return node.startsWith(QLatin1String("player-")); }
    bool isAppKiosk() const { return node.startsWith(QLatin1String("app-kiosk-")); }
};

double spreadMs(const QList<Fire> &fires, const std::function<bool(const Fire &)> &counted)
{
    std::optional<qint64> low, high;
    for (const Fire &f : fires) {
        if (!counted(f))
            continue;
        low = qMin(low.value_or(f.showUs), f.showUs);
        high = qMax(high.value_or(f.showUs), f.showUs);
    }
    return low ? double(*high - *low) / 1000.0 : 0.0;
}

std::optional<double> wallSpreadMs(const QList<Fire> &fires)
{
    QList<qint64> wall;
    for (const Fire &f : fires)
        if (f.wallUs)
            wall << *f.wallUs;
    const auto [low, high] = std::minmax_element(wall.begin(), wall.end());
    return wall.isEmpty() ? std::nullopt : std::optional<double>(double(*high - *low) / 1000.0);
}

QString statsLine(const QString &label, const Stats &s, int decimals = 3)
{
    return QStringLiteral("%1 p50 %2  p99 %3  max %4 ms\n").arg(label, -26).arg(s.p50, 7, 'f', decimals)
        .arg(s.p99, 7, 'f', decimals).arg(s.max, 7, 'f', decimals);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({{QStringLiteral("players"), QStringLiteral("Follower processes (players)."), QStringLiteral("n"), QStringLiteral("4")},
                       {QStringLiteral("kiosks"), QStringLiteral("Simulated kiosks (in this process)."), QStringLiteral("n"), QStringLiteral("50")},
                       {QStringLiteral("kiosk-mode"), QStringLiteral("threads (a thread per kiosk) or one-thread (every kiosk on the main thread)."), QStringLiteral("mode"), QStringLiteral("threads")},
                       {QStringLiteral("warmup"), QStringLiteral("Seconds the nodes run after their clocks synced before the first cue (a net clock still converges for a few seconds after it reports sync; on a festival day nodes have run for hours)."), QStringLiteral("s"), QStringLiteral("15")},
                       {QStringLiteral("cues"), QStringLiteral("Cues to step (the 42-cue ceremony starts again after its last cue)."), QStringLiteral("n"), QStringLiteral("42")},
                       {QStringLiteral("app-kiosks"), QStringLiteral("Real festival-kiosk processes (offscreen, software rendering) besides the simulated kiosks."), QStringLiteral("n"), QStringLiteral("0")},
                       {QStringLiteral("player-binary"), QStringLiteral("festival-player or festival-cue-follower."), QStringLiteral("name"), QStringLiteral("festival-player")},
                       {QStringLiteral("out"), QStringLiteral("JSON results file."), QStringLiteral("file"), QStringLiteral("ceremony.json")}});
    parser.process(app);
    QLoggingCategory::setFilterRules(QStringLiteral("fest.mqtt.debug=false\nfest.mqtt.info=false\nfest.ceremony.info=false\nfest.clock.info=false"));
    QTextStream out(stdout);
    GStreamerInit::ensure();

    QTemporaryDir dir;
    MosquittoProcess broker;
    MosquittoProcess::Limits limits;
    limits.maxQueuedMessages = 10000;
    broker.setLimits(limits);
    QString error;
    if (!broker.start(&error)) {
        out << "cannot start mosquitto: " << error << "\n";
        return 1;
    }
    ShowClockProvider provider(0, QStringLiteral("127.0.0.1"));
    ShowClock clock(QStringLiteral("127.0.0.1"), provider.port());
    if (!provider.isValid() || !clock.waitForSync(10000)) {
        out << "the show clock did not sync\n";
        return 1;
    }

    QFile sample(QStringLiteral(FEST_SOURCE_DIR "/config/programme.sample.json"));
    sample.open(QIODevice::ReadOnly);
    const std::optional<Programme> programme = ProgrammeJson::decode(sample.readAll(), nullptr);
    std::optional<Database> controllerDb = Database::open(dir.filePath(QStringLiteral("controller.db")), {}, &error);
    std::optional<Database> ceremonyDb = CeremonyStore::openDatabase(dir.filePath(QStringLiteral("ceremony.db")), &error);
    if (!programme || !controllerDb || !ceremonyDb) {
        out << "setup failed: " << error << "\n";
        return 1;
    }
    ProgrammeRepository repository(*controllerDb);
    repository.migrate(&error);
    MqttClient controller(optionsFor(broker, QStringLiteral("controller")));
    StatePublisher publisher(&controller);
    ProgrammeService programmeService(repository, publisher, {});
    programmeService.replace(*programme, {QStringLiteral("controller"), QStringLiteral("controller")}, QStringLiteral("programme.seed"), {});
    CeremonyService service(&controller, *ceremonyDb, programmeService);
    service.setClock([&clock] { return clock.nowUs(); });
    service.setAudienceRanking([&](QString *) { return std::optional<QStringList>(programme->awards.last().nomineeFilmIds); });
    service.migrate(&error);
    CommandRouter router(&controller, {{QStringLiteral("org"), QStringLiteral("organiser")}});
    service.registerOperations(router);
    QObject::connect(&controller, &MqttClient::messageReceived, &router, [&](const MqttMessage &m) { router.handle(m); });
    controller.subscribe(CommandRouter::subscription(), 1);
    controller.open();
    MqttClient organiser(optionsFor(broker, QStringLiteral("org")));
    MqttRequester requester(&organiser, Topics::controllerReplyPrefix(QStringLiteral("org")));
    organiser.open();
    const auto call = [&](const QString &op, const QJsonObject &args = {}) {
        std::optional<Reply> reply;
        requester.request(Topics::controllerRequest(QStringLiteral("org")), Request{op, args}.encode(), 10000,
                          [&](const RequesterResult &r) { reply = r.ok() ? Reply::decode(r.payload) : std::nullopt; if (!reply) reply = Reply::noAnswer(r.errorString); });
        if (!QTest::qWaitFor([&] { return reply.has_value(); }, 15000))
            return Reply::noAnswer(QStringLiteral("no reply"));
        return reply.value_or(Reply::noAnswer(QStringLiteral("no reply")));
    };

    // Kiosks in this process, players in their own processes.
    QHash<qint64, QList<Fire>> fired;   // seq -> who fired when
    const int kiosks = parser.value(QStringLiteral("kiosks")).toInt();
    const bool kioskThreads = parser.value(QStringLiteral("kiosk-mode")) != QLatin1String("one-thread");
    std::vector<std::unique_ptr<MqttClient>> clients;         // one-thread mode
    std::vector<std::unique_ptr<CueFollower>> followers;      // one-thread mode
    std::vector<std::unique_ptr<SimulatedKiosk>> kioskThreadList;
    for (int i = 0; i < kiosks; ++i) {
        const QString name = QStringLiteral("kiosk-%1").arg(i);
        if (kioskThreads) {
            kioskThreadList.push_back(std::make_unique<SimulatedKiosk>(i, optionsFor(broker, name), QStringLiteral("127.0.0.1"), provider.port()));
            QObject::connect(kioskThreadList.back().get(), &SimulatedKiosk::fired, &app, [&](int index, qint64 seq, qint64 at, qint64 wall, qint64 stretch, qint64 scheduled) {
                fired[seq] << Fire{QStringLiteral("kiosk-%1").arg(index), at, wall, stretch, scheduled};
            });
            kioskThreadList.back()->start();
            continue;
        }
        clients.push_back(std::make_unique<MqttClient>(optionsFor(broker, name)));
        followers.push_back(std::make_unique<CueFollower>(clients.back().get(), &clock));
        QObject::connect(followers.back().get(), &CueFollower::cueFired, [&, name](qint64 seq, qint64 at) {
            fired[seq] << Fire{name, at, at - (clock.nowUs() - SimulatedKiosk::realtimeUs())};
        });
        clients.back()->open();
    }
    std::vector<std::unique_ptr<QProcess>> players;
    const int playerCount = parser.value(QStringLiteral("players")).toInt();
    const QString playerBinary = parser.value(QStringLiteral("player-binary"));
    const bool realPlayers = playerBinary == QLatin1String("festival-player");
    const QStringList screens{QStringLiteral("HALL-1"), QStringLiteral("CINE-1"), QStringLiteral("CINE-2"),
                              QStringLiteral("ARTS-1"), QStringLiteral("ARTS-2"), QStringLiteral("LIB-1")};
    int ready = 0;
    // Real players report what they applied in their retained status.
    MqttClient observer(optionsFor(broker, QStringLiteral("observer")));
    QHash<QString, qint64> playerSeq;   // account -> last applied seq
    const int appKiosks = parser.value(QStringLiteral("app-kiosks")).toInt();
    if (realPlayers || appKiosks > 0) {
        observer.subscribe(QStringLiteral("fest/v1/node/+/status"), 1);
        QObject::connect(&observer, &MqttClient::messageReceived, [&](const MqttMessage &m) {
            const QJsonObject body = QJsonDocument::fromJson(m.payload).object();
            const QString account = m.topic.section(QLatin1Char('/'), 3, 3);
            const QJsonObject c = body.value(QStringLiteral("ceremony")).toObject();
            const bool appKiosk = account.startsWith(QLatin1String("app-kiosk-"));
            if (!(appKiosk || (realPlayers && account.startsWith(QLatin1String("player-")))) || c.isEmpty())
                return;
            // A kiosk does not publish again when its clock syncs: the warm-up covers it.
            const bool synced = appKiosk || body.value(QStringLiteral("clock")).toObject().value(QStringLiteral("synced")).toBool();
            if (!playerSeq.contains(account) && synced) {
                playerSeq.insert(account, c.value(QStringLiteral("seq")).toInteger());
                ++ready;
            }
            const qint64 seq = c.value(QStringLiteral("seq")).toInteger();
            if (playerSeq.contains(account) && seq > playerSeq.value(account)) {
                playerSeq[account] = seq;
                // A player's status carries its show clock's offset from the machine's clock;
                // a kiosk's does not.
                const qint64 at = c.value(QStringLiteral("appliedAtUs")).toInteger();
                const QJsonObject clockStatus = body.value(QStringLiteral("clock")).toObject();
                fired[seq] << Fire{account, at, clockStatus.contains(QStringLiteral("offsetUs"))
                                                    ? std::optional<qint64>(at - clockStatus.value(QStringLiteral("offsetUs")).toInteger())
                                                    : std::nullopt};
            }
        });
        observer.open();
    }
    for (int i = 0; i < playerCount; ++i) {
        auto p = std::make_unique<QProcess>();
        QProcess *raw = p.get();
        QObject::connect(raw, &QProcess::readyReadStandardOutput, [&, raw, i] {
            while (raw->canReadLine()) {
                const QStringList w = QString::fromUtf8(raw->readLine()).trimmed().split(QLatin1Char(' '));
                if (w.first() == QLatin1String("ready"))
                    ++ready;
                else if (w.first() == QLatin1String("fired") && w.size() == 4)
                    fired[w.at(1).toLongLong()] << Fire{QStringLiteral("player-%1").arg(i), w.at(3).toLongLong(), std::nullopt};
            }
        });
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("fest.*.debug=false;fest.*.info=false"));
        p->setProcessEnvironment(env);
        const QString clockAddress = QStringLiteral("127.0.0.1:%1").arg(provider.port());
        if (realPlayers) {
            const QString screen = screens.at(i % screens.size()) + (i < screens.size() ? QString() : QString::number(i));
            p->start(projectBinary(playerBinary),
                     {QStringLiteral("--headless"), QStringLiteral("--ceremony"), QStringLiteral("--screen"), screen,
                      QStringLiteral("--account"), QStringLiteral("player-%1").arg(i), QStringLiteral("--broker"), broker.url(),
                      QStringLiteral("--clock"), clockAddress, QStringLiteral("--media"), dir.filePath(QStringLiteral("media")),
                      QStringLiteral("--cache"), dir.filePath(QStringLiteral("player-%1.json").arg(i))});
        } else {
            p->start(projectBinary(playerBinary),
                     {QStringLiteral("--broker"), broker.url(), QStringLiteral("--clock"), clockAddress,
                      QStringLiteral("--account"), QStringLiteral("player-%1").arg(i)});
        }
        players.push_back(std::move(p));
    }
    for (int i = 0; i < appKiosks; ++i) {
        const QString id = QStringLiteral("app-kiosk-%1").arg(i);
        auto p = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("fest.*.debug=false;fest.*.info=false"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("QT_QUICK_BACKEND"), QStringLiteral("software"));
        p->setProcessEnvironment(env);
        p->start(projectBinary(QStringLiteral("festival-kiosk")),
                 {QStringLiteral("--set"), QStringLiteral("broker/url=") + broker.url(), QStringLiteral("--set"), QStringLiteral("kiosk/id=") + id,
                  QStringLiteral("--set"), QStringLiteral("kiosk/venue=V-HALL"), QStringLiteral("--set"),
                  QStringLiteral("kiosk/outbox=") + dir.filePath(id + QStringLiteral(".db")),
                  QStringLiteral("--clock"), QStringLiteral("127.0.0.1:%1").arg(provider.port())});
        players.push_back(std::move(p));
    }
    const auto kiosksConnected = [&] {
        return std::count_if(clients.begin(), clients.end(), [](const auto &c) { return c->state() == MqttClient::State::Connected; })
            + std::count_if(kioskThreadList.begin(), kioskThreadList.end(), [](const auto &k) { return k->isConnected(); });
    };
    const auto allConnected = [&] { return kiosksConnected() == kiosks; };
    if (!QTest::qWaitFor([&] { return ready == playerCount + appKiosks && allConnected() && controller.state() == MqttClient::State::Connected; }, 60000)) {
        const auto connected = kiosksConnected();
        out << "followers did not connect (" << ready << " players ready, " << connected << " kiosks connected): " << broker.logText().right(2000) << "\n";
        for (auto &p : players)
            p->kill();
        for (auto &p : players)
            p->waitForFinished(5000);
        return 1;
    }

    const int warmupS = parser.value(QStringLiteral("warmup")).toInt();
    QTest::qWait(warmupS * 1000);
    call(QStringLiteral("ceremony.load"), {{"generate", true}});
    for (const AwardCategory &a : programme->awards)
        if (a.decidedBy == AwardCategory::DecidedBy::Jury)
            call(QStringLiteral("ceremony.set-winner"), {{"category", a.id}, {"film", a.nomineeFilmIds.first()}});
    call(QStringLiteral("ceremony.lock-audience"));

    const int nodes = kiosks + playerCount + appKiosks;
    const QString waitName = qEnvironmentVariable("FEST_CUE_WAIT") == QLatin1String("spin") ? QStringLiteral("spin") : QStringLiteral("clock");
    const QString kioskMode = kioskThreads ? QStringLiteral("threads") : QStringLiteral("one-thread");
    QList<double> spreads, playerSpreads, kioskSpreads, wallSpreads, delays, playerLate, kioskLate, appKioskLate, probeLate;
    WakeProbe probe;
    QList<double> stretchLeads;   // ms from the start of a kiosk's last stretch to the instant
    QList<double> messageLeads;   // ms from a kiosk taking in the cue's message to the instant
    int lateFires = 0, lateStretchStarts = 0;   // kiosk fires over 1 ms late; of those, last stretch begun after the instant
    std::map<QString, int> lastCount;   // node -> cues on which it fired last
    std::map<QString, QList<double>> lateByNode;
    int incomplete = 0;
    out << QStringLiteral("%1 nodes (%2 %3 processes, %4 simulated kiosks: %5, %6 festival-kiosk processes); lead 300 ms; wait %7; warm-up %8 s; load %9\n\n")
               .arg(nodes).arg(playerCount).arg(playerBinary).arg(kiosks).arg(kioskMode).arg(appKiosks).arg(waitName).arg(warmupS).arg(loadAverage());
    out << "spread of the fire instants (ms): all nodes, players, kiosks, all on the machine's clock; the last node;\n"
           "the probe's lateness (ms: a bare real-time thread woken at the instant by the kernel)\n";
    out << QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8  %9\n").arg(QStringLiteral("cue"), 4).arg(QStringLiteral("type"), -8)
               .arg(QStringLiteral("all"), 8).arg(QStringLiteral("players"), 8).arg(QStringLiteral("kiosks"), 8)
               .arg(QStringLiteral("wall"), 8).arg(QStringLiteral("last"), -10).arg(QStringLiteral("probe"), 6).arg(QStringLiteral("go->last ms"), 11);
    QJsonArray perCue;
    const int cueSteps = parser.value(QStringLiteral("cues")).toInt();
    int index = -1;
    for (int step = 0; step < cueSteps; ++step) {
        const qint64 goAt = clock.nowUs();
        // Round again after the last cue: a goto is published like a go.
        const bool again = index == service.cueCount() - 1;
        const Reply reply = again ? call(QStringLiteral("ceremony.goto"), {{"index", 0}}) : call(QStringLiteral("ceremony.go"));
        index = again ? 0 : index + 1;
        const qint64 seq = reply.result.value(QStringLiteral("seq")).toInteger();
        const qint64 executeAt = reply.result.value(QStringLiteral("executeAtUs")).toInteger();
        if (reply.ok)
            probe.arm(executeAt - (clock.nowUs() - SimulatedKiosk::realtimeUs()));
        if (!reply.ok || !QTest::qWaitFor([&] { return fired.value(seq).size() == nodes; }, 5000)) {
            ++incomplete;
            out << "cue " << index << ": " << (reply.ok ? QStringLiteral("%1 of %2 nodes fired").arg(fired.value(seq).size()).arg(nodes) : reply.message) << "\n";
            continue;
        }
        const QList<Fire> &at = fired.value(seq);
        const double probeMs = double(probe.lateUs()) / 1000.0;
        probeLate << probeMs;
        const Fire &lastFire = *std::max_element(at.begin(), at.end(), [](const Fire &a, const Fire &b) { return a.showUs < b.showUs; });
        const double spread = spreadMs(at, [](const Fire &) { return true; });
        const double playerSpread = spreadMs(at, [](const Fire &f) { return f.isPlayer(); });
        const double kioskSpread = spreadMs(at, [](const Fire &f) { return !f.isPlayer(); });
        const std::optional<double> wallSpread = wallSpreadMs(at);
        const double delay = double(lastFire.showUs - goAt) / 1000.0;
        QJsonArray nodeFires;
        for (const Fire &f : at) {
            const double late = double(f.showUs - executeAt) / 1000.0;
            (f.isPlayer() ? playerLate : f.isAppKiosk() ? appKioskLate : kioskLate) << late;
            lateByNode[f.node] << late;
            if (f.scheduledUs)
                messageLeads << double(executeAt - *f.scheduledUs) / 1000.0;
            if (f.lastStretchUs) {
                const bool skipped = *f.lastStretchUs == 0 || *f.lastStretchUs > executeAt;
                if (*f.lastStretchUs != 0)
                    stretchLeads << double(executeAt - *f.lastStretchUs) / 1000.0;
                if (late > 1.0) {
                    ++lateFires;
                    lateStretchStarts += skipped ? 1 : 0;
                }
            }
            nodeFires.append(QJsonObject{{"node", f.node}, {"lateUs", f.showUs - executeAt},
                                         {"lastStretchLeadUs", f.lastStretchUs && *f.lastStretchUs ? QJsonValue(executeAt - *f.lastStretchUs) : QJsonValue()},
                                         {"messageLeadUs", f.scheduledUs ? QJsonValue(executeAt - *f.scheduledUs) : QJsonValue()},
                                         {"wallUs", f.wallUs ? QJsonValue(*f.wallUs) : QJsonValue()}});
        }
        ++lastCount[lastFire.node];
        spreads << spread;
        playerSpreads << playerSpread;
        kioskSpreads << kioskSpread;
        if (wallSpread)
            wallSpreads << *wallSpread;
        delays << delay;
        const QString type = reply.result.value(QStringLiteral("current")).toObject().value(QStringLiteral("type")).toString();
        perCue.append(QJsonObject{{"index", index}, {"type", type}, {"spreadMs", spread}, {"playerSpreadMs", playerSpread},
                                  {"kioskSpreadMs", kioskSpread}, {"wallSpreadMs", wallSpread ? QJsonValue(*wallSpread) : QJsonValue()},
                                  {"lastNode", lastFire.node}, {"probeLateMs", probeMs}, {"goToLastFireMs", delay}, {"fires", nodeFires}});
        out << QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8  %9\n").arg(index, 4).arg(type, -8).arg(spread, 8, 'f', 3)
                   .arg(playerSpread, 8, 'f', 3).arg(kioskSpread, 8, 'f', 3)
                   .arg(wallSpread ? QString::number(*wallSpread, 'f', 3) : QStringLiteral("-"), 8)
                   .arg(lastFire.node, -10).arg(probeMs, 6, 'f', 3).arg(delay, 11, 'f', 1);
    }
    const Stats spread = Stats::of(spreads), delay = Stats::of(delays);
    out << "\nspread (max - min fire instant, show clocks; the machine clock's: nodes that report their clock offset), per cue:\n";
    out << statsLine(QStringLiteral("  all nodes"), spread);
    out << statsLine(QStringLiteral("  players"), Stats::of(playerSpreads));
    out << statsLine(QStringLiteral("  kiosks"), Stats::of(kioskSpreads));
    if (!wallSpreads.isEmpty())
        out << statsLine(QStringLiteral("  on the machine clock"), Stats::of(wallSpreads));
    out << "lateness (fire instant - executeAtUs), every fire:\n";
    out << statsLine(QStringLiteral("  players"), Stats::of(playerLate));
    out << statsLine(QStringLiteral("  kiosks"), Stats::of(kioskLate));
    if (appKiosks > 0)
        out << statsLine(QStringLiteral("  festival-kiosk processes"), Stats::of(appKioskLate));
    out << statsLine(QStringLiteral("  probe (kernel wake-up)"), Stats::of(probeLate));
    out << statsLine(QStringLiteral("go -> last fire"), delay, 1);
    if (!stretchLeads.isEmpty()) {
        QList<double> negated;
        for (double lead : stretchLeads)
            negated << -lead;
        const Stats lead = Stats::of(stretchLeads), shortest = Stats::of(negated);
        out << QStringLiteral("kiosks' last stretch began before the instant: p50 %1 ms, shortest %2 / %3 ms (1%, min)\n")
                   .arg(lead.p50, 0, 'f', 2).arg(-shortest.p99, 0, 'f', 2).arg(-shortest.max, 0, 'f', 2);
        QList<double> negatedMessage;
        for (double lead : messageLeads)
            negatedMessage << -lead;
        out << QStringLiteral("kiosks took in the cue's message before the instant: p50 %1 ms, shortest %2 ms\n")
                   .arg(Stats::of(messageLeads).p50, 0, 'f', 1).arg(-Stats::of(negatedMessage).max, 0, 'f', 1);
        out << QStringLiteral("kiosk fires over 1 ms late: %1, of which %2 began their last stretch only after the instant\n")
                   .arg(lateFires).arg(lateStretchStarts);
    }
    out << QStringLiteral("goal spread p99 <= 2 ms: %1\n").arg(spread.p99 <= 2.0 ? "met" : "NOT met");
    std::vector<std::pair<QString, int>> lasts(lastCount.begin(), lastCount.end());
    std::sort(lasts.begin(), lasts.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    out << "fired last most often:";
    for (size_t i = 0; i < qMin<size_t>(lasts.size(), 6); ++i)
        out << " " << lasts[i].first << " x" << lasts[i].second;
    out << "\n";
    QJsonObject nodeLateness;
    for (const auto &[node, late] : lateByNode)
        nodeLateness.insert(node, Stats::of(late).toJson());
    if (incomplete)
        out << incomplete << " cue(s) not fired by every node\n";
    QFile json(parser.value(QStringLiteral("out")));
    if (json.open(QIODevice::WriteOnly))
        json.write(QJsonDocument(QJsonObject{{"nodes", nodes}, {"players", playerCount}, {"playerBinary", playerBinary}, {"kiosks", kiosks}, {"appKiosks", appKiosks},
                                             {"kioskMode", kioskMode}, {"warmupS", warmupS}, {"leadMs", 300}, {"wait", waitName}, {"loadAverage", loadAverage()},
                                             {"spread", spread.toJson()}, {"playerSpread", Stats::of(playerSpreads).toJson()},
                                             {"kioskSpread", Stats::of(kioskSpreads).toJson()}, {"wallSpread", Stats::of(wallSpreads).toJson()},
                                             {"goToLastFire", delay.toJson()}, {"playerLateness", Stats::of(playerLate).toJson()},
                                             {"kioskLateness", Stats::of(kioskLate).toJson()},
                                             {"probeLateness", Stats::of(probeLate).toJson()},
                                             {"kioskLastStretchLead", Stats::of(stretchLeads).toJson()},
                                             {"kioskFiresOver1MsLate", lateFires}, {"ofWhichLastStretchAfterInstant", lateStretchStarts},
                                             {"appKioskLateness", Stats::of(appKioskLate).toJson()}, {"nodeLateness", nodeLateness},
                                             {"incompleteCues", incomplete}, {"cues", perCue}}).toJson());
    out << "written " << json.fileName() << "\n";
    for (auto &p : players) {
        p->kill();
        p->waitForFinished(5000);
    }
    return incomplete == 0 ? 0 : 1;
}
