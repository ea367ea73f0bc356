#pragma once

#include <QString>

namespace fest {

// An MQTT subscription filter a console user asked for, checked before it reaches the
// broker and matched against incoming topics (the console delivers each message only to
// the sockets whose filters match it).
class TopicFilter
{
public:
    static constexpr int maxLength = 256;

    // Why filter may not be subscribed, as a sentence for the user; empty when it may.
    // Only the festival's own tree (fest/v1/...) is served, with MQTT's wildcard rules.
    static QString problem(const QString &filter);
    // Whether topic (no wildcards) matches filter (MQTT 3.1.1 section 4.7 rules, no
    // $-topics).
    static bool matches(const QString &filter, const QString &topic);
};

} // namespace fest
