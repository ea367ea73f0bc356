#include "mqttclient.h"

#include <QEventLoop>
#include <QMetaEnum>
#include <QRandomGenerator>
#include <QSocketNotifier>

#include <mosquitto.h>
#include <mqtt_protocol.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace fest {

Q_LOGGING_CATEGORY(lcMqtt, "fest.mqtt")

// What a libmosquitto callback saw; handled once the library call that raised it has
// returned (see handleEvents()).
struct MqttClient::Event
{
    enum class Kind { ConnAck, Disconnect, Published, SubAck, Message };
    Kind kind;
    int code = 0;        // reason code or MOSQ_ERR_*
    int id = 0;          // message id
    int sysErrno = 0;
    std::vector<int> granted;
    MqttMessage message;
    qsizetype wireSize = 0;
};

namespace {

// Owns a libmosquitto property list (mosquitto_property_free_all on destruction).
class PropertyList
{
public:
    PropertyList() = default;
    PropertyList(const PropertyList &) = delete;
    PropertyList &operator=(const PropertyList &) = delete;
    ~PropertyList() { mosquitto_property_free_all(&m_list); }
    mosquitto_property **out() { return &m_list; }
    mosquitto_property *get() const { return m_list; }
    mosquitto_property *release() { return std::exchange(m_list, nullptr); }

private:
    mosquitto_property *m_list = nullptr;
};

struct FreeDeleter {
    void operator()(void *p) const { std::free(p); }
};

void initialiseLibraryOnce()
{
    static const int rc = mosquitto_lib_init();
    Q_UNUSED(rc);
}

QString hexCode(int code)
{
    return QStringLiteral("0x%1").arg(code, 2, 16, QLatin1Char('0'));
}

// Both the library's own codes (small) and an MQTT 5 DISCONNECT reason code (>= 0x80)
// arrive through the same disconnect callback argument.
constexpr int firstMqttFailureCode = 0x80;

constexpr int maxPacketsPerRead = 64;

} // namespace

void MqttClient::MosquittoDeleter::operator()(mosquitto *m) const
{
    mosquitto_destroy(m);
}

MqttClient::MqttClient(MqttOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_miscTimer(this)
    , m_reconnectTimer(this)
    , m_connectTimer(this)
{
    qRegisterMetaType<fest::MqttMessage>();
    m_miscTimer.setInterval(1000);
    connect(&m_miscTimer, &QTimer::timeout, this, &MqttClient::onMiscTimer);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &MqttClient::startConnect);
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, &MqttClient::onConnectTimeout);
}

MqttClient::~MqttClient()
{
    close();
}

QString MqttClient::brokerAddress() const
{
    return QStringLiteral("%1:%2").arg(m_options.host).arg(m_options.port);
}

void MqttClient::open()
{
    m_wanted = true;
    if (m_state != State::Disconnected)
        return;
    m_reconnectAttempt = 0;
    startConnect();
}

void MqttClient::close()
{
    m_wanted = false;
    m_reconnectTimer.stop();
    m_connectTimer.stop();
    m_events.clear();
    releaseWrites();
    if (m_mosq && mosquitto_socket(m_mosq.get()) >= 0) {
        // Written at once (we are not inside a callback), so the broker sees a clean
        // DISCONNECT and discards the Will even if this object is destroyed right after.
        const int rc = mosquitto_disconnect_v5(m_mosq.get(), MQTT_RC_NORMAL_DISCONNECTION, nullptr);
        if (rc == MOSQ_ERR_SUCCESS)
            mosquitto_loop_write(m_mosq.get(), 1);
    }
    unwatchSocket();
    m_events.clear();
    const bool wasConnected = m_state == State::Connected;
    setState(State::Disconnected);
    if (wasConnected)
        emit disconnected();
}

