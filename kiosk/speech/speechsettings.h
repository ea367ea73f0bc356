#pragma once

#include <QString>

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

} // namespace fest
