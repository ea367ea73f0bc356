#include "statepublisher.h"

#include "envelope.h"
#include "messagetype.h"
#include "mqttclient.h"
#include "playlist.h"
#include "playlistjson.h"
#include "programme.h"
#include "programmejson.h"
#include "topics.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QElapsedTimer>
#include <QLoggingCategory>

#include "controllerlog.h"

namespace fest {

namespace {
MqttMessage retained(const QString &topic, const QByteArray &payload)
{
    MqttMessage m;
    m.topic = topic;
    m.payload = payload;
    m.qos = 1;
    m.retain = true;
    return m;
}
} // namespace

StatePublisher::StatePublisher(MqttClient *client)
    : m_client(client)
{
}

QByteArray StatePublisher::envelopeWith(const QString &type, const QJsonObject &fields, const char *key, const QByteArray &json)
{
    QByteArray out = Envelope::encode(type, fields);  // a compact object: ends with '}'
    out.chop(1);
    out += ",\"";
    out += key;
    out += "\":";
    out += json;
    out += '}';
    return out;
}

QByteArray StatePublisher::playlistMessage(const Playlist &playlist, const QByteArray &itemsJson)
{
    return envelopeWith(MessageType::playlist(), PlaylistJson::headerToJson(playlist), "items", itemsJson);
}

QByteArray StatePublisher::programmeMessage(const QByteArray &programmeJson, qint64 version, const QString &hash, qint64 committedAtUs)
{
    const QJsonObject fields{{"version", version}, {"hash", hash}, {"committedAtUs", committedAtUs}};
    return envelopeWith(MessageType::programme(), fields, "programme", programmeJson);
}

void StatePublisher::publishProgramme(const Programme &programme, const QByteArray &encoded, qint64 version, const QString &hash,
                                      qint64 committedAtUs)
{
    QElapsedTimer timer;
    timer.start();
    const QHash<QString, Playlist> playlists = Playlist::forAllScreens(programme, version);
    for (auto it = playlists.cbegin(); it != playlists.cend(); ++it) {
        EncodedItems &cached = m_playlists[it.key()];
        if (cached.json.isEmpty() || cached.items != it.value().items) {
            cached.items = it.value().items;
            cached.json = QJsonDocument(PlaylistJson::itemsToJson(cached.items)).toJson(QJsonDocument::Compact);
        }
        Playlist header = it.value();
        header.committedAtUs = committedAtUs;
        m_client->publish(retained(Topics::playlist(it.key()), playlistMessage(header, cached.json)));
    }
    for (auto it = m_playlists.begin(); it != m_playlists.end();) {
        if (playlists.contains(it.key())) {
            ++it;
            continue;
        }
        m_client->publish(retained(Topics::playlist(it.key()), QByteArray()));  // an empty retained message clears it
        it = m_playlists.erase(it);
    }
    m_client->publish(retained(Topics::programme(), programmeMessage(encoded, version, hash, committedAtUs)));
    qCDebug(lcController) << "published programme version" << version << "and" << playlists.size() << "playlists in" << timer.elapsed() << "ms";
}

void StatePublisher::publishStatus(const ControllerStatus &status)
{
    m_client->publish(retained(Topics::nodeStatus(Topics::controllerAccount()), status.encode()));
}

} // namespace fest
