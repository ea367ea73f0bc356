#include "syncbench.h"
#include "syncworker.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

using namespace fest;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Frame sync of headless players sharing the show clock: per-frame render spread across "
        "2, 4 and 8 player processes (shared base time vs. baseline), first-frame error, preroll "
        "time and block-transition gaps."));
    parser.addHelpOption();
    const QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("Film length per run (default 20)."), QStringLiteral("s"), QStringLiteral("20"));
    const QCommandLineOption players(QStringLiteral("players"), QStringLiteral("Comma-separated player counts (default 2,4,8)."), QStringLiteral("list"), QStringLiteral("2,4,8"));
    const QCommandLineOption outFile(QStringLiteral("out"), QStringLiteral("JSON results (default bench-results/sync.json in the working folder)."), QStringLiteral("file"));
    const QCommandLineOption latency(QStringLiteral("latency-ms"), QStringLiteral("Output latency, same on every player (default 100)."), QStringLiteral("ms"), QStringLiteral("100"));
    const QCommandLineOption priority(QStringLiteral("realtime-priority"),
        QStringLiteral("SCHED_FIFO priority of the players' streaming threads (default 10, the player's default; 0 = normal)."),
        QStringLiteral("n"), QStringLiteral("10"));
    const QCommandLineOption film(QStringLiteral("film"),
        QStringLiteral("What the players play: %1 (default vp8, a test card; the others a festival's H.264/AAC MP4 made with ffmpeg).")
            .arg(SyncBench::films().join(QStringLiteral(", "))), QStringLiteral("kind"), QStringLiteral("vp8"));
    // Worker mode, started by the benchmark itself.
    const QCommandLineOption worker(QStringLiteral("worker"));
    const QCommandLineOption baseline(QStringLiteral("baseline"));
    const QCommandLineOption clockPort(QStringLiteral("clock-port"), {}, QStringLiteral("port"));
    const QCommandLineOption media(QStringLiteral("media"), {}, QStringLiteral("path"));
    const QCommandLineOption startUs(QStringLiteral("start-us"), {}, QStringLiteral("us"));
    const QCommandLineOption durationUs(QStringLiteral("duration-us"), {}, QStringLiteral("us"));
    const QCommandLineOption items(QStringLiteral("items"), {}, QStringLiteral("n"), QStringLiteral("1"));
    for (auto *o : {&worker, &baseline, &clockPort, &media, &startUs, &durationUs, &items})
        const_cast<QCommandLineOption *>(o)->setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({seconds, players, outFile, latency, priority, film, worker, baseline, clockPort, media, startUs, durationUs, items});
    parser.process(app);

    const qint64 latencyNs = parser.value(latency).toLongLong() * 1'000'000;
    if (parser.isSet(worker)) {
        SyncWorker::Options o;
        o.clockPort = quint16(parser.value(clockPort).toUInt());
        o.mediaPath = parser.value(media);
        o.startUs = parser.value(startUs).toLongLong();
        o.itemDurationUs = parser.value(durationUs).toLongLong();
        o.items = qMax(1, parser.value(items).toInt());
        o.baseline = parser.isSet(baseline);
        o.outputLatencyNs = latencyNs;
        o.realtimePriority = parser.value(priority).toInt();
        SyncWorker w(o);
        QObject::connect(&w, &SyncWorker::done, &app, &QCoreApplication::quit);
        if (!w.start())
            return 1;
        return app.exec();
    }

    SyncBench::Options o;
    o.seconds = qMax(3, parser.value(seconds).toInt());
    o.playerCounts.clear();
    for (const QString &n : parser.value(players).split(QLatin1Char(','), Qt::SkipEmptyParts))
        o.playerCounts.append(qMax(1, n.toInt()));
    o.outputLatencyNs = latencyNs;
    o.realtimePriority = parser.value(priority).toInt();
    o.film = parser.value(film);
    if (!SyncBench::films().contains(o.film)) {
        qCritical("festival-bench-sync: --film is one of %s", qPrintable(SyncBench::films().join(QStringLiteral(", "))));
        return 2;
    }
    o.workDir = QDir::current().filePath(QStringLiteral("bench-results"));
    o.outPath = parser.isSet(outFile) ? parser.value(outFile) : QDir(o.workDir).filePath(QStringLiteral("sync.json"));
    return SyncBench(o).run();
}
