#include "playercommands.h"

#include "playbackengine.h"

#include <QJsonValue>

namespace fest {

namespace {
Reply invalidArgs(const QString &message)
{
    return Reply::failure(ErrorCode::InvalidArgs, message);
}

bool onlyKeys(const QJsonObject &args, const QStringList &allowed)
{
    for (auto it = args.begin(); it != args.end(); ++it) {
        if (!allowed.contains(it.key()))
            return false;
    }
    return true;
}
} // namespace

Reply PlayerCommands::nothingPlaying(const QString &action) const
{
    return Reply::failure(ErrorCode::NotPlaying,
                          QStringLiteral("Nothing is playing on this screen, so there is nothing to %1. "
                                         "Check the screen's state with `festctl nodes`.").arg(action));
}

Reply PlayerCommands::execute(const Request &request)
{
    const QString &op = request.op;
    const QJsonObject &args = request.args;
    const bool noArgs = args.isEmpty();
    if (op == QLatin1String("player.seek"))
        return seek(args);
    if (op == QLatin1String("player.volume"))
        return volume(args);
    if (op == QLatin1String("player.blackout"))
        return blackout(args);
    if (op == QLatin1String("player.media")) {
        if (!noArgs)
            return invalidArgs(QStringLiteral("player.media takes no arguments."));
        // What the readiness checks found of every film still to play (festctl media check).
        return Reply::success(MediaReport::listToJson(m_engine.mediaReports()));
    }
    const QStringList simple{QStringLiteral("player.hold"), QStringLiteral("player.resume"), QStringLiteral("player.stop"),
                             QStringLiteral("player.skip"), QStringLiteral("player.restart")};
    if (!simple.contains(op))
        return Reply::failure(ErrorCode::UnknownOp,
                              QStringLiteral("A player does not know \"%1\". Use one of: %2, player.seek, player.volume, "
                                             "player.blackout, player.media.").arg(op, simple.join(QStringLiteral(", "))));
    if (!noArgs)
        return invalidArgs(QStringLiteral("%1 takes no arguments.").arg(op));

    if (op == QLatin1String("player.hold")) {
        if (!m_engine.hold())
            return nothingPlaying(QStringLiteral("hold"));
        return Reply::success({{"positionMs", m_engine.positionNs() / 1'000'000}});
    }
    if (op == QLatin1String("player.resume")) {
        const qint64 delay = m_engine.resume();
        if (delay < 0)
            return Reply::failure(ErrorCode::NotHeld,
                                  QStringLiteral("The screen is neither held nor stopped; nothing to resume."));
        // The controller shifts the screen's later items by this much if it wants to.
        return Reply::success({{"delayMs", delay / 1'000'000}});
    }
    if (op == QLatin1String("player.stop")) {
        if (!m_engine.stop())
            return Reply::failure(ErrorCode::AlreadyStopped,
                                  QStringLiteral("The screen is already stopped. Use player.resume to rejoin the schedule."));
        return Reply::success();
    }
    if (op == QLatin1String("player.skip")) {
        const auto item = m_engine.currentItem();
        if (!m_engine.skip())
            return nothingPlaying(QStringLiteral("skip"));
        return Reply::success({{"skipped", item ? item->id : QString()}});
    }
    if (!m_engine.restartItem())
        return nothingPlaying(QStringLiteral("restart"));
    return Reply::success();
}

Reply PlayerCommands::seek(const QJsonObject &args)
{
    const QJsonValue pos = args.value(QStringLiteral("positionMs"));
    if (!onlyKeys(args, {QStringLiteral("positionMs")}) || !pos.isDouble() || pos.toDouble() != double(pos.toInteger())
        || pos.toInteger() < 0)
        return invalidArgs(QStringLiteral("player.seek needs {\"positionMs\": a whole number of milliseconds >= 0}."));
    const auto item = m_engine.currentItem();
    if (!item)
        return nothingPlaying(QStringLiteral("seek in"));
    // In milliseconds: positionMs may be as large as a JSON number allows, and * 1000 overflows.
    if (pos.toInteger() >= (item->durationUs + 999) / 1000)
        return invalidArgs(QStringLiteral("positionMs %1 is past the end of the item (%2 ms).")
                               .arg(pos.toInteger()).arg(item->durationUs / 1000));
    if (!m_engine.seek(pos.toInteger() * 1'000'000))
        return nothingPlaying(QStringLiteral("seek in"));
    return Reply::success({{"positionMs", pos.toInteger()}});
}

Reply PlayerCommands::volume(const QJsonObject &args)
{
    const QJsonValue level = args.value(QStringLiteral("level"));
    if (!onlyKeys(args, {QStringLiteral("level")}) || !level.isDouble() || level.toDouble() < 0.0 || level.toDouble() > 1.0)
        return invalidArgs(QStringLiteral("player.volume needs {\"level\": a number from 0 to 1}."));
    m_engine.setVolume(level.toDouble());
    return Reply::success({{"level", m_engine.volume()}});
}

Reply PlayerCommands::blackout(const QJsonObject &args)
{
    const QJsonValue on = args.value(QStringLiteral("on"));
    if (!onlyKeys(args, {QStringLiteral("on")}) || !on.isBool())
        return invalidArgs(QStringLiteral("player.blackout needs {\"on\": true or false}."));
    m_engine.setBlackout(on.toBool());
    return Reply::success({{"on", m_engine.blackout()}});
}

} // namespace fest
