#include "syncworker.h"
#include "realtimepriority.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>
#include <QUrl>

#include <gst/gst.h>

namespace fest {

SyncWorker::SyncWorker(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
}

SyncWorker::~SyncWorker() = default;

bool SyncWorker::start()
{
    // As festival-player does: the clock's thread runs above the streaming threads.
    m_clock = RealtimePriority::createRaised(m_options.realtimePriority > 0 ? m_options.realtimePriority + 1 : 0, [this] {
        return std::make_unique<ShowClock>(m_options.clockHost, m_options.clockPort);
    });
    if (!m_clock->waitForSync(5000))
        return false;
    if (m_options.baseline)
        startBaseline();
    else
        startShared();
    return true;
}

void SyncWorker::startShared()
{
    PlaybackEngine::Options o;
    o.prerollLeadNs = 2'000'000'000;
    o.outputLatencyNs = m_options.outputLatencyNs;
    o.recordFrames = true;
    o.realtimePriority = m_options.realtimePriority;
    m_engine = std::make_unique<PlaybackEngine>(m_clock->clock(), o);
    PlaybackItems items;
    for (int i = 0; i < m_options.items; ++i) {
        PlaybackItem item;
        item.id = QStringLiteral("I%1").arg(i);
        item.mediaPath = m_options.mediaPath;
        item.startUs = m_options.startUs + i * m_options.itemDurationUs;
        item.durationUs = m_options.itemDurationUs;
        items.append(item);
    }
    const QString lastId = items.last().id;
    connect(m_engine.get(), &PlaybackEngine::itemPrerolled, this, [this](const QString &id, qint64 took) {
        if (id == QStringLiteral("I0"))
            m_prerollNs = took;
    });
    connect(m_engine.get(), &PlaybackEngine::itemFinished, this, [this, lastId](const QString &id) {
        if (id == lastId)
            finish(m_engine->takeFrames(), m_prerollNs);
    });
    m_engine->setItems(items);
    m_engine->start();
}

void SyncWorker::startBaseline()
{
    // Same pipeline class, but on the process's own system clock with GStreamer picking
    // its base time when PLAYING is set: only the start command is "synchronised".
    ItemPipeline::Options o;
    o.clock = m_clock->clock();
    o.outputLatencyNs = m_options.outputLatencyNs;
    o.recordFrames = true;
    o.realtimePriority = m_options.realtimePriority;
    PlaybackItem item;
    item.id = QStringLiteral("I0");
    item.mediaPath = m_options.mediaPath;
    item.startUs = m_options.startUs;
    item.durationUs = m_options.itemDurationUs;
    m_baselinePipe = std::make_unique<ItemPipeline>(item, o);
    connect(m_baselinePipe.get(), &ItemPipeline::prerolled, this, [this](qint64 took) { m_prerollNs = took; });
    connect(m_baselinePipe.get(), &ItemPipeline::finished, this, [this] {
        QList<PlaybackEngine::RenderedFrame> frames;
        for (const auto &f : m_baselinePipe->takeFrames())
            frames.append({QStringLiteral("I0"), f.ptsNs, f.renderNs, f.wallNs});
        finish(frames, m_prerollNs);
    });
    m_baselinePipe->preroll();
    const qint64 waitMs = (m_options.startUs - m_clock->nowUs()) / 1000;
    QTimer::singleShot(int(qMax<qint64>(0, waitMs)), Qt::PreciseTimer, this, [this] {
        m_baselinePipe->playFreely();
    });
}

void SyncWorker::finish(const QList<PlaybackEngine::RenderedFrame> &frames, qint64 prerollNs)
{
    QJsonArray list;
    for (const auto &f : frames) {
        const int itemIndex = f.itemId.mid(1).toInt();
        list.append(QJsonArray{itemIndex, f.ptsNs, f.renderNs, f.wallNs});
    }
    const QJsonObject out{{"prerollNs", prerollNs}, {"frames", list}};
    QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Compact) << '\n';
    Q_EMIT done();
}

} // namespace fest
