#include "noderegistry.h"

#include "envelope.h"
#include "messagetype.h"
#include "topics.h"

#include <QLoggingCategory>
#include <algorithm>

#include "controllerlog.h"

namespace fest {

namespace {

QString roleOf(const QString &account)
{
    if (account == Topics::controllerAccount())
        return QStringLiteral("controller");
    return PlayerStatus::screenOfAccount(account).isEmpty() ? QStringLiteral("kiosk") : QStringLiteral("player");
}
} // namespace

NodeRegistry::NodeRegistry(QObject *parent)
    : QObject(parent)
{
}

bool NodeRegistry::refuse(const QString &account, const QString &why)
{
    qint64 notLogged = 0;
    if (m_refusals.count(account, &notLogged))
        qCWarning(lcController).noquote() << QStringLiteral("status of %1 refused: %2%3; refusals of an account are logged at most once a minute")
                                                 .arg(account, why, RefusalLog::moreSince(notLogged));
    return false;
}

bool NodeRegistry::applyStatus(const QString &account, const QJsonObject &status)
{
    const QString role = roleOf(account);
    std::optional<PlayerStatus> player;
    if (role == QLatin1String("player")) {
        QString why;
        player = PlayerStatus::fromJson(status, &why);
        if (!player)
            return refuse(account, why);
        const QString screen = PlayerStatus::screenOfAccount(account);
        if (player->screen != screen)
            return refuse(account, QStringLiteral("it says it is screen %1, but the account plays %2").arg(player->screen, screen));
    }
    Node &node = m_nodes[account];
    const std::optional<PlayerStatus::Ended> endedBefore =
        node.player ? node.player->ended : std::optional<PlayerStatus::Ended>();
    node.account = account;
    node.role = role;
    node.state = player ? PlayerStatus::stateName(player->state) : status.value(QStringLiteral("state")).toString();
    node.online = node.state != QLatin1String("offline");
    node.programmeVersion = status.value(QStringLiteral("programmeVersion")).toInteger();
    node.status = status;
    node.status.insert(QStringLiteral("role"), role);   // what it is, not what it says
    node.lastSeen = QDateTime::currentDateTimeUtc();
    // The Will says only "offline": what the player said before stays what it last did.
    if (player && !player->isOffline())
        node.player = player;
    emit nodeChanged(account);

    if (player && player->ended && player->ended != endedBefore) {
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(player->ended->atUs / 1000, Qt::UTC);
        qCInfo(lcController).noquote() << account << "finished screening" << player->ended->screening << "at"
                                       << when.toString(Qt::ISODateWithMs);
        emit screeningEnded(player->screen, player->ended->screening, when);
    }
    if (player && !player->screeningShown().isEmpty())
        emit screeningRunning(player->screen, player->screeningShown(), player->lateMs);
    return true;
}

bool NodeRegistry::applyStatus(const QString &account, const QByteArray &payload)
{
    QString error;
    const std::optional<QJsonObject> status = Envelope::decode(payload, MessageType::status(), {}, &error);
    if (!status)
        return refuse(account, error);
    return applyStatus(account, *status);
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

QJsonArray NodeRegistry::toJson(const QDateTime &now) const
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
        entry.insert(QStringLiteral("stale"), n->online && n->lastSeen.secsTo(now) > staleAfterSeconds);
        out.append(entry);
    }
    return out;
}

} // namespace fest
