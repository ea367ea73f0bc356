#include "mediagenerator.h"
#include "gstreamerinit.h"
#include "gstref.h"

#include <memory>

#include <gst/gst.h>

namespace fest {

namespace {

QString quoted(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}
} // namespace

QString MediaGenerator::generate(const QString &path, const Options &o)
{
    GStreamerInit::ensure();
    const int frames = o.seconds * o.fps;
    // One audio buffer per video frame keeps both streams the same length.
    const int samplesPerBuffer = 48000 / o.fps;
    QString description =
        QStringLiteral("videotestsrc num-buffers=%1 pattern=%2 ! video/x-raw,width=%3,height=%4,"
                       "framerate=%5/1 ! timeoverlay halignment=center valignment=center "
                       "font-desc=\"Sans 24\" text=%6 ! vp8enc deadline=1 keyframe-max-dist=%5 "
                       "! queue ! webmmux name=mux ! filesink location=%7 ")
            .arg(frames).arg(o.pattern).arg(o.width).arg(o.height).arg(o.fps)
            .arg(quoted(o.label), quoted(path));
    if (o.audio) {
        description += QStringLiteral("audiotestsrc num-buffers=%1 samplesperbuffer=%2 freq=440 "
                                      "! audio/x-raw,rate=48000,channels=2 ! audioconvert ! opusenc "
                                      "! queue ! mux. ")
                           .arg(frames).arg(samplesPerBuffer);
    }

    GError *rawError = nullptr;
    GstPtr<GstElement> pipeline(
        gst_parse_launch(description.toUtf8().constData(), &rawError));
    std::unique_ptr<GError, GErrorFree> parseError(rawError);
    if (!pipeline)
        return QStringLiteral("cannot build the generator pipeline: %1")
            .arg(QString::fromUtf8(parseError ? parseError->message : "unknown"));

    gst_element_set_state(pipeline.get(), GST_STATE_PLAYING);
    GstPtr<GstBus> bus(gst_element_get_bus(pipeline.get()));
    std::unique_ptr<GstMessage, GstMessageUnref> msg(gst_bus_timed_pop_filtered(
        bus.get(), 120 * GST_SECOND, GstMessageType(GST_MESSAGE_EOS | GST_MESSAGE_ERROR)));
    QString result;
    if (!msg) {
        result = QStringLiteral("generating %1 timed out").arg(path);
    } else if (GST_MESSAGE_TYPE(msg.get()) == GST_MESSAGE_ERROR) {
        GError *err = nullptr;
        gchar *debug = nullptr;
        gst_message_parse_error(msg.get(), &err, &debug);
        std::unique_ptr<GError, GErrorFree> error(err);
        std::unique_ptr<gchar, GFree> debugText(debug);
        result = QStringLiteral("generating %1 failed: %2").arg(path, QString::fromUtf8(err->message));
    }
    gst_element_set_state(pipeline.get(), GST_STATE_NULL);
    return result;
}

} // namespace fest
