#include "noderegistry.h"

#include <QLoggingCategory>
#include <algorithm>

#include "controllerlog.h"

namespace fest {

namespace {
QString screeningOf(const QJsonObject &status)
{
    if (status.value(QStringLiteral("state")).toString() != QLatin1String("playing")
        && status.value(QStringLiteral("state")).toString() != QLatin1String("held"))
        return {};
    return status.value(QStringLiteral("item")).toObject().value(QStringLiteral("screening")).toString();
}
} // namespace

NodeRegistry::NodeRegistry(QObject *parent)
    : QObject(parent)
{
}

void NodeRegistry::applyStatus(const QString &account, const QJsonObject &status)
{
    Node &node = m_nodes[account];
    const QString wasPlaying = screeningOf(node.status);
    node.account = account;
    node.role = status.value(QStringLiteral("role")).toString();
    node.state = status.value(QStringLiteral("state")).toString();
    node.online = node.state != QLatin1String("offline");
    node.programmeVersion = status.value(QStringLiteral("programmeVersion")).toInteger();
    node.status = status;
    node.lastSeen = QDateTime::currentDateTimeUtc();
    emit nodeChanged(account);

    const QString nowPlaying = screeningOf(status);
    if (!wasPlaying.isEmpty() && wasPlaying != nowPlaying) {
        qCInfo(lcController).noquote() << account << "finished screening" << wasPlaying;
        emit screeningEnded(wasPlaying, node.lastSeen);
    }
}

void NodeRegistry::remove(const QString &account)
{
    if (m_nodes.remove(account))
        emit nodeChanged(account);
}

const NodeRegistry::Node *NodeRegistry::node(const QString &account) const
{
    auto it = m_nodes.constFind(account);
    return it == m_nodes.cend() ? nullptr : &it.value();
}

QJsonArray NodeRegistry::toJson() const
{
    QList<const Node *> sorted;
    for (const Node &n : m_nodes)
        sorted << &n;
    std::sort(sorted.begin(), sorted.end(), [](const Node *a, const Node *b) {
        return std::tie(a->role, a->account) < std::tie(b->role, b->account);
    });
    QJsonArray out;
    for (const Node *n : sorted) {
        QJsonObject entry = n->status;
        entry.insert(QStringLiteral("account"), n->account);
        entry.insert(QStringLiteral("online"), n->online);
        entry.insert(QStringLiteral("lastSeen"), n->lastSeen.toString(Qt::ISODate));
        out.append(entry);
    }
    return out;
}

} // namespace fest
