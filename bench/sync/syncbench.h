#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace fest {

// Drives headless player processes (this binary with --worker) that share one
// ShowClockProvider and one start instant, and reduces their per-frame render times to
// spread statistics across players.
class SyncBench
{
public:
    struct Options
    {
        int seconds = 20;
        QList<int> playerCounts{2, 4, 8};
        QString workDir;         // generated film goes here
        QString outPath;
        qint64 outputLatencyNs = 100'000'000;
        int realtimePriority = 10;  // the players' streaming threads (the product default)
        // The film the players play: "vp8" (a 640x360 test card, GStreamer's encoders), or
        // a festival's usual file made with ffmpeg: "h264-720p" (720p25 H.264 High/AAC in
        // MP4), "h264-1080p" (1080p25).
        QString film = QStringLiteral("vp8");
    };
    struct Stats
    {
        int samples = 0;
        double p50 = 0, p95 = 0, max = 0;  // microseconds
        QJsonObject toJson() const;
    };

    explicit SyncBench(const Options &options) : m_options(options) {}
    // Returns the process exit code.
    int run();

    static Stats stats(QList<double> values);
    static QStringList films() { return {QStringLiteral("vp8"), QStringLiteral("h264-720p"), QStringLiteral("h264-1080p")}; }

private:
    struct Run
    {
        QList<QList<QList<qint64>>> frames;  // per player: [item, pts, render]
        QList<qint64> prerollNs;
        qint64 startUs = 0;
        bool ok = false;
        QString error;
    };
    enum class Scenario { Shared, SharedNormalPriority, Baseline };
    Run runPlayers(const QString &media, int players, Scenario scenario, int items, qint64 itemDurationUs,
                   quint16 clockPort);
    QString film(const QString &name, int seconds, QString *error) const;
    QJsonObject spreadFigures(const Run &run, qint64 startUs) const;
    QJsonObject transitionFigures(const Run &run, qint64 startUs, qint64 itemDurationUs) const;

    Options m_options;
};

} // namespace fest
