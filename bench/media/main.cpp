// festival-bench-media: what playing the films festivals receive costs the player, beside
// what GStreamer's own gst-launch-1.0 playbin costs for the same file in the same run, and
// how long a player started mid-film takes to join a long-GOP film (docs/player.md).
#include "playbackengine.h"
#include "realtimepriority.h"
#include "showclock.h"
#include "showclockprovider.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>
#include <QUrl>

#include <algorithm>

#include <sys/resource.h>

using namespace fest;

namespace {

struct Format
{
    const char *name;
    const char *file;
    QStringList source;   // ffmpeg input options
    QStringList encode;   // ffmpeg output options
};

QList<Format> formats()
{
    auto video = [](const char *size, const char *rate) {
        return QStringList{"-f", "lavfi", "-i", QStringLiteral("testsrc2=size=%1:rate=%2").arg(size, rate),
                           "-f", "lavfi", "-i", "anoisesrc=color=pink:amplitude=0.1:sample_rate=48000"};
    };
    const QStringList aac{"-c:a", "aac", "-ac", "2", "-b:a", "192k"};
    return {
        {"h264-1080p25", "h264-1080p25.mp4", video("1920x1080", "25"),
         QStringList{"-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high", "-pix_fmt", "yuv420p", "-b:v", "8M", "-g", "50"} + aac},
        {"hevc-1080p24", "hevc-1080p24.mp4", video("1920x1080", "24"),
         QStringList{"-c:v", "libx265", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-b:v", "6M", "-x265-params", "keyint=48:log-level=error", "-tag:v", "hvc1"} + aac},
        {"prores422-1080p24", "prores422-1080p24.mov", video("1920x1080", "24"),
         {"-c:v", "prores_ks", "-profile:v", "2", "-pix_fmt", "yuv422p10le", "-c:a", "pcm_s24le", "-ac", "2"}},
        {"hevc-2160p24", "hevc-2160p24.mp4", video("3840x2160", "24"),
         QStringList{"-c:v", "libx265", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-b:v", "15M", "-x265-params", "keyint=48:log-level=error", "-tag:v", "hvc1"} + aac},
    };
}

double childCpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_CHILDREN, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Runs a child to its end; its CPU seconds (user + system), or -1 when it failed.
double cpuOf(const QString &program, const QStringList &args, QByteArray *output, int timeoutMs)
{
    const double before = childCpuSeconds();
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        QTextStream(stderr) << program << " failed: " << p.readAllStandardError().right(2000) << "\n";
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (output)
        *output = p.readAllStandardOutput();
    return childCpuSeconds() - before;
}

// Worker: plays FILE on the player's engine (headless sinks, synchronised to a local show
// clock, the player's real-time streaming threads) from `chaseMs` into the film, and
// prints one JSON line: frames, dropped, wall time to the first frame, its timeline error.
int worker(const QString &media, int seconds, int chaseMs)
{
    ShowClockProvider provider(0, QStringLiteral("127.0.0.1"));
    std::unique_ptr<ShowClock> clock = RealtimePriority::createRaised(11, [&] {
        return std::make_unique<ShowClock>(QStringLiteral("127.0.0.1"), provider.port());
    });
    if (!provider.isValid() || !clock->waitForSync(5000))
        return 1;
    PlaybackEngine::Options o;
    o.prerollLeadNs = 2'000'000'000;
    o.recordFrames = true;
    PlaybackEngine engine(clock->clock(), o);
    PlaybackItem item;
    item.id = QStringLiteral("M");
    item.mediaPath = media;
    item.durationUs = qint64(seconds) * 1'000'000;
    // Chase: the film began chaseMs ago; else it starts in 2.5 s, prerolled.
    item.startUs = chaseMs > 0 ? clock->nowUs() - qint64(chaseMs) * 1000 : clock->nowUs() + 2'500'000;
    QElapsedTimer wall;
    QJsonObject result;
    QObject::connect(&engine, &PlaybackEngine::itemStarted, [&](const QString &, qint64 renderNs, qint64 pts) {
        result.insert(QStringLiteral("firstFrameWallMs"), wall.elapsed());
        result.insert(QStringLiteral("firstFramePtsMs"), pts / 1'000'000);
        result.insert(QStringLiteral("firstFrameErrorUs"), (renderNs - (item.startUs * 1000 + pts)) / 1000);
        if (chaseMs > 0)
            QTimer::singleShot(500, QCoreApplication::instance(), &QCoreApplication::quit);
    });
    QObject::connect(&engine, &PlaybackEngine::itemFinished, QCoreApplication::instance(), &QCoreApplication::quit);
    QObject::connect(&engine, &PlaybackEngine::errorOccurred, [&](auto, const QString &message) {
        result.insert(QStringLiteral("error"), message);
        QCoreApplication::quit();
    });
    QTimer::singleShot((seconds + 20) * 1000, QCoreApplication::instance(), &QCoreApplication::quit);
    wall.start();
    engine.setItems({item});
    engine.start();
    QCoreApplication::exec();
    const auto frames = engine.takeFrames();
    result.insert(QStringLiteral("frames"), qint64(frames.size()));
    ItemPipeline *pipe = engine.pipeline(item.id);
    result.insert(QStringLiteral("dropped"), qint64(pipe ? pipe->droppedFrames() : engine.droppedFrames()));
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << "\n";
    return result.contains(QStringLiteral("error")) ? 1 : 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "CPU per second of playback and dropped frames of the player's engine for 1080p H.264, 1080p HEVC, "
        "1080p ProRes 422 and 2160p HEVC, beside gst-launch-1.0 playbin on the same file in the same run; "
        "and the time a player started mid-film takes to show the right frame of a 10 s-GOP H.264 film."));
    parser.addHelpOption();
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"), QStringLiteral("Length of each film (default 10)."), QStringLiteral("s"), QStringLiteral("10"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Runs of each measurement (default 3); the worst is reported."), QStringLiteral("n"), QStringLiteral("3"));
    const QCommandLineOption onlyOpt(QStringLiteral("formats"), QStringLiteral("Comma-separated formats (default all)."), QStringLiteral("list"));
    const QCommandLineOption outOpt(QStringLiteral("out"), QStringLiteral("JSON results (default bench-results/media.json)."), QStringLiteral("file"));
    const QCommandLineOption workerOpt(QStringLiteral("worker"));
    const QCommandLineOption mediaOpt(QStringLiteral("media"), {}, QStringLiteral("file"));
    const QCommandLineOption chaseOpt(QStringLiteral("chase-ms"), {}, QStringLiteral("ms"), QStringLiteral("0"));
    for (auto *o : {&workerOpt, &mediaOpt, &chaseOpt})
        const_cast<QCommandLineOption *>(o)->setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({secondsOpt, runsOpt, onlyOpt, outOpt, workerOpt, mediaOpt, chaseOpt});
    parser.process(app);
    const int seconds = qMax(4, parser.value(secondsOpt).toInt());
    if (parser.isSet(workerOpt))
        return worker(parser.value(mediaOpt), seconds, parser.value(chaseOpt).toInt());

    QTextStream out(stdout);
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    const QString gstLaunch = QStandardPaths::findExecutable(QStringLiteral("gst-launch-1.0"));
    if (ffmpeg.isEmpty() || gstLaunch.isEmpty()) {
        out << "festival-bench-media needs ffmpeg and gst-launch-1.0 (apt-get install ffmpeg gstreamer1.0-tools)\n";
        return 2;
    }
    const int runs = qMax(1, parser.value(runsOpt).toInt());
    const QString work = QDir::current().filePath(QStringLiteral("bench-results/media"));
    QDir().mkpath(work);
    const QString outPath = parser.isSet(outOpt) ? parser.value(outOpt) : QDir::current().filePath(QStringLiteral("bench-results/media.json"));
    const QStringList only = parser.value(onlyOpt).split(QLatin1Char(','), Qt::SkipEmptyParts);
    const QString self = QCoreApplication::applicationFilePath();

    auto make = [&](const QString &file, const QStringList &source, const QStringList &encode, int length) {
        const QString path = QDir(work).filePath(QStringLiteral("%1s-%2").arg(length).arg(file));
        if (QFileInfo::exists(path))
            return path;   // kept between runs: encoding 2160p HEVC takes a while
        out << "  encoding " << file << " with ffmpeg...\n";
        out.flush();
        QProcess p;
        p.start(ffmpeg, QStringList{"-nostdin", "-hide_banner", "-loglevel", "error", "-y"} + source + encode
                            + QStringList{"-t", QString::number(length), path});
        return p.waitForFinished(1800000) && p.exitCode() == 0 ? path : QString();
    };

    QJsonArray results;
    out << "festival-bench-media: " << seconds << " s films, " << runs << " run(s) each, worst shown\n\n";
    out << QStringLiteral("%1 %2 %3 %4 %5\n").arg("format", -20).arg("player CPU s/s", 16).arg("gst-launch s/s", 16)
                                                .arg("ratio", 8).arg("dropped", 8);
    for (const Format &f : formats()) {
        if (!only.isEmpty() && !only.contains(QLatin1String(f.name)))
            continue;
        const QString path = make(QLatin1String(f.file), f.source, f.encode, seconds);
        if (path.isEmpty()) {
            out << f.name << ": ffmpeg could not encode it\n";
            continue;
        }
        const QString uri = QString::fromLatin1(QUrl::fromLocalFile(path).toEncoded());
        QJsonArray perRun;
        double worstPlayer = 0, worstLaunch = 0, worstRatio = 0;
        qint64 worstDropped = 0;
        for (int r = 0; r < runs; ++r) {
            QByteArray line;
            const double player = cpuOf(self, {"--worker", "--media", path, "--seconds", QString::number(seconds)}, &line,
                                        (seconds + 60) * 1000);
            const double launch = cpuOf(gstLaunch, {"-q", "playbin", "uri=" + uri, "video-sink=fakesink sync=true",
                                                    "audio-sink=fakesink sync=true"}, nullptr, (seconds + 60) * 1000);
            const QJsonObject w = QJsonDocument::fromJson(line).object();
            const double perSecondPlayer = player / seconds, perSecondLaunch = launch / seconds;
            const double ratio = launch > 0 ? player / launch : 0;
            perRun.append(QJsonObject{{"playerCpuPerSecond", perSecondPlayer}, {"gstLaunchCpuPerSecond", perSecondLaunch},
                                      {"ratio", ratio}, {"dropped", w.value("dropped").toInteger()},
                                      {"frames", w.value("frames").toInteger()}, {"error", w.value("error")}});
            worstPlayer = std::max(worstPlayer, perSecondPlayer);
            worstLaunch = std::max(worstLaunch, perSecondLaunch);
            worstRatio = std::max(worstRatio, ratio);
            worstDropped = std::max(worstDropped, w.value("dropped").toInteger());
        }
        out << QStringLiteral("%1 %2 %3 %4 %5\n").arg(QLatin1String(f.name), -20).arg(worstPlayer, 16, 'f', 3)
                   .arg(worstLaunch, 16, 'f', 3).arg(worstRatio, 8, 'f', 2).arg(worstDropped, 8);
        out.flush();
        results.append(QJsonObject{{"format", f.name}, {"runs", perRun}, {"worstPlayerCpuPerSecond", worstPlayer},
                                   {"worstGstLaunchCpuPerSecond", worstLaunch}, {"worstRatio", worstRatio},
                                   {"worstDropped", worstDropped}});
    }

    // Chase: a player started 6 s into a 20 s H.264 film whose keyframes are 10 s apart.
    QJsonObject chase;
    if (only.isEmpty() || only.contains(QStringLiteral("chase"))) {
        const QString path = make(QStringLiteral("h264-gop10s-1080p25.mp4"),
                                  {"-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=25", "-f", "lavfi", "-i", "anoisesrc=color=pink:amplitude=0.1"},
                                  {"-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-g", "250", "-keyint_min", "250",
                                   "-sc_threshold", "0", "-c:a", "aac", "-ac", "2"}, 20);
        QList<qint64> wallMs;
        qint64 worstErrorUs = 0;
        for (int r = 0; r < runs && !path.isEmpty(); ++r) {
            QByteArray line;
            if (cpuOf(self, {"--worker", "--media", path, "--seconds", "20", "--chase-ms", "6000"}, &line, 80000) < 0)
                continue;
            const QJsonObject w = QJsonDocument::fromJson(line).object();
            wallMs << w.value("firstFrameWallMs").toInteger();
            worstErrorUs = std::max(worstErrorUs, std::abs(w.value("firstFrameErrorUs").toInteger()));
        }
        std::sort(wallMs.begin(), wallMs.end());
        const qint64 worst = wallMs.isEmpty() ? -1 : wallMs.last();
        out << "\nchase into a 10 s-GOP H.264 film 6 s in: start to first frame on the shared timeline, worst "
            << worst << " ms (goal <= 1500), median " << (wallMs.isEmpty() ? -1 : wallMs.at(wallMs.size() / 2))
            << " ms; first frame off its slot by at most " << worstErrorUs << " us\n";
        QJsonArray all;
        for (qint64 ms : wallMs)
            all.append(ms);
        chase = {{"firstFrameWallMs", all}, {"worstMs", worst}, {"worstErrorUs", worstErrorUs}};
    }
    QFile file(outPath);
    QDir().mkpath(QFileInfo(outPath).absolutePath());
    if (file.open(QIODevice::WriteOnly))
        file.write(QJsonDocument(QJsonObject{{"seconds", seconds}, {"runs", runs}, {"formats", results}, {"chase", chase},
                                             {"idealThreads", QThread::idealThreadCount()}}).toJson());
    out << "\nJSON: " << outPath << "\n";
    return 0;
}
