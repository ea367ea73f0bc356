#include "stillpicture.h"

#include "gstreamerinit.h"
#include "gstref.h"

#include <gst/gst.h>
#include <gst/video/video.h>

#include <QBuffer>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QUrl>

namespace fest {

namespace {

constexpr GstClockTime kWait = 20 * GST_SECOND;

// The pipeline's first error, in GStreamer's words.
QString busError(GstElement *pipeline)
{
    GstPtr<GstBus> bus(gst_element_get_bus(pipeline));
    std::unique_ptr<GstMessage, GstMessageUnref> message(gst_bus_pop_filtered(bus.get(), GST_MESSAGE_ERROR));
    if (!message)
        return QStringLiteral("it did not play");
    GError *raw = nullptr;
    gchar *debug = nullptr;
    gst_message_parse_error(message.get(), &raw, &debug);
    const std::unique_ptr<GError, GErrorFree> error(raw);
    const std::unique_ptr<gchar, GFree> details(debug);
    return QString::fromUtf8(error->message);
}

// Waits for the pipeline to preroll (after PAUSED or a flushing seek).
bool settle(GstElement *pipeline, QString *error)
{
    switch (gst_element_get_state(pipeline, nullptr, nullptr, kWait)) {
    case GST_STATE_CHANGE_SUCCESS:
    case GST_STATE_CHANGE_NO_PREROLL:
        return true;
    case GST_STATE_CHANGE_ASYNC:
        *error = QStringLiteral("it took over %1 s to show a frame").arg(kWait / GST_SECOND);
        return false;
    case GST_STATE_CHANGE_FAILURE:
        break;
    }
    *error = busError(pipeline);
    return false;
}

// The frame of a converted sample (RGBx, square pixels) as a QImage of its own.
QImage toImage(GstSample *sample)
{
    GstVideoInfo info;
    if (!gst_video_info_from_caps(&info, gst_sample_get_caps(sample)))
        return {};
    GstBuffer *buffer = gst_sample_get_buffer(sample);
    GstMapInfo map;
    if (!buffer || !gst_buffer_map(buffer, &map, GST_MAP_READ))
        return {};
    const QImage image = QImage(map.data, GST_VIDEO_INFO_WIDTH(&info), GST_VIDEO_INFO_HEIGHT(&info),
                                GST_VIDEO_INFO_PLANE_STRIDE(&info, 0), QImage::Format_RGBX8888).copy();
    gst_buffer_unmap(buffer, &map);
    return image;
}

// The current frame of a prerolled playbin, converted by playbin itself.
QImage currentFrame(GstElement *playbin)
{
    GstCaps *caps = gst_caps_new_simple("video/x-raw", "format", G_TYPE_STRING, "RGBx", "pixel-aspect-ratio",
                                        GST_TYPE_FRACTION, 1, 1, nullptr);
    GstSample *sample = nullptr;
    g_signal_emit_by_name(playbin, "convert-sample", caps, &sample);
    gst_caps_unref(caps);
    if (!sample)
        return {};
    QImage image = toImage(sample);
    gst_sample_unref(sample);
    return image;
}

} // namespace

qint64 StillPicture::defaultPositionNs(qint64 durationNs)
{
    return qMin<qint64>(durationNs / 10, 60 * GST_SECOND);
}

QImage StillPicture::load(const QString &path, std::optional<double> atSeconds, QString *error)
{
    if (!QFileInfo(path).isFile() || !QFileInfo(path).isReadable()) {
        *error = QStringLiteral("cannot read %1").arg(path);
        return {};
    }
    QImageReader reader(path);
    if (reader.canRead()) {
        if (atSeconds) {
            *error = QStringLiteral("%1 is a picture: --at takes a frame from a video file").arg(path);
            return {};
        }
        reader.setAutoTransform(true);   // a photo taken upright is shown upright
        const QImage picture = reader.read();
        if (picture.isNull())
            *error = QStringLiteral("%1 cannot be read as a picture: %2").arg(path, reader.errorString());
        return picture;
    }
    return frameOf(path, atSeconds, error);
}

QImage StillPicture::frameOf(const QString &path, std::optional<double> atSeconds, QString *error)
{
    GStreamerInit::ensure();
    // playbin is made floating; the pipeline owner takes that reference (ref_sink).
    GstPtr<GstElement> playbin(GST_ELEMENT(gst_object_ref_sink(gst_element_factory_make("playbin", nullptr))));
    GstElement *audio = gst_element_factory_make("fakesink", nullptr);
    GstElement *video = gst_element_factory_make("fakesink", nullptr);
    if (!playbin || !audio || !video) {
        *error = QStringLiteral("GStreamer's playbin or fakesink is missing: install gstreamer1.0-plugins-base");
        return {};
    }
    const QByteArray uri = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toEncoded();
    g_object_set(playbin.get(), "uri", uri.constData(), "audio-sink", audio, "video-sink", video, nullptr);
    QImage frame;
    QString why;
    gst_element_set_state(playbin.get(), GST_STATE_PAUSED);
    if (settle(playbin.get(), &why)) {
        gint64 duration = -1;
        gst_element_query_duration(playbin.get(), GST_FORMAT_TIME, &duration);
        const qint64 at = atSeconds ? qint64(*atSeconds * GST_SECOND) : defaultPositionNs(qMax<gint64>(duration, 0));
        if (duration > 0 && at >= duration)
            why = QStringLiteral("--at %1 s is past its end (%2 s)").arg(*atSeconds).arg(double(duration) / GST_SECOND, 0, 'f', 1);
        else if (at > 0 && !gst_element_seek_simple(playbin.get(), GST_FORMAT_TIME, GstSeekFlags(GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_ACCURATE), at))
            why = QStringLiteral("it cannot be sought to %1 s").arg(double(at) / GST_SECOND);
        else if (settle(playbin.get(), &why) && (frame = currentFrame(playbin.get())).isNull())
            why = QStringLiteral("it has no picture");
    }
    gst_element_set_state(playbin.get(), GST_STATE_NULL);
    if (frame.isNull())
        *error = QStringLiteral("%1 is neither a picture nor a video festctl can take a frame from: %2").arg(path, why);
    return frame;
}

QByteArray StillPicture::toJpeg(const QImage &picture)
{
    QImage fitted = picture;
    if (picture.width() > maxSize.width() || picture.height() > maxSize.height())
        fitted = picture.scaled(maxSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(jpegQuality);
    writer.setOptimizedWrite(true);
    if (!writer.write(fitted.convertToFormat(QImage::Format_RGB32)))
        return {};
    return jpeg;
}

} // namespace fest
