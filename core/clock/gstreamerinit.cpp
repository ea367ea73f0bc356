#include "gstreamerinit.h"

#include <gst/gst.h>

namespace fest {

void GStreamerInit::ensure()
{
    if (!gst_is_initialized())
        gst_init(nullptr, nullptr);
}

} // namespace fest
