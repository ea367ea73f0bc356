#include "kioskswarm.h"

#include "ballot.h"
#include "topics.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace fest {

KioskSwarm::KioskSwarm(const QString &brokerUrl, int kiosks, double ballotsPerSecond, QStringList tickets, QObject *parent)
    : QObject(parent)
    , m_tickets(std::move(tickets))
    , m_rate(ballotsPerSecond)
    , m_castBy(size_t(kiosks), 0)
{
    for (int i = 0; i < kiosks; ++i) {
        MqttOptions options = MqttOptions::fromUrl(brokerUrl, nullptr).value_or(MqttOptions());
        const QString account = QStringLiteral("kiosk-%1").arg(i + 1, 3, 10, QLatin1Char('0'));
        options.username = account;
        options.clientId = account;
        auto client = std::make_unique<MqttClient>(options);
        client->subscribe(Topics::ballotReplyPrefix(account), 1);
        connect(client.get(), &MqttClient::disconnected, this, [this] { ++m_disconnections; });
        connect(client.get(), &MqttClient::messageReceived, this, [this](const MqttMessage &m) {
            const auto it = m_castAt.constFind(m.correlationData);
            if (it == m_castAt.constEnd())
                return;
            const double ms = double(m_clock.nsecsElapsed() - it.value()) / 1e6;
            Window &minute = m_minutes[minuteOf(it.value())];
            m_castAt.erase(it);
            ++minute.answered;
            minute.latenciesMs.append(ms);
            ++m_answered;
            ++m_results[QJsonDocument::fromJson(m.payload).object().value(QStringLiteral("result")).toString()];
            m_latencies.append(ms);
            ++m_window.answered;
            m_window.latenciesMs.append(ms);
        });
        m_accounts << account;
        m_clients.push_back(std::move(client));
    }
    m_pace.setInterval(20);
    connect(&m_pace, &QTimer::timeout, this, &KioskSwarm::tick);
}

KioskSwarm::~KioskSwarm() = default;

bool KioskSwarm::connectAll(int timeoutMs)
{
    for (auto &c : m_clients)
        c->open();
    return QTest::qWaitFor([this] {
        return std::all_of(m_clients.begin(), m_clients.end(), [](const auto &c) { return c->state() == MqttClient::State::Connected; });
    }, timeoutMs);
}

void KioskSwarm::start()
{
    m_clock.start();
    m_pace.start();
}

void KioskSwarm::stop()
{
    m_pace.stop();
}

void KioskSwarm::tick()
{
    // Each kiosk is offset by a fraction of its period so that the ballots spread out.
    const double seconds = double(m_clock.nsecsElapsed()) / 1e9;
    const int kiosks = int(m_clients.size());
    for (int i = 0; i < kiosks; ++i) {
        const qint64 due = qint64(seconds * m_rate + double(i) / kiosks);
        while (m_castBy[size_t(i)] < due && m_sent < m_tickets.size())
            cast(i);
    }
}

void KioskSwarm::cast(int kiosk)
{
    Ballot b;
    b.voteId = Ballot::newVoteId();
    b.ticket = m_tickets[m_sent];
    b.screening = QStringLiteral("S-1");
    b.ratings = {{QStringLiteral("F-%1").arg(1 + m_sent % 3), 1 + m_sent % 5}};
    b.castAt = QDateTime::currentDateTimeUtc();
    MqttMessage m;
    m.topic = Topics::vote(m_accounts[kiosk]);
    m.payload = b.toJson();
    m.qos = 1;
    m.responseTopic = Topics::ballotReplyPrefix(m_accounts[kiosk]);
    m.correlationData = b.voteId.toUtf8();
    const qint64 now = m_clock.nsecsElapsed();
    m_castAt.insert(m.correlationData, now);
    const qsizetype minute = minuteOf(now);
    if (m_minutes.size() <= minute)
        m_minutes.resize(minute + 1);
    ++m_minutes[minute].sent;
    m_clients[size_t(kiosk)]->publish(m);
    ++m_castBy[size_t(kiosk)];
    ++m_sent;
    ++m_window.sent;
}

qsizetype KioskSwarm::minuteOf(qint64 ns)
{
    return qsizetype(ns / 60'000'000'000LL);
}

KioskSwarm::Window KioskSwarm::takeWindow()
{
    return std::exchange(m_window, Window());
}

} // namespace fest
