#pragma once

#include <QLocale>
#include <QObject>
#include <QQuickItem>
#include <QTimer>
#include <QVoice>
#include <QtQml/qqmlregistration.h>
#include <memory>

class QTextToSpeech;

namespace fest {

// [speech] in the kiosk's configuration (kiosk/app/kiosk.sample.ini).
struct SpeechSettings
{
    bool enabled = true;
    QString engine = QStringLiteral("speechd");   // a Qt TextToSpeech engine (plugin) name
    double rate = 0;                               // -1 (slowest) .. 1 (fastest), 0: the voice's own
    enum class Chinese { Cantonese, Mandarin };    // how 繁體中文 is read
    Chinese chinese = Chinese::Cantonese;
};

// "Read this aloud": speaks a page's text in the display language through Qt TextToSpeech
// (speech-dispatcher and espeak-ng on Debian). English with an English voice; 繁體中文
// with Cantonese (espeak-ng's yue), or Mandarin (cmn) when no Cantonese voice is there or
// the configuration asks for it. Whether it can speak, and if not why, is state: the
// visitor sees a short message, staff the problem (staff panel, log).
class Speaker : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the kiosk's own: Kiosk.speech")
    Q_PROPERTY(bool available READ isAvailable NOTIFY availableChanged)
    Q_PROPERTY(Error error READ error NOTIFY availableChanged)
    Q_PROPERTY(QString problem READ problem NOTIFY availableChanged)
    Q_PROPERTY(bool speaking READ isSpeaking NOTIFY speakingChanged)
public:
    enum class Error {
        NoError,
        Disabled,      // [speech] enabled=false
        NoEngine,      // no such Qt TextToSpeech plugin
        EngineFailed,  // the plugin is there but its engine did not start (speech-dispatcher)
        NoVoice,       // no voice for one of the kiosk's languages
        NoSound,       // it started speaking and never finished: no working audio output
    };
    Q_ENUM(Error)

    explicit Speaker(const SpeechSettings &settings, QObject *parent = nullptr);
    ~Speaker() override;

    // Starts the engine (speech-dispatcher is started on demand) and picks the voices.
    // The app calls it once the first frame is up; speak() does it when nobody did.
    void prepare();
    bool isPrepared() const { return m_engine != nullptr || m_error != Error::NoError; }

    // Before prepare() it is available when enabled and the engine plugin exists.
    bool isAvailable() const { return m_error == Error::NoError; }
    Error error() const { return m_error; }
    QString problem() const;   // for staff: what is wrong and what to install or change
    bool isSpeaking() const { return m_speaking; }
    // The voice that reads `language` ("en", "zh_HK"), empty when none (after prepare()).
    QString voiceName(const QString &language) const;

    // Reads `text` in the voice of `language` (the kiosk's display language code),
    // stopping whatever it was reading. False when it cannot speak (see problem).
    Q_INVOKABLE bool speak(const QString &text, const QString &language);
    Q_INVOKABLE void stop();
    // What a page shows, in reading order (readabletext.h).
    Q_INVOKABLE QString readableText(QQuickItem *page) const;

signals:
    void availableChanged();
    void speakingChanged();

private:
    struct Voice
    {
        QLocale locale;
        QVoice voice;
        bool found = false;
    };
    Voice findVoice(const QString &language);
    void setError(Error error, const QString &detail = {});
    void setSpeaking(bool on);
    void stateChanged();

    SpeechSettings m_settings;
    std::unique_ptr<QTextToSpeech> m_engine;
    Voice m_english;
    Voice m_chinese;
    Error m_error = Error::NoError;
    QString m_detail;           // the engine's own words, or the language without a voice
    bool m_speaking = false;
    QTimer m_noSound;           // speaking far longer than the text can take
};

} // namespace fest
