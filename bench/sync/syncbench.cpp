#include "syncbench.h"

#include "ffmpegmedia.h"
#include "mediagenerator.h"
#include "showclock.h"
#include "showclockprovider.h"
#include "realtimepriority.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QProcess>
#include <QThread>
#include <QTextStream>

#include <algorithm>
#include <limits>
#include <memory>

namespace fest {

namespace {
constexpr qint64 kFrameNs = 40'000'000;
constexpr qint64 kStartLeadUs = 4'000'000;  // workers start, sync and preroll before this

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QString row(const QString &name, const SyncBench::Stats &s)
{
    return QStringLiteral("%1 %2 %3 %4 %5")
        .arg(name, -34)
        .arg(s.samples, 7)
        .arg(s.p50, 10, 'f', 1)
        .arg(s.p95, 10, 'f', 1)
        .arg(s.max, 10, 'f', 1);
}
} // namespace

QJsonObject SyncBench::Stats::toJson() const
{
    return {{"samples", samples}, {"p50", p50}, {"p95", p95}, {"max", max}};
}

SyncBench::Stats SyncBench::stats(QList<double> values)
{
    Stats s;
    s.samples = int(values.size());
    if (values.isEmpty())
        return s;
    std::sort(values.begin(), values.end());
    auto at = [&](double q) { return values.at(qMin(values.size() - 1, qsizetype(q * (values.size() - 1) + 0.5))); };
    s.p50 = at(0.50);
    s.p95 = at(0.95);
    s.max = values.last();
    return s;
}

QString SyncBench::film(const QString &name, int seconds, QString *error) const
{
    if (m_options.film != QLatin1String("vp8")) {
        const QString size = m_options.film == QLatin1String("h264-1080p") ? QStringLiteral("1920x1080") : QStringLiteral("1280x720");
        const QString path = QDir(m_options.workDir).filePath(QStringLiteral("%1-%2-%3s.mp4").arg(name, m_options.film).arg(seconds));
        if (QFile::exists(path))
            return path;
        // A festival's usual file: H.264 High, a keyframe every 2 s, AAC stereo.
        *error = FfmpegMedia::encode(path, {"-f", "lavfi", "-i", QStringLiteral("testsrc2=size=%1:rate=25").arg(size),
                                            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"},
                                     {"-c:v", "libx264", "-profile:v", "high", "-preset", "veryfast", "-pix_fmt", "yuv420p",
                                      "-g", "50", "-c:a", "aac", "-ac", "2", "-b:a", "192k"},
                                     seconds);
        return error->isEmpty() ? path : QString();
    }
    const QString path = QDir(m_options.workDir).filePath(QStringLiteral("%1-%2s.webm").arg(name).arg(seconds));
    if (QFile::exists(path))
        return path;
    MediaGenerator::Options g;
    g.seconds = seconds;
    g.label = name;
    *error = MediaGenerator::generate(path, g);
    return error->isEmpty() ? path : QString();
}

SyncBench::Run SyncBench::runPlayers(const QString &media, int players, Scenario scenario, int items,
                                     qint64 itemDurationUs, quint16 clockPort)
{
    Run run;
    ShowClock clock(QStringLiteral("127.0.0.1"), clockPort);
    clock.waitForSync(5000);
    const qint64 startUs = clock.nowUs() + kStartLeadUs;
    std::vector<std::unique_ptr<QProcess>> procs;
    for (int i = 0; i < players; ++i) {
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("fest.*.debug=false\nfest.*.info=false"));
        p->setProcessEnvironment(env);
        QStringList args{QStringLiteral("--worker"), QStringLiteral("--clock-port"), QString::number(clockPort),
                         QStringLiteral("--media"), media, QStringLiteral("--start-us"), QString::number(startUs),
                         QStringLiteral("--duration-us"), QString::number(itemDurationUs),
                         QStringLiteral("--items"), QString::number(items),
                         QStringLiteral("--latency-ms"), QString::number(m_options.outputLatencyNs / 1'000'000),
                         QStringLiteral("--realtime-priority"),
                         QString::number(scenario == Scenario::SharedNormalPriority ? 0 : m_options.realtimePriority)};
        if (scenario == Scenario::Baseline)
            args << QStringLiteral("--baseline");
        p->start(QCoreApplication::applicationFilePath(), args);
        procs.push_back(std::move(p));
    }
    const int timeoutMs = int((kStartLeadUs + items * itemDurationUs) / 1000) + 20000;
    for (auto &p : procs) {
        if (!p->waitForFinished(timeoutMs) || p->exitCode() != 0) {
            run.error = QStringLiteral("a player process failed (exit %1)").arg(p->exitCode());
            return run;
        }
        const QJsonObject result = QJsonDocument::fromJson(p->readAllStandardOutput().trimmed()).object();
        QList<QList<qint64>> frames;
        for (const QJsonValue &v : result.value("frames").toArray()) {
            const QJsonArray f = v.toArray();
            frames.append({f.at(0).toInteger(), f.at(1).toInteger(), f.at(2).toInteger(), f.at(3).toInteger()});
        }
        run.frames.append(frames);
        run.prerollNs.append(result.value("prerollNs").toInteger());
    }
    run.ok = true;
    run.startUs = startUs;
    return run;
}

QJsonObject SyncBench::spreadFigures(const Run &run, qint64 startUs) const
{
    // Per frame (item, pts), across players: the spread of the wall-clock render time is
    // what an audience would see (all processes read this machine's one realtime clock,
    // which the provider also serves); the spread of each player's own show-clock reading
    // hides how far the players' clocks disagree, which is measured separately.
    QMap<QPair<qint64, qint64>, QList<const QList<qint64> *>> byFrame;
    QList<double> firstWallErrorsUs, firstShowErrorsUs;
    for (const auto &frames : run.frames) {
        for (const auto &f : frames)
            byFrame[{f[0], f[1]}].append(&f);
        if (!frames.isEmpty()) {
            firstWallErrorsUs.append(qAbs(double(frames.first()[3] - startUs * 1000) / 1000.0));
            firstShowErrorsUs.append(qAbs(double(frames.first()[2] - startUs * 1000) / 1000.0));
        }
    }
    auto spreadOf = [](const QList<const QList<qint64> *> &players, auto value) {
        qint64 lo = std::numeric_limits<qint64>::max(), hi = std::numeric_limits<qint64>::min();
        for (const auto *f : players) {
            lo = qMin(lo, value(*f));
            hi = qMax(hi, value(*f));
        }
        return double(hi - lo) / 1000.0;
    };
    QList<double> wallSpreads, showSpreads, clockSpreads;
    QList<QPair<double, QJsonObject>> worst;  // the tail, to see who was late and when
    for (auto it = byFrame.cbegin(); it != byFrame.cend(); ++it) {
        if (it.value().size() != run.frames.size())
            continue;  // a frame not every player rendered is counted in "missing"
        wallSpreads.append(spreadOf(it.value(), [](const QList<qint64> &f) { return f[3]; }));
        QJsonArray lateUs;  // per player: wall-clock render minus the frame's slot
        for (const auto *f : it.value())
            lateUs.append(double((*f)[3] - (startUs * 1000 + (*f)[1])) / 1000.0);
        worst.append({wallSpreads.last(), QJsonObject{{"ptsMs", double(it.key().second) / 1e6}, {"spreadUs", wallSpreads.last()},
                                                      {"lateUsPerPlayer", lateUs}}});
        showSpreads.append(spreadOf(it.value(), [](const QList<qint64> &f) { return f[2]; }));
        clockSpreads.append(spreadOf(it.value(), [](const QList<qint64> &f) { return f[2] - f[3]; }));
    }
    QList<double> prerollsMs;
    for (int i = 0; i < run.frames.size(); ++i)
        prerollsMs.append(double(run.prerollNs.at(i)) / 1e6);
    std::sort(worst.begin(), worst.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QJsonArray worstFrames;
    for (qsizetype i = 0; i < qMin<qsizetype>(5, worst.size()); ++i)
        worstFrames.append(worst.at(i).second);
    return {{"perFrameSpreadUs", stats(wallSpreads).toJson()},
            {"worstFrames", worstFrames},
            {"perFrameSpreadOwnClockUs", stats(showSpreads).toJson()},
            {"clockDisagreementUs", stats(clockSpreads).toJson()},
            {"firstFrameSpreadUs", wallSpreads.isEmpty() ? -1.0 : wallSpreads.first()},
            {"firstFrameErrorAbsUs", stats(firstWallErrorsUs).toJson()},
            {"firstFrameErrorOwnClockAbsUs", stats(firstShowErrorsUs).toJson()},
            {"prerollMs", stats(prerollsMs).toJson()},
            {"framesPerPlayer", run.frames.isEmpty() ? 0 : int(run.frames.first().size())}};
}

QJsonObject SyncBench::transitionFigures(const Run &run, qint64 startUs, qint64 itemDurationUs) const
{
    QList<double> gapsUs;
    int lateFrames = 0;
    for (const auto &frames : run.frames) {
        QMap<qint64, QPair<qint64, qint64>> firstLastByItem;  // item -> (first render, last render)
        for (const auto &f : frames) {
            auto it = firstLastByItem.find(f[0]);
            if (it == firstLastByItem.end())
                firstLastByItem.insert(f[0], {f[2], f[2]});
            else
                it->second = qMax(it->second, f[2]);
            // Late: rendered more than one frame period after its slot on the timeline.
            const qint64 due = (startUs + f[0] * itemDurationUs) * 1000 + f[1];
            if (f[2] - due > kFrameNs)
                ++lateFrames;
        }
        for (auto it = firstLastByItem.cbegin(); std::next(it) != firstLastByItem.cend(); ++it)
            gapsUs.append(double(std::next(it)->first - it->second) / 1000.0);
    }
    return {{"gapUs", stats(gapsUs).toJson()}, {"lateFrames", lateFrames},
            {"transitions", int(gapsUs.size())}};
}

int SyncBench::run()
{
    QDir().mkpath(m_options.workDir);
    QString error;
    const QString media = film(QStringLiteral("sync"), m_options.seconds, &error);
    const QString blockMedia = film(QStringLiteral("block"), 3, &error);
    if (media.isEmpty() || blockMedia.isEmpty()) {
        out() << "cannot generate the test films: " << error << Qt::endl;
        return 1;
    }
    // The controller's provider shares these 2 cores with the players here: its thread runs
    // real-time so that its replies are not delayed by the players' own streaming threads.
    const auto providerPtr = RealtimePriority::createRaised(m_options.realtimePriority > 0 ? m_options.realtimePriority + 2 : 0, [] {
        return std::make_unique<ShowClockProvider>(0, QStringLiteral("127.0.0.1"));
    });
    ShowClockProvider &provider = *providerPtr;
    if (!provider.isValid()) {
        out() << provider.errorString() << Qt::endl;
        return 1;
    }
    const qint64 durationUs = qint64(m_options.seconds) * 1'000'000;
    QJsonObject results;
    out() << QStringLiteral("%1 %2 %3 %4 %5").arg("scenario (wall-clock render spread, us)", -34).arg("frames", 7)
                 .arg("p50", 10).arg("p95", 10).arg("max", 10) << Qt::endl;
    for (int players : m_options.playerCounts) {
        for (Scenario scenario : {Scenario::Shared, Scenario::SharedNormalPriority, Scenario::Baseline}) {
            const char *key = scenario == Scenario::Shared ? "shared"
                : scenario == Scenario::SharedNormalPriority ? "shared-normal-priority" : "baseline";
            const QString name = QStringLiteral("%1 players, %2").arg(players).arg(QLatin1String(key));
            const Run run = runPlayers(media, players, scenario, 1, durationUs, provider.port());
            if (!run.ok) {
                out() << name << ": " << run.error << Qt::endl;
                return 1;
            }
            const QJsonObject figures = spreadFigures(run, run.startUs);
            results.insert(QStringLiteral("%1-%2").arg(players).arg(QLatin1String(key)), figures);
            const QJsonObject spread = figures.value("perFrameSpreadUs").toObject();
            Stats s{spread.value("samples").toInt(), spread.value("p50").toDouble(),
                    spread.value("p95").toDouble(), spread.value("max").toDouble()};
            auto p95max = [&figures](const char *key) {
                const QJsonObject o = figures.value(QLatin1String(key)).toObject();
                return QStringLiteral("%1/%2").arg(o.value("p95").toDouble(), 0, 'f', 1).arg(o.value("max").toDouble(), 0, 'f', 1);
            };
            out() << row(name, s)
                  << QStringLiteral("   own-clock p95/max %1 us, clock disagreement p95/max %2 us, first-frame spread %3 us, "
                                    "first-frame error max %4 us, preroll p50 %5 ms")
                         .arg(p95max("perFrameSpreadOwnClockUs"), p95max("clockDisagreementUs"))
                         .arg(figures.value("firstFrameSpreadUs").toDouble(), 0, 'f', 1)
                         .arg(figures.value("firstFrameErrorAbsUs").toObject().value("max").toDouble(), 0, 'f', 1)
                         .arg(figures.value("prerollMs").toObject().value("p50").toDouble(), 0, 'f', 1)
                  << Qt::endl;
        }
    }
    // Block transitions: one player, a block of five 3-second films back to back.
    const qint64 blockItemUs = 3'000'000;
    const Run block = runPlayers(blockMedia, 1, Scenario::Shared, 5, blockItemUs, provider.port());
    if (block.ok) {
        const QJsonObject t = transitionFigures(block, block.startUs, blockItemUs);
        results.insert(QStringLiteral("blockTransitions"), t);
        const QJsonObject gap = t.value("gapUs").toObject();
        out() << QStringLiteral("block transitions: %1, gap p50 %2 us, max %3 us (one frame = 40000 us), late frames %4")
                     .arg(t.value("transitions").toInt())
                     .arg(gap.value("p50").toDouble(), 0, 'f', 1)
                     .arg(gap.value("max").toDouble(), 0, 'f', 1)
                     .arg(t.value("lateFrames").toInt())
              << Qt::endl;
    }
    const QJsonObject doc{{"film", m_options.film}, {"seconds", m_options.seconds}, {"outputLatencyMs", m_options.outputLatencyNs / 1'000'000},
                          {"realtimePriority", m_options.realtimePriority},
                          {"cores", QThread::idealThreadCount()}, {"results", results}};
    QFile file(m_options.outPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(doc).toJson()) < 0) {
        out() << "cannot write " << m_options.outPath << Qt::endl;
        return 1;
    }
    out() << "wrote " << m_options.outPath << Qt::endl;
    return 0;
}

} // namespace fest