bool MqttClient::setUp()
{
    const QString problem = m_options.validate();
    if (!problem.isEmpty()) {
        setError(Error::InvalidOptions, problem);
        return false;
    }
    initialiseLibraryOnce();
    const QByteArray id = m_options.clientId.toUtf8();
    m_mosq.reset(mosquitto_new(id.isEmpty() ? nullptr : id.constData(), m_options.cleanStart, this));
    if (!m_mosq) {
        setError(Error::InvalidOptions, QStringLiteral("cannot create an MQTT client: %1").arg(qt_error_string(errno)));
        return false;
    }
    mosquitto *m = m_mosq.get();
    mosquitto_int_option(m, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V5);
    // Commands and cues are small packets that must not wait for Nagle's algorithm.
    mosquitto_int_option(m, MOSQ_OPT_TCP_NODELAY, 1);
    if (m_options.receiveMaximum > 0)
        mosquitto_int_option(m, MOSQ_OPT_RECEIVE_MAXIMUM, m_options.receiveMaximum);
    if (m_options.sendMaximum > 0)
        mosquitto_int_option(m, MOSQ_OPT_SEND_MAXIMUM, m_options.sendMaximum);
    mosquitto_connect_v5_callback_set(m, &MqttClient::onConnectCallback);
    mosquitto_disconnect_v5_callback_set(m, &MqttClient::onDisconnectCallback);
    mosquitto_publish_v5_callback_set(m, &MqttClient::onPublishCallback);
    mosquitto_message_v5_callback_set(m, &MqttClient::onMessageCallback);
    mosquitto_subscribe_v5_callback_set(m, &MqttClient::onSubscribeCallback);

    if (!m_options.username.isEmpty()) {
        const int rc = mosquitto_username_pw_set(m, m_options.username.toUtf8().constData(),
                                                 m_options.password.isEmpty() ? nullptr : m_options.password.toUtf8().constData());
        if (rc != MOSQ_ERR_SUCCESS) {
            fail(CodeKind::Library, rc);
            return false;
        }
    }
    if (m_options.will) {
        const MqttMessage &will = *m_options.will;
        PropertyList properties;
        if (will.expirySeconds > 0)
            mosquitto_property_add_int32(properties.out(), MQTT_PROP_MESSAGE_EXPIRY_INTERVAL, will.expirySeconds);
        const int rc = mosquitto_will_set_v5(m, will.topic.toUtf8().constData(), int(will.payload.size()),
                                             will.payload.constData(), will.qos, will.retain, properties.get());
        if (rc != MOSQ_ERR_SUCCESS) {
            fail(CodeKind::Library, rc);
            return false;
        }
        properties.release();   // the library owns the list once will_set succeeded
    }
    if (m_options.useTls()) {
        const QByteArray ca = m_options.tlsCaFile.toLocal8Bit();
        const QByteArray cert = m_options.tlsCertFile.toLocal8Bit();
        const QByteArray key = m_options.tlsKeyFile.toLocal8Bit();
        const int rc = mosquitto_tls_set(m, ca.isEmpty() ? nullptr : ca.constData(),
                                         ca.isEmpty() ? "/etc/ssl/certs" : nullptr,
                                         cert.isEmpty() ? nullptr : cert.constData(),
                                         key.isEmpty() ? nullptr : key.constData(), nullptr);
        if (rc != MOSQ_ERR_SUCCESS) {
            setError(Error::TlsFailure, QStringLiteral("cannot use the TLS files (CA \"%1\", certificate \"%2\", key \"%3\"): check that they exist and are readable")
                                            .arg(m_options.tlsCaFile, m_options.tlsCertFile, m_options.tlsKeyFile));
            return false;
        }
    }
    return configureConnect();
}

bool MqttClient::configureConnect()
{
    PropertyList properties;
    mosquitto_property_add_int32(properties.out(), MQTT_PROP_MAXIMUM_PACKET_SIZE, m_options.maxPacketSize);
    if (m_options.sessionExpirySeconds > 0)
        mosquitto_property_add_int32(properties.out(), MQTT_PROP_SESSION_EXPIRY_INTERVAL, m_options.sessionExpirySeconds);
    // libmosquitto 2.0.11 takes CONNECT properties only through mosquitto_connect_bind_v5(),
    // which then connects *blocking*. It stores the properties before it validates the
    // port, so port -1 stores them and stops; every asynchronous (re)connect below sends
    // them. tst_MqttClient::oversizedInboundMessageRefused fails if a library update
    // stops honouring this.
    const int rc = mosquitto_connect_bind_v5(m_mosq.get(), m_options.host.toUtf8().constData(), -1,
                                             m_options.keepAliveSeconds, nullptr, properties.get());
    if (rc != MOSQ_ERR_INVAL) {
        setError(Error::InvalidOptions, QStringLiteral("cannot prepare the MQTT 5 connect properties (libmosquitto error %1)").arg(rc));
        return false;
    }
    return true;
}

