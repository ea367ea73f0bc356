#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <memory>
#include <unordered_map>

class QTimer;

namespace fest {

class MqttClient;
struct MqttMessage;

struct RequesterResult
{
    bool timedOut = false;
    QByteArray payload;        // the reply's payload, when one came
    QString errorString;       // why there is no reply (timeout, refused publish)
    bool ok() const { return !timedOut && errorString.isEmpty(); }
};

// MQTT 5 request/response over an MqttClient. Each request carries this requester's
// response topic (replyPrefix/<random>, which it subscribes) and 16 random bytes of
// correlation data; a reply is matched by that data alone.
//
// - A request made while the client is not connected waits for the connection, within
//   the same timeout.
// - A request is sent once: after a connection loss it is not re-sent (the operation may
//   already have happened) and times out unless its reply still arrives.
// - done() is called exactly once per request, from the event loop, unless the
//   requester is destroyed first. Replies after the timeout are ignored.
class MqttRequester : public QObject
{
    Q_OBJECT
public:
    MqttRequester(MqttClient *client, const QString &replyPrefix, QObject *parent = nullptr);
    ~MqttRequester() override;

    void request(const QString &topic, const QByteArray &payload, int timeoutMs,
                 std::function<void(const RequesterResult &)> done);

    QString responseTopic() const { return m_responseTopic; }
    int pendingRequests() const { return int(m_pending.size()); }

private:
    struct Pending {
        QString topic;
        QByteArray payload;
        std::function<void(const RequesterResult &)> done;
        std::unique_ptr<QTimer> timer;
        bool sent = false;
    };

    void send(const QByteArray &correlation, Pending &pending);
    void sendWaiting();
    void onMessage(const MqttMessage &message);
    void finish(const QByteArray &correlation, const RequesterResult &result);

    QPointer<MqttClient> m_client;
    QString m_responseTopic;
    std::unordered_map<QByteArray, Pending> m_pending;   // by correlation data
};

} // namespace fest
