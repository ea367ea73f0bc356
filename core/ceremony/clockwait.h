#pragma once

#include <QtGlobal>

typedef struct _GstClock GstClock;

namespace fest {

// Sleeps the calling thread until an instant of a GStreamer clock (a node's show clock,
// a GstNetClientClock), with gst_clock_id_wait: the kernel wakes the thread at the
// instant, translated to the machine's clock through the net clock's calibration.
// A sleeping thread costs no CPU, and the scheduler runs a thread that wakes from sleep
// promptly; a thread that spins competes with every other spinning node for the cores.
class ClockWait
{
public:
    // Blocks until clock reads atUs (microseconds); returns at once when it is past.
    // false when the wait could not be set up (then the caller spins instead).
    static bool until(GstClock *clock, qint64 atUs);
};

} // namespace fest
