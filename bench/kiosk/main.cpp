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

using namespace fest;

namespace {
double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(std::min<qsizetype>(v.size() - 1, qsizetype(p * double(v.size() - 1) + 0.5)));
}

QJsonObject summary(const QList<double> &ms)
{
    return {{"runs", ms.size()}, {"p50_ms", percentile(ms, 0.5)}, {"p99_ms", percentile(ms, 0.99)},
            {"max_ms", percentile(ms, 1.0)}};
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

    // Cold start: spawn to first frame, and first frame as the process measures it.
    QList<double> spawnMs, inProcessMs, rssMb;
    const QString kiosk = projectBinary(QStringLiteral("festival-kiosk"));
    for (int i = 0; i < parser.value("starts").toInt() && !kiosk.isEmpty(); ++i) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("QT_QPA_PLATFORM", "offscreen");
        env.insert("QT_QUICK_BACKEND", "software");
        p.setProcessEnvironment(env);
        QElapsedTimer t;
        t.start();
        p.start(kiosk, {"--programme", programmeFile, "--set", "kiosk/outbox=" + dir.filePath("start.db"),
                        "--measure-start"});
        if (!p.waitForFinished(60000))
            return 1;
        spawnMs << double(t.nsecsElapsed()) / 1e6;
        const QString line = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        const QStringList parts = line.split(u' ');
        if (parts.size() >= 2) {
            inProcessMs << parts[0].section(u'=', 1).toDouble();
            rssMb << parts[1].section(u'=', 1).toDouble() / 1024.0;
        }
    }

    // A new programme version applied to every model (the kiosk's reaction to the bus).
    ProgrammeFeed feed;
    QList<double> applyMs;
    for (int i = 0; i < parser.value("applies").toInt(); ++i) {
        ProgrammeGenerator::Options o = options;
        o.seed = quint32(i + 2);
        const Programme next = ProgrammeGenerator::generate(o);
        QElapsedTimer t;
        t.start();
        feed.apply(next, i + 1);
        applyMs << double(t.nsecsElapsed()) / 1e6;
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

    const QJsonObject json{{"benchmark", "kiosk"}, {"films", programme.films.size()},
                           {"screenings", programme.screenings.size()},
                           {"cold_start_spawn_to_first_frame", summary(spawnMs)},
                           {"first_frame_in_process", summary(inProcessMs)},
                           {"rss_mb_at_first_frame", summary(rssMb)},
                           {"apply_programme_version", summary(applyMs)},
                           {"ballot_to_outbox", summary(castMs)}};
    std::printf("kiosk with %lld films, %lld screenings\n", static_cast<long long>(programme.films.size()),
                static_cast<long long>(programme.screenings.size()));
    std::printf("cold start, spawn to first frame: p50 %.1f ms, max %.1f ms (goal <= 500)\n", percentile(spawnMs, 0.5), percentile(spawnMs, 1));
    std::printf("first frame measured in process:  p50 %.1f ms\n", percentile(inProcessMs, 0.5));
    std::printf("resident memory at first frame:   p50 %.1f MB (goal <= 100)\n", percentile(rssMb, 0.5));
    std::printf("apply a programme version:        p50 %.2f ms, p99 %.2f ms (goal <= 50)\n", percentile(applyMs, 0.5), percentile(applyMs, 0.99));
    std::printf("ballot written to outbox:         p50 %.2f ms, p99 %.2f ms (goal p99 <= 10)\n", percentile(castMs, 0.5), percentile(castMs, 0.99));
    QFile file(parser.value("json"));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(json).toJson()) < 0)
        return 1;
    std::printf("figures written to %s\n", qPrintable(file.fileName()));
    return 0;
}
