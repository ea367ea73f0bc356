#include "mediaprobe.h"
#include "gstreamerinit.h"
#include "gstref.h"

#include "loudness.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QThread>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

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
    if (found && gst_discoverer_info_get_result(found.get()) == GST_DISCOVERER_MISSING_PLUGINS) {
        r.missing = missingElements(found.get());
        return failure(r, PlaybackError::Code::MediaUndecodable,
                       QStringLiteral("this machine has no %1: install gstreamer1.0-libav and gstreamer1.0-plugins-bad "
                                      "(the festival-player package depends on them), or convert the film to H.264/AAC in MP4")
                           .arg(r.missing.isEmpty() ? QStringLiteral("decoder for it") : r.missing.join(QStringLiteral(", "))));
    }
    if (!found || gst_discoverer_info_get_result(found.get()) != GST_DISCOVERER_OK)
        return failure(r, PlaybackError::Code::MediaUndecodable,
                       error ? QString::fromUtf8(error->message) : QString());

    std::unique_ptr<GList, StreamListFree> video(gst_discoverer_info_get_video_streams(found.get()));
    std::unique_ptr<GList, StreamListFree> audio(gst_discoverer_info_get_audio_streams(found.get()));
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
    readSubtitles(item, r);
    return r;
}

void MediaProbe::measureLoudness(const QString &path, SpeakerLayout speakers, Result &r)
{
    // Once per file (as it is on disk) and layout: rechecks and the next playlist reuse it.
    static QMutex mutex;
    static QHash<QString, LoudnessMeter::FileLoudness> measured;
    const QFileInfo info(path);
    const QString key = QStringLiteral("%1|%2|%3|%4").arg(path).arg(info.size())
                            .arg(info.lastModified().toMSecsSinceEpoch()).arg(AudioLayout::name(speakers));
    std::optional<LoudnessMeter::FileLoudness> found;
    {
        QMutexLocker lock(&mutex);
        if (measured.contains(key))
            found = measured.value(key);
    }
    if (!found) {
        // A whole film's audio is decoded: never at the cost of the film on screen.
        QThread *thread = QThread::currentThread();
        const QThread::Priority before = thread->priority();
        if (thread != qApp->thread())
            thread->setPriority(QThread::IdlePriority);
        found = LoudnessMeter::measureFile(path, speakers);
        if (thread != qApp->thread())
            thread->setPriority(before == QThread::InheritPriority ? QThread::NormalPriority : before);
        QMutexLocker lock(&mutex);
        measured.insert(key, *found);
    }
    r.loudnessLufs = found->lufs;
    r.peakDbfs = found->peakDbfs;
    r.loudnessError = found->error;
}

void MediaProbe::readSubtitles(const PlaybackItem &item, Result &r)
{
    QStringList problems;
    for (const PlaybackSubtitle &s : item.subtitles) {
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
