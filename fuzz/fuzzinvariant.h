#pragma once

#include <QByteArray>
#include <QLoggingCategory>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

// What every harness shares: an invariant that an input broke aborts the process, so that
// libFuzzer records the input as a crash (fuzz/regressions/ keeps the ones found so far),
// and the decoders' own warnings stay quiet so the fuzzer's log is readable.
#define FUZZ_INVARIANT(condition)                                                                   \
    do {                                                                                            \
        if (!(condition)) {                                                                         \
            std::fprintf(stderr, "invariant broken: %s (%s:%d)\n", #condition, __FILE__, __LINE__); \
            std::abort();                                                                           \
        }                                                                                           \
    } while (0)

namespace fest {

class FuzzInvariant
{
public:
    static void quietLogging() { QLoggingCategory::setFilterRules(QStringLiteral("*=false")); }
    static QByteArray bytes(const uint8_t *data, size_t size)
    {
        return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
    }
};

} // namespace fest

// Each harness defines LLVMFuzzerTestOneInput; this quiets logging once before the first input.
extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fest::FuzzInvariant::quietLogging();
    return 0;
}
