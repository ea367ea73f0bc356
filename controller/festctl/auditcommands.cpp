#include "ctlcommand.h"
#include "ctlsession.h"
#include "texttable.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace fest {

namespace {

QString brief(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("-");
    const QString text = v.isObject() ? QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact))
                                      : v.toVariant().toString();
    return text.size() > 60 ? text.left(57) + QStringLiteral("...") : text;
}

int audit(CtlSession &s, const QCommandLineParser &args)
{
    QJsonObject request{{"limit", args.value(QStringLiteral("limit")).toInt() > 0 ? args.value(QStringLiteral("limit")).toInt() : 50}};
    if (args.isSet(QStringLiteral("account")))
        request.insert(QStringLiteral("account"), args.value(QStringLiteral("account")));
    return s.finish(s.call(QStringLiteral("audit.list"), request), [&](const QJsonObject &r) {
        TextTable table({QStringLiteral("when (UTC)"), QStringLiteral("account"), QStringLiteral("operation"),
                         QStringLiteral("version"), QStringLiteral("before"), QStringLiteral("after")});
        for (const QJsonValue &v : r.value(QStringLiteral("entries")).toArray()) {
            const QJsonObject e = v.toObject();
            table.addRow({e.value(QStringLiteral("at")).toString(), e.value(QStringLiteral("account")).toString(),
                          e.value(QStringLiteral("op")).toString(),
                          e.contains(QStringLiteral("programmeVersion")) ? QString::number(e.value(QStringLiteral("programmeVersion")).toInteger()) : QStringLiteral("-"),
                          brief(e.value(QStringLiteral("before"))), brief(e.value(QStringLiteral("after")))});
        }
        table.print(s.out());
    });
}

} // namespace

QList<CtlCommand> auditCommands()
{
    return {
        {QStringLiteral("audit"), QString(), QStringLiteral("Who changed what, newest first."),
         {{QStringLiteral("limit"), QStringLiteral("How many entries (default 50)."), QStringLiteral("n")},
          {QStringLiteral("account"), QStringLiteral("Only this account's changes."), QStringLiteral("account")}},
         0, audit},
    };
}

} // namespace fest
