#include "identifier.h"

namespace fest {

namespace {
template<typename View>
bool followsRule(View id)
{
    if (id.isEmpty() || id.size() > Identifier::maxLength)
        return false;
    for (qsizetype i = 0; i < id.size(); ++i) {
        const char16_t u = QChar(id[i]).unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')
            || u == '_' || u == '.' || u == '-';
        if (!ok)
            return false;
    }
    return true;
}
} // namespace

bool Identifier::isValid(QStringView id)
{
    return followsRule(id);
}

bool Identifier::isValid(QLatin1StringView id)
{
    return followsRule(id);
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
