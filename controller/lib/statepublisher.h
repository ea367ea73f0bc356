#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QHash>
#include "nodestatus.h"
#include "playlist.h"
#include <QString>

namespace fest {

class MqttClient;
struct Programme;

// Puts the controller's state on the bus as retained messages: the programme, one
// playlist per screen, and the controller's own status. Only the controller writes them.
class StatePublisher
{
public:
    explicit StatePublisher(MqttClient *client);

    // Publishes the programme and every screen's playlist for this version; clears the
    // retained playlist of screens that no longer exist. committedAtUs (wall clock, µs) lets
    // receivers measure how long a change took to reach them.
    // `encoded` is ProgrammeJson::encode(programme), already made to store the version: it
    // is embedded as it is rather than encoded again, and playlists whose items did not
    // change reuse their encoded items, so that a change reaches the nodes right after
    // its commit (bench/fanout). Playlists go first: players wait for them.
    void publishProgramme(const Programme &programme, const QByteArray &encoded, qint64 version, const QString &hash,
                          qint64 committedAtUs);
    void publishStatus(const ControllerStatus &status);

    // The retained "playlist" and "programme" messages (docs/protocol.md), their one
    // encoder: the items (PlaylistJson::itemsToJson) and the programme (ProgrammeJson)
    // come encoded already and are embedded as they are.
    // playlistMessage takes everything but the items from `playlist` (PlaylistJson::headerToJson).
    static QByteArray playlistMessage(const Playlist &playlist, const QByteArray &itemsJson);
    static QByteArray programmeMessage(const QByteArray &programmeJson, qint64 version, const QString &hash, qint64 committedAtUs);

private:
    struct EncodedItems {
        QList<PlaylistItem> items;
        QByteArray json;
    };
    // An envelope of `fields` with one more field whose value is JSON already encoded.
    static QByteArray envelopeWith(const QString &type, const QJsonObject &fields, const char *key, const QByteArray &json);

    MqttClient *m_client;
    QHash<QString, EncodedItems> m_playlists;  // by screen
};

} // namespace fest
