#pragma once

#include "speechengine.h"
#include "speechsettings.h"

#include <QObject>
#include <QQuickItem>
#include <QThread>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace fest {

// "Read this aloud": speaks a page's text in the display language through Qt TextToSpeech
// (speech-dispatcher and espeak-ng on Debian). English with an English voice; 繁體中文
// with Cantonese (espeak-ng's yue), or Mandarin (cmn) when no Cantonese voice is there or
// the configuration asks for it. Whether it can speak, and if not why, is state: the
// visitor sees a short message, staff the problem (staff panel, log). The engine runs
// on a thread of its own (SpeechEngine): nothing here waits for speech-dispatcher.
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

    // Starts the engine (speech-dispatcher is started on demand) and picks the voices, on
    // the engine's thread; isPrepared() once it has. The app calls it once the first
    // frame is up; speak() does it when nobody did.
    void prepare();
    bool isPrepared() const { return m_ready || m_error != Error::NoError; }

    // Before prepare() it is available when enabled and the engine plugin exists.
    bool isAvailable() const { return m_error == Error::NoError; }
    Error error() const { return m_error; }
    QString problem() const;   // for staff: what is wrong and what to install or change
    bool isSpeaking() const { return m_speaking; }
    // The voice that reads `language` ("en", "zh_HK"), empty when none (once prepared).
    QString voiceName(const QString &language) const;

    // Reads `text` in the voice of `language` (the kiosk's display language code),
    // stopping whatever it was reading; before the engine is ready, as soon as it is.
    // False when it cannot speak (see problem).
    Q_INVOKABLE bool speak(const QString &text, const QString &language);
    Q_INVOKABLE void stop();
    // What a page shows, in reading order (readabletext.h).
    Q_INVOKABLE QString readableText(QQuickItem *page) const;

signals:
    void availableChanged();
    void speakingChanged();

private:
    void prepared(const SpeechEngine::Result &result);
    void finished(int id);
    void send(const QString &text, const QString &language);
    void setError(Error error, const QString &detail = {});
    void setSpeaking(bool on);

    SpeechSettings m_settings;
    QThread m_thread;
    SpeechEngine *m_engine = nullptr;   // lives on m_thread; deleted there when it ends
    bool m_ready = false;
    QString m_englishVoice;
    QString m_chineseVoice;
    QString m_pendingText;              // asked for before the engine was ready
    QString m_pendingLanguage;
    int m_current = 0;                  // id of the text being read
    int m_lastId = 0;
    Error m_error = Error::NoError;
    QString m_detail;           // the engine's own words, or the language without a voice
    bool m_speaking = false;
    QTimer m_noSound;           // speaking far longer than the text can take
};

} // namespace fest
