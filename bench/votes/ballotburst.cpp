#include "ballotburst.h"

#include "ballotreply.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>

namespace fest {

struct BallotBurst::Kiosk
{
    std::unique_ptr<MqttClient> client;
    QString account;
    std::vector<const QByteArray *> queue;
    size_t next = 0;
    QHash<QByteArray, qint64> sentAt;   // correlation -> ns on m_clock
};

BallotBurst::BallotBurst(const MqttOptions &broker, int kiosks, int window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    for (int i = 0; i < kiosks; ++i) {
        auto k = std::make_unique<Kiosk>();
        k->account = QStringLiteral("bench-kiosk-%1").arg(i, 3, 10, QLatin1Char('0'));
        MqttOptions o = broker;
        o.username = k->account;
        o.clientId = k->account;
        k->client = std::make_unique<MqttClient>(o);
        k->client->subscribe(QStringLiteral("fest/v1/reply/%1/votes").arg(k->account), 1);
        Kiosk *raw = k.get();
        connect(k->client.get(), &MqttClient::messageReceived, this, [this, raw](const MqttMessage &m) { onReply(*raw, m); });
        m_kiosks.push_back(std::move(k));
    }
}

BallotBurst::~BallotBurst() = default;

bool BallotBurst::connectAll(int timeoutMs)
{
    for (auto &k : m_kiosks)
        k->client->open();
    QElapsedTimer waited;
    waited.start();
    auto allConnected = [this] {
        return std::all_of(m_kiosks.begin(), m_kiosks.end(),
                           [](const auto &k) { return k->client->state() == MqttClient::State::Connected; });
    };
    while (!allConnected() && waited.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return allConnected();
}

void BallotBurst::sendNext(Kiosk &k)
{
    if (k.next >= k.queue.size())
        return;
    const QByteArray correlation = QByteArray::number(qulonglong(k.next));
    MqttMessage m;
    m.topic = QStringLiteral("fest/v1/vote/") + k.account;
    m.payload = *k.queue[k.next++];
    m.qos = 1;
    m.responseTopic = QStringLiteral("fest/v1/reply/%1/votes").arg(k.account);
    m.correlationData = correlation;
    k.sentAt.insert(correlation, m_clock.nsecsElapsed());
    k.client->publish(m);
}

void BallotBurst::onReply(Kiosk &k, const MqttMessage &message)
{
    const auto it = k.sentAt.constFind(message.correlationData);
    if (it == k.sentAt.cend())
        return;
    m_latencyNs.push_back(m_clock.nsecsElapsed() - it.value());
    k.sentAt.erase(it);
    const std::optional<BallotReply> reply = BallotReply::fromJson(message.payload, nullptr);
    ++m_results[reply ? BallotReply::resultCode(reply->result) + (reply->reason == BallotReply::Reason::None
                                                                      ? QString()
                                                                      : u':' + BallotReply::reasonCode(reply->reason))
                      : QStringLiteral("undecodable")];
    ++m_answered;
    sendNext(k);
}

BallotBurst::Result BallotBurst::run(const std::vector<QByteArray> &payloads, int timeoutMs)
{
    for (size_t i = 0; i < payloads.size(); ++i)
        m_kiosks[i % m_kiosks.size()]->queue.push_back(&payloads[i]);
    m_latencyNs.clear();
    m_latencyNs.reserve(payloads.size());
    m_results.clear();
    m_answered = 0;
    m_clock.start();
    for (auto &k : m_kiosks) {
        for (int w = 0; w < m_window; ++w)
            sendNext(*k);
    }
    const qint64 total = qint64(payloads.size());
    while (m_answered < total && m_clock.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    Result r;
    r.seconds = double(m_clock.nsecsElapsed()) / 1e9;
    r.sent = total;
    r.answered = m_answered;
    r.results = m_results;
    r.perSecond = double(m_answered) / r.seconds;
    std::sort(m_latencyNs.begin(), m_latencyNs.end());
    auto pct = [this](double p) {
        return m_latencyNs.empty() ? 0.0 : double(m_latencyNs[size_t(p * double(m_latencyNs.size() - 1))]) / 1e6;
    };
    r.p50Ms = pct(0.50);
    r.p99Ms = pct(0.99);
    r.maxMs = pct(1.0);
    for (auto &k : m_kiosks) {
        k->queue.clear();
        k->next = 0;
        k->sentAt.clear();
    }
    return r;
}

} // namespace fest