void MqttClient::startConnect()
{
    if (!m_wanted)
        return;
    if (!m_mosq && !setUp()) {
        m_mosq.reset();   // half-configured: the next open() starts afresh
        setState(State::Disconnected);
        return;
    }
    m_refused = false;
    setState(State::Connecting);
    qCDebug(lcMqtt) << "connecting to" << brokerAddress();
    // The library's own messages (TLS and socket trouble) matter while connecting.
    mosquitto_log_callback_set(m_mosq.get(), &MqttClient::onLogCallback);
    errno = 0;
    const int rc = mosquitto_connect_bind_async(m_mosq.get(), m_options.host.toUtf8().constData(),
                                                m_options.port, m_options.keepAliveSeconds, nullptr);
    const int sysErrno = errno;
    if (rc != MOSQ_ERR_SUCCESS) {
        fail(CodeKind::Library, rc, sysErrno);
        scheduleReconnect();
        return;
    }
    m_connectTimer.start(m_options.connectTimeoutMs);
    watchSocket();
    handleEvents();
    updateWriteInterest();
}

void MqttClient::onConnectTimeout()
{
    if (m_state != State::Connecting || !m_readNotifier)
        return;
    // The next attempt's connect closes the library's half-open socket.
    unwatchSocket();
    fail(CodeKind::ConnectTimeout, m_options.connectTimeoutMs);
    scheduleReconnect();
}

void MqttClient::scheduleReconnect()
{
    if (!m_wanted)
        return;
    const int shift = qMin(m_reconnectAttempt, 16);
    const qint64 ceiling = qMin<qint64>(m_options.reconnectMaxMs, qint64(m_options.reconnectMinMs) << shift);
    // Jitter spreads the reconnects of a whole venue after a broker restart.
    const int delay = int(QRandomGenerator::global()->bounded(ceiling / 2, ceiling + 1));
    ++m_reconnectAttempt;
    qCInfo(lcMqtt) << "reconnecting to" << brokerAddress() << "in" << delay << "ms";
    m_reconnectTimer.start(delay);
}

void MqttClient::watchSocket()
{
    unwatchSocket();
    const int fd = mosquitto_socket(m_mosq.get());
    if (fd < 0)
        return;
    m_readNotifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Read);
    connect(m_readNotifier.get(), &QSocketNotifier::activated, this, &MqttClient::onReadable);
    m_writeNotifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Write);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier.get(), &QSocketNotifier::activated, this, &MqttClient::onWritable);
    m_miscTimer.start();
}

void MqttClient::unwatchSocket()
{
    m_readNotifier.reset();
    m_writeNotifier.reset();
    m_miscTimer.stop();
}

void MqttClient::holdWrites()
{
    if (!m_options.coalesceWrites || m_writesHeld || !m_mosq)
        return;
    const int fd = mosquitto_socket(m_mosq.get());
    const int on = 1;
    if (fd < 0 || ::setsockopt(fd, IPPROTO_TCP, TCP_CORK, &on, sizeof on) != 0)
        return;
    m_writesHeld = true;
    // Runs once the event loop is back: everything written until then leaves together.
    QMetaObject::invokeMethod(this, &MqttClient::releaseWrites, Qt::QueuedConnection);
}

void MqttClient::releaseWrites()
{
    if (!m_writesHeld)
        return;
    m_writesHeld = false;
    const int fd = m_mosq ? mosquitto_socket(m_mosq.get()) : -1;
    const int off = 0;
    if (fd >= 0)
        ::setsockopt(fd, IPPROTO_TCP, TCP_CORK, &off, sizeof off);
}

void MqttClient::onReadable()
{
    // The acknowledgements of what we read, and whatever the slots publish in reply.
    holdWrites();
    // libmosquitto reads one packet per call unless QoS > 0 messages are in flight; drain
    // what has arrived (bounded, to keep the event loop responsive) instead of waiting
    // for the notifier to fire once per packet.
    int rc = MOSQ_ERR_SUCCESS;
    for (int i = 0; i < maxPacketsPerRead && rc == MOSQ_ERR_SUCCESS; ++i) {
        errno = 0;
        rc = mosquitto_loop_read(m_mosq.get(), 1);
        // Also stop once a DISCONNECT from the broker closed the socket: another read
        // would report the same loss a second time.
        if (errno == EAGAIN || errno == EWOULDBLOCK || mosquitto_socket(m_mosq.get()) < 0)
            break;
    }
    afterLoopCall(rc, "read");
}

void MqttClient::onWritable()
{
    afterLoopCall(mosquitto_loop_write(m_mosq.get(), 1), "write");
}

void MqttClient::onMiscTimer()
{
    afterLoopCall(mosquitto_loop_misc(m_mosq.get()), "misc");
}

