#include "ctlcommand.h"
#include "ctlsession.h"
#include "playerstatus.h"
#include "texttable.h"

#include <QJsonArray>

namespace fest {

namespace {

QString clockText(const QJsonObject &clock)
{
    if (clock.isEmpty())
        return QStringLiteral("-");
    if (!clock.value(QStringLiteral("synced")).toBool())
        return QStringLiteral("NOT SYNCED");
    return QStringLiteral("%1 µs").arg(clock.value(QStringLiteral("offsetUs")).toInteger());
}

QString itemText(const QJsonObject &status)
{
    const QJsonObject item = status.value(QStringLiteral("item")).toObject();
    if (item.isEmpty())
        return QStringLiteral("-");
    const QJsonObject title = item.value(QStringLiteral("title")).toObject();
    QString text = title.value(QStringLiteral("en")).toString();
    if (text.isEmpty())
        text = title.value(QStringLiteral("original")).toString();
    if (text.isEmpty())
        text = item.value(QStringLiteral("film")).toString();
    const qint64 pos = status.value(QStringLiteral("positionMs")).toInteger() / 1000;
    const qint64 dur = status.value(QStringLiteral("durationMs")).toInteger() / 1000;
    if (dur > 0)
        text += QStringLiteral(" %1:%2/%3:%4").arg(pos / 60).arg(pos % 60, 2, 10, QLatin1Char('0')).arg(dur / 60).arg(dur % 60, 2, 10, QLatin1Char('0'));
    return text;
}

// A player's lateness as the kiosks show it ("running N min late").
QString lateText(const QJsonObject &status)
{
    const int minutes = PlayerStatus::lateMinutes(status.value(QStringLiteral("lateMs")).toInteger());
    return minutes > 0 ? QStringLiteral("%1 min").arg(minutes) : QStringLiteral("-");
}

// OFFLINE once its Will came; SILENT when it is online but has not reported for a while
// (frozen, or cut off before the broker noticed).
QString stateText(const QJsonObject &node)
{
    if (!node.value(QStringLiteral("online")).toBool())
        return QStringLiteral("OFFLINE");
    const QString state = node.value(QStringLiteral("state")).toString();
    return node.value(QStringLiteral("stale")).toBool() ? QStringLiteral("SILENT (%1)").arg(state) : state;
}

int nodes(CtlSession &s, const QCommandLineParser &)
{
    return s.finish(s.call(QStringLiteral("nodes.list")), [&](const QJsonObject &r) {
        const QJsonArray list = r.value(QStringLiteral("nodes")).toArray();
        s.out() << "Controller: programme version " << r.value(QStringLiteral("programmeVersion")).toInteger() << ", "
                << list.size() << " node(s) known\n\n";
        TextTable table({QStringLiteral("account"), QStringLiteral("role"), QStringLiteral("screen"), QStringLiteral("state"),
                         QStringLiteral("item"), QStringLiteral("late"), QStringLiteral("programme"), QStringLiteral("clock offset"),
                         QStringLiteral("last error"), QStringLiteral("last seen")});
        for (const QJsonValue &v : list) {
            const QJsonObject n = v.toObject();
            const QJsonObject error = n.value(QStringLiteral("lastError")).toObject();
            table.addRow({n.value(QStringLiteral("account")).toString(), n.value(QStringLiteral("role")).toString(),
                          n.value(QStringLiteral("screen")).toString("-"),
                          stateText(n),
                          itemText(n), lateText(n), QString::number(n.value(QStringLiteral("programmeVersion")).toInteger()),
                          clockText(n.value(QStringLiteral("clock")).toObject()),
                          error.isEmpty() ? QStringLiteral("-") : TextTable::elided(error.value(QStringLiteral("message")).toString()),
                          n.value(QStringLiteral("lastSeen")).toString()});
        }
        table.print(s.out());
    });
}

} // namespace

QList<CtlCommand> nodeCommands()
{
    return {
        {QStringLiteral("nodes"), QString(), QStringLiteral("Every node the controller knows: state, programme version, clock offset."), {}, 0, nodes},
    };
}

} // namespace fest
