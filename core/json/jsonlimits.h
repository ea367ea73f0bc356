#pragma once

#include <QtGlobal>

namespace fest {

// Caps applied to untrusted JSON before and after parsing (see JsonGuard).
// The defaults suit bus messages; a whole programme needs JsonLimits::programme().
struct JsonLimits
{
    qsizetype maxBytes = 64 * 1024;
    int maxDepth = 16;                  // nested arrays/objects; the top-level object is 1
    qsizetype maxStringLength = 8192;   // in UTF-16 code units, keys included
    qsizetype maxArrayLength = 10000;

    static constexpr JsonLimits programme()
    {
        return JsonLimits{16 * 1024 * 1024, 16, 8192, 200000};
    }
};

} // namespace fest
