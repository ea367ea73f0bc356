#pragma once

#include "localizedtext.h"

namespace fest {

// One projection surface with one player node; its id is the MQTT topic level of its playlist.
struct Screen
{
    QString id;
    QString venueId;
    LocalizedText name;

    bool operator==(const Screen &) const = default;
};

} // namespace fest
