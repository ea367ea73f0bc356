#include "mediaprobe.h"

#include "decoderchoice.h"
#include "embeddedsubtitles.h"
#include "gstreamerinit.h"
#include "gstref.h"

#include "loudness.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QThread>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <functional>
#include <memory>

#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>

namespace fest {

namespace {
struct StreamListFree { void operator()(GList *l) const { gst_discoverer_stream_info_list_free(l); } };
struct CapsUnref { void operator()(GstCaps *c) const { if (c) gst_caps_unref(c); } };

QString codecOf(GstDiscovererStreamInfo *stream)
{
    std::unique_ptr<GstCaps, CapsUnref> caps(gst_discoverer_stream_info_get_caps(stream));
    if (!caps)
        return {};
    std::unique_ptr<gchar, GFree> text(gst_pb_utils_get_codec_description(caps.get()));
    return text ? QString::fromUtf8(text.get()) : QString();
}

// "gstreamer|1.0|app|H.265 (Main Profile) decoder|decoder-video/x-h265, ..." -> its description.
QStringList missingElements(GstDiscovererInfo *info)
{
    QStringList names;
    const gchar **details = gst_discoverer_info_get_missing_elements_installer_details(info);
    for (int i = 0; details && details[i]; ++i) {
        const QStringList fields = QString::fromUtf8(details[i]).split(QLatin1Char('|'));
        const QString name = fields.size() > 3 ? fields.at(3) : fields.value(0);
        if (!name.isEmpty() && !names.contains(name))
            names << name;
    }
    return names;
}

// Whether every missing element only reads subtitles ("decoder-application/x-subtitle-unknown"
// for WebVTT in Matroska): the film plays without them.
bool onlySubtitlesMissing(GstDiscovererInfo *info)
{
    const gchar **details = gst_discoverer_info_get_missing_elements_installer_details(info);
    bool any = false;
    for (int i = 0; details && details[i]; ++i) {
        const QString caps = QString::fromUtf8(details[i]).section(QLatin1Char('|'), 4);
        if (!caps.contains(QLatin1String("subtitle")) && !caps.startsWith(QLatin1String("decoder-subpicture/"))
            && !caps.startsWith(QLatin1String("decoder-text/")))
            return false;
        any = true;
    }
    return any;
}

MediaProbe::Result failure(MediaProbe::Result r, PlaybackError::Code code, const QString &detail = {})
{
    r.error = code;
    r.message = PlaybackError::describe(code, r.mediaPath);
    if (!detail.isEmpty())
        r.message += QStringLiteral(" (%1)").arg(detail);
    return r;
}

bool fileMatches(QFile &file, const QByteArray &sha256Hex)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return false;
    return hash.result().toHex() == sha256Hex.toLower();
}
} // namespace

MediaProbe::MediaProbe(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<fest::MediaProbe::Result>();
    // Checks read whole files: two at a time is plenty on a 2-core player.
    m_pool.setMaxThreadCount(2);
}

MediaProbe::~MediaProbe()
{
    m_pool.waitForDone();
}

void MediaProbe::check(const PlaybackItem &item)
{
    m_pool.start([this, item, options = m_options] {
        const Result result = checkNow(item, 5000, options);
        // Delivered on the Qt thread; the destructor waits for us, so `this` is alive.
        QMetaObject::invokeMethod(this, [this, result] { Q_EMIT checked(result); }, Qt::QueuedConnection);
    });
}

