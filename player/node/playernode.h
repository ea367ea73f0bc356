#pragma once

#include "mqttclient.h"
#include "playbackengine.h"
#include "playercommands.h"
#include "playersettings.h"
#include "playerstatus.h"
#include "playlist.h"
#include "playlistcache.h"
#include "showclock.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace fest {

// One screen's player on the bus: follows fest/v1/screen/<screen>/playlist (retained),
// caches it and runs the cached copy when the broker or controller is away, publishes its
// retained status (Will = offline), answers staff requests on fest/v1/node/<account>/request.
// Playback never depends on the broker: a lost connection only stops status and commands.
class PlayerNode : public QObject
{
    Q_OBJECT

public:
    static PlaybackEngine::Options engineOptions(const PlayerSettings &settings);

    PlayerNode(const PlayerSettings &settings, const PlaybackEngine::Options &engineOptions,
               QObject *parent = nullptr);
    ~PlayerNode() override;

    // Runs the cached playlist (if any), connects to the broker, starts playing once the
    // show clock syncs (or after clockSyncTimeoutMs on this machine's clock).
    void start();
    // Publishes the offline status and disconnects cleanly.
    void shutdown(int timeoutMs = 2000);

    PlaybackEngine *engine() const { return m_engine.get(); }
    ShowClock *clock() const { return m_clock.get(); }
    MqttClient *client() const { return m_client.get(); }
    qint64 programmeVersion() const { return m_programmeVersion; }
    QString playlistSource() const { return m_playlistSource; }
    // What the last playlist says of who shows it (empty until one is applied, or when the
    // programme has none): for the audience's slates.
    LocalizedText festivalName() const { return m_festivalName; }
    LocalizedText screenName() const { return m_screenName; }
    QString timeZone() const { return m_timeZone; }
    // What the status message says now (docs/protocol.md, "status"; core/protocol).
    PlayerStatus status() const;
    // Adds a field to every status (e.g. "ceremony"), read when the status is sent.
    void addStatusField(const QString &key, std::function<QJsonObject()> read);
    // Sends the status soon (several calls in one event-loop turn send it once).
    void scheduleStatus();

Q_SIGNALS:
    void playlistApplied(qint64 programmeVersion, const QString &source);
    void playlistRejected(const QString &reason);

private:
    void onMessage(const MqttMessage &message);
    bool applyPlaylist(const QByteArray &payload, const QString &source);
    void handleRequest(const MqttMessage &message);
    void publishStatus();
    void startPlayback();
    PlayerStatus::Item statusItem(const PlaybackItem &item) const;
    // Follows which screening the engine shows; leaving one records it as ended.
    void noteScreeningShown();

    PlayerSettings m_settings;
    QStringList m_hardwareDecoders;   // what DecoderChoice left GStreamer to pick
    std::unique_ptr<ShowClock> m_clock;
    std::unique_ptr<PlaybackEngine> m_engine;
    std::unique_ptr<MqttClient> m_client;
    PlayerCommands m_commands;
    PlaylistCache m_cache;
    QHash<QString, PlaylistItem> m_meta;  // engine item id -> playlist item
    QList<QPair<QString, std::function<QJsonObject()>>> m_statusFields;
    qint64 m_programmeVersion = 0;
    LocalizedText m_festivalName;
    LocalizedText m_screenName;
    QString m_timeZone;
    QString m_playlistSource = QStringLiteral("none");
    QString m_screeningShown;
    std::optional<PlayerStatus::Ended> m_ended;
    QTimer m_statusTimer;
    QTimer m_syncTimeout;
    bool m_statusScheduled = false;
    bool m_playing = false;
    bool m_started = false;
    int m_quietTicks = 0;
};

} // namespace fest
