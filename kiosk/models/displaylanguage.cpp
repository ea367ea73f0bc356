#include "displaylanguage.h"

namespace fest {

QString DisplayLanguage::pick(const LocalizedText &text, Language language, const QString &fallback)
{
    const QString &preferred = language == Language::Chinese ? text.zh : text.en;
    if (!preferred.isEmpty())
        return preferred;
    const QString &other = language == Language::Chinese ? text.en : text.zh;
    return other.isEmpty() ? fallback : other;
}

QString DisplayLanguage::title(const LocalizedText &text, Language language, const QString &original)
{
    const QString &preferred = language == Language::Chinese ? text.zh : text.en;
    if (!preferred.isEmpty())
        return preferred;
    return original.isEmpty() ? pick(text, language) : original;
}

QString DisplayLanguage::code(Language language)
{
    return language == Language::Chinese ? QStringLiteral("zh_HK") : QStringLiteral("en");
}

DisplayLanguage::Language DisplayLanguage::fromCode(const QString &code, bool *ok)
{
    const QString c = code.trimmed().toLower().replace(u'-', u'_');
    const bool chinese = c == u"zh_hk" || c == u"zh" || c == u"zh_hant" || c == u"zh_tw";
    if (ok)
        *ok = chinese || c == u"en" || c.startsWith(u"en_");
    return chinese ? Language::Chinese : Language::English;
}

} // namespace fest
