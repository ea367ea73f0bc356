#include "gstref.h"

#include <gst/gst.h>

namespace fest {

void GstObjectUnref::operator()(void *object) const
{
    if (object)
        gst_object_unref(object);
}

void GObjectUnref::operator()(void *object) const
{
    if (object)
        g_object_unref(object);
}

void GstMessageUnref::operator()(void *message) const
{
    if (message)
        gst_message_unref(static_cast<GstMessage *>(message));
}

void GErrorFree::operator()(void *error) const
{
    if (error)
        g_error_free(static_cast<GError *>(error));
}

void GFree::operator()(void *memory) const
{
    g_free(memory);
}

} // namespace fest
