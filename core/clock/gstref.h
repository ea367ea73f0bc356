#pragma once

#include <memory>

namespace fest {

// Owners of GStreamer and GLib objects, usable in headers that keep GStreamer's own
// headers out (forward declarations of _GstElement and the like are enough).
struct GstObjectUnref { void operator()(void *object) const; };   // gst_object_unref
struct GObjectUnref { void operator()(void *object) const; };     // g_object_unref
struct GstMessageUnref { void operator()(void *message) const; }; // gst_message_unref
struct GErrorFree { void operator()(void *error) const; };        // g_error_free
struct GFree { void operator()(void *memory) const; };            // g_free

template<typename T> using GstPtr = std::unique_ptr<T, GstObjectUnref>;
template<typename T> using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

} // namespace fest
