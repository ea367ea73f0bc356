#include "playersettings.h"

#include "brokersettings.h"
#include "config.h"
#include "playerstatus.h"
#include "topics.h"

#include <QDir>
#include <QRegularExpression>

namespace fest {

namespace {
struct Flag
{
    const char *name;
    const char *key;
    const char *help;
    const char *valueName;
};

// Command-line flags and the INI key each one overrides.
const Flag kFlags[] = {
    {"screen", "player/screen", "Screen this player shows (e.g. HALL-1).", "id"},
    {"account", "broker/user", "Broker account of this player (default player-<screen>).", "name"},
    {"broker", "broker/url", "Broker URL, mqtt://host:port or mqtts://host:port.", "url"},
    {"password-file", "broker/password_file", "File whose first line is the broker password.", "file"},
    {"media", "player/media_folder", "Folder the playlist's media paths are relative to.", "dir"},
    {"cache", "player/cache", "Where the last playlist is kept for running without the broker.", "file"},
    {"clock", "clock/address", "Show clock (controller) as host:port.", "host:port"},
    {"preroll-lead-ms", "player/preroll_lead_ms", "Preroll each item this long before its start.", "ms"},
    {"output-latency-ms", "player/output_latency_ms", "Pipeline latency; the same on every player.", "ms"},
};
} // namespace

void PlayerSettings::addOptions(QCommandLineParser &parser)
{
    Config::addOptions(parser, QStringLiteral("/etc/festival/player.ini"));
    for (const Flag &f : kFlags)
        parser.addOption(QCommandLineOption(QString::fromLatin1(f.name), QString::fromLatin1(f.help),
                                            QString::fromLatin1(f.valueName)));
    parser.addOption(QCommandLineOption(QStringLiteral("headless"),
                                        QStringLiteral("No window: fakesinks (tests, benchmarks, servers).")));
    parser.addOption(QCommandLineOption(QStringLiteral("ceremony"),
                                        QStringLiteral("A ceremony screen: follow the award ceremony's cues ([ceremony] follow).")));
}

std::optional<PlayerSettings> PlayerSettings::fromParser(const QCommandLineParser &parser, QStringList *errors)
{
    // The default file is read only when it exists; a named one must exist.
    Config config = Config::fromParser(parser, QStringLiteral("/etc/festival/player.ini"));
    for (const Flag &f : kFlags) {
        if (parser.isSet(QString::fromLatin1(f.name)))
            config.set(QString::fromLatin1(f.key), parser.value(QString::fromLatin1(f.name)));
    }
    if (parser.isSet(QStringLiteral("headless")))
        config.set(QStringLiteral("player/headless"), QStringLiteral("true"));
    if (parser.isSet(QStringLiteral("ceremony")))
        config.set(QStringLiteral("ceremony/follow"), QStringLiteral("true"));

    PlayerSettings s;
    s.screen = config.requiredString(QStringLiteral("player/screen"));
    if (!s.screen.isEmpty() && !Topics::isValidId(s.screen))
        config.addError(QStringLiteral("player/screen"), QStringLiteral("\"%1\" is not a valid screen id").arg(s.screen));
    s.broker = BrokerSettings::read(config, PlayerStatus::accountForScreen(s.screen));
    s.account = s.broker.username;

    s.mediaFolder = config.path(QStringLiteral("player/media_folder"), QDir::currentPath());
    s.cachePath = config.path(QStringLiteral("player/cache"),
                              QDir::temp().filePath(QStringLiteral("festival-player-%1.playlist.json").arg(s.screen)));
    const QString clock = config.string(QStringLiteral("clock/address"), QStringLiteral("127.0.0.1:7010"));
    const int colon = clock.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = colon > 0 ? clock.mid(colon + 1).toUInt(&portOk) : 0;
    if (!portOk || port == 0 || port > 65535)
        config.addError(QStringLiteral("clock/address"), QStringLiteral("\"%1\" is not host:port").arg(clock));
    else {
        s.clockHost = clock.left(colon);
        s.clockPort = quint16(port);
    }
    s.clockSyncTimeoutMs = config.integer(QStringLiteral("clock/sync_timeout_ms"), 10000, 100, 600000);
    s.prerollLeadMs = config.integer(QStringLiteral("player/preroll_lead_ms"), 5000, 500, 600000);
    s.outputLatencyMs = config.integer(QStringLiteral("player/output_latency_ms"), 100, 0, 5000);
    s.noBufferTimeoutMs = config.integer(QStringLiteral("player/no_buffer_timeout_ms"), 3000, 500, 60000);
    s.headless = config.boolean(QStringLiteral("player/headless"), false);
    s.fullScreen = config.boolean(QStringLiteral("player/full_screen"), true);
    s.followCeremony = config.boolean(QStringLiteral("ceremony/follow"), false);
    s.videoSink = config.string(QStringLiteral("player/video_sink"), QStringLiteral("fakesink sync=true"));
    s.audioSink = config.string(QStringLiteral("player/audio_sink"),
                                s.headless ? QStringLiteral("fakesink sync=true") : QStringLiteral("autoaudiosink"));
    const QString layout = config.string(QStringLiteral("audio/layout"), QStringLiteral("stereo"));
    if (const auto speakers = AudioLayout::fromName(layout))
        s.speakers = *speakers;
    else
        config.addError(QStringLiteral("audio/layout"), QStringLiteral("\"%1\" is not a speaker layout: use stereo or 5.1").arg(layout));
    // Whole or tenths of LUFS are what sound people write; "off" plays films at their level.
    const QString target = config.string(QStringLiteral("audio/target_lufs"), QStringLiteral("-23"));
    bool targetOk = false;
    const double lufs = target.toDouble(&targetOk);
    if (target == QLatin1String("off"))
        s.targetLufs.reset();
    else if (targetOk && lufs >= -40 && lufs <= -5)
        s.targetLufs = lufs;
    else
        config.addError(QStringLiteral("audio/target_lufs"),
                        QStringLiteral("\"%1\" is not a loudness from -40 to -5 (LUFS) or off").arg(target));
    s.maxGainDb = config.integer(QStringLiteral("audio/max_gain_db"), 15, 0, 30);
    // 1920x1080+1920+0: the second output of a booth machine; masking 2.39, 1.85 or 239:100.
    static const QRegularExpression geometry(QStringLiteral("\\A(\\d{3,5})x(\\d{3,5})(?:\\+(\\d{1,5})\\+(\\d{1,5}))?\\z"));
    const QString output = config.string(QStringLiteral("video/output"), QString());
    if (const QRegularExpressionMatch m = geometry.match(output); m.hasMatch())
        s.output = QRect(m.captured(3).toInt(), m.captured(4).toInt(), m.captured(1).toInt(), m.captured(2).toInt());
    else if (!output.isEmpty())
        config.addError(QStringLiteral("video/output"),
                        QStringLiteral("\"%1\" is not an output: give WIDTHxHEIGHT+X+Y, e.g. 1920x1080+1920+0").arg(output));
    const QString masking = config.string(QStringLiteral("video/masking"), QStringLiteral("none"));
    bool maskingOk = masking == QLatin1String("none");
    if (!maskingOk) {
        const QStringList ratio = masking.split(QLatin1Char(':'));
        bool a = false, b = true;
        const double value = ratio.size() == 2 ? ratio[0].toDouble(&a) / ratio[1].toDouble(&b) : masking.toDouble(&a);
        maskingOk = a && b && ratio.size() <= 2 && value >= 1.0 && value <= 3.0;
        s.maskingAspect = maskingOk ? value : 0;
    }
    if (!maskingOk)
        config.addError(QStringLiteral("video/masking"),
                        QStringLiteral("\"%1\" is not an aspect ratio from 1 to 3: use none, 1.85, 2.39 or W:H").arg(masking));
    const QString decoding = config.string(QStringLiteral("video/decoding"), QStringLiteral("auto"));
    if (const auto mode = DecoderChoice::fromName(decoding))
        s.decoding = *mode;
    else
        config.addError(QStringLiteral("video/decoding"),
                        QStringLiteral("\"%1\" is not a way to decode: use auto (hardware when the machine has it) or "
                                       "software").arg(decoding));
    if (!config.ok()) {
        *errors = config.errors();
        return std::nullopt;
    }
    return s;
}

} // namespace fest
