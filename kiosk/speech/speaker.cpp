#include "speaker.h"

#include "readabletext.h"

#include <QLoggingCategory>
#include <QQuickItem>
#include <QTextToSpeech>

Q_LOGGING_CATEGORY(lcSpeech, "fest.speech")

namespace fest {

namespace {
// Longer than any voice needs for a text this long (espeak-ng reads about 15 Latin
// letters or 4 Chinese characters a second; rate -1 halves that): past it, nothing plays.
int noSoundAfterMs(const QString &text)
{
    return 10000 + 500 * int(text.size());
}

bool isChinese(const QString &language)
{
    return language.startsWith(QLatin1String("zh"));
}
} // namespace

Speaker::Speaker(const SpeechSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    m_noSound.setSingleShot(true);
    connect(&m_noSound, &QTimer::timeout, this, [this] {
        qCWarning(lcSpeech) << "still speaking after" << m_noSound.interval() << "ms: no sound comes out";
        stop();
        setError(Error::NoSound);
    });
    if (!m_settings.enabled)
        setError(Error::Disabled);
    else if (!QTextToSpeech::availableEngines().contains(m_settings.engine))
        setError(Error::NoEngine, m_settings.engine);
}

Speaker::~Speaker()
{
    if (m_engine) {
        m_engine->disconnect(this);
        m_engine->stop();
    }
}

void Speaker::prepare()
{
    if (isPrepared())
        return;
    // The speechd engine connects to speech-dispatcher here and starts it when it is not
    // running (for this user, socket in $XDG_RUNTIME_DIR).
    m_engine = std::make_unique<QTextToSpeech>(m_settings.engine);
    if (m_engine->state() == QTextToSpeech::Error) {
        setError(Error::EngineFailed, m_engine->errorString());
        return;
    }
    connect(m_engine.get(), &QTextToSpeech::stateChanged, this, &Speaker::stateChanged);
    m_english = findVoice(QStringLiteral("en"));
    m_chinese = findVoice(QStringLiteral("zh_HK"));
    qCInfo(lcSpeech) << "engine" << m_settings.engine << "English:" << voiceName(QStringLiteral("en"))
                     << "Chinese:" << voiceName(QStringLiteral("zh_HK"));
    if (!m_english.found)
        setError(Error::NoVoice, QStringLiteral("English"));
    else if (!m_chinese.found)
        setError(Error::NoVoice, QStringLiteral("Chinese (Cantonese or Mandarin)"));
}

Speaker::Voice Speaker::findVoice(const QString &language)
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
    if (!isChinese(language)) {
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

QString Speaker::voiceName(const QString &language) const
{
    const Voice &v = isChinese(language) ? m_chinese : m_english;
    return v.found ? v.voice.name() : QString();
}

bool Speaker::speak(const QString &text, const QString &language)
{
    prepare();
    if (!isAvailable() || !m_engine)
        return false;
    const Voice &v = isChinese(language) ? m_chinese : m_english;
    m_engine->stop();
    m_engine->setLocale(v.locale);
    m_engine->setVoice(v.voice);
    m_engine->setRate(m_settings.rate);
    m_noSound.setInterval(noSoundAfterMs(text));
    qCDebug(lcSpeech) << "reading" << text.size() << "characters with" << v.voice.name();
    m_engine->say(text);
    if (m_engine->state() == QTextToSpeech::Error) {
        setError(Error::EngineFailed, m_engine->errorString());
        return false;
    }
    // Speaking at once, although the engine says so a moment later: a second tap stops.
    setSpeaking(true);
    m_noSound.start();
    return true;
}

void Speaker::stop()
{
    m_noSound.stop();
    if (m_engine && m_speaking)
        m_engine->stop();
    setSpeaking(false);
}

QString Speaker::readableText(QQuickItem *page) const
{
    return fest::readableText(page);
}

void Speaker::stateChanged()
{
    switch (m_engine->state()) {
    case QTextToSpeech::Speaking:
        break;
    case QTextToSpeech::Ready:
    case QTextToSpeech::Paused:
        m_noSound.stop();
        setSpeaking(false);
        break;
    case QTextToSpeech::Error:
        m_noSound.stop();
        setSpeaking(false);
        setError(Error::EngineFailed, m_engine->errorString());
        break;
    }
}

void Speaker::setSpeaking(bool on)
{
    if (m_speaking == on)
        return;
    m_speaking = on;
    emit speakingChanged();
}

void Speaker::setError(Error error, const QString &detail)
{
    if (m_error == error && m_detail == detail)
        return;
    m_error = error;
    m_detail = detail;
    if (error != Error::NoError)
        qCWarning(lcSpeech).noquote() << problem();
    emit availableChanged();
}

QString Speaker::problem() const
{
    switch (m_error) {
    case Error::NoError:
        return {};
    case Error::Disabled:
        return tr("Reading aloud is turned off ([speech] enabled=false).");
    case Error::NoEngine:
        return tr("No speech engine \"%1\": install qt6-speech-speechd-plugin, speech-dispatcher and speech-dispatcher-espeak-ng.")
            .arg(m_detail);
    case Error::EngineFailed:
        return tr("The speech engine did not start (%1): install speech-dispatcher and speech-dispatcher-espeak-ng, and check that the kiosk's user can run speech-dispatcher.")
            .arg(m_detail);
    case Error::NoVoice:
        return tr("No %1 voice: install speech-dispatcher-espeak-ng.").arg(m_detail);
    case Error::NoSound:
        return tr("Reading aloud produced no sound: check the kiosk's audio output (AudioOutputMethod in /etc/festival/kiosk-speech/speech-dispatcher/speechd.conf, or the user's speech-dispatcher settings when run by hand).");
    }
    return {};
}

} // namespace fest
