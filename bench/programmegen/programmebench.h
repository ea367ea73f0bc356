#pragma once

#include "programme.h"

#include <QJsonObject>

namespace fest {

// Times the programme operations the controller and the nodes run on every change
// (decode, validate, encode + hash, all playlists, CSV) on one programme, `rounds` times
// each, and reports the median and worst in milliseconds.
class ProgrammeBench
{
public:
    static QJsonObject run(const Programme &programme, int rounds, int changeoverMinutes);
};

} // namespace fest
