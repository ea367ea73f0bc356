#include "topics.h"

#include "identifier.h"

#include <QStringList>

#include <algorithm>

namespace fest {

namespace {
const QLatin1String rootTopic("fest/v1");
// Marks the id level in the patterns parse() compares against; never valid in an id.
QString idMarker() { return QStringLiteral("%"); }
} // namespace

QString Topics::root() { return rootTopic; }
QString Topics::programme() { return rootTopic + QLatin1String("/programme"); }
QString Topics::playlist(const QString &screen) { return rootTopic + QLatin1String("/screen/") + screen + QLatin1String("/playlist"); }
QString Topics::nodeStatus(const QString &account) { return rootTopic + QLatin1String("/node/") + account + QLatin1String("/status"); }
QString Topics::nodeRequest(const QString &account) { return rootTopic + QLatin1String("/node/") + account + QLatin1String("/request"); }
QString Topics::controllerRequest(const QString &account) { return rootTopic + QLatin1String("/controller/request/") + account; }
QString Topics::controllerAccount() { return QStringLiteral("controller"); }
QString Topics::replyFilterPrefix(const QString &requester) { return rootTopic + QLatin1String("/reply/") + requester; }
QString Topics::replyPrefix(const QString &requester, const QString &responder) { return replyFilterPrefix(requester) + QLatin1Char('/') + responder; }
QString Topics::controllerReplyPrefix(const QString &requester) { return replyPrefix(requester, controllerAccount()); }
QString Topics::ballotReplyPrefix(const QString &kiosk) { return controllerReplyPrefix(kiosk) + QLatin1String("/votes"); }
QString Topics::vote(const QString &account) { return rootTopic + QLatin1String("/vote/") + account; }
QString Topics::voting() { return rootTopic + QLatin1String("/voting"); }
QString Topics::results() { return rootTopic + QLatin1String("/results"); }
QString Topics::ceremony() { return rootTopic + QLatin1String("/ceremony"); }
QString Topics::still(const QString &sha256) { return rootTopic + QLatin1String("/still/") + sha256; }

std::optional<QString> Topics::parse(const QString &topic, const QString &pattern)
{
    // Level by level without splitting into lists: every ballot's topic comes through here.
    const auto levels = QStringView(topic).tokenize(u'/');
    const auto expected = QStringView(pattern).tokenize(u'/');
    auto level = levels.begin();
    auto want = expected.begin();
    std::optional<QString> id;
    for (; level != levels.end() && want != expected.end(); ++level, ++want) {
        if (*want == idMarker()) {
            if (!Identifier::isValid(*level))
                return std::nullopt;
            id = level->toString();
        } else if (*level != *want) {
            return std::nullopt;
        }
    }
    if (level != levels.end() || want != expected.end())
        return std::nullopt;   // more or fewer levels than the pattern
    return id;
}

template<QString (*Build)(const QString &)>
std::optional<QString> Topics::parseAgainst(const QString &topic)
{
    static const QString pattern = Build(idMarker());
    return parse(topic, pattern);
}

std::optional<QString> Topics::parsePlaylist(const QString &topic) { return parseAgainst<&Topics::playlist>(topic); }
std::optional<QString> Topics::parseNodeStatus(const QString &topic) { return parseAgainst<&Topics::nodeStatus>(topic); }
std::optional<QString> Topics::parseNodeRequest(const QString &topic) { return parseAgainst<&Topics::nodeRequest>(topic); }
std::optional<QString> Topics::parseControllerRequest(const QString &topic) { return parseAgainst<&Topics::controllerRequest>(topic); }
std::optional<QString> Topics::parseVote(const QString &topic) { return parseAgainst<&Topics::vote>(topic); }

std::optional<QString> Topics::parseStill(const QString &topic)
{
    std::optional<QString> sha256 = parseAgainst<&Topics::still>(topic);
    if (sha256 && !isSha256(*sha256))
        return std::nullopt;
    return sha256;
}

bool Topics::isSha256(QStringView text)
{
    if (text.size() != 64)
        return false;
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
    });
}

std::optional<Topics::ReplyAddress> Topics::parseReply(const QString &topic)
{
    const QString prefix = rootTopic + QLatin1String("/reply/");
    if (!topic.startsWith(prefix))
        return std::nullopt;
    const QString rest = topic.mid(prefix.size());
    ReplyAddress address{rest.section(QLatin1Char('/'), 0, 0), rest.section(QLatin1Char('/'), 1, 1)};
    if (!isReplyTopicFor(address.requester, address.responder, topic))
        return std::nullopt;
    return address;
}

bool Topics::isValidId(const QString &id)
{
    return Identifier::isValid(id);
}

bool Topics::isReplyTopicFor(const QString &requester, const QString &responder, const QString &responseTopic)
{
    if (!isValidId(requester) || !isValidId(responder) || responseTopic.size() > maxReplyTopicLength)
        return false;
    const QString prefix = replyPrefix(requester, responder) + QLatin1Char('/');
    if (!responseTopic.startsWith(prefix) || responseTopic.size() == prefix.size())
        return false;
    const QStringView rest = QStringView(responseTopic).mid(prefix.size());
    if (rest.contains(QLatin1Char('+')) || rest.contains(QLatin1Char('#')) || rest.contains(QChar(0)))
        return false;
    for (QStringView level : rest.split(QLatin1Char('/'))) {
        if (level.isEmpty())
            return false;
    }
    return true;
}

} // namespace fest
