// Envelope::decode as every receiver calls it: a payload is accepted for the type it names
// and for no other (every message type of docs/protocol.md is tried in turn, one per
// input), the body never keeps "type" or "v", and encode(type, body) decodes back to the
// same body. A refusal always has a kind and a message.
#include "envelope.h"
#include "fuzzinvariant.h"
#include "jsonguard.h"

#include <QStringList>

using namespace fest;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QStringList types{"programme", "playlist", "status", "request", "reply", "ballot", "ballot-reply",
                                   "voting", "results", "ceremony"};
    const QByteArray payload = FuzzInvariant::bytes(data, size);
    const std::optional<QJsonObject> object = JsonGuard::parseObject(payload, {});
    const QString named = object ? object->value(QStringLiteral("type")).toString() : QString();
    for (const QString &type : {named, types.at(qsizetype(size % types.size()))}) {
        DecodeError error;
        const std::optional<QJsonObject> body = Envelope::decode(payload, type, {}, error);
        FUZZ_INVARIANT(body.has_value() == (error.kind == DecodeError::Kind::None));
        if (!body) {
            FUZZ_INVARIANT(!error.message.isEmpty());
            continue;
        }
        FUZZ_INVARIANT(object && type == named);
        FUZZ_INVARIANT(!body->contains(QStringLiteral("type")) && !body->contains(QStringLiteral("v")));
        const std::optional<QJsonObject> again = Envelope::decode(Envelope::encode(type, *body), type, {}, error);
        FUZZ_INVARIANT(again && *again == *body);
    }
    return 0;
}
