// festctl tickets issue | voting open/close | results: the audience vote's organiser
// commands (controller side: controller/votes, VoteService).
#include "ctlcommand.h"
#include "ctlsession.h"
#include "texttable.h"
#include "ticketqr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QSaveFile>

namespace fest {

namespace {

// A printable QR image of text (TicketQr).
bool writeQr(const QString &text, const QString &path)
{
    const QImage image = TicketQr::image(text);
    return !image.isNull() && image.save(path, "PNG");
}

int issueTickets(CtlSession &s, const QCommandLineParser &args)
{
    bool ok = false;
    const int count = args.value(QStringLiteral("count")).toInt(&ok);
    const QString out = args.value(QStringLiteral("out"));
    if (!ok || count < 1 || out.isEmpty() || !args.isSet(QStringLiteral("screening"))) {
        s.err() << "festctl: give --screening ID, --count N (1 or more) and --out FILE.csv" << Qt::endl;
        return int(ExitCode::Usage);
    }
    const QString screening = args.value(QStringLiteral("screening"));
    const std::optional<Reply> reply = s.call(QStringLiteral("tickets.issue"), {{"screening", screening}, {"count", count}});
    if (!reply || !reply->ok)
        return s.finish(reply, {});
    const QJsonArray codes = reply->result.value(QStringLiteral("codes")).toArray();
    const QFileInfo csvInfo(out);
    const QString qrDir = csvInfo.absolutePath() + u'/' + csvInfo.completeBaseName() + QStringLiteral("-qr");
    QSaveFile csv(out);
    if (!csv.open(QIODevice::WriteOnly | QIODevice::Text) || !QDir().mkpath(qrDir)) {
        s.err() << "festctl: cannot write " << out << " or " << qrDir << ": " << csv.errorString()
                << ". The codes were issued; here they are:" << Qt::endl;
        for (const QJsonValue &c : codes)
            s.out() << c.toString() << ',' << screening << '\n';
        return int(ExitCode::Usage);
    }
    csv.write("code,screening\n");
    int images = 0;
    for (const QJsonValue &c : codes) {
        const QString code = c.toString();
        csv.write(code.toLatin1() + ',' + screening.toUtf8() + '\n');
        images += writeQr(code, qrDir + u'/' + code + QStringLiteral(".png"));
    }
    if (!csv.commit()) {
        s.err() << "festctl: cannot write " << out << ": " << csv.errorString() << Qt::endl;
        return int(ExitCode::Usage);
    }
    return s.finish(reply, [&](const QJsonObject &) {
        s.out() << "Issued " << codes.size() << " tickets for " << screening << ": " << out << ", QR images in " << qrDir
                << " (" << images << ")\n";
    });
}

int setVoting(CtlSession &s, const QCommandLineParser &args, bool open)
{
    const QString id = args.positionalArguments().value(0);
    return s.finish(s.call(open ? QStringLiteral("voting.open") : QStringLiteral("voting.close"), {{"screening", id}}),
                    [&](const QJsonObject &r) {
                        s.out() << "Voting for " << id << " is " << r.value(QStringLiteral("state")).toString();
                        if (r.value(QStringLiteral("closesAt")).isString())
                            s.out() << (open ? " until " : " since ") << r.value(QStringLiteral("closesAt")).toString();
                        s.out() << '\n';
                    });
}

int results(CtlSession &s, const QCommandLineParser &args)
{
    QJsonObject request;
    if (args.isSet(QStringLiteral("minimum-votes")))
        request.insert(QStringLiteral("minimumVotes"), args.value(QStringLiteral("minimum-votes")).toInt());
    const bool csv = args.isSet(QStringLiteral("csv"));
    return s.finish(s.call(QStringLiteral("results.get"), request), [&](const QJsonObject &r) {
        const QJsonArray films = r.value(QStringLiteral("films")).toArray();
        if (csv) {
            s.out() << "rank,film,votes,mean,weighted,screenings,provisional\n";
        } else {
            s.out() << r.value(QStringLiteral("votes")).toInteger() << " votes counted, mean "
                    << QString::number(r.value(QStringLiteral("mean")).toDouble(), 'f', 2) << ", minimum votes "
                    << r.value(QStringLiteral("minimumVotes")).toInt() << " (films below it are provisional, marked *)\n";
        }
        TextTable table({QStringLiteral("rank"), QStringLiteral("film"), QStringLiteral("votes"), QStringLiteral("mean"),
                         QStringLiteral("weighted"), QStringLiteral("screenings")});
        int rank = 0;
        for (const QJsonValue &v : films) {
            const QJsonObject f = v.toObject();
            QStringList cells{QString::number(++rank), f.value(QStringLiteral("film")).toString(),
                                    QString::number(f.value(QStringLiteral("votes")).toInteger()),
                                    QString::number(f.value(QStringLiteral("mean")).toDouble(), 'f', 3),
                                    QString::number(f.value(QStringLiteral("weighted")).toDouble(), 'f', 3),
                                    QString::number(f.value(QStringLiteral("screenings")).toInteger())};
            const bool provisional = f.value(QStringLiteral("provisional")).toBool();
            if (csv)
                s.out() << cells.join(u',') << (provisional ? ",yes\n" : ",no\n");
            else
                table.addRow((cells[1] += provisional ? QStringLiteral(" *") : QString(), cells));
        }
        if (!csv)
            table.print(s.out());
    });
}

} // namespace

QList<CtlCommand> voteCommands()
{
    return {
        {QStringLiteral("tickets issue"), QStringLiteral("--screening ID --count N --out FILE.csv"),
         QStringLiteral("Issue ticket codes for a screening: a CSV and a folder of printable QR images."),
         {{QStringLiteral("screening"), QStringLiteral("The screening the tickets are for."), QStringLiteral("id")},
          {QStringLiteral("count"), QStringLiteral("How many tickets (at most 10000 a time)."), QStringLiteral("n")},
          {QStringLiteral("out"), QStringLiteral("CSV file to write; QR images go to FILE-qr/."), QStringLiteral("file")}},
         0, issueTickets},
        {QStringLiteral("voting open"), QStringLiteral("SCREENING"), QStringLiteral("Open audience voting for a screening now, until closed by hand."),
         {}, 1, [](CtlSession &s, const QCommandLineParser &a) { return setVoting(s, a, true); }},
        {QStringLiteral("voting close"), QStringLiteral("SCREENING"), QStringLiteral("Close audience voting for a screening now."),
         {}, 1, [](CtlSession &s, const QCommandLineParser &a) { return setVoting(s, a, false); }},
        {QStringLiteral("results"), QStringLiteral("[--csv]"), QStringLiteral("Audience Award standings (sealed: organisers only)."),
         {{QStringLiteral("csv"), QStringLiteral("Print CSV instead of a table.")},
          {QStringLiteral("minimum-votes"), QStringLiteral("Bayesian minimum votes (default: the controller's)."), QStringLiteral("n")}},
         0, results},
    };
}

} // namespace fest