void MqttClient::afterLoopCall(int rc, const char *what)
{
    const int sysErrno = errno;
    if (rc != MOSQ_ERR_SUCCESS)
        qCDebug(lcMqtt) << "loop" << what << "returned" << rc << mosquitto_strerror(rc);
    handleEvents();
    // The library closed the socket without reporting it through a callback.
    if (m_readNotifier && m_mosq && mosquitto_socket(m_mosq.get()) != int(m_readNotifier->socket()))
        handleDisconnect(rc == MOSQ_ERR_SUCCESS ? MOSQ_ERR_CONN_LOST : rc, sysErrno);
    updateWriteInterest();
}

void MqttClient::updateWriteInterest()
{
    if (m_writeNotifier && m_mosq)
        m_writeNotifier->setEnabled(mosquitto_want_write(m_mosq.get()));
}

void MqttClient::handleEvents()
{
    while (!m_events.empty()) {
        std::vector<Event> events;
        events.swap(m_events);
        for (Event &event : events) {
            switch (event.kind) {
            case Event::Kind::ConnAck: handleConnAck(event.code); break;
            case Event::Kind::Disconnect: handleDisconnect(event.code, event.sysErrno); break;
            case Event::Kind::Published: handlePublished(event.id, event.code); break;
            case Event::Kind::SubAck: handleSubAck(event.id, event.granted); break;
            case Event::Kind::Message: handleMessage(std::move(event.message), event.wireSize); break;
            }
        }
    }
}

void MqttClient::handleConnAck(int reasonCode)
{
    m_connectTimer.stop();
    if (reasonCode != MQTT_RC_SUCCESS) {
        m_refused = true;
        fail(CodeKind::ConnAck, reasonCode);
        return;
    }
    qCInfo(lcMqtt) << "connected to" << brokerAddress();
    // Once connected, libmosquitto formats a debug line for every packet sent or received
    // whenever a log callback is set, whatever its level (a malloc and a printf per
    // packet, three packets a ballot); losing the connection is reported through the
    // disconnect callback. Keep them only when they would be printed.
    if (!lcMqtt().isDebugEnabled())
        mosquitto_log_callback_set(m_mosq.get(), nullptr);
    m_reconnectAttempt = 0;
    setError(Error::NoError, QString());
    // Before connected(), so that anything published from a connected() slot already
    // finds our subscriptions in place (replies to our own requests, for example).
    for (auto it = m_subscriptions.cbegin(); it != m_subscriptions.cend(); ++it)
        sendSubscribe(it.key(), it.value());
    setState(State::Connected);
    emit connected();
}

void MqttClient::handleDisconnect(int code, int sysErrno)
{
    unwatchSocket();
    m_connectTimer.stop();
    m_subscribeRequests.clear();   // their SUBACKs will never come; connect re-sends them
    const bool wasConnected = m_state == State::Connected;
    if (!m_wanted) {
        setState(State::Disconnected);
    } else {
        if (!m_refused && code != MOSQ_ERR_SUCCESS)
            fail(code >= firstMqttFailureCode ? CodeKind::Disconnect : CodeKind::Library, code, sysErrno);
        setState(State::Connecting);
        scheduleReconnect();
    }
    if (wasConnected)
        emit disconnected();
}

void MqttClient::handlePublished(int messageId, int reasonCode)
{
    m_pendingPublishes.remove(messageId);
    if (reasonCode >= firstMqttFailureCode) {
        fail(CodeKind::PubAck, reasonCode);
        emit publishRejected(messageId, reasonCode);
        return;
    }
    emit published(messageId);
}

void MqttClient::handleSubAck(int messageId, const std::vector<int> &granted)
{
    const QString filter = m_subscribeRequests.take(messageId);
    for (int code : granted) {
        if (code >= firstMqttFailureCode) {
            fail(CodeKind::SubAck, code);
            qCWarning(lcMqtt) << "subscription to" << filter << "refused";
            emit subscriptionRejected(filter, code);
        } else {
            emit subscribed(filter, code);
        }
    }
}

void MqttClient::handleMessage(MqttMessage message, qsizetype wireSize)
{
    // libmosquitto 2.0.11 does not check inbound packets against the size we announced;
    // a broker that ignores it must not get a larger message through.
    if (wireSize > qsizetype(m_options.maxPacketSize)) {
        qCWarning(lcMqtt) << "dropped a message of" << wireSize << "bytes on" << message.topic
                          << "over the maximum packet size of" << m_options.maxPacketSize;
        return;
    }
    emit messageReceived(message);
}

