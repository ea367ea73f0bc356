#pragma once

#include "localizedtext.h"

#include <QObject>
#include <QString>

namespace fest {

// The two languages a visitor can read the kiosk in, and the one rule for showing a
// bilingual text: the chosen language, else the other one, else the given fallback
// (a film's title in its original script).
class DisplayLanguage
{
    Q_GADGET
public:
    enum class Language { English, Chinese };
    Q_ENUM(Language)

    static QString pick(const LocalizedText &text, Language language, const QString &fallback = {});
    // A film's title: the chosen language, else its original title (燼舟渡 stays 燼舟渡 for a
    // Chinese reader rather than becoming its English rendering), else the other language.
    static QString title(const LocalizedText &text, Language language, const QString &original);
    // "en" / "zh_HK": the suffix of the translation files and the config value.
    static QString code(Language language);
    static Language fromCode(const QString &code, bool *ok = nullptr);
};

} // namespace fest
