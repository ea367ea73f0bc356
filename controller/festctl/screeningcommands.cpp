#include "ctlcommand.h"
#include "ctlsession.h"
#include "timeargument.h"

#include <QJsonArray>

namespace fest {

namespace {

void printVersion(CtlSession &s, const QJsonObject &r, const QString &what)
{
    s.out() << what << "; programme version " << r.value(QStringLiteral("version")).toInteger() << "\n";
}

int move(CtlSession &s, const QCommandLineParser &args)
{
    const QString id = args.positionalArguments().value(0);
    QString error;
    const QString to = TimeArgument::parse(args.value(QStringLiteral("to")), &error);
    if (to.isEmpty()) {
        s.err() << "festctl: --to: " << error << Qt::endl;
        return int(ExitCode::Usage);
    }
    return s.finish(s.call(QStringLiteral("screening.move"), {{"id", id}, {"to", to}}),
                    [&](const QJsonObject &r) { printVersion(s, r, QStringLiteral("Moved %1 to %2").arg(id, to)); });
}

int delay(CtlSession &s, const QCommandLineParser &args)
{
    const QString screen = args.positionalArguments().value(0);
    bool ok = false;
    const int minutes = args.positionalArguments().value(1).toInt(&ok);
    if (!ok || minutes == 0) {
        s.err() << "festctl: MINUTES must be a whole number of minutes, e.g. 15 (negative to bring forward)" << Qt::endl;
        return int(ExitCode::Usage);
    }
    QJsonObject request{{"screen", screen}, {"minutes", minutes}, {"push", !args.isSet(QStringLiteral("only-next"))}};
    if (args.isSet(QStringLiteral("from"))) {
        QString error;
        const QString from = TimeArgument::parse(args.value(QStringLiteral("from")), &error);
        if (from.isEmpty()) {
            s.err() << "festctl: --from: " << error << Qt::endl;
            return int(ExitCode::Usage);
        }
        request.insert(QStringLiteral("from"), from);
    }
    return s.finish(s.call(QStringLiteral("screening.delay"), request), [&](const QJsonObject &r) {
        printVersion(s, r, QStringLiteral("Delayed %1 screening(s) on %2 by %3 min")
                               .arg(r.value(QStringLiteral("moved")).toInt()).arg(screen).arg(minutes));
    });
}

int cancel(CtlSession &s, const QCommandLineParser &args)
{
    const QString id = args.positionalArguments().value(0);
    return s.finish(s.call(QStringLiteral("screening.cancel"), {{"id", id}}),
                    [&](const QJsonObject &r) { printVersion(s, r, QStringLiteral("Cancelled %1").arg(id)); });
}

int add(CtlSession &s, const QCommandLineParser &args)
{
    QString error;
    const QString start = TimeArgument::parse(args.value(QStringLiteral("start")), &error);
    if (start.isEmpty() || args.value(QStringLiteral("screen")).isEmpty() || args.value(QStringLiteral("films")).isEmpty()) {
        s.err() << "festctl: " << (start.isEmpty() && !args.value(QStringLiteral("start")).isEmpty() ? QStringLiteral("--start: ") + error
                                                                                                      : QStringLiteral("--screen, --start and --films are required"))
                << "\nusage: festctl screening add --screen S --start TIME --films F1,F2 [--id ID]" << Qt::endl;
        return int(ExitCode::Usage);
    }
    const QString id = args.isSet(QStringLiteral("id")) ? args.value(QStringLiteral("id"))
                                                         : QStringLiteral("S-%1").arg(QDateTime::currentSecsSinceEpoch());
    QJsonObject screening{{"id", id}, {"screen", args.value(QStringLiteral("screen"))}, {"start", start},
                          {"films", QJsonArray::fromStringList(args.value(QStringLiteral("films")).split(QLatin1Char(','), Qt::SkipEmptyParts))}};
    if (args.isSet(QStringLiteral("end"))) {
        const QString end = TimeArgument::parse(args.value(QStringLiteral("end")), &error);
        if (end.isEmpty()) {
            s.err() << "festctl: --end: " << error << Qt::endl;
            return int(ExitCode::Usage);
        }
        screening.insert(QStringLiteral("end"), end);
    }
    if (args.isSet(QStringLiteral("title-en")) || args.isSet(QStringLiteral("title-zh")))
        screening.insert(QStringLiteral("title"), QJsonObject{{"en", args.value(QStringLiteral("title-en"))}, {"zh", args.value(QStringLiteral("title-zh"))}});
    return s.finish(s.call(QStringLiteral("screening.add"), {{"screening", screening}}),
                    [&](const QJsonObject &r) { printVersion(s, r, QStringLiteral("Added %1 at %2").arg(id, start)); });
}

} // namespace

QList<CtlCommand> screeningCommands()
{
    return {
        {QStringLiteral("screening move"), QStringLiteral("ID --to TIME"),
         QStringLiteral("Move a screening to a new start (ISO 8601 with offset, or now+5m)."),
         {{QStringLiteral("to"), QStringLiteral("New start, e.g. 2026-12-05T14:30:00+08:00."), QStringLiteral("time")}}, 1, move},
        {QStringLiteral("screening delay"), QStringLiteral("SCREEN MINUTES"),
         QStringLiteral("Delay the next screening on a screen, and by default the ones after it."),
         {{QStringLiteral("from"), QStringLiteral("Only screenings starting at or after this time (default: now)."), QStringLiteral("time")},
          {QStringLiteral("only-next"), QStringLiteral("Do not push the following screenings.")}},
         2, delay},
        {QStringLiteral("screening add"), QStringLiteral("--screen S --start TIME --films F1,F2"),
         QStringLiteral("Add a screening (end defaults to the films' total runtime)."),
         {{QStringLiteral("id"), QStringLiteral("Screening id (default: generated)."), QStringLiteral("id")},
          {QStringLiteral("screen"), QStringLiteral("Screen id."), QStringLiteral("id")},
          {QStringLiteral("start"), QStringLiteral("Start: ISO 8601 with offset, or now+90s, now+5m."), QStringLiteral("time")},
          {QStringLiteral("end"), QStringLiteral("End (default: start + the films' runtimes)."), QStringLiteral("time")},
          {QStringLiteral("films"), QStringLiteral("Film ids in play order, comma-separated."), QStringLiteral("ids")},
          {QStringLiteral("title-en"), QStringLiteral("Block title in English."), QStringLiteral("text")},
          {QStringLiteral("title-zh"), QStringLiteral("Block title in Traditional Chinese."), QStringLiteral("text")}},
         0, add},
        {QStringLiteral("screening cancel"), QStringLiteral("ID"), QStringLiteral("Cancel a screening (it stays listed as cancelled)."), {}, 1, cancel},
    };
}

} // namespace fest
