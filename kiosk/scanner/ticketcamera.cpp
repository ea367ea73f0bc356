#include "ticketcamera.h"

#include "gstreamerinit.h"
#include "scannedtext.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLoggingCategory>

#include <gst/gst.h>

Q_LOGGING_CATEGORY(lcScanner, "fest.scanner")

namespace fest {

TicketCamera::TicketCamera(QObject *parent)
    : QObject(parent)
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(10000);
    connect(&m_retry, &QTimer::timeout, this, [this] { start(m_source); });
}

TicketCamera::~TicketCamera()
{
    teardown();
}

QString TicketCamera::pipelineFor(const QString &source)
{
    const QString input = source.startsWith(u'/') ? QStringLiteral("v4l2src device=\"%1\"").arg(source) : source;
    // Ten pictures a second are plenty to read a ticket held still, and spare the CPU.
    return input + QStringLiteral(" ! videoconvert ! videorate drop-only=true max-rate=10 ! zbar cache=true ! fakesink sync=false async=false");
}

void TicketCamera::start(const QString &source)
{
    teardown();
    m_source = source.trimmed();
    if (m_source.isEmpty()) {
        setError(Error::None, {});
        return;
    }
    GStreamerInit::ensure();
    if (m_source.startsWith(u'/') && !QFileInfo::exists(m_source)) {
        fail(Error::NoSuchDevice, tr("The ticket camera %1 is not there. Check its cable, or set [scanner] camera= to the right device (ls /dev/video*).").arg(m_source));
        return;
    }
    if (GstPtr<GstElementFactory> zbar{gst_element_factory_find("zbar")}; !zbar) {
        fail(Error::ElementMissing, tr("The ticket camera cannot read QR codes: GStreamer's zbar element is missing (install gstreamer1.0-plugins-bad)."));
        return;
    }
    GError *error = nullptr;
    GstElement *pipeline = gst_parse_launch(pipelineFor(m_source).toUtf8().constData(), &error);
    if (error) {
        const QString why = QString::fromUtf8(error->message);
        g_error_free(error);
        if (pipeline)
            gst_object_unref(pipeline);
        fail(Error::NotPlaying, tr("The ticket camera's source \"%1\" is not usable: %2.").arg(m_source, why));
        return;
    }
    m_pipeline.reset(pipeline);
    GstBus *bus = gst_element_get_bus(pipeline);
    m_busWatch = gst_bus_add_watch(bus, GstBusFunc(&TicketCamera::busCallback), this);
    gst_object_unref(bus);
    if (gst_element_set_state(pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE) {
        fail(Error::NotPlaying, tr("The ticket camera %1 does not start (busy, or not a camera?). It is tried again every %2 s.")
                                    .arg(m_source).arg(m_retry.interval() / 1000));
        return;
    }
    Q_EMIT runningChanged();
    qCInfo(lcScanner) << "reading QR codes from" << m_source;
}

void TicketCamera::stop()
{
    m_retry.stop();
    teardown();
    m_source.clear();
    setError(Error::None, {});
}

void TicketCamera::teardown()
{
    if (!m_pipeline)
        return;
    if (m_busWatch)
        g_source_remove(m_busWatch);
    m_busWatch = 0;
    gst_element_set_state(m_pipeline.get(), GST_STATE_NULL);
    m_pipeline.reset();
    Q_EMIT runningChanged();
}

int TicketCamera::busCallback(_GstBus *, _GstMessage *message, void *self)
{
    static_cast<TicketCamera *>(self)->onMessage(message);
    return G_SOURCE_CONTINUE;
}

void TicketCamera::onMessage(GstMessage *message)
{
    switch (GST_MESSAGE_TYPE(message)) {
    case GST_MESSAGE_ELEMENT: {
        const GstStructure *s = gst_message_get_structure(message);
        if (!s || !gst_structure_has_name(s, "barcode"))
            return;
        const QString code = ScannedText::ticketCode(QString::fromUtf8(gst_structure_get_string(s, "symbol")));
        if (code.isEmpty())
            return;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (code == m_lastCode && now - m_lastCodeMs < m_repeatAfterMs) {
            m_lastCodeMs = now;
            return;
        }
        m_lastCode = code;
        m_lastCodeMs = now;
        setError(Error::None, {});
        Q_EMIT scanned(code);
        return;
    }
    case GST_MESSAGE_ERROR: {
        GError *error = nullptr;
        gchar *debug = nullptr;
        gst_message_parse_error(message, &error, &debug);
        const QString why = error ? QString::fromUtf8(error->message) : QString();
        qCWarning(lcScanner) << "camera" << m_source << "failed:" << why << (debug ? debug : "");
        if (error)
            g_error_free(error);
        g_free(debug);
        // Torn down from the event loop, not from inside the bus's own callback.
        QMetaObject::invokeMethod(this, [this, why] {
            fail(Error::NotPlaying, tr("The ticket camera %1 stopped: %2. It is tried again every %3 s.")
                                        .arg(m_source, why).arg(m_retry.interval() / 1000));
        }, Qt::QueuedConnection);
        return;
    }
    case GST_MESSAGE_EOS:
        // A file source ran out (rehearsal): keep reading it.
        QMetaObject::invokeMethod(this, [this] { start(m_source); }, Qt::QueuedConnection);
        return;
    default:
        return;
    }
}

void TicketCamera::fail(Error error, const QString &text)
{
    teardown();
    setError(error, text);
    qCWarning(lcScanner).noquote() << text;
    if (error != Error::ElementMissing)
        m_retry.start();
}

void TicketCamera::setError(Error error, const QString &text)
{
    if (m_error == error && m_errorString == text)
        return;
    m_error = error;
    m_errorString = text;
    Q_EMIT errorChanged();
}

} // namespace fest
