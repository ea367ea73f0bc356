#include "scriptedmqttserver.h"

#include <memory>

namespace fest {

ScriptedMqttServer::ScriptedMqttServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedMqttServer::onNewConnection);
}

bool ScriptedMqttServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void ScriptedMqttServer::onNewConnection()
{
    QTcpSocket *socket = m_server.nextPendingConnection();
    ++m_connections;
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    auto received = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, received] {
        const bool answered = received->size() >= 2;
        *received += socket->readAll();
        // The fixed header's first two bytes are enough to know a packet has started;
        // libmosquitto writes its CONNECT in one piece.
        if (!answered && received->size() >= 2)
            socket->write(m_answer);
    });
    emit clientConnected();
}

QByteArray ScriptedMqttServer::remainingLength(quint32 length)
{
    QByteArray bytes;
    do {
        quint8 byte = length % 128;
        length /= 128;
        if (length > 0)
            byte |= 0x80;
        bytes.append(char(byte));
    } while (length > 0);
    return bytes;
}

QByteArray ScriptedMqttServer::connAck(quint8 reasonCode)
{
    // CONNACK: flags 0, reason code, no properties.
    return QByteArray("\x20\x03\x00", 3) + char(reasonCode) + QByteArray(1, '\0');
}

QByteArray ScriptedMqttServer::publish(const QString &topic, const QByteArray &payload)
{
    const QByteArray name = topic.toUtf8();
    QByteArray body;
    body.append(char(name.size() >> 8)).append(char(name.size() & 0xff)).append(name);
    body.append('\0');   // no properties
    body.append(payload);
    return QByteArray(1, '\x30') + remainingLength(quint32(body.size())) + body;
}

} // namespace fest
