#include "speechengine.h"

#include <QLoggingCategory>
#include <QTextToSpeech>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

Q_DECLARE_LOGGING_CATEGORY(lcSpeech)

namespace fest {

SpeechEngine::SpeechEngine(const SpeechSettings &settings)
    : m_settings(settings)
{
}

SpeechEngine::~SpeechEngine()
{
    if (m_engine) {
        m_engine->disconnect(this);
        m_engine->stop();
    }
}

void SpeechEngine::prepare()
{
    if (m_engine)
        return;
    // Reading aloud is never in a hurry: this thread, and the speech-dispatcher and voice
    // it starts (a child inherits its thread's niceness), yield the CPU to the kiosk's UI
    // and the ceremony's cues.
    if (setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), 10) != 0)
        qCDebug(lcSpeech) << "the speech thread keeps its priority";
    // The speechd engine connects to speech-dispatcher here and starts it when it is not
    // running (for this user, socket in $XDG_RUNTIME_DIR).
    m_engine = std::make_unique<QTextToSpeech>(m_settings.engine);
    Result result;
    if (m_engine->state() == QTextToSpeech::Error) {
        result.detail = m_engine->errorString();
        emit prepared(result);
        return;
    }
    connect(m_engine.get(), &QTextToSpeech::stateChanged, this, &SpeechEngine::stateChanged);
    m_english = findVoice(false);
    m_chinese = findVoice(true);
    result.started = true;
    result.englishVoice = m_english.found ? m_english.voice.name() : QString();
    result.chineseVoice = m_chinese.found ? m_chinese.voice.name() : QString();
    emit prepared(result);
}

SpeechEngine::Voice SpeechEngine::findVoice(bool chinese)
{
    const QList<QLocale> locales = m_engine->availableLocales();
    auto atLocale = [this, &locales](auto matches) -> Voice {
        for (const QLocale &l : locales) {
            if (!matches(l))
                continue;
            m_engine->setLocale(l);
            const QList<QVoice> voices = m_engine->availableVoices();
            if (!voices.isEmpty())
                return {l, voices.first(), true};
        }
        return {};
    };
    // espeak-ng's Mandarin has no locale Qt knows (cmn): it is found by its name among
    // the voices without one.
    auto named = [this, &locales](const QString &word) -> Voice {
        for (const QLocale &l : locales) {
            if (l != QLocale::c())
                continue;
            m_engine->setLocale(l);
            for (const QVoice &v : m_engine->availableVoices()) {
                if (v.name().contains(word) && !v.name().contains(u'+'))   // "+Adam": a variant
                    return {l, v, true};
            }
        }
        return {};
    };
    if (!chinese) {
        Voice v = atLocale([](const QLocale &l) { return l.language() == QLocale::English && l.territory() == QLocale::UnitedKingdom; });
        return v.found ? v : atLocale([](const QLocale &l) { return l.language() == QLocale::English; });
    }
    Voice cantonese = atLocale([](const QLocale &l) { return l.language() == QLocale::Cantonese; });
    if (!cantonese.found)
        cantonese = named(QStringLiteral("Cantonese"));
    Voice mandarin = atLocale([](const QLocale &l) { return l.language() == QLocale::Chinese; });
    if (!mandarin.found)
        mandarin = named(QStringLiteral("Mandarin"));
    if (m_settings.chinese == SpeechSettings::Chinese::Mandarin)
        return mandarin.found ? mandarin : cantonese;
    return cantonese.found ? cantonese : mandarin;
}

void SpeechEngine::say(int id, const QString &text, bool chinese)
{
    if (!m_engine)
        prepare();
    const Voice &v = chinese ? m_chinese : m_english;
    if (!v.found) {
        emit finished(id);
        return;
    }
    m_current = 0;   // what stop() says about the text before is not about this one
    m_engine->stop();
    m_engine->setLocale(v.locale);
    m_engine->setVoice(v.voice);
    m_engine->setRate(m_settings.rate);
    qCDebug(lcSpeech) << "reading" << text.size() << "characters with" << v.voice.name();
    m_current = id;
    m_started = false;
    m_engine->say(text);
    if (m_engine->state() == QTextToSpeech::Error)
        emit failed(m_engine->errorString());
}

void SpeechEngine::stop()
{
    const int stopped = m_current;
    m_current = 0;
    if (m_engine)
        m_engine->stop();
    if (stopped)
        emit finished(stopped);
}

void SpeechEngine::stateChanged()
{
    switch (m_engine->state()) {
    case QTextToSpeech::Speaking:
        m_started = m_current != 0;
        break;
    case QTextToSpeech::Ready:
    case QTextToSpeech::Paused:
        // Only after this text began: a Ready left over from stopping the one before is not
        // this one's end.
        if (m_current && m_started) {
            const int done = m_current;
            m_current = 0;
            emit finished(done);
        }
        break;
    case QTextToSpeech::Error:
        m_current = 0;
        emit failed(m_engine->errorString());
        break;
    }
}

} // namespace fest
