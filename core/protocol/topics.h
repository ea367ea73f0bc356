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
    // The controller's account: the one writer of festival state.
    static QString controllerAccount();                       // controller
    // Where <responder>'s replies to <requester> go: fest/v1/reply/<requester>/<responder>.
    // The broker's ACL lets each account write replies only under its own name at the
    // responder level (reply/+/%u/#), and only <requester> read them (reply/%u/#): no
    // account can deliver a reply in another's name, whatever the names are.
    static QString replyPrefix(const QString &requester, const QString &responder);
    // The controller's replies to <requester>: fest/v1/reply/<requester>/controller.
    static QString controllerReplyPrefix(const QString &requester);
    // Where the controller's ballot replies to a kiosk go: fest/v1/reply/<kiosk>/controller/votes.
    static QString ballotReplyPrefix(const QString &kiosk);
    // Everything addressed to <requester>, whoever answers: fest/v1/reply/<requester>.
    static QString replyFilterPrefix(const QString &requester);
    static QString vote(const QString &account);              // fest/v1/vote/<account>
    static QString voting();                                  // fest/v1/voting
    static QString results();                                 // fest/v1/results
    static QString ceremony();                                // fest/v1/ceremony
    // A film's still, retained, named by the sha256 of its JPEG (Film::still):
    // fest/v1/still/<64 lower-case hex>.
    static QString still(const QString &sha256);              // fest/v1/still/<sha256>

    static std::optional<QString> parsePlaylist(const QString &topic);          // -> screen
    static std::optional<QString> parseNodeStatus(const QString &topic);        // -> account
    static std::optional<QString> parseNodeRequest(const QString &topic);       // -> account
    static std::optional<QString> parseControllerRequest(const QString &topic); // -> account
    static std::optional<QString> parseVote(const QString &topic);              // -> account
    static std::optional<QString> parseStill(const QString &topic);             // -> sha256 (64 lower-case hex)
    struct ReplyAddress
    {
        QString requester;   // who may read it
        QString responder;   // who alone may write it
    };
    // fest/v1/reply/<requester>/<responder>/<one or more levels>, both ids valid.
    static std::optional<ReplyAddress> parseReply(const QString &topic);

    // Ids and accounts: the system's one id rule (Identifier), so '+', '#' and '/' can
    // never reach a topic through an id.
    static bool isValidId(const QString &id);
    // 64 lower-case hex digits: what a still's topic level must be.
    static bool isSha256(QStringView text);

    // Whether a request's MQTT 5 response topic lies under
    // fest/v1/reply/<requester>/<responder>/: the only place <responder> may answer
    // <requester> (the broker's ACL lets only <requester> read there and only <responder>
    // write there). Wildcards, empty levels and overlong topics are refused.
    static bool isReplyTopicFor(const QString &requester, const QString &responder, const QString &responseTopic);

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
