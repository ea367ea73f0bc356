#include "ceremonydirector.h"

#include "playbackengine.h"
#include "showclock.h"

#include <QDir>

#include <gst/gst.h>

namespace fest {

namespace {
// Clips have no length on the bus; the pipeline ends them at EOS. This only bounds how
// far a late joiner may seek.
constexpr qint64 kClipMaxUs = 3600'000'000LL;
} // namespace

CeremonyDirector *CeremonyDirector::s_instance = nullptr;

CeremonyDirector *CeremonyDirector::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

void CeremonyDirector::setInstance(CeremonyDirector *director)
{
    s_instance = director;
}

GstElement *CeremonyDirector::makeQmlVideoSink(QObject *videoItem)
{
    GstElement *qmlSink = gst_element_factory_make("qml6glsink", nullptr);
    GstElement *bin = gst_element_factory_make("glsinkbin", nullptr);
    if (!qmlSink || !bin) {
        if (qmlSink)
            gst_object_unref(qmlSink);
        if (bin)
            gst_object_unref(bin);
        return nullptr;
    }
    g_object_set(qmlSink, "widget", videoItem, nullptr);
    g_object_set(bin, "sink", qmlSink, nullptr);
    return bin;
}

CeremonyDirector::CeremonyDirector(MqttClient *client, ShowClock *clock, PlaybackEngine *playlist,
                                   const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_clock(clock)
    , m_playlist(playlist)
    , m_follower(client, clock)
{
    connect(&m_follower, &CueFollower::cueScheduled, this, &CeremonyDirector::onScheduled);
    connect(&m_follower, &CueFollower::appliedChanged, this, &CeremonyDirector::onApplied);
}

CeremonyDirector::~CeremonyDirector()
{
    if (s_instance == this)
        s_instance = nullptr;
}

QString CeremonyDirector::clipPath(const QString &media) const
{
    // Media paths come from the bus: only clean relative paths below the media folder.
    const QString clean = QDir::cleanPath(media);
    if (clean.isEmpty() || QDir::isAbsolutePath(clean) || clean == QLatin1String("..")
        || clean.startsWith(QLatin1String("../")))
        return QString();
    return QDir(m_options.mediaFolder).filePath(clean);
}

std::unique_ptr<CeremonyDirector::Clip> CeremonyDirector::makeClip(const CeremonyState &state)
{
    const QString media = state.active && state.cue ? state.cue->clipMedia() : QString();
    const QString path = clipPath(media);
    if (path.isEmpty()) {
        if (!media.isEmpty())
            qCWarning(lcCeremony).noquote() << "clip" << media << "is outside the media folder; showing the card alone";
        return nullptr;
    }
    auto clip = std::make_unique<Clip>();
    clip->cueSeq = state.cueSeq;
    clip->video = m_clipsMade++ % 2;
    PlaybackItem item;
    item.id = QStringLiteral("ceremony/%1").arg(state.cueSeq);
    item.title = state.cue->heading.en;
    item.titleZh = state.cue->heading.zh;
    item.mediaPath = path;
    item.startUs = state.executeAtUs;
    item.durationUs = kClipMaxUs;
    ItemPipeline::Options o;
    o.clock = m_clock->clock();
    o.outputLatencyNs = m_options.outputLatencyNs;
    o.videoSink = m_options.videoSink;
    o.audioSink = m_options.audioSink;
    o.videoSinkElement = m_options.videoSinkFactory ? m_options.videoSinkFactory(clip->video) : nullptr;
    clip->pipe = std::make_unique<ItemPipeline>(item, o);
    Clip *raw = clip.get();
    const auto ended = [this, raw] {
        raw->ended = true;
        if (raw == m_clip.get())
            Q_EMIT clipChanged();
    };
    connect(raw->pipe.get(), &ItemPipeline::finished, this, ended);
    connect(raw->pipe.get(), &ItemPipeline::failed, this, [ended, path](PlaybackError::Code, const QString &message) {
        qCWarning(lcCeremony).noquote() << "clip" << path << "failed:" << message << "- showing the card alone";
        ended();
    });
    connect(raw->pipe.get(), &ItemPipeline::firstFrame, this, [this, raw] {
        if (raw == m_clip.get())
            Q_EMIT statusChanged();
    });
    if (raw->pipe->preroll())
        raw->pipe->playFrom(state.executeAtUs * 1000);
    return clip;
}

void CeremonyDirector::onScheduled()
{
    const std::optional<CeremonyState> &pending = m_follower.pending();
    if (!pending)
        return;
    // A blackout toggle keeps the current cue and its clip.
    if (m_clip && m_clip->cueSeq == pending->cueSeq)
        return;
    if (m_nextClip && m_nextClip->cueSeq == pending->cueSeq)
        return;
    m_nextClip = makeClip(*pending);
}

void CeremonyDirector::onApplied()
{
    const CeremonyState &state = m_follower.state();
    preemptPlaylist(state.active);
    const bool clipChange = !m_clip || m_clip->cueSeq != state.cueSeq || !state.active;
    if (clipChange) {
        if (state.active && m_nextClip && m_nextClip->cueSeq == state.cueSeq)
            m_clip = std::move(m_nextClip);
        else if (state.active)
            m_clip = makeClip(state);   // joined late: the pipeline chases to where the show is
        else
            m_clip.reset();
        if (!state.active)
            m_nextClip.reset();
        Q_EMIT clipChanged();
    }
    if (m_clip)
        m_clip->pipe->setVolume(state.blackout ? 0.0 : 1.0);
    Q_EMIT statusChanged();
}

void CeremonyDirector::preemptPlaylist(bool active)
{
    if (!m_playlist)
        return;
    if (active && !m_stoppedPlaylist) {
        // stop() is false when staff had stopped it already: then it stays stopped after.
        m_stoppedPlaylist = m_playlist->stop();
        if (m_stoppedPlaylist)
            qCInfo(lcCeremony) << "the ceremony takes the screen; the playlist is stopped";
    } else if (!active && m_stoppedPlaylist) {
        m_stoppedPlaylist = false;
        m_playlist->resume();
        qCInfo(lcCeremony) << "the ceremony ended; the playlist resumes";
    }
}

bool CeremonyDirector::clipVisible() const
{
    return m_clip && !m_clip->ended && m_follower.isActive();
}

QJsonObject CeremonyDirector::statusJson() const
{
    QJsonObject s = m_follower.statusJson();
    if (m_clip && m_clip->pipe->firstFrameRenderNs() > 0)
        s.insert(QStringLiteral("clip"), QJsonObject{{"cueSeq", m_clip->cueSeq},
                                                     {"firstFrameUs", m_clip->pipe->firstFrameRenderNs() / 1000}});
    return s;
}

} // namespace fest
