#include "ctlcommand.h"
#include "ctlsession.h"
#include "timeargument.h"
#include "texttable.h"

#include "jsonguard.h"
#include "messagetype.h"
#include "programme.h"
#include "programmeedits.h"
#include "programmejson.h"
#include "topics.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTimeZone>

namespace fest {

namespace {

int importProgramme(CtlSession &s, const QCommandLineParser &args)
{
    const QString path = args.positionalArguments().value(0);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        s.err() << "festctl: cannot read " << path << ": " << file.errorString() << Qt::endl;
        return int(ExitCode::Usage);
    }
    const QByteArray data = file.readAll();
    const bool csv = args.value(QStringLiteral("format")) == QLatin1String("csv")
        || (args.value(QStringLiteral("format")).isEmpty() && QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0);
    QJsonObject request{{"format", csv ? "csv" : "json"}};
    if (csv) {
        request.insert(QStringLiteral("csv"), QString::fromUtf8(data));
    } else {
        QString error;
        const std::optional<QJsonObject> programme = JsonGuard::parseObject(data, JsonLimits::programme(), &error);
        if (!programme) {
            s.err() << "festctl: " << path << " is not a programme file: " << error << Qt::endl;
            return int(ExitCode::Usage);
        }
        request.insert(QStringLiteral("programme"), *programme);
    }
    if (args.isSet(QStringLiteral("first-day"))) {
        // Moved here, before it is sent: the controller validates and stores the moved
        // programme like any other import.
        QList<ProgrammeError> errors;
        const std::optional<Programme> read =
            csv ? std::nullopt : ProgrammeJson::fromJson(request.value(QStringLiteral("programme")).toObject(), &errors);
        if (!read) {
            s.err() << "festctl: --first-day moves a whole JSON programme; "
                    << (csv ? QStringLiteral("a CSV of screenings cannot be moved")
                            : QStringLiteral("%1 could not be read: %2").arg(path, errors.value(0).toString()))
                    << Qt::endl;
            return int(ExitCode::Usage);
        }
        const QString text = args.value(QStringLiteral("first-day"));
        const QDate day = TimeArgument::festivalDay(text, read->timeZone);
        if (!day.isValid()) {
            s.err() << "festctl: --first-day " << text << ": expected YYYY-MM-DD, today or tomorrow" << Qt::endl;
            return int(ExitCode::Usage);
        }
        const QDate firstDay = ProgrammeEdits::firstDay(*read);
        if (!firstDay.isValid()) {
            s.err() << "festctl: --first-day: " << path << " has no screening to start the festival with" << Qt::endl;
            return int(ExitCode::Usage);
        }
        s.out() << "Moving " << path << " from " << firstDay.toString(Qt::ISODate) << " to start on "
                << day.toString(Qt::ISODate) << "\n";
        request.insert(QStringLiteral("programme"), ProgrammeJson::toJson(ProgrammeEdits::startOn(*read, day)));
    }
    return s.finish(s.call(QStringLiteral("programme.import"), request), [&](const QJsonObject &r) {
        s.out() << "Imported " << path << ": programme version " << r.value(QStringLiteral("version")).toInteger() << " ("
                << r.value(QStringLiteral("screenings")).toInt() << " screenings, " << r.value(QStringLiteral("films")).toInt()
                << " films, " << r.value(QStringLiteral("screens")).toInt() << " screens)\n";
    });
}

QString titleOf(const Programme &p, const Screening &sc)
{
    if (!sc.title.en.isEmpty() || !sc.title.zh.isEmpty())
        return sc.title.zh.isEmpty() ? sc.title.en : sc.title.en + QStringLiteral(" / ") + sc.title.zh;
    QStringList titles;
    for (const QString &id : sc.filmIds) {
        const Film *f = p.film(id);
        titles << (f ? (f->title.en.isEmpty() ? f->originalTitle : f->title.en) : id);
    }
    return titles.join(QStringLiteral(" + "));
}

int showProgramme(CtlSession &s, const QCommandLineParser &args)
{
    int exitCode = int(ExitCode::Ok);
    QJsonObject message;
    const std::optional<Programme> programme = s.retainedProgramme(&exitCode, &message);
    if (s.json() && !message.isEmpty()) {
        s.out() << QJsonDocument(message).toJson(QJsonDocument::Indented);
        return int(ExitCode::Ok);
    }
    if (!programme)
        return exitCode;
    const QTimeZone zone(programme->timeZone.toUtf8());
    const QString dayText = args.value(QStringLiteral("day"));
    const QDate dayDate = dayText.isEmpty() ? QDate() : TimeArgument::festivalDay(dayText, programme->timeZone);
    if (!dayText.isEmpty() && !dayDate.isValid()) {
        s.err() << "festctl: --day " << dayText << ": expected YYYY-MM-DD, today or tomorrow" << Qt::endl;
        return int(ExitCode::Usage);
    }
    const QString day = dayDate.toString(Qt::ISODate);
    const QString screen = args.value(QStringLiteral("screen"));
    s.out() << programme->festivalName.en << " / " << programme->festivalName.zh << ", programme version "
            << message.value(QStringLiteral("version")).toInteger() << "\n\n";
    TextTable table({QStringLiteral("day"), QStringLiteral("start"), QStringLiteral("end"), QStringLiteral("where"),
                     QStringLiteral("id"), QStringLiteral("programme"), QStringLiteral("status")});
    struct Row {
        QDateTime start, end;
        QString where, id, title, status;
    };
    QList<Row> rows;
    for (const Screening &sc : programme->screenings)
        rows << Row{sc.start, sc.end, sc.screenId, sc.id, titleOf(*programme, sc),
                    sc.isCancelled() ? QStringLiteral("CANCELLED") : QStringLiteral("scheduled")};
    if (screen.isEmpty()) {
        for (const ProgrammeEvent &e : programme->events)
            rows << Row{e.start, e.end, e.venueId, e.id,
                        e.title.zh.isEmpty() ? e.title.en : e.title.en + QStringLiteral(" / ") + e.title.zh,
                        ProgrammeEvent::kindNames().value(int(e.kind))};
    }
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return std::tie(a.start, a.where) < std::tie(b.start, b.where); });
    for (const Row &row : rows) {
        const QDateTime start = zone.isValid() ? row.start.toTimeZone(zone) : row.start;
        const QDateTime end = zone.isValid() ? row.end.toTimeZone(zone) : row.end;
        if (!day.isEmpty() && start.date().toString(Qt::ISODate) != day)
            continue;
        if (!screen.isEmpty() && row.where != screen)
            continue;
        table.addRow({start.date().toString(Qt::ISODate), start.toString(QStringLiteral("HH:mm")),
                      end.date() == start.date() ? end.toString(QStringLiteral("HH:mm")) : end.toString(QStringLiteral("MM-dd HH:mm")),
                      row.where, row.id, row.title, row.status});
    }
    if (table.isEmpty())
        s.out() << "No screenings match.\n";
    else
        table.print(s.out());
    return int(ExitCode::Ok);
}

} // namespace

QList<CtlCommand> programmeCommands()
{
    return {
        {QStringLiteral("programme import"), QStringLiteral("FILE"),
         QStringLiteral("Replace the programme with a JSON programme or a CSV of screenings (validated whole first)."),
         {{QStringLiteral("format"), QStringLiteral("json or csv (default: from the file name)."), QStringLiteral("format")},
          {QStringLiteral("first-day"),
           QStringLiteral("Move the whole festival by whole days so that its first screening day is this one "
                          "(YYYY-MM-DD, today or tomorrow in festival time); JSON only."),
           QStringLiteral("date")}},
         1, importProgramme},
        {QStringLiteral("programme show"), QString(), QStringLiteral("Print the programme on the bus: screenings, panels, workshops, the ceremony."),
         {{QStringLiteral("day"), QStringLiteral("Only this day (YYYY-MM-DD, today or tomorrow; festival time)."), QStringLiteral("date")},
          {QStringLiteral("screen"), QStringLiteral("Only this screen."), QStringLiteral("id")}},
         0, showProgramme},
    };
}

} // namespace fest
