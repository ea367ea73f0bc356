#include "playernode.h"
#include "realtimepriority.h"

#include "envelope.h"
#include "playerstatus.h"
#include "playlistjson.h"
#include "request.h"
#include "topics.h"
#include "messagetype.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcPlayer)

namespace fest {

namespace {
constexpr int kStatusIntervalMs = 1000;
// Ticks between statuses while nothing plays: well within the controller's 15 s after
// which a silent node is listed as such (NodeRegistry::staleAfterSeconds).
constexpr int kQuietStatusEvery = 5;

PlayerStatus::State wireState(PlaybackEngine::State state)
{
    switch (state) {
    case PlaybackEngine::State::Idle: return PlayerStatus::State::Idle;
    case PlaybackEngine::State::Waiting: return PlayerStatus::State::Waiting;
    case PlaybackEngine::State::Prerolling: return PlayerStatus::State::Prerolling;
    case PlaybackEngine::State::Countdown: return PlayerStatus::State::Countdown;
    case PlaybackEngine::State::Playing: return PlayerStatus::State::Playing;
    case PlaybackEngine::State::Held: return PlayerStatus::State::Held;
    case PlaybackEngine::State::Error: return PlayerStatus::State::Error;
    }
    return PlayerStatus::State::Error;
}

// Media paths come from the bus: only clean relative paths below the media folder.
QString mediaPathFor(const QString &folder, const QString &media)
{
    const QString clean = QDir::cleanPath(media);
    if (clean.isEmpty() || QDir::isAbsolutePath(clean) || clean == QLatin1String("..")
        || clean.startsWith(QLatin1String("../")))
        return QString();
    return QDir(folder).filePath(clean);
}
} // namespace

PlaybackEngine::Options PlayerNode::engineOptions(const PlayerSettings &s)
{
    PlaybackEngine::Options o;
    o.prerollLeadNs = qint64(s.prerollLeadMs) * 1'000'000;
    o.outputLatencyNs = qint64(s.outputLatencyMs) * 1'000'000;
    o.noBufferTimeoutNs = qint64(s.noBufferTimeoutMs) * 1'000'000;
    o.videoSink = s.videoSink;
    o.audioSink = s.audioSink;
    o.speakers = s.speakers;
    o.targetLufs = s.targetLufs;
    o.maxGainDb = s.maxGainDb;
    o.measureDecodeSpeed = true;
    return o;
}

PlayerNode::PlayerNode(const PlayerSettings &settings, const PlaybackEngine::Options &engineOptions, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    // Above the streaming threads: see RealtimePriority::createRaised.
    , m_clock(RealtimePriority::createRaised(engineOptions.realtimePriority > 0 ? engineOptions.realtimePriority + 1 : 0, [&settings] {
        return std::make_unique<ShowClock>(settings.clockHost, settings.clockPort);
    }))
    , m_engine(std::make_unique<PlaybackEngine>(m_clock->clock(), engineOptions))
    , m_commands(*m_engine)
    , m_cache(settings.cachePath)
{
    m_hardwareDecoders = DecoderChoice::apply(settings.decoding);
    qCInfo(lcPlayer).noquote() << "video decoding" << DecoderChoice::name(settings.decoding) << "- hardware decoders:"
                               << (m_hardwareDecoders.isEmpty() ? QStringLiteral("none") : m_hardwareDecoders.join(QStringLiteral(", ")));
    MqttOptions broker = settings.broker;
    broker.will = MqttMessage{Topics::nodeStatus(settings.account), PlayerStatus::offline(settings.screen).encode(), 1, true};
    m_client = std::make_unique<MqttClient>(broker);
    connect(m_client.get(), &MqttClient::messageReceived, this, &PlayerNode::onMessage);
    connect(m_client.get(), &MqttClient::connected, this, &PlayerNode::publishStatus);

    connect(m_engine.get(), &PlaybackEngine::stateChanged, this, &PlayerNode::noteScreeningShown);
    connect(m_engine.get(), &PlaybackEngine::currentItemChanged, this, &PlayerNode::noteScreeningShown);
    connect(m_engine.get(), &PlaybackEngine::errorOccurred, this, &PlayerNode::scheduleStatus);
    connect(m_engine.get(), &PlaybackEngine::blackoutChanged, this, &PlayerNode::scheduleStatus);
    connect(m_engine.get(), &PlaybackEngine::volumeChanged, this, &PlayerNode::scheduleStatus);
    connect(m_clock.get(), &ShowClock::syncedChanged, this, [this](bool synced) {
        if (synced)
            startPlayback();
        scheduleStatus();
    });

    m_statusTimer.setInterval(kStatusIntervalMs);
    connect(&m_statusTimer, &QTimer::timeout, this, [this] {
        const auto state = m_engine->state();
        const bool active = state == PlaybackEngine::State::Playing || state == PlaybackEngine::State::Held
            || state == PlaybackEngine::State::Countdown;
        // Idle players still say they are alive now and then, so "last seen" stays fresh.
        if (active || ++m_quietTicks % kQuietStatusEvery == 0)
            publishStatus();
    });
    m_syncTimeout.setSingleShot(true);
    m_syncTimeout.setInterval(settings.clockSyncTimeoutMs);
    connect(&m_syncTimeout, &QTimer::timeout, this, [this] {
        if (m_playing)
            return;
        qCWarning(lcPlayer).noquote()
            << PlaybackError::describe(PlaybackError::Code::ClockNotSynced, {})
            << "Playing on this machine's clock until it syncs.";
        startPlayback();
    });
}

PlayerNode::~PlayerNode() = default;

void PlayerNode::start()
{
    if (std::exchange(m_started, true))
        return;
    QString error;
    if (const auto cached = m_cache.load(&error))
        applyPlaylist(*cached, QStringLiteral("cache"));
    else
        qCInfo(lcPlayer).noquote() << error;
    m_client->subscribe(Topics::playlist(m_settings.screen), 1);
    m_client->subscribe(Topics::nodeRequest(m_settings.account), 1);
    m_client->open();
    m_statusTimer.start();
    if (m_clock->isSynced())
        startPlayback();
    else
        m_syncTimeout.start();
}

void PlayerNode::startPlayback()
{
    if (m_playing)
        return;
    m_playing = true;
    m_syncTimeout.stop();
    qCInfo(lcPlayer) << "screen" << m_settings.screen << "starts playing; clock synced:" << m_clock->isSynced()
                     << "offset" << m_clock->offsetNs() / 1000 << "us";
    m_engine->start();
}

void PlayerNode::shutdown(int timeoutMs)
{
    if (m_client->state() == MqttClient::State::Connected) {
        m_client->publish({Topics::nodeStatus(m_settings.account), PlayerStatus::offline(m_settings.screen).encode(), 1, true});
        m_client->waitForPublished(timeoutMs);
    }
    m_client->close();
}

void PlayerNode::onMessage(const MqttMessage &message)
{
    if (message.topic == Topics::playlist(m_settings.screen)) {
        if (message.payload.isEmpty()) {
            qCInfo(lcPlayer) << "the retained playlist was cleared; keeping the current one";
            return;
        }
        if (applyPlaylist(message.payload, QStringLiteral("broker"))) {
            QString error;
            if (!m_cache.save(message.payload, &error))
                qCWarning(lcPlayer).noquote() << error;
        }
    } else if (message.topic == Topics::nodeRequest(m_settings.account)) {
        handleRequest(message);
    }
}

bool PlayerNode::applyPlaylist(const QByteArray &payload, const QString &source)
{
    QString error;
    const auto body = Envelope::decode(payload, MessageType::playlist(), {}, &error);
    QList<ProgrammeError> problems;
    const auto playlist = body ? PlaylistJson::fromJson(*body, &problems) : std::nullopt;
    if (playlist && playlist->screenId != m_settings.screen)
        error = QStringLiteral("it is for screen %1, not %2").arg(playlist->screenId, m_settings.screen);
    if (!playlist || !error.isEmpty()) {
        if (error.isEmpty() && !problems.isEmpty())
            error = QStringLiteral("%1 problem(s), first: %2").arg(problems.size()).arg(problems.first().message);
        const QString reason = QStringLiteral("playlist from %1 rejected: %2").arg(source, error);
        qCWarning(lcPlayer).noquote() << reason;
        Q_EMIT playlistRejected(reason);
        return false;
    }
    PlaybackItems items;
    QHash<QString, PlaylistItem> meta;
    for (const PlaylistItem &p : playlist->items) {
        PlaybackItem item;
        item.id = p.screeningId + QLatin1Char('/') + p.filmId;
        item.title = p.title.en.isEmpty() ? p.originalTitle : p.title.en;
        item.titleZh = p.title.zh.isEmpty() ? p.originalTitle : p.title.zh;
        item.screening = p.screeningId;
        item.screeningTitle = p.screeningTitle.en.isEmpty() ? p.screeningTitle.zh : p.screeningTitle.en;
        item.screeningTitleZh = p.screeningTitle.zh.isEmpty() ? p.screeningTitle.en : p.screeningTitle.zh;
        item.mediaPath = mediaPathFor(m_settings.mediaFolder, p.media);
        if (item.mediaPath.isEmpty())
            qCWarning(lcPlayer).noquote() << "item" << item.id << "has a media path outside the media folder:" << p.media;
        item.sha256Hex = p.sha256.toLatin1();
        item.startUs = p.startUs;
        item.durationUs = p.durationUs;
        for (const SubtitleFile &sub : p.subtitles) {
            if (sub.embedded) {
                item.subtitles.append({sub.language, QString(), true});
                continue;
            }
            const QString path = mediaPathFor(m_settings.mediaFolder, sub.file);
            if (path.isEmpty())
                qCWarning(lcPlayer).noquote() << "item" << item.id << "has a subtitle path outside the media folder:" << sub.file;
            else
                item.subtitles.append({sub.language, path});
        }
        items.append(item);
        meta.insert(item.id, p);
    }
    m_meta = meta;
    m_engine->setItems(items);
    m_festivalName = playlist->festivalName;
    m_screenName = playlist->screenName;
    m_timeZone = playlist->timeZone;
    m_programmeVersion = playlist->programmeVersion;
    m_playlistSource = source;
    qCInfo(lcPlayer) << "playlist version" << m_programmeVersion << "from" << source << "with" << items.size() << "items";
    Q_EMIT playlistApplied(m_programmeVersion, source);
    scheduleStatus();
    return true;
}

void PlayerNode::handleRequest(const MqttMessage &message)
{
    // Only answer where the ACL lets this player write: fest/v1/reply/<requester>/<us>/...
    const auto address = Topics::parseReply(message.responseTopic);
    if (!address || address->responder != m_settings.account) {
        qCWarning(lcPlayer).noquote() << "request dropped: response topic" << message.responseTopic
                                      << "is not fest/v1/reply/<requester>/" + m_settings.account + "/...";
        return;
    }
    QString error;
    const auto request = Request::decode(message.payload, {}, &error);
    const Reply reply = request ? m_commands.execute(*request)
                                : Reply::failure(ErrorCode::BadRequest, QStringLiteral("Request refused: %1").arg(error));
    qCInfo(lcPlayer).noquote() << "request" << (request ? request->op : QStringLiteral("?")) << "from" << address->requester
                               << "->" << (reply.ok ? QStringLiteral("ok") : reply.code);
    MqttMessage out{message.responseTopic, reply.encode(), 1, false};
    out.correlationData = message.correlationData;
    m_client->publish(out);
    scheduleStatus();
}

void PlayerNode::addStatusField(const QString &key, std::function<QJsonObject()> read)
{
    m_statusFields.append({key, std::move(read)});
    scheduleStatus();
}

void PlayerNode::scheduleStatus()
{
    // Several changes in one event-loop turn give one status message.
    if (m_statusScheduled)
        return;
    m_statusScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_statusScheduled = false;
        publishStatus();
    });
}

