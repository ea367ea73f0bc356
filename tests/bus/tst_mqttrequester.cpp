#include "mosquittoprocess.h"
#include "mqttclient.h"
#include "mqttrequester.h"
#include "topics.h"

#include <QSignalSpy>
#include <QTest>
#include <memory>

using fest::MosquittoProcess;
using fest::MqttClient;
using fest::MqttMessage;
using fest::MqttOptions;
using fest::MqttRequester;
using fest::RequesterResult;
using fest::Topics;

namespace {
const QString account = QStringLiteral("organiser");
} // namespace

class tst_MqttRequester : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void roundTrip();
    void repliesMatchedByCorrelationData();
    void timeout();
    void lateReplyIgnored();
    void forgedCorrelationIgnored();
    void requestWaitsForConnection();
    void requestTimesOutWhileDisconnected();
    void refusedPublishReportsError();

private:
    MqttOptions options() const;
    std::unique_ptr<MqttClient> connectedClient();
    // A controller stand-in: records requests; answers them at once when `echo` is set.
    void startResponder(bool echo);
    void answer(const MqttMessage &request, const QByteArray &payload, const QByteArray &correlation);

    std::unique_ptr<MosquittoProcess> m_broker;
    std::unique_ptr<MqttClient> m_responder;
    QList<MqttMessage> m_requests;
};

void tst_MqttRequester::init()
{
    m_broker = std::make_unique<MosquittoProcess>();
    QString error;
    QVERIFY2(m_broker->start(&error), qPrintable(error));
    m_requests.clear();
}

void tst_MqttRequester::cleanup()
{
    m_responder.reset();
    m_broker.reset();
}

MqttOptions tst_MqttRequester::options() const
{
    MqttOptions options;
    options.host = m_broker->host();
    options.port = m_broker->port();
    options.reconnectMinMs = 20;
    options.reconnectMaxMs = 100;
    return options;
}

std::unique_ptr<MqttClient> tst_MqttRequester::connectedClient()
{
    auto client = std::make_unique<MqttClient>(options());
    QSignalSpy connected(client.get(), &MqttClient::connected);
    client->open();
    if (!connected.wait(5000))
        qWarning("not connected: %s", qPrintable(client->errorString()));
    return client;
}

void tst_MqttRequester::startResponder(bool echo)
{
    m_responder = connectedClient();
    QSignalSpy subscribed(m_responder.get(), &MqttClient::subscribed);
    m_responder->subscribe(Topics::controllerRequest(QStringLiteral("+")));
    QVERIFY(subscribed.wait(5000));
    connect(m_responder.get(), &MqttClient::messageReceived, this, [this, echo](const MqttMessage &request) {
        m_requests << request;
        if (echo)
            answer(request, "re:" + request.payload, request.correlationData);
    });
}

void tst_MqttRequester::answer(const MqttMessage &request, const QByteArray &payload, const QByteArray &correlation)
{
    MqttMessage reply{request.responseTopic, payload, 1};
    reply.correlationData = correlation;
    QVERIFY(m_responder->publish(reply) > 0);
}

void tst_MqttRequester::roundTrip()
{
    startResponder(true);
    auto client = connectedClient();
    MqttRequester requester(client.get(), Topics::controllerReplyPrefix(account));
    QVERIFY(Topics::isReplyTopicFor(account, Topics::controllerAccount(), requester.responseTopic()));

    QList<RequesterResult> results;
    requester.request(Topics::controllerRequest(account), "ping", 5000, [&](const RequesterResult &r) { results << r; });
    QCOMPARE(requester.pendingRequests(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 5000);
    QVERIFY(results[0].ok());
    QCOMPARE(results[0].payload, QByteArray("re:ping"));
    QCOMPARE(requester.pendingRequests(), 0);

    // What the controller saw: our response topic and 16 bytes of correlation data.
    QCOMPARE(m_requests.size(), 1);
    QCOMPARE(m_requests[0].responseTopic, requester.responseTopic());
    QCOMPARE(m_requests[0].correlationData.size(), 16);
    QCOMPARE(m_requests[0].qos, 1);
}

void tst_MqttRequester::repliesMatchedByCorrelationData()
{
    startResponder(false);
    auto client = connectedClient();
    MqttRequester requester(client.get(), Topics::controllerReplyPrefix(account));
    QHash<QByteArray, QByteArray> answers;   // request payload -> reply payload
    for (const QByteArray &payload : {QByteArray("a"), QByteArray("b"), QByteArray("c")}) {
        requester.request(Topics::controllerRequest(account), payload, 5000,
                          [&answers, payload](const RequesterResult &r) { answers.insert(payload, r.payload); });
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_requests.size(), 3, 5000);
    QVERIFY(m_requests[0].correlationData != m_requests[1].correlationData);
    for (qsizetype i = m_requests.size() - 1; i >= 0; --i)   // answered out of order
        answer(m_requests[i], "re:" + m_requests[i].payload, m_requests[i].correlationData);
    QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 3, 5000);
    QCOMPARE(answers.value("a"), QByteArray("re:a"));
    QCOMPARE(answers.value("b"), QByteArray("re:b"));
    QCOMPARE(answers.value("c"), QByteArray("re:c"));
}

