#pragma once

#include <QString>
#include <QStringList>

namespace fest {

// The "type" of every message of docs/protocol.md. Every encoder and decoder names its
// type through here, and tst_protocoldocs checks that each is documented with an example
// whose fields are the encoder's.
struct MessageType
{
    static QString programme() { return QStringLiteral("programme"); }
    static QString playlist() { return QStringLiteral("playlist"); }
    static QString status() { return QStringLiteral("status"); }
    static QString request() { return QStringLiteral("request"); }
    static QString reply() { return QStringLiteral("reply"); }
    static QString ballot() { return QStringLiteral("ballot"); }
    static QString ballotReply() { return QStringLiteral("ballot-reply"); }
    static QString voting() { return QStringLiteral("voting"); }
    static QString results() { return QStringLiteral("results"); }
    static QString ceremony() { return QStringLiteral("ceremony"); }
    static QString still() { return QStringLiteral("still"); }

    static QStringList all()
    {
        return {programme(), playlist(), status(), request(), reply(), ballot(), ballotReply(), voting(), results(), ceremony(), still()};
    }
};

} // namespace fest
