#pragma once

#include "localizedtext.h"

namespace fest {

// A building or hall; holds one or more screens and hosts events.
struct Venue
{
    QString id;
    LocalizedText name;
    LocalizedText address;

    bool operator==(const Venue &) const = default;
};

} // namespace fest
