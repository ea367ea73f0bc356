#pragma once

#include "playbackerror.h"
#include "audiolayout.h"
#include "embeddedsubtitles.h"
#include "mediareport.h"
#include "playbackitem.h"
#include "subtitletrack.h"

#include <QObject>
#include <QStringList>
#include <QThreadPool>

#include <memory>

namespace fest {

// What MediaProbe checks besides the file (outside the class: a default argument).
struct MediaProbeOptions
{
    SpeakerLayout speakers = SpeakerLayout::Stereo;
    // Measure the film's integrated loudness as the room hears it (LoudnessMeter): once
    // per file and layout in this process, at idle priority.
    bool measureLoudness = false;
    // Decode a few seconds of the picture as fast as the machine can, to tell whether it
    // keeps up in real time, and note which decoder GStreamer chose (once per file).
    bool measureDecodeSpeed = false;
};

// Readiness: checks ahead of time that an item's film is present, readable, matches its
// checksum and is decodable (GstDiscoverer), and reads its subtitle files, off the Qt thread. Results arrive as
// checked() on the Qt thread.
class MediaProbe : public QObject
{
    Q_OBJECT

public:
    using Options = MediaProbeOptions;
    struct Result
    {
        QString itemId;
        QString mediaPath;
        PlaybackError::Code error = PlaybackError::Code::None;
        QString message;          // for staff; empty when ready
        qint64 durationNs = -1;   // -1 = unknown
        bool hasVideo = false;
        bool hasAudio = false;
        // What the file holds (its first video and audio stream), for staff and checks.
        QString videoCodec;       // e.g. "H.264 (High Profile)", from GStreamer's descriptions
        int width = 0;
        int height = 0;
        int fpsNum = 0;           // frame rate as a fraction (0/0 = unknown or variable)
        int fpsDen = 0;
        int parNum = 1;           // pixel aspect ratio (1/1 = square pixels)
        int parDen = 1;
        QString audioCodec;       // e.g. "MPEG-4 AAC", "AC-3 (ATSC A/52)"
        int audioChannels = 0;
        int audioRate = 0;
        // The decoders or demuxers this machine lacks for the file, as GStreamer names
        // them ("H.265 (Main Profile) decoder"); set with media_undecodable.
        QStringList missing;
        // The item's subtitle files that read well, in its order; a file that did not is
        // the error (subtitle_missing or subtitle_invalid, naming file and line).
        QList<std::shared_ptr<const SubtitleTrack>> subtitles;
        // The languages of the subtitle tracks in the film itself ("und" when untagged).
        QStringList embeddedSubtitles;
        // Loudness as the room hears it (Options::measureLoudness): integrated LUFS and
        // sample peak; unset when not measured, silent or without audio.
        std::optional<double> loudnessLufs;
        double peakDbfs = 0;
        QString loudnessError;    // why it could not be measured (the film still plays)
        QString decoder;          // the video decoder's element factory ("avdec_h264", "vah264dec")
        bool hardware = false;
        double decodeSpeed = 0;   // seconds of picture decoded per second; 0 = not measured
        bool ready() const { return error == PlaybackError::Code::None; }
    };

    explicit MediaProbe(QObject *parent = nullptr);
    ~MediaProbe() override;  // waits for running checks

    void setOptions(const Options &options) { m_options = options; }
    // For staff (festctl media check, --probe): what was found, in the protocol's words.
    // `result` unset: not checked yet.
    static MediaReport report(const PlaybackItem &item, const std::optional<Result> &result, SpeakerLayout speakers,
                              std::optional<double> targetLufs, double gainDb);
    void check(const PlaybackItem &item);
    // Blocking form, also used by the worker threads.
    static Result checkNow(const PlaybackItem &item, int decodeTimeoutMs = 5000, const Options &options = {});
    // Reads the item's subtitles (files, or the film's own tracks) into r: the tracks that
    // read well, and the first problem as r's error (subtitle_missing or subtitle_invalid).
    static void readSubtitles(const PlaybackItem &item, Result &r);

Q_SIGNALS:
    void checked(const fest::MediaProbe::Result &result);

private:
    static EmbeddedSubtitles embeddedSubtitlesOf(const QString &path);
    static void measureLoudness(const QString &path, SpeakerLayout speakers, Result &r);
    static void measureDecodeSpeed(const QString &path, Result &r);

    Options m_options;
    QThreadPool m_pool;
};

} // namespace fest

Q_DECLARE_METATYPE(fest::MediaProbe::Result)
