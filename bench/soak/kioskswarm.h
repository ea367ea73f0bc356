#pragma once

#include "mqttclient.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <memory>
#include <vector>

namespace fest {

// Many simulated kiosks, each its own broker connection (account kiosk-NNN), casting
// ballots at a steady rate: QoS 1 with the MQTT 5 response topic, exactly like a kiosk's
// outbox, but without re-sends, so that a ballot the bus or the controller loses shows
// up as dropped instead of being hidden by a retry. Records every ballot's ack latency.
class KioskSwarm : public QObject
{
    Q_OBJECT
public:
    // Ballots of one stretch of the run; a minute's counts those cast in that minute,
    // however late their answer came.
    struct Window {
        qint64 sent = 0;
        qint64 answered = 0;
        QList<double> latenciesMs;
    };

    KioskSwarm(const QString &brokerUrl, int kiosks, double ballotsPerSecond, QStringList tickets, QObject *parent = nullptr);
    ~KioskSwarm() override;

    bool connectAll(int timeoutMs);
    void start();
    void stop();   // no more ballots; answers still count

    qint64 sent() const { return m_sent; }
    qint64 answered() const { return m_answered; }
    qint64 outstanding() const { return m_castAt.size(); }
    QMap<QString, qint64> results() const { return m_results; }
    const QList<double> &latenciesMs() const { return m_latencies; }
    // Figures since the previous call (for the time series).
    Window takeWindow();
    // One window per minute since start(), by the minute each ballot was cast in.
    const QList<Window> &minutes() const { return m_minutes; }
    qint64 disconnections() const { return m_disconnections; }

private:
    void tick();
    void cast(int kiosk);
    static qsizetype minuteOf(qint64 ns);

    std::vector<std::unique_ptr<MqttClient>> m_clients;
    QStringList m_accounts;
    QStringList m_tickets;
    double m_rate;
    QTimer m_pace;
    QElapsedTimer m_clock;
    std::vector<qint64> m_castBy;   // per kiosk
    qint64 m_sent = 0;
    qint64 m_answered = 0;
    qint64 m_disconnections = 0;
    QHash<QByteArray, qint64> m_castAt;   // vote id -> ns on m_clock
    QMap<QString, qint64> m_results;
    QList<double> m_latencies;
    Window m_window;
    QList<Window> m_minutes;
};

} // namespace fest
