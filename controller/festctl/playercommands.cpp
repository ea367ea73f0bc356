#include "ctlcommand.h"
#include "ctlsession.h"

#include "playerstatus.h"

#include <QJsonArray>

namespace fest {

namespace {

// The player account of a screen (player-<SCREEN>, the protocol's rule), so that staff
// reach a screen's player even while the controller is down; an account is taken as it is.
QString playerFor(const QString &screenOrAccount)
{
    return PlayerStatus::screenOfAccount(screenOrAccount).isEmpty() ? PlayerStatus::accountForScreen(screenOrAccount)
                                                                    : screenOrAccount;
}

int player(CtlSession &s, const QCommandLineParser &args)
{
    const QStringList words = args.positionalArguments();
    const QString action = words.value(1);
    const QString value = words.value(2);
    QJsonObject request;
    bool ok = true;
    if (action == QLatin1String("seek")) {
        // "1:30", "90" (seconds)
        const QStringList parts = value.split(QLatin1Char(':'));
        qint64 seconds = 0;
        for (const QString &part : parts) {
            bool partOk = false;
            seconds = seconds * 60 + part.toLongLong(&partOk);
            ok = ok && partOk;
        }
        request.insert(QStringLiteral("positionMs"), seconds * 1000);
    } else if (action == QLatin1String("volume")) {
        const double level = value.toDouble(&ok);
        ok = ok && level >= 0 && level <= 1;
        request.insert(QStringLiteral("level"), level);
    } else if (action == QLatin1String("blackout")) {
        ok = value == QLatin1String("on") || value == QLatin1String("off");
        request.insert(QStringLiteral("on"), value == QLatin1String("on"));
    } else {
        ok = QStringList{"hold", "resume", "stop", "skip", "restart"}.contains(action);
    }
    if (!ok) {
        s.err() << "festctl: usage: player SCREEN hold|resume|stop|skip|restart|seek MM:SS|volume 0..1|blackout on|off" << Qt::endl;
        return int(ExitCode::Usage);
    }
    const QString account = playerFor(words.value(0));
    return s.finish(s.callNode(account, QStringLiteral("player.") + action, request), [&](const QJsonObject &r) {
        s.out() << account << ": " << action << " done";
        if (r.contains(QStringLiteral("delayMs")))
            s.out() << "; the screen is " << r.value(QStringLiteral("delayMs")).toInteger() / 1000
                    << " s behind schedule (festctl screening delay shifts its later screenings)";
        if (r.contains(QStringLiteral("positionMs")))
            s.out() << " at " << r.value(QStringLiteral("positionMs")).toInteger() / 1000 << " s";
        s.out() << "\n";
    });
}

} // namespace

QList<CtlCommand> playerCommands()
{
    return {
        {QStringLiteral("player"), QStringLiteral("SCREEN hold|resume|stop|skip|restart|seek MM:SS|volume 0..1|blackout on|off"),
         QStringLiteral("Command the player of a screen (or a player account) directly."), {}, 2, player},
    };
}

} // namespace fest
