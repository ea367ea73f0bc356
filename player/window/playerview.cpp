#include "playerview.h"

#include "playernode.h"

#include <QLocale>
#include <QMetaEnum>
#include <QTimeZone>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRunnable>

#include <algorithm>

#include <gst/gst.h>

namespace fest {

PlayerView *PlayerView::s_instance = nullptr;

PlayerView *PlayerView::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

void PlayerView::setInstance(PlayerView *view)
{
    s_instance = view;
}

PlayerView::PlayerView(const QString &screen, QObject *parent, double pictureAspect)
    : QObject(parent)
    , m_screen(screen)
    , m_pictureAspect(pictureAspect)
{
    // A countdown in whole seconds needs no more than a few refreshes a second.
    m_refresh.setInterval(250);
    connect(&m_refresh, &QTimer::timeout, this, &PlayerView::refresh);
    m_subtitleTimer.setSingleShot(true);
    m_subtitleTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_subtitleTimer, &QTimer::timeout, this, &PlayerView::updateSubtitles);
}

void PlayerView::setEngine(PlaybackEngine *engine)
{
    m_engine = engine;
    connect(engine, &PlaybackEngine::stateChanged, this, &PlayerView::refresh);
    connect(engine, &PlaybackEngine::blackoutChanged, this, &PlayerView::refresh);
    connect(engine, &PlaybackEngine::itemStarted, this, &PlayerView::refresh);
    m_refresh.start();
    refresh();
}

void PlayerView::setBranding(const Branding &branding)
{
    if (branding == m_branding)
        return;
    m_branding = branding;
    m_zone = QTimeZone(branding.timeZone.toUtf8());
    if (!m_zone.isValid())
        m_zone = QTimeZone::systemTimeZone();
    if (m_engine)
        m_slate = slateNow(m_videoVisible);   // its times in the new time zone
    Q_EMIT changed();
}

void PlayerView::follow(PlayerNode *node)
{
    setEngine(node->engine());
    connect(node, &PlayerNode::playlistApplied, this, [this, node] {
        setBranding({node->festivalName().en, node->festivalName().zh, node->screenName().en, node->screenName().zh,
                     node->timeZone()});
    });
}

void PlayerView::setVideoItems(QObject *first, QObject *second)
{
    m_videoItems[0] = first;
    m_videoItems[1] = second;
    // Once per frame, before the scene syncs: the frame that shows a film position shows
    // that position's cues.
    auto *item = qobject_cast<QQuickItem *>(first);
    if (QQuickWindow *window = item ? item->window() : nullptr)
        connect(window, &QQuickWindow::afterAnimating, this, &PlayerView::updateSubtitles, Qt::UniqueConnection);
}

QVariantList PlayerView::subtitles() const
{
    QVariantList lines;
    for (const auto &line : m_subtitles)
        lines.append(QVariantMap{{QStringLiteral("language"), line.language}, {QStringLiteral("text"), line.text}});
    return lines;
}

