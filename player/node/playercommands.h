#pragma once

#include "reply.h"
#include "request.h"

namespace fest {

class PlaybackEngine;

// Staff commands on a player (docs/player.md): player.hold, player.resume, player.stop,
// player.skip, player.restart, player.seek {positionMs}, player.volume {level 0..1},
// player.blackout {on}, player.media (every film still to play as its readiness check
// found it: MediaReport). Arguments are checked before anything happens; every outcome
// is a typed Reply.
class PlayerCommands
{
public:
    explicit PlayerCommands(PlaybackEngine &engine) : m_engine(engine) {}
    Reply execute(const Request &request);

private:
    Reply seek(const QJsonObject &args);
    Reply volume(const QJsonObject &args);
    Reply blackout(const QJsonObject &args);
    Reply nothingPlaying(const QString &action) const;

    PlaybackEngine &m_engine;
};

} // namespace fest