MediaProbe::Result MediaProbe::checkNow(const PlaybackItem &item, int decodeTimeoutMs, const Options &options)
{
    GStreamerInit::ensure();
    Result r;
    r.itemId = item.id;
    r.mediaPath = item.mediaPath;
    const QFileInfo info(item.mediaPath);
    if (!info.exists() || !info.isFile())
        return failure(r, PlaybackError::Code::MediaMissing);
    QFile file(item.mediaPath);
    if (!file.open(QIODevice::ReadOnly))
        return failure(r, PlaybackError::Code::MediaUnreadable, file.errorString());
    if (!item.sha256Hex.isEmpty() && !fileMatches(file, item.sha256Hex))
        return failure(r, PlaybackError::Code::ChecksumMismatch);
    file.close();

    GError *rawError = nullptr;
    GObjectPtr<GstDiscoverer> discoverer(
        gst_discoverer_new(GstClockTime(decodeTimeoutMs) * GST_MSECOND, &rawError));
    std::unique_ptr<GError, GErrorFree> error(rawError);
    if (!discoverer)
        return failure(r, PlaybackError::Code::PlaybackFailed, QString::fromUtf8(error->message));

    const QByteArray uri = QUrl::fromLocalFile(info.absoluteFilePath()).toEncoded();
    rawError = nullptr;
    GObjectPtr<GstDiscovererInfo> found(
        gst_discoverer_discover_uri(discoverer.get(), uri.constData(), &rawError));
    error.reset(rawError);
    const bool playable = found && (gst_discoverer_info_get_result(found.get()) == GST_DISCOVERER_OK
                                    || (gst_discoverer_info_get_result(found.get()) == GST_DISCOVERER_MISSING_PLUGINS
                                        && onlySubtitlesMissing(found.get())));
    if (!playable && found && gst_discoverer_info_get_result(found.get()) == GST_DISCOVERER_MISSING_PLUGINS) {
        r.missing = missingElements(found.get());
        return failure(r, PlaybackError::Code::MediaUndecodable,
                       QStringLiteral("this machine has no %1: install gstreamer1.0-libav and gstreamer1.0-plugins-bad "
                                      "(the festival-player package depends on them), or convert the film to H.264/AAC in MP4")
                           .arg(r.missing.isEmpty() ? QStringLiteral("decoder for it") : r.missing.join(QStringLiteral(", "))));
    }
    if (!playable)
        return failure(r, PlaybackError::Code::MediaUndecodable,
                       error ? QString::fromUtf8(error->message) : QString());

    std::unique_ptr<GList, StreamListFree> video(gst_discoverer_info_get_video_streams(found.get()));
    std::unique_ptr<GList, StreamListFree> audio(gst_discoverer_info_get_audio_streams(found.get()));
    std::unique_ptr<GList, StreamListFree> text(gst_discoverer_info_get_subtitle_streams(found.get()));
    if (text) {
        // The discoverer's languages are not always the tracks' own: read them.
        const EmbeddedSubtitles embedded = embeddedSubtitlesOf(item.mediaPath);
        for (const EmbeddedSubtitles::Track &track : embedded.tracks())
            r.embeddedSubtitles << (track.language.isEmpty() ? QStringLiteral("und") : track.language);
    }
    r.hasVideo = video != nullptr;
    r.hasAudio = audio != nullptr;
    if (video) {
        auto *v = static_cast<GstDiscovererVideoInfo *>(video->data);
        r.videoCodec = codecOf(GST_DISCOVERER_STREAM_INFO(v));
        r.width = int(gst_discoverer_video_info_get_width(v));
        r.height = int(gst_discoverer_video_info_get_height(v));
        r.fpsNum = int(gst_discoverer_video_info_get_framerate_num(v));
        r.fpsDen = int(gst_discoverer_video_info_get_framerate_denom(v));
        r.parNum = int(gst_discoverer_video_info_get_par_num(v));
        r.parDen = int(gst_discoverer_video_info_get_par_denom(v));
    }
    if (audio) {
        auto *a = static_cast<GstDiscovererAudioInfo *>(audio->data);
        r.audioCodec = codecOf(GST_DISCOVERER_STREAM_INFO(a));
        r.audioChannels = int(gst_discoverer_audio_info_get_channels(a));
        r.audioRate = int(gst_discoverer_audio_info_get_sample_rate(a));
    }
    const GstClockTime duration = gst_discoverer_info_get_duration(found.get());
    r.durationNs = GST_CLOCK_TIME_IS_VALID(duration) ? qint64(duration) : -1;
    if (!r.hasVideo && !r.hasAudio)
        return failure(r, PlaybackError::Code::MediaUndecodable, QStringLiteral("no audio or video stream"));
    if (options.measureLoudness && r.hasAudio)
        measureLoudness(info.absoluteFilePath(), options.speakers, r);
    if (options.measureDecodeSpeed && r.hasVideo)
        measureDecodeSpeed(info.absoluteFilePath(), r);
    readSubtitles(item, r);
    return r;
}

