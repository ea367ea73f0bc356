#pragma once

#include "playbackengine.h"
#include "showclock.h"

#include <QObject>

#include <memory>

namespace fest {

// One benchmark player process. Shared mode: a PlaybackEngine on the show clock, items
// at the given instant. Baseline mode: a plain playbin on its own clock, set to PLAYING
// when a local timer reaches the instant (what a player without a shared base time
// does). Either way every rendered frame is timestamped on the show clock, and the
// result is printed as one JSON object on stdout.
class SyncWorker : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString clockHost = QStringLiteral("127.0.0.1");
        quint16 clockPort = 0;
        QString mediaPath;
        qint64 startUs = 0;
        qint64 itemDurationUs = 0;
        int items = 1;             // back-to-back copies of the film (block transitions)
        bool baseline = false;
        qint64 outputLatencyNs = 100'000'000;
        int realtimePriority = 10;  // of the streaming threads; 0 = normal scheduling
    };

    explicit SyncWorker(const Options &options, QObject *parent = nullptr);
    ~SyncWorker() override;
    // Returns false when the clock does not sync; then the process should exit 1.
    bool start();

Q_SIGNALS:
    void done();

private:
    void startShared();
    void startBaseline();
    void finish(const QList<PlaybackEngine::RenderedFrame> &frames, qint64 prerollNs);

    Options m_options;
    std::unique_ptr<ShowClock> m_clock;
    std::unique_ptr<PlaybackEngine> m_engine;
    std::unique_ptr<ItemPipeline> m_baselinePipe;
    qint64 m_prerollNs = -1;
};

} // namespace fest
