#pragma once

#include "mqttclient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QObject>

#include <memory>
#include <vector>

namespace fest {

// K simulated kiosks firing a burst of ballots at whatever answers on
// fest/v1/vote/<account>: each kiosk keeps up to `window` ballots in flight (QoS 1,
// MQTT 5 response topic + correlation data) and sends the next one as each reply
// arrives. With an offered rate, ballot i is due at i / rate seconds (round robin over
// the kiosks) and its latency counts from that instant, so a ballot held back by a full
// window still shows the wait (no coordinated omission). The same pattern measures the raw broker (an echo responder) and the
// controller's vote ingest, so the two figures compare like for like.
class BallotBurst : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        qint64 sent = 0;
        qint64 answered = 0;
        QHash<QString, qint64> results;   // "accepted" -> count, ...
        double seconds = 0;
        double perSecond = 0;
        double p50Ms = 0;
        double p99Ms = 0;
        double maxMs = 0;
    };

    BallotBurst(const MqttOptions &broker, int kiosks, int window, QObject *parent = nullptr);
    ~BallotBurst() override;

    bool connectAll(int timeoutMs);
    // payloads[i] goes out from kiosk i % kiosks; returns when all are answered or timed
    // out. ratePerSecond 0: every kiosk keeps its window full (a flood).
    Result run(const std::vector<QByteArray> &payloads, int timeoutMs, double ratePerSecond = 0);

private:
    struct Kiosk;
    void send(Kiosk &kiosk, size_t index, qint64 dueNs);
    void sendNext(Kiosk &kiosk);
    void releaseDue();
    void onReply(Kiosk &kiosk, const MqttMessage &message);

    std::vector<std::unique_ptr<Kiosk>> m_kiosks;
    int m_window;
    const std::vector<QByteArray> *m_payloads = nullptr;
    double m_rate = 0;
    size_t m_released = 0;   // paced runs: ballots whose instant has come
    QElapsedTimer m_clock;
    QEventLoop *m_loop = nullptr;   // run()'s wait, left when the last reply arrives
    std::vector<qint64> m_latencyNs;
    QHash<QString, qint64> m_results;
    qint64 m_answered = 0;
};

} // namespace fest
