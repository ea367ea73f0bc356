#include "identifier.h"

namespace fest {

bool Identifier::isValid(QStringView id)
{
    if (id.isEmpty() || id.size() > maxLength)
        return false;
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')
            || u == '_' || u == '.' || u == '-';
        if (!ok)
            return false;
    }
    return true;
}

const QRegularExpression &Identifier::pattern()
{
    static const QRegularExpression re(QStringLiteral("\\A[A-Za-z0-9_.-]{1,64}\\z"));
    return re;
}

QString Identifier::rule()
{
    return QStringLiteral("1-64 characters of A-Z, a-z, 0-9, '_', '.', '-'");
}

} // namespace fest