void tst_MqttRequester::timeout()
{
    auto client = connectedClient();
    MqttRequester requester(client.get(), Topics::controllerReplyPrefix(account));
    QList<RequesterResult> results;
    requester.request(Topics::controllerRequest(account), "nobody listens", 100, [&](const RequesterResult &r) { results << r; });
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 5000);
    QVERIFY(results[0].timedOut);
    QVERIFY(!results[0].ok());
    QVERIFY2(results[0].errorString.contains(QLatin1String("no reply")), qPrintable(results[0].errorString));
    QCOMPARE(requester.pendingRequests(), 0);
}

void tst_MqttRequester::lateReplyIgnored()
{
    startResponder(false);
    auto client = connectedClient();
    MqttRequester requester(client.get(), Topics::controllerReplyPrefix(account));
    QList<RequesterResult> first;
    requester.request(Topics::controllerRequest(account), "slow", 100, [&](const RequesterResult &r) { first << r; });
    QTRY_COMPARE_WITH_TIMEOUT(first.size(), 1, 5000);
    QVERIFY(first[0].timedOut);
    QTRY_COMPARE_WITH_TIMEOUT(m_requests.size(), 1, 5000);

    answer(m_requests[0], "too late", m_requests[0].correlationData);
    // A second request's reply comes after the late one on the same connection, so once
    // it is in, the late reply has been seen and dropped.
    QList<RequesterResult> second;
    requester.request(Topics::controllerRequest(account), "next", 5000, [&](const RequesterResult &r) { second << r; });
    QTRY_COMPARE_WITH_TIMEOUT(m_requests.size(), 2, 5000);
    answer(m_requests[1], "on time", m_requests[1].correlationData);
    QTRY_COMPARE_WITH_TIMEOUT(second.size(), 1, 5000);
    QCOMPARE(second[0].payload, QByteArray("on time"));
    QCOMPARE(first.size(), 1);
}

void tst_MqttRequester::forgedCorrelationIgnored()
{
    startResponder(false);
    auto client = connectedClient();
    MqttRequester requester(client.get(), Topics::controllerReplyPrefix(account));
    QList<RequesterResult> results;
    requester.request(Topics::controllerRequest(account), "q", 5000, [&](const RequesterResult &r) { results << r; });
    QTRY_COMPARE_WITH_TIMEOUT(m_requests.size(), 1, 5000);
    answer(m_requests[0], "forged", QByteArray(16, 'x'));
    answer(m_requests[0], "no correlation", QByteArray());
    answer(m_requests[0], "genuine", m_requests[0].correlationData);
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 5000);
    QCOMPARE(results[0].payload, QByteArray("genuine"));
}

void tst_MqttRequester::requestWaitsForConnection()
{
    startResponder(true);
    MqttClient client(options());
    MqttRequester requester(&client, Topics::controllerReplyPrefix(account));
    QList<RequesterResult> results;
    requester.request(Topics::controllerRequest(account), "early", 5000, [&](const RequesterResult &r) { results << r; });
    QCOMPARE(m_requests.size(), 0);
    client.open();
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 5000);
    QVERIFY2(results[0].ok(), qPrintable(results[0].errorString));
    QCOMPARE(results[0].payload, QByteArray("re:early"));
}

void tst_MqttRequester::requestTimesOutWhileDisconnected()
{
    MqttClient client(options());
    m_broker->stop();
    client.open();
    MqttRequester requester(&client, Topics::controllerReplyPrefix(account));
    QList<RequesterResult> results;
    requester.request(Topics::controllerRequest(account), "q", 100, [&](const RequesterResult &r) { results << r; });
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 5000);
    QVERIFY(results[0].timedOut);
    QVERIFY2(results[0].errorString.contains(QLatin1String("not connected")), qPrintable(results[0].errorString));
}

void tst_MqttRequester::refusedPublishReportsError()
{
    auto client = connectedClient();
    MqttRequester requester(client.get(), Topics::controllerReplyPrefix(account));
    QList<RequesterResult> results;
    requester.request(QStringLiteral("fest/v1/controller/request/#"), "q", 5000, [&](const RequesterResult &r) { results << r; });
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, 5000);
    QVERIFY(!results[0].timedOut);
    QVERIFY(!results[0].ok());
    QVERIFY(!results[0].errorString.isEmpty());
}

QTEST_GUILESS_MAIN(tst_MqttRequester)
#include "tst_mqttrequester.moc"