void MqttClient::subscribe(const QString &filter, int qos)
{
    if (mosquitto_sub_topic_check(filter.toUtf8().constData()) != MOSQ_ERR_SUCCESS || qos < 0 || qos > 2) {
        fail(CodeKind::SubscribeCall, MOSQ_ERR_INVAL);
        qCWarning(lcMqtt) << "not subscribing to" << filter << "with QoS" << qos;
        emit subscriptionRejected(filter, -1);
        return;
    }
    m_subscriptions.insert(filter, qos);
    if (m_state == State::Connected)
        sendSubscribe(filter, qos);
}

void MqttClient::sendSubscribe(const QString &filter, int qos)
{
    int mid = 0;
    const int rc = mosquitto_subscribe_v5(m_mosq.get(), &mid, filter.toUtf8().constData(), qos, 0, nullptr);
    if (rc != MOSQ_ERR_SUCCESS) {
        fail(CodeKind::SubscribeCall, rc, errno);
        return;
    }
    m_subscribeRequests.insert(mid, filter);
    updateWriteInterest();
}

void MqttClient::unsubscribe(const QString &filter)
{
    if (!m_subscriptions.remove(filter) || m_state != State::Connected)
        return;
    const int rc = mosquitto_unsubscribe_v5(m_mosq.get(), nullptr, filter.toUtf8().constData(), nullptr);
    if (rc != MOSQ_ERR_SUCCESS)
        fail(CodeKind::SubscribeCall, rc, errno);
    updateWriteInterest();
}

int MqttClient::publish(const MqttMessage &message)
{
    if (m_state != State::Connected) {
        qCWarning(lcMqtt) << "not connected to" << brokerAddress() << "- dropped a message to" << message.topic;
        if (m_error == Error::NoError)
            setError(Error::NetworkError, QStringLiteral("not connected to the broker at %1: the message was not sent").arg(brokerAddress()));
        return -1;
    }
    if (message.correlationData.size() > 0xffff) {
        fail(CodeKind::PublishCall, MOSQ_ERR_INVAL);
        return -1;
    }
    PropertyList properties;
    if (!message.responseTopic.isEmpty())
        mosquitto_property_add_string(properties.out(), MQTT_PROP_RESPONSE_TOPIC, message.responseTopic.toUtf8().constData());
    if (!message.correlationData.isEmpty())
        mosquitto_property_add_binary(properties.out(), MQTT_PROP_CORRELATION_DATA, message.correlationData.constData(),
                                      uint16_t(message.correlationData.size()));
    if (message.expirySeconds > 0)
        mosquitto_property_add_int32(properties.out(), MQTT_PROP_MESSAGE_EXPIRY_INTERVAL, message.expirySeconds);

    holdWrites();
    int mid = 0;
    errno = 0;
    const int rc = mosquitto_publish_v5(m_mosq.get(), &mid, message.topic.toUtf8().constData(), int(message.payload.size()),
                                        message.payload.constData(), message.qos, message.retain, properties.get());
    if (rc != MOSQ_ERR_SUCCESS) {
        qCWarning(lcMqtt) << "publishing" << message.payload.size() << "bytes to" << message.topic << "failed";
        fail(CodeKind::PublishCall, rc, errno);
        return -1;
    }
    if (message.qos > 0)
        m_pendingPublishes.insert(mid);
    updateWriteInterest();
    // A QoS 0 publish reports itself from inside the call; let the caller have the id first.
    // One queued call serves every publish until it runs (a reply burst is not one posted
    // event and one wake-up of the event loop per message).
    if (!m_events.empty() && !m_eventsQueued) {
        m_eventsQueued = true;
        QMetaObject::invokeMethod(this, [this] {
            m_eventsQueued = false;
            handleEvents();
        }, Qt::QueuedConnection);
    }
    return mid;
}

bool MqttClient::waitForPublished(int timeoutMs)
{
    if (m_pendingPublishes.isEmpty())
        return true;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    auto check = [this, &loop] {
        if (m_pendingPublishes.isEmpty())
            loop.quit();
    };
    connect(this, &MqttClient::published, &loop, check);
    connect(this, &MqttClient::publishRejected, &loop, check);
    connect(this, &MqttClient::stateChanged, &loop, [this, &loop] {
        if (m_state == State::Disconnected)
            loop.quit();
    });
    timer.start(timeoutMs);
    loop.exec();
    return m_pendingPublishes.isEmpty();
}

void MqttClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged();
}

