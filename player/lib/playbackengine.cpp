#include "playbackengine.h"

#include "gstreamerinit.h"
#include "loudness.h"

#include <QLoggingCategory>

#include <gst/gst.h>

Q_LOGGING_CATEGORY(lcPlayer, "fest.player")

namespace fest {

namespace {
// An earlier item still running this long after the next one's instant is cut.
constexpr qint64 kSupersedeGraceNs = 200'000'000;
// A finished window is torn down after this, so that EOS handling never races it.
constexpr qint64 kEndGraceNs = 2'000'000'000;
// A stall (nothing rendered within noBufferTimeoutNs: a disk or network hiccup, a starved
// machine) rebuilds the item's pipeline, which chases to the film's position on the show
// clock; only a third stall of the same item gives it up for the slate.
constexpr int kMaxStallRestarts = 2;
} // namespace

qint64 PlaybackEngine::Slot::effectiveStartNs() const
{
    return pipe ? pipe->effectiveStartNs() : item.startUs * 1000;
}

qint64 PlaybackEngine::Slot::effectiveEndNs() const
{
    if (pipe && pipe->isHeld())
        return std::numeric_limits<qint64>::max();
    return effectiveStartNs() + item.durationUs * 1000;
}

PlaybackEngine::PlaybackEngine(GstClock *clock, const Options &options, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_options(options)
{
    GStreamerInit::ensure();
    m_tick.setInterval(options.tickMs);
    connect(&m_tick, &QTimer::timeout, this, &PlaybackEngine::tick);
    m_probe.setOptions({options.speakers, options.targetLufs.has_value(), options.measureDecodeSpeed});
    connect(&m_probe, &MediaProbe::checked, this, [this](const MediaProbe::Result &r) {
        const std::optional<MediaProbe::Result> before = readiness(r.itemId);
        m_readiness.insert(r.itemId, r);
        if (!r.loudnessError.isEmpty() && (!before || before->loudnessError != r.loudnessError))
            qCWarning(lcPlayer).noquote() << "item" << r.itemId << "loudness not measured:" << r.loudnessError;
        for (const auto &slot : m_slots) {
            if (slot->item.id == r.itemId && slot->pipe)
                slot->pipe->setFilmGainDb(filmGainDb(r.itemId));  // measured after its pipeline was built
        }
        if (!r.ready()) {
            if (!before || before->error != r.error)   // a recheck repeats nothing new
                qCWarning(lcPlayer).noquote() << "item" << r.itemId << "is not ready:" << r.message;
            reportError(r.error, r.message, r.itemId);
        } else if (before && !before->ready()) {
            qCInfo(lcPlayer).noquote() << "item" << r.itemId << "is ready now";
            if (m_lastErrorItemId == r.itemId && m_lastError == before->error) {
                // Its error is over: the next status no longer carries it.
                m_lastError = Error::None;
                m_lastErrorMessage.clear();
                m_lastErrorItemId.clear();
            }
        }
        Q_EMIT readinessChecked(r);
    });
    m_recheck.setInterval(options.recheckMs);
    connect(&m_recheck, &QTimer::timeout, this, &PlaybackEngine::recheckNotReady);
}

PlaybackEngine::~PlaybackEngine() = default;

qint64 PlaybackEngine::nowNs() const
{
    return qint64(gst_clock_get_time(m_clock));
}

void PlaybackEngine::recheckNotReady()
{
    const qint64 now = nowNs();
    for (const auto &s : m_slots) {
        const std::optional<MediaProbe::Result> r = readiness(s->item.id);
        if (r && !r->ready() && !s->pipe && s->item.endUs() * 1000 > now)
            m_probe.check(s->item);
    }
}

void PlaybackEngine::start()
{
    m_recheck.start();
    m_tick.start();
    tick();
}

void PlaybackEngine::setItems(const PlaybackItems &items)
{
    std::vector<std::unique_ptr<Slot>> old = std::move(m_slots);
    m_slots.clear();
    const qint64 now = nowNs();
    for (const PlaybackItem &item : items) {
        auto match = std::find_if(old.begin(), old.end(), [&](const auto &s) {
            return s && s->item.id == item.id;
        });
        const bool running = match != old.end() && (*match)->pipe && (*match)->effectiveStartNs() <= now;
        if (match != old.end() && (running || (*match)->item == item)) {
            // Keep the running pipeline; only its labels may change.
            (*match)->item.title = item.title;
            (*match)->item.titleZh = item.titleZh;
            m_slots.push_back(std::move(*match));
            continue;
        }
        auto slot = std::make_unique<Slot>();
        slot->item = item;
        m_slots.push_back(std::move(slot));
        m_readiness.remove(item.id);
        if (item.endUs() * 1000 > now)
            m_probe.check(item);
    }
    // A running item the new playlist dropped still plays to its end, without a cut.
    for (auto &s : old) {
        if (s && s->pipe && s->open() && s->effectiveStartNs() <= now)
            m_slots.push_back(std::move(s));
    }
    std::stable_sort(m_slots.begin(), m_slots.end(), [](const auto &a, const auto &b) {
        return a->item.startUs < b->item.startUs;
    });
    for (auto &s : old) {
        if (s)
            retire(*s, SlotStatus::Skipped);
    }
    if (m_tick.isActive())
        tick();
}

PlaybackItems PlaybackEngine::items() const
{
    PlaybackItems result;
    for (const auto &s : m_slots)
        result.append(s->item);
    return result;
}

int PlaybackEngine::currentIndex(qint64 now) const
{
    int found = -1;
    for (int i = 0; i < int(m_slots.size()); ++i) {
        const Slot &s = *m_slots[i];
        if ((s.open() || s.status == SlotStatus::Failed) && s.effectiveStartNs() <= now && now < s.effectiveEndNs())
            found = i;
    }
    return found;
}

int PlaybackEngine::nextIndex(qint64 now) const
{
    for (int i = 0; i < int(m_slots.size()); ++i) {
        const Slot &s = *m_slots[i];
        if (s.open() && s.effectiveStartNs() > now)
            return i;
    }
    return -1;
}

PlaybackEngine::Slot *PlaybackEngine::current()
{
    const int i = currentIndex(nowNs());
    return i < 0 ? nullptr : m_slots[i].get();
}

const PlaybackEngine::Slot *PlaybackEngine::current() const
{
    const int i = currentIndex(nowNs());
    return i < 0 ? nullptr : m_slots[i].get();
}

void PlaybackEngine::tick()
{
    const qint64 now = nowNs();
    const int cur = currentIndex(now);
    for (int i = 0; i < int(m_slots.size()); ++i) {
        Slot &s = *m_slots[i];
        if (m_stopped) {
            if (s.pipe)
                retire(s, s.status == SlotStatus::Active ? SlotStatus::Pending : s.status);
            continue;
        }
        const bool superseded = cur >= 0 && i < cur && now - m_slots[cur]->effectiveStartNs() > kSupersedeGraceNs;
        const bool over = now - kEndGraceNs > s.effectiveEndNs();
        if (s.open() && (superseded || over)) {
            retire(s, SlotStatus::Finished);
            continue;
        }
        if (!s.open()) {
            if (s.pipe && (superseded || over || s.status != SlotStatus::Finished))
                retire(s, s.status);
            continue;
        }
        const bool inWindow = s.effectiveStartNs() - m_options.prerollLeadNs <= now && now < s.effectiveEndNs();
        if (!s.pipe && inWindow)
            ensurePipeline(s);
        if (s.pipe && s.status == SlotStatus::Active && s.pipe->stalled(now, m_options.noBufferTimeoutNs)) {
            const QString message = PlaybackError::describe(Error::NoBuffers, s.item.mediaPath);
            reportError(Error::NoBuffers, message, s.item.id);
            if (s.stallRestarts < kMaxStallRestarts) {
                ++s.stallRestarts;
                qCWarning(lcPlayer).noquote() << "item" << s.item.id << "stalled; rebuilding its pipeline to chase the show clock (restart"
                                              << s.stallRestarts << "of" << kMaxStallRestarts << ")";
                retire(s, SlotStatus::Pending);
                ensurePipeline(s);
            } else {
                retire(s, SlotStatus::Failed);
            }
        }
    }
    updateState(now);
}

void PlaybackEngine::ensurePipeline(Slot &slot)
{
    ItemPipeline::Options o;
    o.clock = m_clock;
    o.outputLatencyNs = m_options.outputLatencyNs;
    o.videoSink = m_options.videoSink;
    o.audioSink = m_options.audioSink;
    o.videoSinkElement = m_options.videoSinkFactory ? m_options.videoSinkFactory(slot.item) : nullptr;
    o.recordFrames = m_options.recordFrames;
    o.speakers = m_options.speakers;
    o.realtimePriority = m_options.realtimePriority;
    o.stateChangeRunner = m_options.stateChangeRunner;
    slot.pipe = std::make_unique<ItemPipeline>(slot.item, o);
    slot.status = SlotStatus::Active;
    ItemPipeline *pipe = slot.pipe.get();
    const QString id = slot.item.id;
    connect(pipe, &ItemPipeline::prerolled, this, [this, id](qint64 took) {
        updateState(nowNs());
        Q_EMIT itemPrerolled(id, took);
    });
    connect(pipe, &ItemPipeline::firstFrame, this, [this, id](qint64 renderNs, qint64 pts) {
        Q_EMIT itemStarted(id, renderNs, pts);
        updateState(nowNs());
    });
    connect(pipe, &ItemPipeline::finished, this, [this, &slot, id] {
        slot.status = SlotStatus::Finished;
        Q_EMIT itemFinished(id);
        updateState(nowNs());
    });
    connect(pipe, &ItemPipeline::failed, this, [this, &slot, id](Error code, const QString &message) {
        slot.status = SlotStatus::Failed;
        reportError(code, message, id);
        updateState(nowNs());
    });
    pipe->setVolume(m_volume);
    pipe->setFilmGainDb(filmGainDb(id));
    qCInfo(lcPlayer) << "preparing item" << id << slot.item.mediaPath << "for"
                     << (slot.item.startUs * 1000 - nowNs()) / 1'000'000 << "ms from now";
    if (pipe->preroll())
        pipe->playFrom(slot.item.startUs * 1000);
}

void PlaybackEngine::retire(Slot &slot, SlotStatus status)
{
    slot.status = status;
    if (!slot.pipe)
        return;
    const auto frames = slot.pipe->takeFrames();
    for (const auto &f : frames)
        m_frames.append({slot.item.id, f.ptsNs, f.renderNs, f.wallNs});
    // Not from inside the pipeline's own signal: tick() and staff actions call this.
    slot.pipe.reset();
}

void PlaybackEngine::reportError(Error code, const QString &message, const QString &itemId)
{
    if (code != m_lastError || itemId != m_lastErrorItemId || message != m_lastErrorMessage)
        qCWarning(lcPlayer).noquote() << "item" << itemId << PlaybackError::wireName(code) << message;
    m_lastError = code;
    m_lastErrorMessage = message;
    m_lastErrorItemId = itemId;
    Q_EMIT errorOccurred(code, message, itemId);
}

void PlaybackEngine::updateState(qint64 now)
{
    State state = State::Idle;
    const int cur = m_stopped ? -1 : currentIndex(now);
    const int next = m_stopped ? -1 : nextIndex(now);
    if (cur >= 0) {
        const Slot &s = *m_slots[cur];
        if (s.status == SlotStatus::Failed)
            state = State::Error;
        else if (s.pipe && s.pipe->isHeld())
            state = State::Held;
        else
            state = State::Playing;
    } else if (next >= 0) {
        const Slot &s = *m_slots[next];
        if (!s.pipe)
            state = State::Waiting;
        else if (!s.pipe->isPrerolled())
            state = State::Prerolling;
        else
            state = State::Countdown;
    }
    const QString currentId = cur >= 0 ? m_slots[cur]->item.id : QString();
    if (currentId != m_currentId) {
        m_currentId = currentId;
        Q_EMIT currentItemChanged();
    }
    if (state != m_state) {
        qCInfo(lcPlayer) << "state" << state << currentId;
        m_state = state;
        Q_EMIT stateChanged(state);
    }
}

bool PlaybackEngine::hold()
{
    Slot *s = current();
    if (!s || !s->pipe || s->status != SlotStatus::Active || s->pipe->isHeld())
        return false;
    s->pipe->hold();
    m_heldSinceNs = nowNs();
    updateState(nowNs());
    return true;
}

qint64 PlaybackEngine::resume()
{
    if (m_stopped) {
        m_stopped = false;
        tick();
        return 0;
    }
    Slot *s = current();
    if (!s || !s->pipe || !s->pipe->isHeld())
        return -1;
    const qint64 before = s->pipe->effectiveStartNs();
    s->pipe->resume();
    const qint64 delay = s->pipe->effectiveStartNs() - before;
    m_heldSinceNs = -1;
    qCInfo(lcPlayer) << "resumed" << s->item.id << "after a delay of" << delay / 1'000'000 << "ms";
    Q_EMIT resumed(delay);
    updateState(nowNs());
    return delay;
}

bool PlaybackEngine::stop()
{
    if (m_stopped)
        return false;
    m_stopped = true;
    m_heldSinceNs = -1;
    tick();
    return true;
}

bool PlaybackEngine::skip()
{
    Slot *s = current();
    if (!s || !s->open())
        return false;
    qCInfo(lcPlayer) << "skipping" << s->item.id;
    retire(*s, SlotStatus::Skipped);
    m_heldSinceNs = -1;
    updateState(nowNs());
    return true;
}

bool PlaybackEngine::restartItem()
{
    return seek(0);
}

bool PlaybackEngine::seek(qint64 positionNs)
{
    Slot *s = current();
    if (!s || !s->pipe || s->status != SlotStatus::Active || positionNs < 0
        || positionNs >= s->item.durationUs * 1000)
        return false;
    s->pipe->rebase(positionNs);
    m_heldSinceNs = -1;
    updateState(nowNs());
    return true;
}

void PlaybackEngine::setVolume(double level)
{
    level = qBound(0.0, level, 1.0);
    if (qFuzzyCompare(level + 1, m_volume + 1))
        return;
    m_volume = level;
    for (auto &s : m_slots) {
        if (s->pipe)
            s->pipe->setVolume(level);
    }
    Q_EMIT volumeChanged(level);
}

void PlaybackEngine::setBlackout(bool on)
{
    if (on == m_blackout)
        return;
    m_blackout = on;
    Q_EMIT blackoutChanged(on);
}

std::optional<PlaybackItem> PlaybackEngine::currentItem() const
{
    const Slot *s = m_stopped ? nullptr : current();
    return s ? std::optional(s->item) : std::nullopt;
}

std::optional<PlaybackItem> PlaybackEngine::nextItem() const
{
    const int i = nextIndex(nowNs());
    return i < 0 ? std::nullopt : std::optional(m_slots[i]->item);
}

qint64 PlaybackEngine::positionNs() const
{
    const Slot *s = current();
    if (!s || !s->pipe)
        return 0;
    return s->pipe->positionNs(nowNs());
}

const QList<std::shared_ptr<const SubtitleTrack>> *PlaybackEngine::subtitlesShown() const
{
    const Slot *s = current();
    if (!s || !s->pipe || m_blackout || (m_state != State::Playing && m_state != State::Held))
        return nullptr;
    const auto ready = m_readiness.constFind(s->item.id);
    return ready == m_readiness.cend() || ready->subtitles.isEmpty() ? nullptr : &ready->subtitles;
}

qint64 PlaybackEngine::nextSubtitleChangeNs() const
{
    const auto *tracks = subtitlesShown();
    if (!tracks || m_state != State::Playing)
        return -1;
    const qint64 now = nowNs();
    const qint64 position = current()->pipe->positionNs(now);
    qint64 next = -1;
    for (const auto &track : *tracks) {
        const qint64 change = track->nextChangeAfter(position);
        if (change >= 0 && (next < 0 || change < next))
            next = change;
    }
    return next < 0 ? -1 : now + (next - position);
}

double PlaybackEngine::filmGainDb(const QString &itemId) const
{
    const auto r = m_readiness.constFind(itemId);
    if (!m_options.targetLufs || r == m_readiness.cend() || !r->loudnessLufs)
        return 0.0;
    return LoudnessMeter::normalisingGainDb(*m_options.targetLufs, *r->loudnessLufs, r->peakDbfs, m_options.maxGainDb,
                                            m_options.peakCeilingDbfs);
}

PlaybackEngine::AudioReport PlaybackEngine::audioReport() const
{
    AudioReport report{m_options.speakers, m_options.targetLufs, std::nullopt, 0.0};
    if (const Slot *s = current()) {
        const auto r = m_readiness.constFind(s->item.id);
        if (r != m_readiness.cend())
            report.filmLufs = r->loudnessLufs;
        report.gainDb = s->pipe ? s->pipe->filmGainDb() : filmGainDb(s->item.id);
    }
    return report;
}

QString PlaybackEngine::videoDecoder() const
{
    const Slot *s = current();
    return s && s->pipe ? s->pipe->videoDecoder() : QString();
}

QList<MediaReport> PlaybackEngine::mediaReports() const
{
    const qint64 now = nowNs();
    QList<MediaReport> reports;
    for (const auto &s : m_slots) {
        if (s->item.endUs() * 1000 <= now || !s->open())
            continue;
        reports.append(MediaProbe::report(s->item, readiness(s->item.id), m_options.speakers, m_options.targetLufs,
                                          filmGainDb(s->item.id)));
    }
    return reports;
}

QList<PlaybackEngine::SubtitleLine> PlaybackEngine::subtitlesNow() const
{
    const auto *tracks = subtitlesShown();
    if (!tracks)
        return {};
    const qint64 position = current()->pipe->positionNs(nowNs());
    QList<SubtitleLine> lines;
    for (const auto &track : *tracks) {
        QString text = track->textAt(position);
        if (!text.isEmpty())
            lines.append({track->language(), std::move(text)});
    }
    return lines;
}

qint64 PlaybackEngine::heldForNs() const
{
    return m_heldSinceNs < 0 ? 0 : nowNs() - m_heldSinceNs;
}

quint64 PlaybackEngine::droppedFrames() const
{
    const Slot *s = current();
    return s && s->pipe ? s->pipe->droppedFrames() : 0;
}

std::optional<MediaProbe::Result> PlaybackEngine::readiness(const QString &itemId) const
{
    auto it = m_readiness.constFind(itemId);
    return it == m_readiness.cend() ? std::nullopt : std::optional(*it);
}

ItemPipeline *PlaybackEngine::pipeline(const QString &itemId) const
{
    for (const auto &s : m_slots) {
        if (s->item.id == itemId)
            return s->pipe.get();
    }
    return nullptr;
}

QList<PlaybackEngine::RenderedFrame> PlaybackEngine::takeFrames()
{
    for (auto &s : m_slots) {
        if (!s->pipe)
            continue;
        for (const auto &f : s->pipe->takeFrames())
            m_frames.append({s->item.id, f.ptsNs, f.renderNs, f.wallNs});
    }
    return std::exchange(m_frames, {});
}

} // namespace fest
