#include "ballotburst.h"

#include "ballotreply.h"
#include "topics.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <deque>

namespace fest {

struct BallotBurst::Kiosk
{
    std::unique_ptr<MqttClient> client;
    QString account;
    QString topic;
    QString replyTopic;
    std::deque<std::pair<size_t, qint64>> waiting;   // payload index, due instant (ns)
    int inFlight = 0;
    QHash<QByteArray, qint64> sentAt;   // correlation -> due instant, ns on m_clock
};

BallotBurst::BallotBurst(const MqttOptions &broker, int kiosks, int window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    for (int i = 0; i < kiosks; ++i) {
        auto k = std::make_unique<Kiosk>();
        k->account = QStringLiteral("bench-kiosk-%1").arg(i, 3, 10, QLatin1Char('0'));
        k->topic = QStringLiteral("fest/v1/vote/") + k->account;
        k->replyTopic = Topics::ballotReplyPrefix(k->account);
        MqttOptions o = broker;
        o.username = k->account;
        o.clientId = k->account;
        // The replies to a whole window may be on their way at once.
        o.receiveMaximum = window;
        o.sendMaximum = window;
        // Load generators: whatever one event-loop pass sends leaves together.
        o.coalesceWrites = true;
        k->client = std::make_unique<MqttClient>(o);
        k->client->subscribe(k->replyTopic, 1);
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
    while (!allConnected() && waited.elapsed() < timeoutMs) {
        QEventLoop loop;
        QTimer::singleShot(50, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return allConnected();
}

void BallotBurst::send(Kiosk &k, size_t index, qint64 dueNs)
{
    const QByteArray correlation = QByteArray::number(qulonglong(index));
    MqttMessage m;
    m.topic = k.topic;
    m.payload = (*m_payloads)[index];
    m.qos = 1;
    m.responseTopic = k.replyTopic;
    m.correlationData = correlation;
    // A flood has no schedule: its latency counts from the send.
    k.sentAt.insert(correlation, m_rate > 0 ? dueNs : m_clock.nsecsElapsed());
    ++k.inFlight;
    k.client->publish(m);
}

void BallotBurst::sendNext(Kiosk &k)
{
    if (k.inFlight >= m_window || k.waiting.empty())
        return;
    const auto [index, due] = k.waiting.front();
    k.waiting.pop_front();
    send(k, index, due);
}

// Paced runs: hands every ballot whose instant has come to its kiosk.
void BallotBurst::releaseDue()
{
    const qint64 now = m_clock.nsecsElapsed();
    const size_t due = std::min(m_payloads->size(), size_t(double(now) * m_rate / 1e9) + 1);
    for (; m_released < due; ++m_released) {
        Kiosk &k = *m_kiosks[m_released % m_kiosks.size()];
        k.waiting.emplace_back(m_released, qint64(double(m_released) * 1e9 / m_rate));
        sendNext(k);
    }
}

void BallotBurst::onReply(Kiosk &k, const MqttMessage &message)
{
    const auto it = k.sentAt.constFind(message.correlationData);
    if (it == k.sentAt.cend())
        return;
    m_latencyNs.push_back(m_clock.nsecsElapsed() - it.value());
    k.sentAt.erase(it);
    --k.inFlight;
    const std::optional<BallotReply> reply = BallotReply::fromJson(message.payload, nullptr);
    ++m_results[reply ? BallotReply::resultCode(reply->result) + (reply->reason == BallotReply::Reason::None
                                                                      ? QString()
                                                                      : u':' + BallotReply::reasonCode(reply->reason))
                      : QStringLiteral("undecodable")];
    ++m_answered;
    if (m_loop && m_answered == qint64(m_payloads->size()))
        m_loop->quit();
    sendNext(k);
}

BallotBurst::Result BallotBurst::run(const std::vector<QByteArray> &payloads, int timeoutMs, double ratePerSecond)
{
    m_payloads = &payloads;
    m_rate = ratePerSecond;
    m_released = 0;
    m_latencyNs.clear();
    m_latencyNs.reserve(payloads.size());
    m_results.clear();
    m_answered = 0;
    QTimer pacer;
    pacer.setTimerType(Qt::PreciseTimer);
    connect(&pacer, &QTimer::timeout, this, &BallotBurst::releaseDue);
    m_clock.start();
    if (m_rate > 0) {
        pacer.start(1);
        releaseDue();
    } else {
        for (size_t i = 0; i < payloads.size(); ++i)
            m_kiosks[i % m_kiosks.size()]->waiting.emplace_back(i, 0);
        for (auto &k : m_kiosks) {
            for (int w = 0; w < m_window; ++w)
                sendNext(*k);
        }
    }
    // A real wait: processEvents(flags, ms) drops WaitForMoreEvents and would spin,
    // taking a core from the broker and the controller this process is measuring.
    QEventLoop loop;
    m_loop = &loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (m_answered < qint64(payloads.size()))
        loop.exec();
    m_loop = nullptr;
    const qint64 total = qint64(payloads.size());
    pacer.stop();
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
        k->waiting.clear();
        k->inFlight = 0;
        k->sentAt.clear();
    }
    return r;
}

} // namespace fest