namespace {

// A measurement of a file, made once per file as it is on disk (path, size, time) and
// `variant`: rechecks and later playlists reuse it. The measuring thread runs at idle
// priority, never at the cost of the film on screen.
template<typename T>
T measuredOnce(const QString &path, const QString &variant, const std::function<T()> &measure)
{
    static QMutex mutex;
    static QHash<QString, T> measured;
    const QFileInfo info(path);
    const QString key = QStringLiteral("%1|%2|%3|%4").arg(path).arg(info.size())
                            .arg(info.lastModified().toMSecsSinceEpoch()).arg(variant);
    {
        QMutexLocker lock(&mutex);
        const auto it = measured.constFind(key);
        if (it != measured.cend())
            return *it;
    }
    QThread *thread = QThread::currentThread();
    const bool worker = QCoreApplication::instance() && thread != QCoreApplication::instance()->thread();
    const QThread::Priority before = thread->priority();
    if (worker)
        thread->setPriority(QThread::IdlePriority);
    const T value = measure();
    if (worker)
        thread->setPriority(before == QThread::InheritPriority ? QThread::NormalPriority : before);
    QMutexLocker lock(&mutex);
    measured.insert(key, value);
    return value;
}

struct DecodeSpeed
{
    QString decoder;
    bool hardware = false;
    double speed = 0;
};

DecodeSpeed decodeSpeedOf(const QString &path)
{
    constexpr qint64 kSampleNs = 3'000'000'000;   // of the film's picture
    constexpr qint64 kTimeoutMs = 30'000;
    DecodeSpeed result;
    GstElement *playbin = gst_element_factory_make("playbin", nullptr);
    if (!playbin)
        return result;
    GstPtr<GstElement> pipeline(GST_ELEMENT(gst_object_ref_sink(playbin)));
    const QByteArray uri = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toEncoded();
    GstElement *sink = gst_element_factory_make("fakesink", nullptr);
    g_object_set(sink, "sync", FALSE, nullptr);
    // flags=video: the picture alone, as fast as it decodes.
    g_object_set(playbin, "uri", uri.constData(), "flags", 0x1, "video-sink", sink,
                 "audio-sink", gst_element_factory_make("fakesink", nullptr), nullptr);
    GstPtr<GstBus> bus(gst_element_get_bus(playbin));
    QElapsedTimer wall;
    wall.start();
    gst_element_set_state(playbin, GST_STATE_PLAYING);
    gint64 position = 0;
    bool ended = false;
    while (!ended && position < kSampleNs && wall.elapsed() < kTimeoutMs) {
        std::unique_ptr<GstMessage, GstMessageUnref> msg(gst_bus_timed_pop_filtered(
            bus.get(), 20 * GST_MSECOND, GstMessageType(GST_MESSAGE_ERROR | GST_MESSAGE_EOS)));
        if (msg && GST_MESSAGE_TYPE(msg.get()) == GST_MESSAGE_ERROR) {
            gst_element_set_state(playbin, GST_STATE_NULL);
            return result;
        }
        ended = msg != nullptr;
        gint64 p = 0;
        if (gst_element_query_position(playbin, GST_FORMAT_TIME, &p))
            position = std::max(position, p);
    }
    const qint64 elapsedNs = std::max<qint64>(1, wall.nsecsElapsed());
    result.decoder = DecoderChoice::videoDecoderOf(playbin);
    gst_element_set_state(playbin, GST_STATE_NULL);
    result.hardware = DecoderChoice::isHardware(result.decoder);
    result.speed = position > 0 ? double(position) / double(elapsedNs) : 0.0;
    return result;
}

} // namespace