void PlayerNode::publishStatus()
{
    if (m_client->state() != MqttClient::State::Connected)
        return;
    m_client->publish({Topics::nodeStatus(m_settings.account), status().encode(), 1, true});
}

void PlayerNode::noteScreeningShown()
{
    // The engine announces a new current item before its new state, so the state alone
    // cannot tell: a current item shows its screening unless it failed; with none, a
    // screening goes on while the engine counts down to its next item of that screening
    // (a resume, seek or restart re-bases the film ~150 ms ahead; a block's next film).
    const std::optional<PlaybackItem> item = m_engine->currentItem();
    const bool failed = m_engine->state() == PlaybackEngine::State::Error;
    QString shown;
    if (item && !failed) {
        shown = m_meta.value(item->id).screeningId;
    } else if (!item && !failed && !m_screeningShown.isEmpty()) {
        const std::optional<PlaybackItem> next = m_engine->nextItem();
        if (next && m_meta.value(next->id).screeningId == m_screeningShown)
            shown = m_screeningShown;
    }
    if (shown != m_screeningShown) {
        if (!m_screeningShown.isEmpty()) {
            m_ended = PlayerStatus::Ended{m_screeningShown, m_clock->nowUs()};
            qCInfo(lcPlayer).noquote() << "screening" << m_screeningShown << "ended";
        }
        m_screeningShown = shown;
    }
    scheduleStatus();
}