void MqttClient::setError(Error error, const QString &text)
{
    if (m_error == error && m_errorString == text)
        return;
    m_error = error;
    m_errorString = text;
    emit errorChanged();
}

void MqttClient::fail(CodeKind kind, int code, int sysErrno)
{
    const Diagnosis diagnosis = describe(kind, code, sysErrno);
    const QString codes = QStringLiteral("[%1 code %2, errno %3]")
                              .arg(QString::fromLatin1(QMetaEnum::fromType<Error>().valueToKey(int(diagnosis.error))))
                              .arg(code)
                              .arg(sysErrno);
    // Reconnect attempts repeat the same failure; say it once, keep the repeats for debug.
    if (diagnosis.error == m_error && diagnosis.text == m_errorString)
        qCDebug(lcMqtt).noquote() << diagnosis.text << codes;
    else
        qCWarning(lcMqtt).noquote() << diagnosis.text << codes;
    setError(diagnosis.error, diagnosis.text);
}

// --- libmosquitto callbacks: record only ---------------------------------------------

void MqttClient::onConnectCallback(mosquitto *, void *self, int rc, int, const mosquitto_property *)
{
    Event event{Event::Kind::ConnAck};
    event.code = rc;
    static_cast<MqttClient *>(self)->m_events.push_back(std::move(event));
}

void MqttClient::onDisconnectCallback(mosquitto *, void *self, int rc, const mosquitto_property *)
{
    Event event{Event::Kind::Disconnect};
    event.code = rc;
    event.sysErrno = errno;
    static_cast<MqttClient *>(self)->m_events.push_back(std::move(event));
}

void MqttClient::onPublishCallback(mosquitto *, void *self, int mid, int reasonCode, const mosquitto_property *)
{
    Event event{Event::Kind::Published};
    event.id = mid;
    event.code = reasonCode;
    static_cast<MqttClient *>(self)->m_events.push_back(std::move(event));
}

void MqttClient::onSubscribeCallback(mosquitto *, void *self, int mid, int count, const int *granted, const mosquitto_property *)
{
    Event event{Event::Kind::SubAck};
    event.id = mid;
    event.granted.assign(granted, granted + count);
    static_cast<MqttClient *>(self)->m_events.push_back(std::move(event));
}

void MqttClient::onMessageCallback(mosquitto *, void *self, const mosquitto_message *in, const mosquitto_property *properties)
{
    Event event{Event::Kind::Message};
    MqttMessage &message = event.message;
    message.topic = QString::fromUtf8(in->topic);
    message.payload = QByteArray(static_cast<const char *>(in->payload), in->payloadlen);
    message.qos = in->qos;
    message.retain = in->retain;
    char *responseTopic = nullptr;
    if (mosquitto_property_read_string(properties, MQTT_PROP_RESPONSE_TOPIC, &responseTopic, false)) {
        std::unique_ptr<char, FreeDeleter> owned(responseTopic);
        message.responseTopic = QString::fromUtf8(responseTopic);
    }
    void *correlation = nullptr;
    uint16_t correlationLength = 0;
    if (mosquitto_property_read_binary(properties, MQTT_PROP_CORRELATION_DATA, &correlation, &correlationLength, false)) {
        std::unique_ptr<void, FreeDeleter> owned(correlation);
        message.correlationData = QByteArray(static_cast<const char *>(correlation), correlationLength);
    }
    uint32_t expiry = 0;
    if (mosquitto_property_read_int32(properties, MQTT_PROP_MESSAGE_EXPIRY_INTERVAL, &expiry, false))
        message.expirySeconds = expiry;
    event.wireSize = qsizetype(std::strlen(in->topic)) + in->payloadlen;
    static_cast<MqttClient *>(self)->m_events.push_back(std::move(event));
}

void MqttClient::onLogCallback(mosquitto *, void *, int level, const char *text)
{
    if (level & (MOSQ_LOG_ERR | MOSQ_LOG_WARNING))
        qCWarning(lcMqtt) << "libmosquitto:" << text;
    else
        qCDebug(lcMqtt) << "libmosquitto:" << text;
}

// --- the one place where codes become errors and advice ------------------------------

