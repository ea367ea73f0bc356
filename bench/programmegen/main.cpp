// festival-programmegen: writes a large, valid programme for scale tests.
//   festival-programmegen --films 1300 --countries 80 --screens 100 --days 2 --seed 1 --out FILE
// With --measure N it also times decode, validation, hashing, playlists and CSV on that
// programme (N rounds each) and prints the figures as JSON (or writes them to --results).
#include "programmebench.h"
#include "programmegenerator.h"
#include "programmejson.h"
#include "programmevalidator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

using namespace fest;

namespace {

struct IntOption
{
    QCommandLineOption option;
    int *target;
    int min;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationVersion(QStringLiteral(FEST_VERSION));
    QTextStream err(stderr);

    ProgrammeGenerator::Options options;
    int seed = 1;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Writes a valid festival programme of the given size (JSON)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QList<IntOption> ints{
        {{QStringLiteral("films"), QStringLiteral("Films in the catalogue."), QStringLiteral("n"), QString::number(options.films)}, &options.films, 1},
        {{QStringLiteral("countries"), QStringLiteral("Countries the films come from."), QStringLiteral("n"), QString::number(options.countries)}, &options.countries, 1},
        {{QStringLiteral("screens"), QStringLiteral("Screens (5 per venue)."), QStringLiteral("n"), QString::number(options.screens)}, &options.screens, 1},
        {{QStringLiteral("days"), QStringLiteral("Festival days from 2026-12-05."), QStringLiteral("n"), QString::number(options.days)}, &options.days, 1},
        {{QStringLiteral("changeover"), QStringLiteral("Minutes between screenings."), QStringLiteral("min"), QString::number(options.changeoverMinutes)}, &options.changeoverMinutes, 0},
        {{QStringLiteral("seed"), QStringLiteral("Random seed; the same seed gives the same programme."), QStringLiteral("n"), QStringLiteral("1")}, &seed, 0},
    };
    for (const IntOption &o : ints)
        parser.addOption(o.option);
    const QCommandLineOption measure(QStringLiteral("measure"), QStringLiteral("Time the programme operations, n rounds each."), QStringLiteral("n"));
    parser.addOption(measure);
    const QCommandLineOption results(QStringLiteral("results"), QStringLiteral("Write the --measure figures to this JSON file."), QStringLiteral("file"));
    parser.addOption(results);
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("File to write (default: standard output)."), QStringLiteral("file"));
    parser.addOption(out);
    parser.process(app);

    for (const IntOption &o : ints) {
        bool ok = false;
        *o.target = parser.value(o.option).toInt(&ok);
        if (!ok || *o.target < o.min) {
            err << "--" << o.option.names().first() << " needs a whole number of at least " << o.min << "\n";
            return 2;
        }
    }
    options.seed = quint32(seed);

    QElapsedTimer timer;
    timer.start();
    const Programme programme = ProgrammeGenerator::generate(options);
    const QList<ProgrammeError> errors = ProgrammeValidator::validate(programme, options.changeoverMinutes);
    if (!errors.isEmpty()) {
        err << "generated programme is not valid (a bug): " << errors.first().toString() << "\n";
        return 1;
    }
    const QByteArray json = ProgrammeJson::encode(programme);

    if (parser.isSet(measure)) {
        const int rounds = parser.value(measure).toInt();
        if (rounds < 1) {
            err << "--measure needs a whole number of rounds, at least 1\n";
            return 2;
        }
        const QByteArray figures = QJsonDocument(ProgrammeBench::run(programme, rounds, options.changeoverMinutes)).toJson();
        if (!parser.isSet(results)) {
            QTextStream(stdout) << figures;
            return 0;
        }
        QSaveFile file(parser.value(results));
        if (!file.open(QIODevice::WriteOnly) || file.write(figures) != figures.size() || !file.commit()) {
            err << "cannot write " << file.fileName() << ": " << file.errorString() << "\n";
            return 1;
        }
        if (!parser.isSet(out))
            return 0;
    }
    if (parser.isSet(out)) {
        QSaveFile file(parser.value(out));
        if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
            err << "cannot write " << file.fileName() << ": " << file.errorString() << "\n";
            return 1;
        }
    } else {
        QFile standardOutput;
        if (!standardOutput.open(stdout, QIODevice::WriteOnly) || standardOutput.write(json) != json.size())
            return 1;
    }
    err << programme.films.size() << " films, " << programme.screens.size() << " screens, "
        << programme.screenings.size() << " screenings, " << json.size() << " bytes, sha256 "
        << ProgrammeJson::contentHash(programme) << ", " << timer.elapsed() << " ms\n";
    return 0;
}