MediaReport MediaProbe::report(const PlaybackItem &item, const std::optional<Result> &result, SpeakerLayout speakers,
                               std::optional<double> targetLufs, double gainDb)
{
    MediaReport m;
    m.itemId = item.id;
    if (item.id.contains(QLatin1Char('/'))) {
        m.screening = item.id.section(QLatin1Char('/'), 0, 0);
        m.film = item.id.section(QLatin1Char('/'), 1);
    }
    m.file = item.mediaPath;
    m.startUs = item.startUs;
    m.runtimeMs = item.durationUs / 1000;
    m.speakers = AudioLayout::name(speakers);
    if (!result)
        return m;
    const Result &r = *result;
    m.checked = true;
    if (!r.ready()) {
        m.errorCode = PlaybackError::wireName(r.error);
        m.message = r.message;
    }
    m.videoCodec = r.videoCodec;
    m.width = r.width;
    m.height = r.height;
    m.fps = r.fpsDen > 0 ? double(r.fpsNum) / r.fpsDen : 0.0;
    m.parNum = qMax(1, r.parNum);
    m.parDen = qMax(1, r.parDen);
    m.durationMs = r.durationNs >= 0 ? r.durationNs / 1'000'000 : -1;
    m.audioCodec = r.audioCodec;
    m.audioChannels = r.audioChannels;
    m.loudnessLufs = r.loudnessLufs;
    m.gainDb = gainDb;
    m.targetLufs = r.loudnessLufs ? targetLufs : std::nullopt;
    for (const auto &track : r.subtitles)
        m.subtitles << track->language();
    m.embeddedSubtitles = r.embeddedSubtitles;
    if (!item.sha256Hex.isEmpty())
        m.checksum = r.error == PlaybackError::Code::ChecksumMismatch ? QStringLiteral("differs") : QStringLiteral("matches");
    m.decoder = r.decoder;
    m.hardware = r.hardware;
    m.decodeSpeed = r.decodeSpeed;
    return m;
}

void MediaProbe::measureLoudness(const QString &path, SpeakerLayout speakers, Result &r)
{
    const auto found = measuredOnce<LoudnessMeter::FileLoudness>(path, AudioLayout::name(speakers), [&] {
        return LoudnessMeter::measureFile(path, speakers);
    });
    r.loudnessLufs = found.lufs;
    r.peakDbfs = found.peakDbfs;
    r.loudnessError = found.error;
}

void MediaProbe::measureDecodeSpeed(const QString &path, Result &r)
{
    const auto found = measuredOnce<DecodeSpeed>(path, QStringLiteral("decode"), [&] { return decodeSpeedOf(path); });
    r.decoder = found.decoder;
    r.hardware = found.hardware;
    r.decodeSpeed = found.speed;
}

EmbeddedSubtitles MediaProbe::embeddedSubtitlesOf(const QString &path)
{
    // Read in one pass over the whole film, once per file.
    return measuredOnce<EmbeddedSubtitles>(path, QStringLiteral("subtitles"), [&] { return EmbeddedSubtitles::read(path); });
}

void MediaProbe::readSubtitles(const PlaybackItem &item, Result &r)
{
    QStringList problems;
    for (const PlaybackSubtitle &s : item.subtitles) {
        if (s.embedded) {
            const EmbeddedSubtitles embedded = embeddedSubtitlesOf(r.mediaPath);
            if (const EmbeddedSubtitles::Track *track = embedded.find(s.language)) {
                SubtitleTrack shown = track->cues;
                shown.setLanguage(s.language);   // as the screening asked ("zh-Hant" for a track tagged "chi")
                r.subtitles.append(std::make_shared<const SubtitleTrack>(std::move(shown)));
                continue;
            }
            if (r.error == PlaybackError::Code::None)
                r.error = PlaybackError::Code::SubtitleMissing;
            problems << embedded.missing(s.language);
            continue;
        }
        QString problem;
        auto track = SubtitleTrack::load(s.path, s.language, &problem);
        if (track) {
            r.subtitles.append(std::make_shared<const SubtitleTrack>(std::move(*track)));
            continue;
        }
        if (r.error == PlaybackError::Code::None)
            r.error = QFileInfo::exists(s.path) ? PlaybackError::Code::SubtitleInvalid : PlaybackError::Code::SubtitleMissing;
        problems << problem;
    }
    if (!problems.isEmpty())
        r.message = problems.join(QLatin1Char(' ')) + QLatin1Char(' ') + PlaybackError::describe(r.error, r.mediaPath);
}

} // namespace fest
