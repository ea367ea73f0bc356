#include "languageswitcher.h"

#include "votingstatus.h"

#include <QCoreApplication>
#include <QQmlEngine>

namespace fest {

LanguageSwitcher::LanguageSwitcher(QObject *parent)
    : QObject(parent)
{
}

void LanguageSwitcher::setEngine(QQmlEngine *engine)
{
    m_engine = engine;
}

QString LanguageSwitcher::translationFile(DisplayLanguage::Language language)
{
    return QStringLiteral(":/i18n/kiosk_%1.qm").arg(DisplayLanguage::code(language));
}

bool LanguageSwitcher::setLanguage(DisplayLanguage::Language language)
{
    if (language == m_language && (m_installed || language == DisplayLanguage::Language::English))
        return true;
    if (m_installed) {
        QCoreApplication::removeTranslator(&m_translator);
        m_installed = false;
    }
    bool ok = true;
    if (language != DisplayLanguage::Language::English) {
        ok = m_translator.load(translationFile(language));
        if (ok)
            m_installed = QCoreApplication::installTranslator(&m_translator);
        else
            qCWarning(lcKiosk) << "cannot load" << translationFile(language) << "- the UI stays in English";
    }
    m_language = language;
    if (m_engine)
        m_engine->retranslate();
    emit languageChanged();
    return ok;
}

} // namespace fest
