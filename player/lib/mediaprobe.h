#pragma once

#include "playbackerror.h"
#include "playbackitem.h"

#include <QObject>
#include <QThreadPool>

namespace fest {

// Readiness: checks ahead of time that an item's film is present, readable, matches its
// checksum and is decodable (GstDiscoverer), off the Qt thread. Results arrive as
// checked() on the Qt thread.
class MediaProbe : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        QString itemId;
        QString mediaPath;
        PlaybackError::Code error = PlaybackError::Code::None;
        QString message;          // for staff; empty when ready
        qint64 durationNs = -1;   // -1 = unknown
        bool hasVideo = false;
        bool hasAudio = false;
        bool ready() const { return error == PlaybackError::Code::None; }
    };

    explicit MediaProbe(QObject *parent = nullptr);
    ~MediaProbe() override;  // waits for running checks

    void check(const PlaybackItem &item);
    // Blocking form, also used by the worker threads.
    static Result checkNow(const PlaybackItem &item, int decodeTimeoutMs = 5000);

Q_SIGNALS:
    void checked(const fest::MediaProbe::Result &result);

private:
    QThreadPool m_pool;
};

} // namespace fest

Q_DECLARE_METATYPE(fest::MediaProbe::Result)
