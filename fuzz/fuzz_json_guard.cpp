// JsonGuard::parseObject, the door every untrusted JSON goes through, with small limits:
// whatever it accepts is an object within every limit (depth, string and array lengths),
// and its depth pre-scan never reports less than the parsed document's depth.
#include "fuzzinvariant.h"
#include "jsonguard.h"

#include <QJsonArray>

using namespace fest;

namespace {
constexpr JsonLimits limits{4096, 4, 64, 16};

// Depth of value as JsonLimits counts it (the top-level object is 1); checks lengths on the way.
int depthOf(const QJsonValue &value)
{
    if (value.isString())
        FUZZ_INVARIANT(value.toString().size() <= limits.maxStringLength);
    int inner = 0;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        FUZZ_INVARIANT(array.size() <= limits.maxArrayLength);
        for (const QJsonValue &v : array)
            inner = std::max(inner, depthOf(v));
        return inner + 1;
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            FUZZ_INVARIANT(it.key().size() <= limits.maxStringLength);
            inner = std::max(inner, depthOf(it.value()));
        }
        return inner + 1;
    }
    return 0;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = FuzzInvariant::bytes(data, size);
    QString error;
    const std::optional<QJsonObject> object = JsonGuard::parseObject(bytes, limits, &error);
    if (!object) {
        FUZZ_INVARIANT(!error.isEmpty());
        return 0;
    }
    const int depth = depthOf(*object);
    FUZZ_INVARIANT(depth <= limits.maxDepth);
    FUZZ_INVARIANT(JsonGuard::nestingDepth(bytes, limits.maxDepth) >= depth);
    return 0;
}
