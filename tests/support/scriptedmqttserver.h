#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>

namespace fest {

// A hostile or broken "broker" for tests of a client's error paths: on a free loopback
// port it waits for each connection's first packet (CONNECT) and answers with exactly
// the bytes it was given, so a test can send what no real broker would (a refused
// CONNACK, an oversized PUBLISH, garbage). Every (re)connection gets the same answer.
class ScriptedMqttServer : public QObject
{
    Q_OBJECT
public:
    explicit ScriptedMqttServer(QObject *parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    // Bytes sent, in order, once the client's CONNECT has arrived.
    void setAnswer(const QByteArray &bytes) { m_answer = bytes; }
    int connections() const { return m_connections; }

    // Wire encodings for scripts.
    static QByteArray connAck(quint8 reasonCode);
    static QByteArray publish(const QString &topic, const QByteArray &payload);   // QoS 0, no properties

signals:
    void clientConnected();

private:
    void onNewConnection();
    static QByteArray remainingLength(quint32 length);

    QTcpServer m_server;
    QByteArray m_answer;
    int m_connections = 0;
};

} // namespace fest
