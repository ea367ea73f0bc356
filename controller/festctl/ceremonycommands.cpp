#include "ctlcommand.h"
#include "ctlsession.h"
#include "jsonguard.h"
#include "texttable.h"

#include <QFile>
#include <QJsonArray>

namespace fest {

namespace {

// Cues are numbered from 1 for people; the bus counts from 0.
QString cueText(const QJsonValue &value)
{
    if (!value.isObject())
        return QStringLiteral("-");
    const QJsonObject cue = value.toObject();
    QString text = QStringLiteral("%1. %2").arg(cue.value(QStringLiteral("index")).toInt() + 1).arg(cue.value(QStringLiteral("type")).toString());
    for (const char *key : {"category", "film"})
        if (cue.contains(QLatin1String(key)))
            text += QLatin1Char(' ') + cue.value(QLatin1String(key)).toString();
    return text;
}

void printState(CtlSession &s, const QJsonObject &r)
{
    const bool active = r.value(QStringLiteral("active")).toBool();
    s.out() << "Ceremony: " << (active ? QStringLiteral("running") : QStringLiteral("not running"))
            << (r.value(QStringLiteral("blackout")).toBool() ? QStringLiteral(", BLACKOUT") : QString()) << ", "
            << r.value(QStringLiteral("count")).toInt() << " cue(s), seq " << r.value(QStringLiteral("seq")).toInteger() << "\n"
            << "  current: " << cueText(r.value(QStringLiteral("current"))) << "\n"
            << "  next:    " << cueText(r.value(QStringLiteral("next"))) << "\n";
}

int step(CtlSession &s, const QString &op, const QJsonObject &args = {})
{
    return s.finish(s.call(op, args), [&](const QJsonObject &r) { printState(s, r); });
}

int load(CtlSession &s, const QCommandLineParser &args)
{
    if (args.isSet(QStringLiteral("generate")))
        return step(s, QStringLiteral("ceremony.load"), {{"generate", true}});
    const QString path = args.positionalArguments().value(0);
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        s.err() << "festctl: give a cue list file (see config/ceremony.sample.json) or --generate"
                << (path.isEmpty() ? QString() : QStringLiteral(": cannot read %1: %2").arg(path, file.errorString())) << Qt::endl;
        return int(ExitCode::Usage);
    }
    QString error;
    const std::optional<QJsonObject> cues = JsonGuard::parseObject(file.readAll(), JsonLimits::programme(), &error);
    if (!cues) {
        s.err() << "festctl: " << path << " is not a cue list: " << error << Qt::endl;
        return int(ExitCode::Usage);
    }
    return step(s, QStringLiteral("ceremony.load"), {{"cues", *cues}});
}

int status(CtlSession &s, const QCommandLineParser &)
{
    const std::optional<Reply> ceremony = s.call(QStringLiteral("ceremony.status"));
    if (!ceremony || !ceremony->ok)
        return s.finish(ceremony, {});
    const std::optional<Reply> nodes = s.call(QStringLiteral("nodes.list"));
    QJsonObject result = ceremony->result;
    result.insert(QStringLiteral("nodes"), nodes && nodes->ok ? nodes->result.value(QStringLiteral("nodes")) : QJsonArray());
    return s.finish(Reply::success(result), [&](const QJsonObject &r) {
        printState(s, r);
        const qint64 seq = r.value(QStringLiteral("seq")).toInteger();
        TextTable table({QStringLiteral("node"), QStringLiteral("role"), QStringLiteral("applied seq"), QStringLiteral("following")});
        for (const QJsonValue &v : r.value(QStringLiteral("nodes")).toArray()) {
            const QJsonObject n = v.toObject();
            if (!n.contains(QStringLiteral("ceremony")))
                continue;
            const qint64 applied = n.value(QStringLiteral("ceremony")).toObject().value(QStringLiteral("seq")).toInteger();
            const bool online = n.value(QStringLiteral("online")).toBool();
            table.addRow({n.value(QStringLiteral("account")).toString(), n.value(QStringLiteral("role")).toString(), QString::number(applied),
                          !online ? QStringLiteral("OFFLINE") : applied == seq ? QStringLiteral("yes") : QStringLiteral("BEHIND")});
        }
        s.out() << "\n";
        table.print(s.out());
    });
}

int goTo(CtlSession &s, const QCommandLineParser &args)
{
    bool ok = false;
    const int n = args.positionalArguments().value(0).toInt(&ok);
    if (!ok || n < 1) {
        s.err() << "festctl: N is a cue number as status shows it, from 1" << Qt::endl;
        return int(ExitCode::Usage);
    }
    return step(s, QStringLiteral("ceremony.goto"), {{"index", n - 1}});
}

int blackout(CtlSession &s, const QCommandLineParser &args)
{
    const QString on = args.positionalArguments().value(0);
    if (on != QLatin1String("on") && on != QLatin1String("off")) {
        s.err() << "festctl: say blackout on or blackout off" << Qt::endl;
        return int(ExitCode::Usage);
    }
    return step(s, QStringLiteral("ceremony.blackout"), {{"on", on == QLatin1String("on")}});
}

int setWinner(CtlSession &s, const QCommandLineParser &args)
{
    const QString category = args.positionalArguments().value(0);
    return s.finish(s.call(QStringLiteral("ceremony.set-winner"), {{"category", category}, {"film", args.positionalArguments().value(1)}}),
                    [&](const QJsonObject &) { s.out() << "Winner of " << category << " sealed until its reveal cue.\n"; });
}

int lockAudience(CtlSession &s, const QCommandLineParser &)
{
    return s.finish(s.call(QStringLiteral("ceremony.lock-audience")), [&](const QJsonObject &r) {
        s.out() << "Audience vote locked: the winner of " << r.value(QStringLiteral("category")).toString() << " is sealed until its reveal cue.\n";
    });
}

} // namespace

