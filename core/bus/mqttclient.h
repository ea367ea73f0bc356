#pragma once

#include "mqttmessage.h"
#include "mqttoptions.h"

#include <QHash>
#include <QLoggingCategory>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <memory>
#include <vector>

struct mosquitto;
struct mosquitto_message;
struct mqtt5__property;
class QSocketNotifier;

namespace fest {

Q_DECLARE_LOGGING_CATEGORY(lcMqtt)

// An MQTT 5 client (libmosquitto) driven by the Qt event loop of the thread it lives in:
// no mosquitto thread. Its socket is watched by QSocketNotifiers (write only while the
// library has something to send), keepalive runs from a 1 s timer.
//
// Contract:
// - open() connects and then keeps the connection: after any loss it reconnects with
//   capped exponential backoff and jitter (reconnectMinMs..reconnectMaxMs) until close().
// - close() sends a clean DISCONNECT, so the broker does NOT publish the Will.
// - subscribe() is remembered and re-sent on every (re)connect before connected() is
//   emitted, so subscriptions survive broker restarts.
// - publish() returns a message id (> 0), or -1 when not connected or refused locally
//   (error() and errorString() say why). QoS > 0 messages are pending until the broker
//   acknowledges them; published(id) then fires, or publishRejected(id, reasonCode) when
//   the broker refused it (an ACL, for example). A PUBACK proves nothing about disk.
// - A connection attempt without CONNACK within connectTimeoutMs is abandoned and
//   retried. error() is cleared by a successful connection.
// - Inbound messages over maxPacketSize are refused: the size is announced to the broker
//   in CONNECT (which then drops them) and checked again on arrival.
// - Signals are never emitted from inside a libmosquitto callback: callbacks only record
//   events, which are handled once the library call has returned. Slots may publish,
//   subscribe or close(); to dispose of the client from a slot, use deleteLater().
// - State: Connecting covers the attempts and the waits between them; Disconnected
//   means closed (or options that can never work: error() says which).
// - An MqttClient lives in one thread and is driven by that thread's event loop.
class MqttClient : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(Error error READ error NOTIFY errorChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged)
public:
    enum class State { Disconnected, Connecting, Connected };
    Q_ENUM(State)
    enum class Error {
        NoError,
        InvalidOptions,      // options that can never work; open() does not retry
        ConnectionRefused,   // nothing listens at host:port, or the broker refused us
        BadCredentials,      // user name or password refused
        NotAuthorised,       // the account (or anonymous access) is not allowed
        ServerUnavailable,   // broker busy, unavailable or shutting down
        TlsFailure,          // TLS files unusable, or the broker's certificate not trusted
        NetworkError,        // unreachable, lost, unknown host, no answer, not connected
        ProtocolError,       // not an MQTT 5 broker, or it sent something malformed
        PacketTooLarge,      // a message over the size the broker accepts
        PublishRejected,     // an invalid topic, or the broker refused the message
        SubscribeRejected,   // an invalid filter, or the broker refused the subscription
    };
    Q_ENUM(Error)

    explicit MqttClient(MqttOptions options, QObject *parent = nullptr);
    ~MqttClient() override;

    void open();
    void close();
    void subscribe(const QString &filter, int qos = 1);
    void unsubscribe(const QString &filter);
    int publish(const MqttMessage &message);
    int pendingPublishes() const { return int(m_pendingPublishes.size()); }
    // Runs the event loop until every QoS > 0 publish is acknowledged or the time is up;
    // for command-line tools before they exit.
    bool waitForPublished(int timeoutMs);

    State state() const { return m_state; }
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    const MqttOptions &options() const { return m_options; }
    QString brokerAddress() const;   // "host:port", for messages

    // Where a libmosquitto code (MOSQ_ERR_*), an MQTT reason code or errno came from.
    enum class CodeKind { Library, ConnAck, Disconnect, SubAck, PubAck, PublishCall, SubscribeCall, ConnectTimeout };
    struct Diagnosis {
        Error error;
        QString text;
    };
    // The one place where external codes become a typed error and a sentence that says
    // what to do. sysErrno matters for CodeKind::Library with MOSQ_ERR_ERRNO.
    Diagnosis describe(CodeKind kind, int code, int sysErrno = 0) const;

signals:
    void connected();
    void disconnected();
    void stateChanged();
    void errorChanged();
    void messageReceived(const fest::MqttMessage &message);
    void published(int messageId);
    void publishRejected(int messageId, int reasonCode);
    void subscribed(const QString &filter, int grantedQos);
    // reasonCode is the SUBACK reason code, or -1 for a filter refused before sending.
    void subscriptionRejected(const QString &filter, int reasonCode);

private:
    struct Event;
    struct MosquittoDeleter {
        void operator()(mosquitto *m) const;
    };

    bool setUp();
    bool configureConnect();
    void startConnect();
    void scheduleReconnect();
    void onConnectTimeout();
    void watchSocket();
    void unwatchSocket();
    void onReadable();
    void onWritable();
    void onMiscTimer();
    void afterLoopCall(int rc, const char *what);
    void updateWriteInterest();
    void holdWrites();
    void releaseWrites();
    void handleEvents();
    void handleConnAck(int reasonCode);
    void handleDisconnect(int code, int sysErrno);
    void handlePublished(int messageId, int reasonCode);
    void handleSubAck(int messageId, const std::vector<int> &granted);
    void handleMessage(MqttMessage message, qsizetype wireSize);
    void sendSubscribe(const QString &filter, int qos);
    void setState(State state);
    void setError(Error error, const QString &text);
    void fail(CodeKind kind, int code, int sysErrno = 0);

    static void onConnectCallback(mosquitto *, void *self, int rc, int flags, const ::mqtt5__property *);
    static void onDisconnectCallback(mosquitto *, void *self, int rc, const ::mqtt5__property *);
    static void onPublishCallback(mosquitto *, void *self, int mid, int reasonCode, const ::mqtt5__property *);
    static void onMessageCallback(mosquitto *, void *self, const ::mosquitto_message *, const ::mqtt5__property *);
    static void onSubscribeCallback(mosquitto *, void *self, int mid, int count, const int *granted, const ::mqtt5__property *);
    static void onLogCallback(mosquitto *, void *self, int level, const char *text);

    MqttOptions m_options;
    std::unique_ptr<mosquitto, MosquittoDeleter> m_mosq;
    std::unique_ptr<QSocketNotifier> m_readNotifier;
    std::unique_ptr<QSocketNotifier> m_writeNotifier;
    QTimer m_miscTimer;
    QTimer m_reconnectTimer;
    QTimer m_connectTimer;
    std::vector<Event> m_events;
    QHash<QString, int> m_subscriptions;        // filter -> qos, re-sent on connect
    QHash<int, QString> m_subscribeRequests;    // SUBSCRIBE message id -> filter
    QSet<int> m_pendingPublishes;
    State m_state = State::Disconnected;
    Error m_error = Error::NoError;
    QString m_errorString;
    bool m_wanted = false;          // open() called and close() not since
    bool m_refused = false;         // the broker refused this attempt's CONNECT
    bool m_writesHeld = false;      // TCP_CORK set until releaseWrites() runs (coalesceWrites)
    bool m_eventsQueued = false;    // a queued handleEvents() is on its way
    int m_reconnectAttempt = 0;
};

} // namespace fest
