// Topic parsing (Topics), input "<topic>" or "<requester>\n<response topic>": an id parsed
// from a topic satisfies the id rule and rebuilds the same topic; a response topic
// accepted for a requester and the controller lies under the controller's reply prefix
// for that requester, without wildcards.
#include "fuzzinvariant.h"
#include "topics.h"

using namespace fest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = FuzzInvariant::bytes(data, size);
    const QString topic = QString::fromUtf8(input);
    const std::pair<std::optional<QString> (*)(const QString &), QString (*)(const QString &)> exact[] = {
        {Topics::parsePlaylist, Topics::playlist},
        {Topics::parseNodeStatus, Topics::nodeStatus},
        {Topics::parseNodeRequest, Topics::nodeRequest},
        {Topics::parseControllerRequest, Topics::controllerRequest},
        {Topics::parseVote, Topics::vote},
    };
    for (const auto &[parse, build] : exact) {
        if (const std::optional<QString> id = parse(topic))
            FUZZ_INVARIANT(Topics::isValidId(*id) && build(*id) == topic);
    }
    if (const std::optional<Topics::ReplyAddress> address = Topics::parseReply(topic)) {
        FUZZ_INVARIANT(Topics::isValidId(address->requester) && Topics::isValidId(address->responder));
        FUZZ_INVARIANT(topic.startsWith(Topics::replyPrefix(address->requester, address->responder) + u'/'));
    }

    const qsizetype newline = input.indexOf('\n');
    if (newline < 0)
        return 0;
    const QString account = QString::fromUtf8(input.left(newline));
    const QString response = QString::fromUtf8(input.mid(newline + 1));
    if (Topics::isReplyTopicFor(account, Topics::controllerAccount(), response)) {
        FUZZ_INVARIANT(Topics::isValidId(account));
        FUZZ_INVARIANT(response.startsWith(Topics::controllerReplyPrefix(account) + u'/'));
        FUZZ_INVARIANT(!response.contains(u'+') && !response.contains(u'#'));
        FUZZ_INVARIANT(response.size() <= Topics::maxReplyTopicLength);
        const std::optional<Topics::ReplyAddress> address = Topics::parseReply(response);
        FUZZ_INVARIANT(address && address->requester == account && address->responder == Topics::controllerAccount());
    }
    return 0;
}
