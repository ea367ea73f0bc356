#pragma once

#include "displaylanguage.h"

#include <QObject>
#include <QPointer>
#include <QTranslator>

class QQmlEngine;

namespace fest {

// Switches the UI language live: installs the compiled translation (qsTr in QML, tr in
// C++) and asks the QML engine to re-evaluate every translated binding. The English
// texts are the source strings, so English needs no translator.
class LanguageSwitcher : public QObject
{
    Q_OBJECT
public:
    explicit LanguageSwitcher(QObject *parent = nullptr);

    void setEngine(QQmlEngine *engine);
    // False when the translation for the language cannot be loaded (the UI stays in
    // English then, which is readable for everyone, and the reason is logged).
    bool setLanguage(DisplayLanguage::Language language);
    DisplayLanguage::Language language() const { return m_language; }

    static QString translationFile(DisplayLanguage::Language language);

signals:
    void languageChanged();

private:
    DisplayLanguage::Language m_language = DisplayLanguage::Language::English;
    QTranslator m_translator;
    bool m_installed = false;
    QPointer<QQmlEngine> m_engine;
};

} // namespace fest
