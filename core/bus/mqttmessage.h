#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace fest {

// One MQTT 5 application message, as published or received. The MQTT 5 request/response
// properties (responseTopic, correlationData) and the message expiry travel with it.
struct MqttMessage
{
    QString topic;
    QByteArray payload;
    int qos = 0;
    bool retain = false;
    QString responseTopic;
    QByteArray correlationData;
    quint32 expirySeconds = 0;   // 0: never expires
};

} // namespace fest

Q_DECLARE_METATYPE(fest::MqttMessage)