QList<CtlCommand> ceremonyCommands()
{
    const auto plain = [](const char *op) {
        return [op](CtlSession &s, const QCommandLineParser &) { return step(s, QLatin1String(op)); };
    };
    return {
        {QStringLiteral("ceremony load"), QStringLiteral("FILE | --generate"),
         QStringLiteral("Load the award ceremony's cue list from a file, or generate it from the programme's awards."),
         {{QStringLiteral("generate"), QStringLiteral("Intro, per award: title, nominees, reveal; outro.")}}, 0, load},
        {QStringLiteral("ceremony status"), QString(), QStringLiteral("Current and next cue, and which nodes follow."), {}, 0, status},
        {QStringLiteral("ceremony go"), QString(), QStringLiteral("Show the next cue on every screen and kiosk."), {}, 0, plain("ceremony.go")},
        {QStringLiteral("ceremony back"), QString(), QStringLiteral("Show the previous cue again."), {}, 0, plain("ceremony.back")},
        {QStringLiteral("ceremony goto"), QStringLiteral("N"), QStringLiteral("Jump to cue N (numbered as status shows)."), {}, 1, goTo},
        {QStringLiteral("ceremony blackout"), QStringLiteral("on|off"), QStringLiteral("Black out every ceremony screen, or bring it back."), {}, 1, blackout},
        {QStringLiteral("ceremony end"), QString(), QStringLiteral("Close the ceremony: screens and kiosks leave the ceremony view."), {}, 0, plain("ceremony.end")},
        {QStringLiteral("ceremony set-winner"), QStringLiteral("CATEGORY FILM"),
         QStringLiteral("Seal a jury award's winner; it is not on the bus before its reveal cue."), {}, 2, setWinner},
        {QStringLiteral("ceremony lock-audience"), QString(),
         QStringLiteral("Take the Audience Award winner from the tally now and seal it."), {}, 0, lockAudience},
    };
}

} // namespace fest