void PlayerView::updateSubtitles()
{
    auto lines = m_engine ? m_engine->subtitlesNow() : QList<PlaybackEngine::SubtitleLine>();
    // Woken at the next cue's instant, not at the next video frame: the text is set in
    // time for the frame that shows that position, whatever the video's frame rate.
    const qint64 next = m_engine ? m_engine->nextSubtitleChangeNs() : -1;
    if (next >= 0) {
        const qint64 inNs = next - m_engine->nowNs();
        m_subtitleTimer.start(int(std::clamp<qint64>((inNs + 999'999) / 1'000'000, 0, 60'000)));
    } else {
        m_subtitleTimer.stop();
    }
    if (lines == m_subtitles)
        return;
    m_subtitles = std::move(lines);
    Q_EMIT subtitlesChanged();
}

GstElement *PlayerView::makeVideoSink(const QString &itemId)
{
    const int index = m_sinksMade++ % 2;
    GstElement *qmlSink = gst_element_factory_make("qml6glsink", nullptr);
    GstElement *bin = gst_element_factory_make("glsinkbin", nullptr);
    if (!qmlSink || !bin) {
        if (qmlSink)
            gst_object_unref(qmlSink);
        if (bin)
            gst_object_unref(bin);
        return nullptr;
    }
    g_object_set(qmlSink, "widget", m_videoItems[index], nullptr);
    g_object_set(bin, "sink", qmlSink, nullptr);
    m_videoOfItem.insert(itemId, index);
    return bin;
}

void PlayerView::runOnRenderThread(std::function<void()> job)
{
    auto *item = qobject_cast<QQuickItem *>(m_videoItems[0]);
    QQuickWindow *window = item ? item->window() : nullptr;
    if (!window) {
        job();  // no window to render in: nothing would ever run the job
        return;
    }
    window->scheduleRenderJob(QRunnable::create(std::move(job)), QQuickWindow::BeforeSynchronizingStage);
    window->update();
}

PlayerView::Slate PlayerView::slateNow(bool video) const
{
    if (video)
        return {};
    const PlaybackItems items = m_engine->items();
    if (items.isEmpty())
        return {};   // no playlist: nothing to tell the audience
    const qint64 nowUs = m_engine->nowNs() / 1000;
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowUs / 1000, m_zone).date();
    Slate slate;
    const auto next = m_engine->nextItem();
    if (next) {
        // A block's title before its first film; the film's own between the films of a block.
        const qsizetype at = items.indexOf(*next);
        const bool opensScreening = at <= 0 || items.at(at - 1).screening != next->screening;
        const bool block = opensScreening && !next->screeningTitle.isEmpty();
        slate.titleEn = block ? next->screeningTitle : next->title;
        slate.titleZh = block ? next->screeningTitleZh : next->titleZh;
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(next->startUs / 1000, m_zone);
        slate.startsAt = start.toString(QStringLiteral("HH:mm"));
        slate.daysAway = int(today.daysTo(start.date()));
        slate.dateEn = QLocale(QLocale::English, QLocale::UnitedKingdom).toString(start.date(), QStringLiteral("ddd d MMM"));
        slate.dateZh = QLocale(QLocale::Chinese, QLocale::TraditionalHanScript, QLocale::HongKong)
                           .toString(start.date(), QStringLiteral("M月d日 (dddd)"));
    }
    // A failed film is "continue shortly" only when something does continue today.
    if (m_engine->state() == PlaybackEngine::State::Error && next && slate.daysAway == 0)
        slate.kind = QStringLiteral("interrupted");
    else if (!next)
        slate.kind = QStringLiteral("festivalEnded");
    else if (slate.daysAway > 0 && std::any_of(items.cbegin(), items.cend(), [&](const PlaybackItem &item) {
                 return item.endUs() <= nowUs && QDateTime::fromMSecsSinceEpoch(item.endUs() / 1000, m_zone).date() == today;
             }))
        slate.kind = QStringLiteral("dayEnded");   // after the day's last screening
    else
        slate.kind = QStringLiteral("next");
    return slate;
}

void PlayerView::refresh()
{
    if (!m_engine)
        return;
    updateSubtitles();
    const auto state = m_engine->state();
    const QString stateText = QString::fromLatin1(QMetaEnum::fromType<PlaybackEngine::State>().valueToKey(int(state))).toLower();
    const auto cur = m_engine->currentItem();
    const auto next = m_engine->nextItem();
    const bool video = cur && (state == PlaybackEngine::State::Playing || state == PlaybackEngine::State::Held);
    const int active = cur ? m_videoOfItem.value(cur->id, m_activeVideo) : m_activeVideo;
    const int countdown = next ? int(qMax<qint64>(0, (next->startUs * 1000 - m_engine->nowNs()) / 1'000'000'000)) : -1;
    const Slate slate = slateNow(video);
    const bool differs = stateText != m_state || video != m_videoVisible || active != m_activeVideo
        || m_engine->blackout() != m_blackout || countdown != m_countdown || slate != m_slate;
    if (!differs)
        return;
    m_state = stateText;
    m_videoVisible = video;
    m_activeVideo = active;
    m_blackout = m_engine->blackout();
    m_countdown = countdown;
    m_slate = slate;
    Q_EMIT changed();
}

} // namespace fest
