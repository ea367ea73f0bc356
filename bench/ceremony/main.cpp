// bench/ceremony: how closely nodes act on a ceremony cue together.
//
// A real broker, the ceremony service on a controller connection, 4 players (real
// `festival-player --headless --ceremony` processes, each with its own show clock; their
// fire instants come from their status, appliedAtUs; or bare festival-cue-follower
// processes with --player-binary) and 50 followers as kiosks (one process: this one, each
// with its own broker connection). For every cue of
// the generated ceremony: the spread of the fire instants over all nodes (max - min, on
// the show clock), and the delay from the go to the last node firing. Prints a table and
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

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({{QStringLiteral("players"), QStringLiteral("Follower processes (players)."), QStringLiteral("n"), QStringLiteral("4")},
                       {QStringLiteral("kiosks"), QStringLiteral("Followers in this process (kiosks)."), QStringLiteral("n"), QStringLiteral("50")},
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
    MqttRequester requester(&organiser, Topics::replyPrefix(QStringLiteral("org")));
    organiser.open();
    const auto call = [&](const QString &op, const QJsonObject &args = {}) {
        std::optional<Reply> reply;
        requester.request(Topics::controllerRequest(QStringLiteral("org")), Request{op, args}.encode(), 10000,
                          [&](const RequesterResult &r) { reply = r.ok() ? Reply::decode(r.payload) : std::nullopt; if (!reply) reply = Reply::failure(QStringLiteral("no_reply"), r.errorString); });
        if (!QTest::qWaitFor([&] { return reply.has_value(); }, 15000))
            return Reply::failure(QStringLiteral("no_reply"), QStringLiteral("no reply"));
        return reply.value_or(Reply::failure(QStringLiteral("no_reply"), QStringLiteral("no reply")));
    };

    // Followers: kiosks here, players in their own processes.
    QHash<qint64, QList<qint64>> fired;   // seq -> fire instants
    std::vector<std::unique_ptr<MqttClient>> clients;
    std::vector<std::unique_ptr<CueFollower>> followers;
    const int kiosks = parser.value(QStringLiteral("kiosks")).toInt();
    for (int i = 0; i < kiosks; ++i) {
        clients.push_back(std::make_unique<MqttClient>(optionsFor(broker, QStringLiteral("kiosk-%1").arg(i))));
        followers.push_back(std::make_unique<CueFollower>(clients.back().get(), &clock));
        QObject::connect(followers.back().get(), &CueFollower::cueFired, [&](qint64 seq, qint64 at) { fired[seq] << at; });
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
    if (realPlayers) {
        observer.subscribe(QStringLiteral("fest/v1/node/+/status"), 1);
        QObject::connect(&observer, &MqttClient::messageReceived, [&](const MqttMessage &m) {
            const QJsonObject body = QJsonDocument::fromJson(m.payload).object();
            const QString account = m.topic.section(QLatin1Char('/'), 3, 3);
            const QJsonObject c = body.value(QStringLiteral("ceremony")).toObject();
            if (!account.startsWith(QLatin1String("player-")) || c.isEmpty())
                return;
            if (!playerSeq.contains(account) && body.value(QStringLiteral("clock")).toObject().value(QStringLiteral("synced")).toBool()) {
                playerSeq.insert(account, c.value(QStringLiteral("seq")).toInteger());
                ++ready;
            }
            const qint64 seq = c.value(QStringLiteral("seq")).toInteger();
            if (playerSeq.contains(account) && seq > playerSeq.value(account)) {
                playerSeq[account] = seq;
                fired[seq] << c.value(QStringLiteral("appliedAtUs")).toInteger();
            }
        });
        observer.open();
    }
    for (int i = 0; i < playerCount; ++i) {
        auto p = std::make_unique<QProcess>();
        QProcess *raw = p.get();
        QObject::connect(raw, &QProcess::readyReadStandardOutput, [&, raw] {
            while (raw->canReadLine()) {
                const QStringList w = QString::fromUtf8(raw->readLine()).trimmed().split(QLatin1Char(' '));
                if (w.first() == QLatin1String("ready"))
                    ++ready;
                else if (w.first() == QLatin1String("fired") && w.size() == 4)
                    fired[w.at(1).toLongLong()] << w.at(3).toLongLong();
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
    const auto allConnected = [&] {
        return std::all_of(clients.begin(), clients.end(), [](const auto &c) { return c->state() == MqttClient::State::Connected; });
    };
    if (!QTest::qWaitFor([&] { return ready == playerCount && allConnected() && controller.state() == MqttClient::State::Connected; }, 60000)) {
        const auto connected = std::count_if(clients.begin(), clients.end(), [](const auto &c) { return c->state() == MqttClient::State::Connected; });
        out << "followers did not connect (" << ready << " players ready, " << connected << " kiosks connected): " << broker.logText().right(2000) << "\n";
        for (auto &p : players)
            p->kill();
        for (auto &p : players)
            p->waitForFinished(5000);
        return 1;
    }

    call(QStringLiteral("ceremony.load"), {{"generate", true}});
    for (const AwardCategory &a : programme->awards)
        if (a.decidedBy == AwardCategory::DecidedBy::Jury)
            call(QStringLiteral("ceremony.set-winner"), {{"category", a.id}, {"film", a.nomineeFilmIds.first()}});
    call(QStringLiteral("ceremony.lock-audience"));

    const int nodes = kiosks + playerCount;
    QList<double> spreads, delays, lateness;
    int incomplete = 0;
    out << QStringLiteral("%1 nodes (%2 %3 processes, %4 kiosk followers in one process); lead 300 ms; wait %5; load %6\n\n")
               .arg(nodes).arg(playerCount).arg(playerBinary).arg(kiosks)
               .arg(qEnvironmentVariable("FEST_CUE_WAIT") == QLatin1String("spin") ? QStringLiteral("spin") : QStringLiteral("clock"))
               .arg(loadAverage());
    out << QStringLiteral("%1  %2  %3  %4\n").arg(QStringLiteral("cue"), 4).arg(QStringLiteral("type"), -8)
               .arg(QStringLiteral("spread ms"), 10).arg(QStringLiteral("go->last ms"), 12);
    QJsonArray perCue;
    for (int index = 0; index < service.cueCount(); ++index) {
        const qint64 goAt = clock.nowUs();
        const Reply reply = call(QStringLiteral("ceremony.go"));
        const qint64 seq = reply.result.value(QStringLiteral("seq")).toInteger();
        if (!reply.ok || !QTest::qWaitFor([&] { return fired.value(seq).size() == nodes; }, 5000)) {
            ++incomplete;
            out << "cue " << index << ": " << (reply.ok ? QStringLiteral("%1 of %2 nodes fired").arg(fired.value(seq).size()).arg(nodes) : reply.message) << "\n";
            continue;
        }
        const QList<qint64> &at = fired.value(seq);
        const auto [first, last] = std::minmax_element(at.begin(), at.end());
        const double spread = double(*last - *first) / 1000.0;
        const double delay = double(*last - goAt) / 1000.0;
        const qint64 executeAt = reply.result.value(QStringLiteral("executeAtUs")).toInteger();
        for (qint64 t : at)
            lateness << double(t - executeAt) / 1000.0;
        spreads << spread;
        delays << delay;
        const QString type = reply.result.value(QStringLiteral("current")).toObject().value(QStringLiteral("type")).toString();
        perCue.append(QJsonObject{{"index", index}, {"type", type}, {"spreadMs", spread}, {"goToLastFireMs", delay}});
        out << QStringLiteral("%1  %2  %3  %4\n").arg(index, 4).arg(type, -8).arg(spread, 10, 'f', 3).arg(delay, 12, 'f', 1);
    }
    const Stats spread = Stats::of(spreads), delay = Stats::of(delays), late = Stats::of(lateness);
    out << QStringLiteral("\nspread    p50 %1 ms  p99 %2 ms  max %3 ms  (goal p99 <= 2 ms: %4)\n")
               .arg(spread.p50, 0, 'f', 3).arg(spread.p99, 0, 'f', 3).arg(spread.max, 0, 'f', 3).arg(spread.p99 <= 2.0 ? "met" : "NOT met");
    out << QStringLiteral("go->last  p50 %1 ms  p99 %2 ms  max %3 ms\n").arg(delay.p50, 0, 'f', 1).arg(delay.p99, 0, 'f', 1).arg(delay.max, 0, 'f', 1);
    out << QStringLiteral("late      p50 %1 ms  p99 %2 ms  max %3 ms  (fire instant - executeAtUs, every node)\n")
               .arg(late.p50, 0, 'f', 3).arg(late.p99, 0, 'f', 3).arg(late.max, 0, 'f', 3);
    if (incomplete)
        out << incomplete << " cue(s) not fired by every node\n";
    QFile json(parser.value(QStringLiteral("out")));
    if (json.open(QIODevice::WriteOnly))
        json.write(QJsonDocument(QJsonObject{{"nodes", nodes}, {"players", playerCount}, {"playerBinary", playerBinary}, {"kiosks", kiosks}, {"leadMs", 300},
                                             {"wait", qEnvironmentVariable("FEST_CUE_WAIT") == QLatin1String("spin") ? "spin" : "clock"},
                                             {"loadAverage", loadAverage()},
                                             {"spread", spread.toJson()}, {"goToLastFire", delay.toJson()}, {"lateness", late.toJson()},
                                             {"incompleteCues", incomplete}, {"cues", perCue}}).toJson());
    out << "written " << json.fileName() << "\n";
    for (auto &p : players) {
        p->kill();
        p->waitForFinished(5000);
    }
    return incomplete == 0 ? 0 : 1;
}
