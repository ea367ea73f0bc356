#pragma once

#include <QString>
#include <optional>

namespace fest {

// Every topic of docs/protocol.md, built and parsed in one place.
//
// Builders format only: pass an id that satisfies isValidId(), or "+" to build a
// subscription filter (Topics::nodeStatus("+")). Parsers accept only well-formed topics
// whose id level satisfies isValidId(), so an id taken from a topic is always safe.
class Topics
{
public:
    static QString root();                                    // fest/v1
    static QString programme();                               // fest/v1/programme
    static QString playlist(const QString &screen);           // fest/v1/screen/<screen>/playlist
    static QString nodeStatus(const QString &account);        // fest/v1/node/<account>/status
    static QString nodeRequest(const QString &account);       // fest/v1/node/<account>/request
    static QString controllerRequest(const QString &account); // fest/v1/controller/request/<account>
    static QString replyPrefix(const QString &account);       // fest/v1/reply/<account>
    // Where a node's replies to <account> go: fest/v1/reply/<account>/<node>. The player
    // ACL lets a player write only there (reply/+/<itself>/#).
    static QString nodeReplyPrefix(const QString &account, const QString &node);
    // Where the controller's ballot replies to a kiosk go: fest/v1/reply/<kiosk>/votes
    // ("votes" is a reserved name: no account can write there but the controller).
    static QString ballotReplyPrefix(const QString &kiosk);
    static QString vote(const QString &account);              // fest/v1/vote/<account>
    static QString voting();                                  // fest/v1/voting
    static QString results();                                 // fest/v1/results
    static QString ceremony();                                // fest/v1/ceremony

    static std::optional<QString> parsePlaylist(const QString &topic);          // -> screen
    static std::optional<QString> parseNodeStatus(const QString &topic);        // -> account
    static std::optional<QString> parseNodeRequest(const QString &topic);       // -> account
    static std::optional<QString> parseControllerRequest(const QString &topic); // -> account
    static std::optional<QString> parseVote(const QString &topic);              // -> account
    static std::optional<QString> parseReply(const QString &topic);             // -> account

    // Ids and accounts: the system's one id rule (Identifier), so '+', '#' and '/' can
    // never reach a topic through an id.
    static bool isValidId(const QString &id);

    // Whether a request's MQTT 5 response topic lies under fest/v1/reply/<account>/: the
    // only place a reply to that account may go (the broker's ACL lets only <account>
    // read there). Wildcards, empty levels and overlong topics are refused.
    static bool isReplyTopicFor(const QString &account, const QString &responseTopic);

    static constexpr int maxReplyTopicLength = 256;

private:
    // The id at level `idLevel` of topic when topic has exactly the levels of pattern
    // (with "%" at idLevel), else nullopt.
    static std::optional<QString> parse(const QString &topic, const QString &pattern);
    // parse() against Build's topic with the id marker, the pattern made once.
    template<QString (*Build)(const QString &)>
    static std::optional<QString> parseAgainst(const QString &topic);
};

} // namespace fest
