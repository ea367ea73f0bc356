// bench_kiosk: the kiosk with a 1,300-film programme (ProgrammeGenerator): cold start to
// first frame and resident memory (festival-kiosk --measure-start, offscreen, software
// renderer), applying a new programme version to the models, and a ballot written to
// the outbox (synchronous=FULL). Prints the figures and writes JSON.
#include "database.h"
#include "programmefeed.h"
#include "programmegenerator.h"
#include "programmejson.h"
#include "projectbinaries.h"
#include "ticketissuer.h"
#include "voteoutbox.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace fest;

namespace {
double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(std::min<qsizetype>(v.size() - 1, qsizetype(p * double(v.size() - 1) + 0.5)));
}

// The machine is shared: the figures mean little without how busy it was.
QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).section(u' ', 0, 2) : QString();
}

QJsonObject summary(const QList<double> &values, const QString &unit = QStringLiteral("ms"))
{
    return {{"runs", values.size()}, {"p50_" + unit, percentile(values, 0.5)}, {"p99_" + unit, percentile(values, 0.99)},
            {"max_" + unit, percentile(values, 1.0)}};
}

// CPU time of this thread: what the work cost, however busy the machine was.
double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}
} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({
        {"films", "Films in the generated programme.", "n", "1300"},
        {"starts", "Cold starts to measure.", "n", "5"},
        {"applies", "Programme versions to apply.", "n", "20"},
        {"ballots", "Ballots to write to the outbox.", "n", "500"},
        {"json", "Where to write the figures.", "file", QStringLiteral(FEST_BENCH_OUTPUT_DIR "/bench_kiosk.json")},
        {"save-programme", "Write the generated programme to this file and exit (to profile the kiosk by hand).", "file"},
    });
    parser.process(app);
    QTemporaryDir dir;
    const QString loadBefore = loadAverage();

    ProgrammeGenerator::Options options;
    options.films = parser.value("films").toInt();
    const Programme programme = ProgrammeGenerator::generate(options);
    const QString programmeFile = parser.isSet("save-programme") ? parser.value("save-programme")
                                                                 : dir.filePath("programme.json");
    QFile out(programmeFile);
    if (!out.open(QIODevice::WriteOnly) || out.write(ProgrammeJson::encode(programme)) < 0)
        return 1;
    out.close();
    if (parser.isSet("save-programme"))
        return 0;

    // Cold start: spawn to the first frame and to the first frame showing the programme,
    // with memory and CPU time at each (festival-kiosk --measure-start prints them).
    QMap<QString, QList<double>> start;
    const QString kiosk = projectBinary(QStringLiteral("festival-kiosk"));
    for (int i = 0; i < parser.value("starts").toInt() && !kiosk.isEmpty(); ++i) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("QT_QPA_PLATFORM", "offscreen");
        env.insert("QT_QUICK_BACKEND", "software");
        p.setProcessEnvironment(env);
        const qint64 spawnedAt = QDateTime::currentMSecsSinceEpoch();
        p.start(kiosk, {"--programme", programmeFile, "--set", "kiosk/outbox=" + dir.filePath("start.db"),
                        "--measure-start"});
        if (!p.waitForFinished(60000) || p.exitCode() != 0)
            return 1;
        QMap<QString, double> v;
        for (const QString &pair : QString::fromUtf8(p.readAllStandardOutput()).trimmed().split(u' '))
            v.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1).toDouble());
        start["spawn_to_first_frame_ms"] << v.value("first_frame_at") - double(spawnedAt);
        start["spawn_to_programme_ms"] << v.value("programme_at") - double(spawnedAt);
        start["first_frame_in_process_ms"] << v.value("first_frame_ms");
        start["cpu_ms_at_first_frame"] << v.value("cpu_ms");
        start["cpu_ms_at_programme"] << v.value("programme_cpu_ms");
        start["rss_mb_at_first_frame"] << v.value("rss_kb") / 1024.0;
        start["rss_mb_with_programme"] << v.value("programme_rss_kb") / 1024.0;
    }

    // The programme file read and decoded (JSON, validation) and applied: what a start costs.
    QList<double> loadMs;
    for (int i = 0; i < 5; ++i) {
        ProgrammeFeed fresh;
        QElapsedTimer t;
        t.start();
        if (!fresh.loadFile(programmeFile))
            return 1;
        loadMs << double(t.nsecsElapsed()) / 1e6;
    }

    // A new programme version applied to every model (the kiosk's reaction to the bus).
    ProgrammeFeed feed;
    QList<double> applyMs, applyCpuMs;
    for (int i = 0; i < parser.value("applies").toInt(); ++i) {
        ProgrammeGenerator::Options o = options;
        o.seed = quint32(i + 2);
        const Programme next = ProgrammeGenerator::generate(o);
        QElapsedTimer t;
        t.start();
        const double cpu = threadCpuMs();
        feed.apply(next, i + 1);
        applyMs << double(t.nsecsElapsed()) / 1e6;
        applyCpuMs << threadCpuMs() - cpu;
    }

    // A ballot on disk: VoteOutbox::cast returns only after COMMIT (synchronous=FULL).
    QString error;
    auto db = VoteOutbox::openDatabase(dir.filePath("outbox.db"), &error);
    if (!db)
        return 1;
    VoteOutbox outbox(*db, nullptr, QStringLiteral("bench-kiosk"));
    const QStringList tickets = TicketIssuer(0, QByteArray(32, 'k')).issue(parser.value("ballots").toInt());
    QList<double> castMs;
    for (const QString &ticket : tickets) {
        QElapsedTimer t;
        t.start();
        if (outbox.cast(ticket, QStringLiteral("S-1"), QStringLiteral("F-1"), 4).isEmpty())
            return 1;
        castMs << double(t.nsecsElapsed()) / 1e6;
    }

    QJsonObject json{{"benchmark", "kiosk"}, {"films", programme.films.size()},
                           {"screenings", programme.screenings.size()},
                           {"load_average_before", loadBefore},
                           {"load_average_after", loadAverage()},
                           {"load_programme_file", summary(loadMs)},
                           {"apply_programme_version", summary(applyMs)},
                           {"apply_programme_version_cpu", summary(applyCpuMs)},
                           {"ballot_to_outbox", summary(castMs)}};
    std::printf("kiosk with %lld films, %lld screenings\n", static_cast<long long>(programme.films.size()),
                static_cast<long long>(programme.screenings.size()));
    std::printf("load average before: %s\n", qPrintable(loadBefore));
    for (auto it = start.cbegin(); it != start.cend(); ++it) {
        std::printf("%-34s p50 %7.1f, max %7.1f\n", qPrintable(it.key()), percentile(it.value(), 0.5), percentile(it.value(), 1));
        json.insert(it.key(), summary(it.value(), it.key().startsWith(u"rss") ? QStringLiteral("mb") : QStringLiteral("ms")));
    }
    std::printf("(goals: spawn to first frame <= 500 ms, resident memory <= 100 MB)\n");
    std::printf("read, decode and apply the file:  p50 %.1f ms\n", percentile(loadMs, 0.5));
    std::printf("apply a programme version:        p50 %.2f ms, p99 %.2f ms (goal <= 50); CPU p50 %.2f ms, p99 %.2f ms\n",
                percentile(applyMs, 0.5), percentile(applyMs, 0.99), percentile(applyCpuMs, 0.5), percentile(applyCpuMs, 0.99));
    std::printf("ballot written to outbox:         p50 %.2f ms, p99 %.2f ms (goal p99 <= 10)\n", percentile(castMs, 0.5), percentile(castMs, 0.99));
    QFile file(parser.value("json"));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(json).toJson()) < 0)
        return 1;
    std::printf("figures written to %s\n", qPrintable(file.fileName()));
    return 0;
}
