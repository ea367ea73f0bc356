#pragma once

#include "gstref.h"

#include <QObject>
#include <QString>
#include <QTimer>

struct _GstElement;
struct _GstBus;
struct _GstMessage;

namespace fest {

// The kiosk's camera reading tickets' QR codes: a GStreamer pipeline from the camera
// through zbar (gstreamer1.0-plugins-bad), whose "barcode" messages are read on the Qt
// thread. A code that passes the check symbol (ScannedText) is emitted once; the same
// code again only after a pause, so a ticket held in front of the lens votes once.
//
// The source is a V4L2 device ("/dev/video0") or, for rehearsals and tests, any
// GStreamer source description that produces video ("filesrc location=qr.png ! pngdec
// ! imagefreeze"). A camera that fails (unplugged, busy, no such device) is an error
// with words for staff, and is tried again every retryMs: plugging it back in is enough.
class TicketCamera : public QObject
{
    Q_OBJECT
    Q_PROPERTY(Error error READ error NOTIFY errorChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
public:
    enum class Error { None, NoSuchDevice, NotPlaying, ElementMissing };
    Q_ENUM(Error)

    explicit TicketCamera(QObject *parent = nullptr);
    ~TicketCamera() override;

    // "/dev/videoN" or a source description; empty stops the camera.
    void start(const QString &source);
    void stop();
    bool running() const { return m_pipeline != nullptr; }
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    QString source() const { return m_source; }
    void setRetryMs(int ms) { m_retry.setInterval(ms); }
    void setRepeatAfterMs(int ms) { m_repeatAfterMs = ms; }

    // The pipeline description for a source (public for tests and the log).
    static QString pipelineFor(const QString &source);

Q_SIGNALS:
    void scanned(const QString &code);
    void errorChanged();
    void runningChanged();

private:
    static int busCallback(_GstBus *bus, _GstMessage *message, void *self);
    void onMessage(_GstMessage *message);
    void fail(Error error, const QString &text);
    void setError(Error error, const QString &text);
    void teardown();

    QString m_source;
    GstPtr<_GstElement> m_pipeline;
    unsigned m_busWatch = 0;
    QTimer m_retry;
    Error m_error = Error::None;
    QString m_errorString;
    QString m_lastCode;
    qint64 m_lastCodeMs = 0;
    int m_repeatAfterMs = 5000;
};

} // namespace fest
