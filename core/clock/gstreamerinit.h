#pragma once

namespace fest {

// GStreamer must be initialised once per process before any element or clock exists;
// every class of the show clock and the player calls this so that no caller has to
// remember the order.
class GStreamerInit
{
public:
    static void ensure();
};

} // namespace fest
