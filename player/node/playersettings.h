#pragma once

#include "audiolayout.h"
#include "decoderchoice.h"
#include "mqttoptions.h"

#include <QCommandLineParser>
#include <QRect>
#include <QString>
#include <QStringList>

#include <optional>

namespace fest {

// festival-player's configuration: INI keys (see docs/player.md) with command-line
// overrides. Every problem is collected with the file and key it comes from.
struct PlayerSettings
{
    QString screen;
    QString account;
    MqttOptions broker;
    QString mediaFolder;
    QString cachePath;
    QString clockHost = QStringLiteral("127.0.0.1");
    quint16 clockPort = 7010;
    int clockSyncTimeoutMs = 10000;
    int prerollLeadMs = 5000;
    int outputLatencyMs = 100;
    int noBufferTimeoutMs = 3000;
    bool headless = false;
    bool fullScreen = true;
    bool followCeremony = false;  // a ceremony screen: follows the award ceremony's cues
    // [audio]: the room's speakers, the loudness every film is brought to (LUFS; unset =
    // off) and the most gain that may take.
    SpeakerLayout speakers = SpeakerLayout::Stereo;
    std::optional<double> targetLufs = -23.0;
    double maxGainDb = 15.0;
    // [video] decoding: hardware decoders when the machine has them (auto), or never.
    DecoderChoice::Mode decoding = DecoderChoice::Mode::Auto;
    // [video] output: where the picture goes on the desktop (WxH+X+Y; unset = full screen
    // on the primary output); masking: the picture area's aspect ratio (0 = whole output).
    std::optional<QRect> output;
    double maskingAspect = 0;
    QString videoSink;   // headless only; gst-launch description
    QString audioSink;

    static void addOptions(QCommandLineParser &parser);
    static std::optional<PlayerSettings> fromParser(const QCommandLineParser &parser, QStringList *errors);
};

} // namespace fest
