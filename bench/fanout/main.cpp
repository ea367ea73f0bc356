// bench/fanout: how long a programme change takes to reach every node.
//
// A real broker and the real festival-controller (with a generated 1,300-film, 100-screen
// programme); N simulated players, each subscribed to its screen's playlist, in this
// process. Each round an organiser moves a screening; every node records when the new
// version's playlist arrives, against the controller's commit time carried in the message.
// Baseline in the same run: the same payloads published raw to the same topics by a plain
// client, timed from just before the first publish.
#include "envelope.h"
#include "mosquittoprocess.h"
#include "mqttclient.h"
#include "mqttrequester.h"
#include "reply.h"
#include "request.h"
#include "programmegenerator.h"
#include "programmejson.h"
#include "projectbinaries.h"
#include "topics.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace fest;

namespace {

// Runs the event loop until done() or the time is up; says so on stderr when it gave up.
bool waitFor(const std::function<bool()> &done, int timeoutMs, const char *what)
{
    if (QTest::qWaitFor(done, timeoutMs))
        return true;
    qWarning() << "gave up waiting for" << what;
    return false;
}

qint64 nowUs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

struct Stats {
    double p50 = 0, p99 = 0, max = 0;
    int samples = 0;
};

Stats stats(QList<double> v)
{
    Stats s;
    if (v.isEmpty())
        return s;
    std::sort(v.begin(), v.end());
    auto at = [&](double q) { return v[qMin(v.size() - 1, qsizetype(q * (v.size() - 1) + 0.5))]; };
    s.p50 = at(0.5);
    s.p99 = at(0.99);
    s.max = v.last();
    s.samples = int(v.size());
    return s;
}

QJsonObject toJson(const Stats &s)
{
    return {{"p50Ms", s.p50}, {"p99Ms", s.p99}, {"maxMs", s.max}, {"samples", s.samples}};
}

struct Node {
    std::unique_ptr<MqttClient> client;
    QString screen;
};

// N connected nodes, each on one screen's playlist topic.
std::vector<Node> connectNodes(const MosquittoProcess &broker, const QStringList &screens, int count)
{
    std::vector<Node> nodes;
    for (int i = 0; i < count; ++i) {
        MqttOptions o;
        o.port = broker.port();
        o.clientId = QStringLiteral("bench-node-%1").arg(i);
        Node n{std::make_unique<MqttClient>(o), screens[i % screens.size()]};
        n.client->subscribe(Topics::playlist(n.screen), 1);
        n.client->open();
        nodes.push_back(std::move(n));
    }
    waitFor([&] {
        return std::all_of(nodes.begin(), nodes.end(), [](const Node &n) { return n.client->state() == MqttClient::State::Connected; });
    }, 30000, "nodes to connect");
    QTest::qWait(500);  // retained copies delivered and ignored
    return nodes;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Programme change fan-out: controller commit to node receipt, against raw broker fan-out."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("nodes"), QStringLiteral("Comma-separated node counts (default 50,200)."), QStringLiteral("list"), QStringLiteral("50,200")},
        {QStringLiteral("rounds"), QStringLiteral("Changes per node count (default 20)."), QStringLiteral("n"), QStringLiteral("20")},
        {QStringLiteral("films"), QStringLiteral("Films in the programme (default 1300)."), QStringLiteral("n"), QStringLiteral("1300")},
        {QStringLiteral("screens"), QStringLiteral("Screens (default 100)."), QStringLiteral("n"), QStringLiteral("100")},
        {QStringLiteral("out"), QStringLiteral("JSON results file (default fanout.json)."), QStringLiteral("file"), QStringLiteral("fanout.json")},
    });
    parser.process(app);
    QTextStream out(stdout);

    QTemporaryDir dir;
    MosquittoProcess broker;
    broker.setLimits({16 * 1024 * 1024, 100000, 120});
    QString error;
    if (!broker.start(&error)) {
        qCritical().noquote() << "cannot start mosquitto:" << error;
        return 1;
    }

    ProgrammeGenerator::Options gen;
    gen.films = parser.value(QStringLiteral("films")).toInt();
    gen.screens = parser.value(QStringLiteral("screens")).toInt();
    const Programme programme = ProgrammeGenerator::generate(gen);
    const QByteArray programmeJson = ProgrammeJson::encode(programme);
    QFile seed(dir.filePath(QStringLiteral("programme.json")));
    if (!seed.open(QIODevice::WriteOnly) || seed.write(programmeJson) != programmeJson.size())
        return 1;
    seed.close();
    QFile ini(dir.filePath(QStringLiteral("controller.ini")));
    if (!ini.open(QIODevice::WriteOnly))
        return 1;
    ini.write(QStringLiteral("[broker]\nurl=%1\n[database]\npath=%2\n[clock]\nport=0\n[programme]\nseed=%3\n[roles]\norganiser=organiser\n")
                  .arg(broker.url(), dir.filePath(QStringLiteral("c.db")), seed.fileName()).toUtf8());
    ini.close();

    QProcess controller;
    controller.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    controller.start(projectBinary(QStringLiteral("festival-controller")), {QStringLiteral("--config"), ini.fileName()});
    if (!controller.waitForStarted()) {
        qCritical() << "cannot start festival-controller (was it built?)";
        return 1;
    }

    MqttOptions orgOptions;
    orgOptions.port = broker.port();
    orgOptions.username = QStringLiteral("organiser");
    MqttClient organiser(orgOptions);
    MqttRequester requester(&organiser, Topics::controllerReplyPrefix(QStringLiteral("organiser")));
    bool controllerOnline = false;
    QObject::connect(&organiser, &MqttClient::messageReceived, &app, [&](const MqttMessage &m) {
        if (m.topic == Topics::nodeStatus(QStringLiteral("controller")))
            controllerOnline = m.payload.contains("\"online\"");
    });
    organiser.subscribe(Topics::nodeStatus(QStringLiteral("controller")), 1);
    organiser.open();
    if (!waitFor([&] { return controllerOnline; }, 30000, "the controller to come online"))
        return 1;

    QStringList screens;
    for (const Screen &s : programme.screens)
        screens << s.id;
    // The screening moved back and forth each round: the first one of the first screen,
    // between its own slot and the day after the festival (always free).
    const Screening target = programme.screenings.first();
    const QString away = ProgrammeJson::timeToString(target.start.addDays(gen.days + 1));
    const QString home = ProgrammeJson::timeToString(target.start);

    out << "bench/fanout: programme of " << programme.films.size() << " films, " << programme.screens.size() << " screens, "
        << programme.screenings.size() << " screenings (" << programmeJson.size() / 1024 << " KiB as JSON)\n\n";
    out << QStringLiteral("%1  %2  %3  %4  %5  %6\n").arg(QStringLiteral("nodes"), 5).arg(QStringLiteral("path"), -22)
               .arg(QStringLiteral("p50 ms"), 8).arg(QStringLiteral("p99 ms"), 8).arg(QStringLiteral("max ms"), 8).arg(QStringLiteral("samples"), 8);
    out.flush();

    QJsonArray results;
    for (const QString &countText : parser.value(QStringLiteral("nodes")).split(QLatin1Char(','))) {
        const int count = countText.toInt();
        std::vector<Node> nodes = connectNodes(broker, screens, count);

        // Controller path.
        QList<double> controllerMs;
        qint64 previous = 0;  // a node counts the first playlist newer than this, once per round
        int received = 0;
        // Everything the controller publishes for a change, in order, replayed by the baseline.
        MqttOptions captureOptions;
        captureOptions.port = broker.port();
        MqttClient capture(captureOptions);
        QList<MqttMessage> published;  // one per topic: the newest, in the order first seen
        QObject::connect(&capture, &MqttClient::messageReceived, &app, [&](const MqttMessage &m) {
            if (m.retain)
                return;
            auto same = std::find_if(published.begin(), published.end(), [&](const MqttMessage &p) { return p.topic == m.topic; });
            if (same == published.end())
                published << m;
            else
                *same = m;
        });
        capture.subscribe(Topics::programme(), 1);
        capture.subscribe(Topics::playlist(QStringLiteral("+")), 1);
        capture.open();
        waitFor([&] { return capture.state() == MqttClient::State::Connected; }, 10000, "the capture client");
        // Receipt is timed first and decoded after the round, so that decoding one node's
        // message does not delay the timing of the next (the raw baseline decodes nothing).
        QList<QPair<qint64, QByteArray>> arrivals;
        for (Node &n : nodes) {
            QObject::connect(n.client.get(), &MqttClient::messageReceived, &app, [&](const MqttMessage &m) {
                if (m.retain)
                    return;
                arrivals.append({nowUs(), m.payload});
                ++received;
            });
        }
        const int rounds = parser.value(QStringLiteral("rounds")).toInt();
        for (int r = 0; r < rounds; ++r) {
            received = 0;
            std::optional<qint64> newVersion;
            requester.request(Topics::controllerRequest(QStringLiteral("organiser")),
                              Request{QStringLiteral("screening.move"), {{"id", target.id}, {"to", r % 2 ? home : away}}}.encode(), 30000,
                              [&](const RequesterResult &res) {
                                  const auto reply = Reply::decode(res.payload, {}, nullptr);
                                  newVersion = reply && reply->ok ? reply->result.value(QStringLiteral("version")).toInteger() : -1;
                              });
            waitFor([&] { return newVersion.has_value(); }, 30000, "the controller's reply");
            if (!newVersion || *newVersion < 0) {
                qCritical() << "the controller refused or did not answer the move";
                return 1;
            }
            waitFor([&] { return received >= count; }, 30000, "every node to get the new version");
            for (const auto &[at, payload] : std::as_const(arrivals)) {
                const auto body = Envelope::decode(payload, QStringLiteral("playlist"), JsonLimits::programme(), nullptr);
                if (body && body->value(QStringLiteral("programmeVersion")).toInteger() > previous)
                    controllerMs << (at - body->value(QStringLiteral("committedAtUs")).toInteger()) / 1000.0;
            }
            arrivals.clear();
            previous = *newVersion;
        }
        waitFor([&] { return published.size() >= screens.size() + 1; }, 10000, "the last change's messages");
        for (Node &n : nodes)
            QObject::disconnect(n.client.get(), nullptr, &app, nullptr);

        // Baseline: the same payloads, raw.
        MqttOptions pubOptions;
        pubOptions.port = broker.port();
        MqttClient publisher(pubOptions);
        publisher.open();
        waitFor([&] { return publisher.state() == MqttClient::State::Connected; }, 10000, "the raw publisher");
        QList<double> rawMs;
        qint64 t0 = 0;
        int rawReceived = 0;
        for (Node &n : nodes)
            QObject::connect(n.client.get(), &MqttClient::messageReceived, &app, [&](const MqttMessage &m) {
                if (m.retain)
                    return;
                rawMs << (nowUs() - t0) / 1000.0;
                ++rawReceived;
            });
        for (int r = 0; r < rounds; ++r) {
            rawReceived = 0;
            t0 = nowUs();
            for (MqttMessage m : published) {
                m.retain = false;
                m.qos = 1;
                publisher.publish(m);
            }
            waitFor([&] { return rawReceived >= count; }, 30000, "every node to get the raw messages");
        }
        const Stats c = stats(controllerMs);
        const Stats raw = stats(rawMs);
        auto row = [&](const QString &path, const Stats &s) {
            out << QStringLiteral("%1  %2  %3  %4  %5  %6\n").arg(count, 5).arg(path, -22).arg(s.p50, 8, 'f', 2).arg(s.p99, 8, 'f', 2)
                       .arg(s.max, 8, 'f', 2).arg(s.samples, 8);
        };
        row(QStringLiteral("controller commit->node"), c);
        row(QStringLiteral("raw broker fan-out"), raw);
        out << QStringLiteral("       p99 ratio controller/raw: %1 (goal <= 1.5)\n").arg(raw.p99 > 0 ? c.p99 / raw.p99 : 0, 0, 'f', 2);
        out.flush();
        results.append(QJsonObject{{"nodes", count}, {"controller", toJson(c)}, {"raw", toJson(raw)},
                                   {"p99Ratio", raw.p99 > 0 ? c.p99 / raw.p99 : 0}});
        publisher.close();
        capture.close();
        for (Node &n : nodes)
            n.client->close();
    }

    controller.terminate();
    controller.waitForFinished(5000);
    const QJsonObject report{{"benchmark", "fanout"}, {"films", int(programme.films.size())}, {"screens", int(programme.screens.size())},
                             {"programmeBytes", int(programmeJson.size())}, {"results", results},
                             {"at", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    QFile file(parser.value(QStringLiteral("out")));
    if (file.open(QIODevice::WriteOnly))
        file.write(QJsonDocument(report).toJson());
    out << "\nwrote " << file.fileName() << "\n";
    return 0;
}
