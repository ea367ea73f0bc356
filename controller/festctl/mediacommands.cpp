#include "ctlcommand.h"
#include "ctlsession.h"
#include "texttable.h"
#include "timeargument.h"

#include "mediareport.h"
#include "messagetype.h"
#include "playerstatus.h"
#include "programmejson.h"
#include "topics.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

#include <algorithm>

namespace fest {

namespace {

// The table's word: errors shout.
QString severityLabel(MediaReport::Severity s)
{
    switch (s) {
    case MediaReport::Severity::Error:
        return QStringLiteral("ERROR");
    case MediaReport::Severity::Warning:
        return QStringLiteral("warning");
    case MediaReport::Severity::Fine:
        break;
    }
    return QStringLiteral("ok");
}

QString pictureText(const MediaReport &r)
{
    if (r.videoCodec.isEmpty())
        return QStringLiteral("-");
    QString text = QStringLiteral("%1 %2x%3").arg(r.videoCodec.section(QLatin1Char(' '), 0, 0)).arg(r.width).arg(r.height);
    if (r.fps > 0)
        text += QStringLiteral(" %1").arg(r.fps, 0, 'g', 5);
    if (r.decodeSpeed > 0)
        text += QStringLiteral(" (%1x%2)").arg(r.decodeSpeed, 0, 'f', 1).arg(r.hardware ? QStringLiteral(" hw") : QString());
    return text;
}

QString soundText(const MediaReport &r)
{
    if (r.audioCodec.isEmpty())
        return QStringLiteral("-");
    QString text = QStringLiteral("%1 %2ch").arg(r.audioCodec.section(QLatin1Char(' '), 0, 0)).arg(r.audioChannels);
    if (r.loudnessLufs)
        text += QStringLiteral(" %1 LUFS %2%3 dB").arg(*r.loudnessLufs, 0, 'f', 1).arg(r.gainDb >= 0 ? QStringLiteral("+") : QString())
                    .arg(r.gainDb, 0, 'f', 1);
    return text;
}

QString runText(const MediaReport &r)
{
    if (r.durationMs < 0)
        return QStringLiteral("-");
    const qint64 s = (r.durationMs + 500) / 1000;
    return QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
}

struct Row
{
    QString screen;
    QDateTime start;
    MediaReport report;
};

// Every film scheduled (on the screen and day asked for), as the player that will play
// it checked it, worst first: so that the night before, staff fix every problem at once.
int mediaCheck(CtlSession &s, const QCommandLineParser &args)
{
    int exitCode = int(ExitCode::Ok);
    const std::optional<Programme> programme = s.retainedProgramme(&exitCode);
    if (!programme)
        return exitCode;
    const QTimeZone zone(programme->timeZone.toUtf8());
    const QString dayText = args.value(QStringLiteral("day"));
    const QDate day = dayText.isEmpty() ? QDate() : TimeArgument::festivalDay(dayText, programme->timeZone);
    if (!dayText.isEmpty() && !day.isValid()) {
        s.err() << "festctl: --day " << dayText << ": expected YYYY-MM-DD, today or tomorrow" << Qt::endl;
        return int(ExitCode::Usage);
    }
    const QString onlyScreen = args.value(QStringLiteral("screen"));

    // What is scheduled, by screen: screening/film -> its start.
    QMap<QString, QList<std::pair<QString, QDateTime>>> scheduled;
    for (const Screening &sc : programme->screenings) {
        const QDateTime start = zone.isValid() ? sc.start.toTimeZone(zone) : sc.start;
        if (sc.isCancelled() || (!onlyScreen.isEmpty() && sc.screenId != onlyScreen) || (day.isValid() && start.date() != day))
            continue;
        for (const QString &film : sc.filmIds)
            scheduled[sc.screenId].append({sc.id + QLatin1Char('/') + film, start});
    }
    if (scheduled.isEmpty()) {
        s.out() << "No screenings match: nothing to check.\n";
        return int(ExitCode::Ok);
    }

    // Every player's last status at once (a festival of 100 screens has some without a
    // player yet: none of them is waited for).
    QHash<QString, QJsonObject> statuses;
    for (const QJsonObject &status : s.retainedAll(Topics::nodeStatus(QStringLiteral("+")), MessageType::status(), 1000)) {
        if (const auto account = Topics::parseNodeStatus(status.value(QStringLiteral("_topic")).toString()))
            statuses.insert(*account, status);
    }
    QList<Row> rows;
    QStringList unreachable;
    for (auto it = scheduled.cbegin(); it != scheduled.cend(); ++it) {
        const QString screen = it.key();
        const QString account = PlayerStatus::accountForScreen(screen);
        // A player that is gone is not asked (and waited for): its films are listed unchecked.
        const std::optional<QJsonObject> status = statuses.contains(account) ? std::optional(statuses.value(account)) : std::nullopt;
        const bool online = status && status->value(QStringLiteral("state")).toString() != QLatin1String("offline");
        std::optional<QList<MediaReport>> reports;
        QString why;
        if (online) {
            const std::optional<Reply> reply = s.callNode(account, QStringLiteral("player.media"));
            if (reply && reply->ok)
                reports = MediaReport::listFromJson(reply->result, &why);
            else if (reply)
                why = QStringLiteral("answered: %1").arg(reply->message);
            else  // the broker drops a request from an account the players do not answer
                why = QStringLiteral("did not answer: players answer staff accounts only (festctl --user booth)");
        } else {
            why = status ? QStringLiteral("is offline") : QStringLiteral("has never been on the bus");
        }
        if (!reports)
            unreachable << QStringLiteral("%1 %2").arg(account, why);
        QHash<QString, MediaReport> byItem;
        for (const MediaReport &r : reports.value_or(QList<MediaReport>()))
            byItem.insert(r.itemId, r);
        for (const auto &[item, start] : it.value()) {
            MediaReport r = byItem.value(item);
            if (r.itemId.isEmpty()) {
                r.itemId = item;
                r.screening = item.section(QLatin1Char('/'), 0, 0);
                r.film = item.section(QLatin1Char('/'), 1);
                r.checked = true;
                r.errorCode = QStringLiteral("not_checked");
                r.message = reports ? QStringLiteral("%1 does not have it in its playlist (an older programme, or it has "
                                                     "played already)").arg(account)
                                    : QStringLiteral("%1 %2%3").arg(account, why, online ? QString()
                                                                                 : QStringLiteral(": start it to check this film"));
            }
            rows.append({screen, start, r});
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        const int sa = int(a.report.severity()), sb = int(b.report.severity());
        return sa != sb ? sa > sb : std::tie(a.start, a.screen) < std::tie(b.start, b.screen);
    });
    int errorCount = 0, warningCount = 0;
    for (const Row &row : rows) {
        errorCount += row.report.severity() == MediaReport::Severity::Error;
        warningCount += row.report.severity() == MediaReport::Severity::Warning;
    }
    if (s.json()) {
        QJsonArray films;
        for (const Row &row : rows) {
            QJsonObject o = row.report.toJson();
            o.insert(QStringLiteral("screen"), row.screen);
            o.insert(QStringLiteral("start"), ProgrammeJson::timeToString(row.start));
            films.append(o);
        }
        s.out() << QJsonDocument(QJsonObject{{"films", films}, {"errors", errorCount}, {"warnings", warningCount},
                                             {"unreachable", QJsonArray::fromStringList(unreachable)}})
                       .toJson(QJsonDocument::Indented);
    } else {
        TextTable table({QStringLiteral(""), QStringLiteral("when"), QStringLiteral("screen"), QStringLiteral("film"),
                         QStringLiteral("runs"), QStringLiteral("picture"), QStringLiteral("sound"), QStringLiteral("subs"),
                         QStringLiteral("problem")});
        for (const Row &row : rows) {
            const MediaReport &r = row.report;
            const QStringList problems = r.problems();
            table.addRow({severityLabel(r.severity()), row.start.toString(QStringLiteral("MM-dd HH:mm")), row.screen,
                          r.itemId, runText(r), pictureText(r), soundText(r),
                          r.subtitles.isEmpty() ? QStringLiteral("-") : r.subtitles.join(QLatin1Char('+')),
                          problems.isEmpty() ? QStringLiteral("-")
                                             : TextTable::elided(problems.first(), 60)
                                                   + (problems.size() > 1 ? QStringLiteral(" (+%1)").arg(problems.size() - 1) : QString())});
        }
        table.print(s.out());
        s.out() << "\n" << rows.size() << " film(s) checked: " << errorCount << " with errors, " << warningCount
                << " with warnings.\n";
        for (const Row &row : rows) {
            for (const QString &p : row.report.problems())
                s.out() << "  " << row.report.itemId << " on " << row.screen << ": " << p << "\n";
        }
        for (const QString &u : unreachable)
            s.out() << "Not checked: " << u << "\n";
    }
    return errorCount > 0 || !unreachable.isEmpty() ? int(ExitCode::Refused) : int(ExitCode::Ok);
}

} // namespace

QList<CtlCommand> mediaCommands()
{
    return {
        {QStringLiteral("media check"), QString(),
         QStringLiteral("Every scheduled film as the player that will play it checked it (codec, size, frame rate, "
                        "runtime, sound and loudness, subtitles, checksum, real-time decoding), worst first."),
         {{QStringLiteral("day"), QStringLiteral("Only this day (YYYY-MM-DD, today or tomorrow; festival time)."), QStringLiteral("date")},
          {QStringLiteral("screen"), QStringLiteral("Only this screen."), QStringLiteral("id")}},
         0, mediaCheck},
    };
}

} // namespace fest