PlayerStatus::Item PlayerNode::statusItem(const PlaybackItem &item) const
{
    const PlaylistItem p = m_meta.value(item.id);
    return {item.id, p.screeningId, p.filmId, item.title, item.titleZh, p.originalTitle, item.startUs, item.durationUs / 1000};
}

PlayerStatus PlayerNode::status() const
{
    PlayerStatus s;
    s.screen = m_settings.screen;
    s.state = wireState(m_engine->state());
    s.stopped = m_engine->isStopped();
    s.programmeVersion = m_programmeVersion;
    s.playlistSource = m_playlistSource;
    s.clock = {m_clock->isSynced(), m_clock->offsetNs() / 1000, m_clock->rttNs() / 1000};
    s.droppedFrames = qint64(m_engine->droppedFrames());
    s.volume = m_engine->volume();
    const PlaybackEngine::AudioReport audio = m_engine->audioReport();
    s.audio = PlayerStatus::Audio{AudioLayout::name(audio.speakers), audio.targetLufs, audio.filmLufs, audio.gainDb};
    const QString decoder = m_engine->videoDecoder();
    s.video = PlayerStatus::Video{DecoderChoice::name(m_settings.decoding), m_hardwareDecoders, decoder,
                                  DecoderChoice::isHardware(decoder)};
    s.blackout = m_engine->blackout();
    const qint64 nowUs = m_clock->nowUs();
    s.sentAt = QDateTime::fromMSecsSinceEpoch(nowUs / 1000, Qt::UTC);
    if (const auto item = m_engine->currentItem()) {
        s.item = statusItem(*item);
        s.positionMs = m_engine->positionNs() / 1'000'000;
        // Behind the plan by what the show clock ran past the planned start and the
        // picture did not: a late start, holds.
        s.lateMs = (nowUs - item->startUs) / 1000 - s.positionMs;
    }
    if (m_engine->state() == PlaybackEngine::State::Held)
        s.heldForMs = m_engine->heldForNs() / 1'000'000;
    if (const auto next = m_engine->nextItem())
        s.next = statusItem(*next);
    s.ended = m_ended;
    for (const auto &[key, read] : m_statusFields)
        s.sections.insert(key, read());
    if (m_engine->lastError() != PlaybackError::Code::None)
        s.lastError = PlayerStatus::Error{PlaybackError::wireName(m_engine->lastError()), m_engine->lastErrorMessage(),
                                          m_engine->lastErrorItemId()};
    return s;
}

} // namespace fest
