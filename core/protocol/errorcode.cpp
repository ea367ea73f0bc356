#include "errorcode.h"

namespace fest {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
#define FEST_ERROR_CASE(name, text) \
    case ErrorCode::name:           \
        return QStringLiteral(text);
        FEST_ERROR_CODES(FEST_ERROR_CASE)
#undef FEST_ERROR_CASE
    }
    return {};
}

QStringList errorCodeNames()
{
    return {
#define FEST_ERROR_NAME(name, text) QStringLiteral(text),
        FEST_ERROR_CODES(FEST_ERROR_NAME)
#undef FEST_ERROR_NAME
    };
}

} // namespace fest
