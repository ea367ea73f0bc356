#include "statuswatcher.h"

#include "envelope.h"
#include "topics.h"

#include <QDateTime>
#include <QTest>

namespace fest {

namespace {
MqttOptions watcherOptions(const QString &brokerUrl)
{
    MqttOptions options = MqttOptions::fromUrl(brokerUrl, nullptr).value_or(MqttOptions());
    options.username = QStringLiteral("scenario-dashboard");
    options.clientId = QStringLiteral("scenario-dashboard-%1").arg(QDateTime::currentMSecsSinceEpoch());
    options.reconnectMaxMs = 1000;
    return options;
}
} // namespace

StatusWatcher::StatusWatcher(const QString &brokerUrl, QObject *parent)
    : QObject(parent)
    , m_client(watcherOptions(brokerUrl))
{
    connect(&m_client, &MqttClient::messageReceived, this, [this](const MqttMessage &m) {
        const std::optional<QString> account = Topics::parseNodeStatus(m.topic);
        if (!account || m.payload.isEmpty())
            return;
        const std::optional<QJsonObject> status = Envelope::decode(m.payload, QStringLiteral("status"), {}, nullptr);
        if (status)
            m_records[*account].append({*status, QDateTime::currentMSecsSinceEpoch()});
    });
    m_client.subscribe(Topics::nodeStatus(QStringLiteral("+")), 1);
}

bool StatusWatcher::connectToBroker(int timeoutMs)
{
    m_client.open();
    return QTest::qWaitFor([this] { return m_client.state() == MqttClient::State::Connected; }, timeoutMs);
}

QJsonObject StatusWatcher::latest(const QString &account) const
{
    const QList<Record> records = m_records.value(account);
    return records.isEmpty() ? QJsonObject() : records.last().status;
}

QSet<QString> StatusWatcher::playedItems(const QString &account) const
{
    QSet<QString> items;
    for (const Record &r : m_records.value(account))
        if (r.status.value(QStringLiteral("state")).toString() == QLatin1String("playing"))
            items.insert(r.status.value(QStringLiteral("item")).toObject().value(QStringLiteral("id")).toString());
    return items;
}

QHash<QString, QString> StatusWatcher::errorItems(const QString &account) const
{
    QHash<QString, QString> items;
    for (const Record &r : m_records.value(account)) {
        const QJsonObject error = r.status.value(QStringLiteral("lastError")).toObject();
        if (!error.isEmpty())
            items.insert(error.value(QStringLiteral("itemId")).toString(), error.value(QStringLiteral("code")).toString());
    }
    return items;
}

const StatusWatcher::Record *StatusWatcher::firstPlaying(const QString &account, const QString &itemId) const
{
    const auto it = m_records.constFind(account);
    if (it == m_records.constEnd())
        return nullptr;
    for (const Record &r : *it)
        if (r.status.value(QStringLiteral("state")).toString() == QLatin1String("playing")
            && r.status.value(QStringLiteral("item")).toObject().value(QStringLiteral("id")).toString() == itemId)
            return &r;
    return nullptr;
}

QString StatusWatcher::timeline(const QString &account) const
{
    QStringList lines;
    for (const Record &r : m_records.value(account))
        lines << QStringLiteral("%1 %2 %3 %4").arg(r.status.value(QStringLiteral("sentAt")).toString(),
                                                   r.status.value(QStringLiteral("state")).toString(),
                                                   r.status.value(QStringLiteral("item")).toObject().value(QStringLiteral("id")).toString())
                     .arg(r.status.value(QStringLiteral("positionMs")).toInteger());
    return lines.join(u'\n');
}

std::optional<qint64> StatusWatcher::startDeviationMs(const QString &account, const QString &itemId) const
{
    std::optional<qint64> deviation;
    for (const Record &r : m_records.value(account)) {
        const QJsonObject item = r.status.value(QStringLiteral("item")).toObject();
        const qint64 positionMs = r.status.value(QStringLiteral("positionMs")).toInteger();
        if (r.status.value(QStringLiteral("state")).toString() != QLatin1String("playing")
            || item.value(QStringLiteral("id")).toString() != itemId || positionMs <= 0)
            continue;
        const qint64 sentMs = QDateTime::fromString(r.status.value(QStringLiteral("sentAt")).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
        deviation = sentMs - positionMs - item.value(QStringLiteral("startUs")).toInteger() / 1000;
    }
    return deviation;
}

} // namespace fest
