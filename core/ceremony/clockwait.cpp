#include "clockwait.h"

#include <gst/gst.h>

namespace fest {

bool ClockWait::until(GstClock *clock, qint64 atUs)
{
    if (!clock || atUs <= 0)
        return false;
    GstClockID id = gst_clock_new_single_shot_id(clock, GstClockTime(atUs) * 1000);
    if (!id)
        return false;
    const GstClockReturn result = gst_clock_id_wait(id, nullptr);
    gst_clock_id_unref(id);
    return result == GST_CLOCK_OK || result == GST_CLOCK_EARLY;
}

} // namespace fest
