#pragma once

#include "speechsettings.h"

#include <QLocale>
#include <QObject>
#include <QVoice>
#include <memory>

class QTextToSpeech;

namespace fest {

// Qt TextToSpeech on its own thread (Speaker's): creating the speechd engine connects to
// speech-dispatcher and starts it when it is not running, and finding the voices asks it
// about every locale, which blocks for seconds. The kiosk's UI thread (its clock, the
// ceremony's cues) never waits for it. Each text has an id; finished(id) says it was
// spoken (or stopped), so a late word about an earlier text is told apart.
class SpeechEngine : public QObject
{
    Q_OBJECT
public:
    // What prepare() found: whether the engine started (else the engine's words), and
    // the voice for each language (empty when there is none).
    struct Result
    {
        bool started = false;
        QString detail;
        QString englishVoice;
        QString chineseVoice;
    };

    explicit SpeechEngine(const SpeechSettings &settings);
    ~SpeechEngine() override;

public slots:
    void prepare();
    void say(int id, const QString &text, bool chinese);
    void stop();

signals:
    void prepared(const fest::SpeechEngine::Result &result);
    void finished(int id);
    void failed(const QString &why);

private:
    struct Voice
    {
        QLocale locale;
        QVoice voice;
        bool found = false;
    };
    Voice findVoice(bool chinese);
    void stateChanged();

    SpeechSettings m_settings;
    std::unique_ptr<QTextToSpeech> m_engine;
    Voice m_english;
    Voice m_chinese;
    int m_current = 0;          // the text being read, 0 when none
    bool m_started = false;     // the engine said Speaking for it
};

} // namespace fest

Q_DECLARE_METATYPE(fest::SpeechEngine::Result)