MqttClient::Diagnosis MqttClient::describe(CodeKind kind, int code, int sysErrno) const
{
    const QString broker = brokerAddress();
    const QString reason = QStringLiteral("reason code %1: %2").arg(hexCode(code), QString::fromUtf8(mosquitto_reason_string(code)));
    switch (kind) {
    case CodeKind::ConnAck:
        switch (code) {
        case MQTT_RC_BAD_USERNAME_OR_PASSWORD:
        case MQTT_RC_BAD_AUTHENTICATION_METHOD:
        case 4:   // MQTT 3.1.1 "bad user name or password"
            return {Error::BadCredentials, QStringLiteral("the broker at %1 refused the user name or password: check --user and --password-file").arg(broker)};
        case MQTT_RC_NOT_AUTHORIZED:
        case 5:
            // mosquitto 2.0 answers a wrong password with "not authorised", not 0x86.
            if (!m_options.username.isEmpty())
                return {Error::BadCredentials, QStringLiteral("the broker at %1 refused the user name or password: check --user and --password-file").arg(broker)};
            return {Error::NotAuthorised, QStringLiteral("the broker at %1 does not accept clients without an account: give --user and --password-file").arg(broker)};
        case MQTT_RC_BANNED:
            return {Error::NotAuthorised, QStringLiteral("the broker at %1 does not allow this account to connect: check the account in the broker's password and ACL files").arg(broker)};
        case MQTT_RC_SERVER_UNAVAILABLE:
        case MQTT_RC_SERVER_BUSY:
        case MQTT_RC_QUOTA_EXCEEDED:
        case MQTT_RC_CONNECTION_RATE_EXCEEDED:
        case MQTT_RC_USE_ANOTHER_SERVER:
        case MQTT_RC_SERVER_MOVED:
        case 3:
            return {Error::ServerUnavailable, QStringLiteral("the broker at %1 is unavailable or busy (%2); retrying").arg(broker, reason)};
        case MQTT_RC_CLIENTID_NOT_VALID:
        case 2:
            return {Error::InvalidOptions, QStringLiteral("the broker at %1 refused the client id \"%2\": use letters, digits, '-' and '_' only").arg(broker, m_options.clientId)};
        case MQTT_RC_UNSUPPORTED_PROTOCOL_VERSION:
        case 1:
            return {Error::ProtocolError, QStringLiteral("the broker at %1 does not speak MQTT 5: use mosquitto 2.0 or newer").arg(broker)};
        case MQTT_RC_PACKET_TOO_LARGE:
            return {Error::PacketTooLarge, QStringLiteral("the broker at %1 refused the connect packet as too large: shorten the Will message").arg(broker)};
        default:
            return {Error::ConnectionRefused, QStringLiteral("the broker at %1 refused the connection (%2)").arg(broker, reason)};
        }
    case CodeKind::Disconnect:
        switch (code) {
        case MQTT_RC_SESSION_TAKEN_OVER:
            return {Error::NetworkError, QStringLiteral("another client connected to %1 with the same client id \"%2\": give every client its own id").arg(broker, m_options.clientId)};
        case MQTT_RC_SERVER_SHUTTING_DOWN:
            return {Error::ServerUnavailable, QStringLiteral("the broker at %1 is shutting down; reconnecting").arg(broker)};
        case MQTT_RC_PACKET_TOO_LARGE:
            return {Error::PacketTooLarge, QStringLiteral("the broker at %1 closed the connection because a message was too large: keep messages under its max_packet_size").arg(broker)};
        case MQTT_RC_NOT_AUTHORIZED:
        case MQTT_RC_ADMINISTRATIVE_ACTION:
            return {Error::NotAuthorised, QStringLiteral("the broker at %1 disconnected this account (%2): check the account's permissions").arg(broker, reason)};
        case MQTT_RC_MALFORMED_PACKET:
        case MQTT_RC_PROTOCOL_ERROR:
            return {Error::ProtocolError, QStringLiteral("the broker at %1 reported a protocol error (%2); reconnecting").arg(broker, reason)};
        default:
            return {Error::NetworkError, QStringLiteral("the broker at %1 closed the connection (%2); reconnecting").arg(broker, reason)};
        }
    case CodeKind::SubAck:
        if (code == MQTT_RC_NOT_AUTHORIZED)
            return {Error::SubscribeRejected, QStringLiteral("the broker at %1 does not allow this account to subscribe there: check the broker's ACL file").arg(broker)};
        return {Error::SubscribeRejected, QStringLiteral("the broker at %1 refused a subscription (%2)").arg(broker, reason)};
    case CodeKind::PubAck:
        if (code == MQTT_RC_NOT_AUTHORIZED)
            return {Error::PublishRejected, QStringLiteral("the broker at %1 does not allow this account to publish there: check the broker's ACL file").arg(broker)};
        return {Error::PublishRejected, QStringLiteral("the broker at %1 refused a message (%2)").arg(broker, reason)};
    case CodeKind::PublishCall:
        if (code == MOSQ_ERR_INVAL || code == MOSQ_ERR_MALFORMED_UTF8)
            return {Error::PublishRejected, QStringLiteral("not a valid message to publish: the topic must be non-empty UTF-8 without '+' or '#', QoS 0 to 2, correlation data under 64 KiB")};
        if (code == MOSQ_ERR_OVERSIZE_PACKET || code == MOSQ_ERR_PAYLOAD_SIZE)
            return {Error::PacketTooLarge, QStringLiteral("the message is larger than the broker at %1 accepts: make it smaller or raise the broker's max_packet_size").arg(broker)};
        if (code == MOSQ_ERR_QOS_NOT_SUPPORTED)
            return {Error::PublishRejected, QStringLiteral("the broker at %1 does not support that QoS: use a lower one").arg(broker)};
        break;
    case CodeKind::SubscribeCall:
        if (code == MOSQ_ERR_INVAL || code == MOSQ_ERR_MALFORMED_UTF8)
            return {Error::SubscribeRejected, QStringLiteral("not a valid subscription: the filter must be non-empty UTF-8 with '+' and '#' only as whole levels ('#' last), QoS 0 to 2")};
        break;
    case CodeKind::ConnectTimeout:
        return {Error::NetworkError, QStringLiteral("the broker at %1 did not answer within %2 ms: check the address, the network and any firewall; retrying").arg(broker).arg(code)};
    case CodeKind::Library:
        break;
    }

    switch (code) {
    case MOSQ_ERR_ERRNO:
        if (sysErrno == ECONNREFUSED)
            return {Error::ConnectionRefused, QStringLiteral("cannot reach the broker at %1: nothing accepts connections there. Is mosquitto running, and is the port right?").arg(broker)};
        if (sysErrno == ECONNRESET || sysErrno == EPIPE)
            return {Error::NetworkError, QStringLiteral("the connection to the broker at %1 was lost (%2); reconnecting").arg(broker, qt_error_string(sysErrno))};
        return {Error::NetworkError, QStringLiteral("cannot reach the broker at %1 (%2): check the network and the broker address").arg(broker, qt_error_string(sysErrno))};
    case MOSQ_ERR_EAI:
        return {Error::NetworkError, QStringLiteral("cannot find the broker host \"%1\" (%2): check the broker address").arg(m_options.host, QString::fromLocal8Bit(gai_strerror(sysErrno)))};
    case MOSQ_ERR_CONN_LOST:
    case MOSQ_ERR_NO_CONN:
        return {Error::NetworkError, QStringLiteral("the connection to the broker at %1 was lost; reconnecting").arg(broker)};
    case MOSQ_ERR_KEEPALIVE:
        return {Error::NetworkError, QStringLiteral("the broker at %1 stopped answering within the %2 s keepalive; reconnecting").arg(broker).arg(m_options.keepAliveSeconds)};
    case MOSQ_ERR_TLS:
    case MOSQ_ERR_TLS_HANDSHAKE:
    case MOSQ_ERR_OCSP:
        return {Error::TlsFailure, QStringLiteral("the TLS connection to %1 failed: check the CA file and that the broker's certificate names host \"%2\"").arg(broker, m_options.host)};
    case MOSQ_ERR_CONN_REFUSED:
        return {Error::ConnectionRefused, QStringLiteral("the broker at %1 refused the connection").arg(broker)};
    case MOSQ_ERR_PROTOCOL:
    case MOSQ_ERR_MALFORMED_PACKET:
    case MOSQ_ERR_DUPLICATE_PROPERTY:
        return {Error::ProtocolError, QStringLiteral("the server at %1 does not speak MQTT 5 correctly: is that port an MQTT 5 broker (mosquitto 2.0 or newer)?").arg(broker)};
    case MOSQ_ERR_OVERSIZE_PACKET:
    case MOSQ_ERR_PAYLOAD_SIZE:
        return {Error::PacketTooLarge, QStringLiteral("a packet exceeded the maximum size agreed with the broker at %1").arg(broker)};
    case MOSQ_ERR_INVAL:
    case MOSQ_ERR_MALFORMED_UTF8:
        return {Error::InvalidOptions, QStringLiteral("the connection settings for %1 are not valid (user name, Will or client id)").arg(broker)};
    default:
        return {Error::NetworkError, QStringLiteral("MQTT error talking to %1: %2").arg(broker, QString::fromUtf8(mosquitto_strerror(code)))};
    }
}

} // namespace fest
