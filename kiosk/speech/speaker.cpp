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
        QMetaObject::invokeMethod(m_engine, &SpeechEngine::stop);
        m_thread.quit();
        m_thread.wait();
    }
}

void Speaker::prepare()
{
    if (m_engine || m_error != Error::NoError)
        return;
    qRegisterMetaType<SpeechEngine::Result>();
    m_engine = new SpeechEngine(m_settings);
    m_engine->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    connect(m_engine, &SpeechEngine::prepared, this, &Speaker::prepared);
    connect(m_engine, &SpeechEngine::finished, this, &Speaker::finished);
    connect(m_engine, &SpeechEngine::failed, this, [this](const QString &why) {
        m_noSound.stop();
        setSpeaking(false);
        setError(Error::EngineFailed, why);
    });
    m_thread.setObjectName(QStringLiteral("speech"));
    m_thread.start();
    QMetaObject::invokeMethod(m_engine, &SpeechEngine::prepare);
}

void Speaker::prepared(const SpeechEngine::Result &result)
{
    m_ready = true;
    m_englishVoice = result.englishVoice;
    m_chineseVoice = result.chineseVoice;
    qCInfo(lcSpeech) << "engine" << m_settings.engine << "English:" << m_englishVoice << "Chinese:" << m_chineseVoice;
    if (!result.started)
        setError(Error::EngineFailed, result.detail);
    else if (m_englishVoice.isEmpty())
        setError(Error::NoVoice, QStringLiteral("English"));
    else if (m_chineseVoice.isEmpty())
        setError(Error::NoVoice, QStringLiteral("Chinese (Cantonese or Mandarin)"));
    if (!m_pendingText.isEmpty() && isAvailable())
        send(m_pendingText, m_pendingLanguage);
    else if (!isAvailable())
        setSpeaking(false);
    m_pendingText.clear();
}

QString Speaker::voiceName(const QString &language) const
{
    return isChinese(language) ? m_chineseVoice : m_englishVoice;
}

bool Speaker::speak(const QString &text, const QString &language)
{
    prepare();
    if (!isAvailable())
        return false;
    if (m_ready) {
        send(text, language);
    } else {
        m_pendingText = text;
        m_pendingLanguage = language;
    }
    // Speaking at once, although the engine says so a moment later: a second tap stops.
    setSpeaking(true);
    return true;
}

void Speaker::send(const QString &text, const QString &language)
{
    m_current = ++m_lastId;
    m_noSound.setInterval(noSoundAfterMs(text));
    m_noSound.start();
    QMetaObject::invokeMethod(m_engine, [engine = m_engine, id = m_current, text, chinese = isChinese(language)] {
        engine->say(id, text, chinese);
    });
}

void Speaker::finished(int id)
{
    if (id != m_current)
        return;   // an earlier text, stopped or replaced
    m_current = 0;
    m_noSound.stop();
    setSpeaking(false);
}

void Speaker::stop()
{
    m_noSound.stop();
    m_pendingText.clear();
    m_current = 0;
    if (m_engine && m_speaking)
        QMetaObject::invokeMethod(m_engine, &SpeechEngine::stop);
    setSpeaking(false);
}

QString Speaker::readableText(QQuickItem *page) const
{
    return fest::readableText(page);
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
