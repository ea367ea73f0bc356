// The formats festivals receive (docs/player.md, "Formats"): each one generated at test
// time with Debian's ffmpeg, probed by MediaProbe, and played by the real engine on the
// show clock: it starts on its instant within one frame, every frame lands on the shared
// timeline, it plays to its end. A long-GOP H.264 film chases when a player starts
// mid-film; a codec this machine cannot decode is media_undecodable with its name and
// what to install.
#include "decoderchoice.h"
#include "ffmpegmedia.h"
#include "gstref.h"
#include "mediaprobe.h"
#include "playbackengine.h"
#include "showclock.h"
#include "showclockprovider.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gst/gst.h>

using namespace fest;
using Code = PlaybackError::Code;
using State = PlaybackEngine::State;

namespace {
constexpr qint64 kMs = 1'000'000;
constexpr int kSeconds = 2;

struct Format
{
    const char *name;
    const char *file;
    QStringList encode;      // ffmpeg's output options
    int fpsNum;
    int fpsDen;
    const char *video;       // expected in MediaProbe's codec description
    const char *audio;
    int channels;
    int width = 320;
    int height = 180;
    int parNum = 1;
    int parDen = 1;
};

QString rate(int num, int den)
{
    return den == 1 ? QString::number(num) : QStringLiteral("%1/%2").arg(num).arg(den);
}

// H.264 High and HEVC Main/Main 10 in MP4 and MKV, ProRes 422 with 24-bit PCM in MOV, AV1
// and VP9 with Opus, MPEG-2 in TS with AC-3 5.1, E-AC-3 5.1; 23.976 to 60 fps; PAL
// anamorphic (non-square pixels).
const QList<Format> &formats()
{
    static const QList<Format> list = {
        {"H.264 High, AAC, MP4, 25", "h264.mp4",
         {"-c:v", "libx264", "-profile:v", "high", "-pix_fmt", "yuv420p", "-preset", "veryfast", "-c:a", "aac", "-b:a", "128k"},
         25, 1, "H.264", "AAC", 2},
        {"H.264 High, AAC, MKV, 23.976", "h264-2398.mkv",
         {"-c:v", "libx264", "-profile:v", "high", "-pix_fmt", "yuv420p", "-preset", "veryfast", "-c:a", "aac"},
         24000, 1001, "H.264", "AAC", 2},
        {"HEVC Main, AAC, MP4, 24", "hevc.mp4",
         {"-c:v", "libx265", "-profile:v", "main", "-pix_fmt", "yuv420p", "-preset", "ultrafast", "-tag:v", "hvc1",
          "-x265-params", "log-level=error", "-c:a", "aac"},
         24, 1, "H.265", "AAC", 2},
        {"HEVC Main 10, AAC, MKV, 25", "hevc10.mkv",
         {"-c:v", "libx265", "-profile:v", "main10", "-pix_fmt", "yuv420p10le", "-preset", "ultrafast",
          "-x265-params", "log-level=error", "-c:a", "aac"},
         25, 1, "H.265", "AAC", 2},
        {"ProRes 422, PCM 24-bit, MOV, 24", "prores.mov",
         {"-c:v", "prores_ks", "-profile:v", "2", "-pix_fmt", "yuv422p10le", "-c:a", "pcm_s24le"},
         24, 1, "ProRes", "PCM", 2},
        {"AV1, Opus, MKV, 25", "av1.mkv",
         {"-c:v", "libaom-av1", "-cpu-used", "8", "-row-mt", "1", "-b:v", "300k", "-c:a", "libopus"},
         25, 1, "AV1", "Opus", 2},
        {"VP9, Opus, WebM, 29.97", "vp9.webm",
         {"-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "300k", "-c:a", "libopus"},
         30000, 1001, "VP9", "Opus", 2},
        {"MPEG-2, AC-3 5.1, TS, 25", "mpeg2.ts",
         {"-c:v", "mpeg2video", "-b:v", "2M", "-c:a", "ac3", "-ac", "6"},
         25, 1, "MPEG-2", "AC-3", 6},
        {"MPEG-2, AC-3 5.1, TS, 50", "mpeg2-50.ts",
         {"-c:v", "mpeg2video", "-b:v", "2M", "-c:a", "ac3", "-ac", "6"},
         50, 1, "MPEG-2", "AC-3", 6},
        {"H.264, E-AC-3 5.1, MP4, 60", "h264-eac3.mp4",
         {"-c:v", "libx264", "-pix_fmt", "yuv420p", "-preset", "veryfast", "-c:a", "eac3", "-ac", "6"},
         60, 1, "H.264", "E-AC-3", 6},
        {"H.264 PAL anamorphic 16:9 (720x576, 64:45 pixels), AAC, MP4, 25", "h264-anamorphic.mp4",
         {"-c:v", "libx264", "-pix_fmt", "yuv420p", "-preset", "veryfast", "-vf", "setsar=64/45", "-c:a", "aac"},
         25, 1, "H.264", "AAC", 2, 720, 576, 64, 45},
    };
    return list;
}
} // namespace

class tst_FestivalFormats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void probeReadsWhatTheFileHolds_data();
    void probeReadsWhatTheFileHolds();
    void playsOnItsInstantToItsEnd_data();
    void playsOnItsInstantToItsEnd();
    void longGopFilmChasesWhenStartedMidFilm();
    void codecWithoutDecoderIsNamedBeforeTheScreening();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString encode(const QString &file, const QStringList &source, const QStringList &options, int seconds);
    PlaybackItem item(const QString &id, const QString &file, qint64 startInMs, qint64 durationMs) const;

    QTemporaryDir m_dir;
    std::unique_ptr<ShowClockProvider> m_provider;
    std::unique_ptr<ShowClock> m_clock;
};

QString tst_FestivalFormats::encode(const QString &file, const QStringList &source, const QStringList &options, int seconds)
{
    return FfmpegMedia::encode(path(file), source, options, seconds);
}

void tst_FestivalFormats::initTestCase()
{
    QVERIFY2(!FfmpegMedia::executable().isEmpty(), qPrintable(FfmpegMedia::missingMessage()));
    QVERIFY(m_dir.isValid());
    for (const Format &f : formats()) {
        const QString size = QStringLiteral("%1x%2").arg(f.width).arg(f.height);
        const QStringList source{"-f", "lavfi", "-i", QStringLiteral("testsrc2=size=%1:rate=%2").arg(size, rate(f.fpsNum, f.fpsDen)),
                                 "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"};
        // The tone is mono: stereo films are made stereo (the 5.1 rows say -ac 6).
        const QStringList options = f.channels == 2 ? f.encode + QStringList{"-ac", "2"} : f.encode;
        const QString error = encode(QLatin1String(f.file), source, options, kSeconds);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    // A keyframe every 10 s, 12 s long: a player that starts 6 s in must decode from 0.
    const QString error = encode(QStringLiteral("longgop.mp4"),
                                 {"-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25", "-f", "lavfi", "-i", "sine=sample_rate=48000"},
                                 {"-c:v", "libx264", "-pix_fmt", "yuv420p", "-preset", "veryfast", "-g", "250", "-keyint_min", "250",
                                  "-sc_threshold", "0", "-c:a", "aac"},
                                 12);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    m_provider = std::make_unique<ShowClockProvider>(0, QStringLiteral("127.0.0.1"));
    QVERIFY2(m_provider->isValid(), qPrintable(m_provider->errorString()));
    m_clock = std::make_unique<ShowClock>(QStringLiteral("127.0.0.1"), m_provider->port());
    QVERIFY(m_clock->waitForSync(5000));
}

PlaybackItem tst_FestivalFormats::item(const QString &id, const QString &file, qint64 startInMs, qint64 durationMs) const
{
    PlaybackItem i;
    i.id = id;
    i.title = QStringLiteral("Film ") + id;
    i.mediaPath = path(file);
    i.startUs = m_clock->nowUs() + startInMs * 1000;
    i.durationUs = durationMs * 1000;
    return i;
}

void tst_FestivalFormats::probeReadsWhatTheFileHolds_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < formats().size(); ++i)
        QTest::newRow(formats().at(i).name) << i;
}

void tst_FestivalFormats::probeReadsWhatTheFileHolds()
{
    QFETCH(int, index);
    const Format &f = formats().at(index);
    PlaybackItem film;
    film.id = QStringLiteral("F");
    film.mediaPath = path(QLatin1String(f.file));
    const MediaProbe::Result r = MediaProbe::checkNow(film);
    QVERIFY2(r.ready(), qPrintable(r.message));
    QVERIFY2(r.videoCodec.contains(QLatin1String(f.video)), qPrintable(r.videoCodec));
    QVERIFY2(r.audioCodec.contains(QLatin1String(f.audio)), qPrintable(r.audioCodec));
    QCOMPARE(r.width, f.width);
    QCOMPARE(r.height, f.height);
    QCOMPARE(r.audioChannels, f.channels);
    QCOMPARE(qint64(r.fpsNum) * f.fpsDen, qint64(f.fpsNum) * r.fpsDen);
    QCOMPARE(qint64(r.parNum) * f.parDen, qint64(f.parNum) * r.parDen);
    const qint64 frameNs = 1'000'000'000LL * f.fpsDen / f.fpsNum;
    // The container's duration: the film's, give or take a frame and an audio packet.
    QVERIFY2(qAbs(r.durationNs - kSeconds * 1000 * kMs) <= frameNs + 50 * kMs,
             qPrintable(QStringLiteral("duration %1 ms").arg(r.durationNs / kMs)));
}

void tst_FestivalFormats::playsOnItsInstantToItsEnd_data()
{
    probeReadsWhatTheFileHolds_data();
}

void tst_FestivalFormats::playsOnItsInstantToItsEnd()
{
    QFETCH(int, index);
    const Format &f = formats().at(index);
    const qint64 frameNs = 1'000'000'000LL * f.fpsDen / f.fpsNum;
    PlaybackEngine::Options o;
    o.recordFrames = true;
    o.prerollLeadNs = 1'500'000'000;
    PlaybackEngine engine(m_clock->clock(), o);
    QSignalSpy started(&engine, &PlaybackEngine::itemStarted);
    QSignalSpy finished(&engine, &PlaybackEngine::itemFinished);
    QSignalSpy errors(&engine, &PlaybackEngine::errorOccurred);
    const PlaybackItem film = item(QStringLiteral("F"), QLatin1String(f.file), 2500, kSeconds * 1000);
    engine.setItems({film});
    engine.start();
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 8000);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first().at(1).toString()));
    // The decoder GStreamer chose, as the player's status reports it (software here: no VA device).
    const QString decoder = engine.videoDecoder();
    QVERIFY2(!decoder.isEmpty() && !DecoderChoice::isHardware(decoder), qPrintable(decoder));
    // The first picture, at its place in the film (stream time; a container may start
    // its pictures after 0: Opus's pre-skip in Matroska, ~7 ms), on the shared timeline.
    const qint64 firstPts = started.first().at(2).toLongLong();
    const qint64 firstNs = started.first().at(1).toLongLong();
    const qint64 firstOff = firstNs - (film.startUs * 1000 + firstPts);
    const bool ts = QByteArray(f.file).endsWith(".ts");
    const char *tsPositions = "MPEG-TS: the pictures' positions in the film (stream time, tsdemux's segment) run ~0.7 s "
                              "ahead of where they are shown: the picture is on screen at the instant, but the positions "
                              "reported are off by that much, and a chase into a TS film is not checked yet (docs/player.md)";
    if (ts)
        QEXPECT_FAIL("", tsPositions, Continue);
    QVERIFY2(qAbs(firstOff) < frameNs, qPrintable(QStringLiteral("first frame %1 us off the timeline").arg(firstOff / 1000)));
    // ...and on screen at the instant, within one frame.
    QVERIFY2(qAbs(firstNs - film.startUs * 1000) < frameNs,
             qPrintable(QStringLiteral("first picture %1 ms after the instant").arg((firstNs - film.startUs * 1000) / kMs)));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 8000);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first().at(1).toString()));

    const auto frames = engine.takeFrames();
    // Every picture of the film within the item's slot (one shown after the instant, like
    // Matroska's after Opus's pre-skip, leaves less of the slot).
    const qint64 leadNs = qMax<qint64>(0, firstNs - film.startUs * 1000);
    const qint64 expectedFrames = (qint64(kSeconds) * 1'000'000'000 - leadNs) * f.fpsNum / f.fpsDen / 1'000'000'000;
    QVERIFY2(qAbs(frames.size() - expectedFrames) <= 1,
             qPrintable(QStringLiteral("%1 frames rendered of %2").arg(frames.size()).arg(expectedFrames)));
    qint64 worst = 0;
    for (const auto &frame : frames)
        worst = qMax(worst, qAbs(frame.renderNs - (film.startUs * 1000 + frame.ptsNs)));
    if (ts)
        QEXPECT_FAIL("", tsPositions, Continue);
    QVERIFY2(worst < frameNs, qPrintable(QStringLiteral("worst frame %1 us off the timeline").arg(worst / 1000)));
    qInfo("%s: %s; first picture %lld ms into the film, %lld us off the timeline; worst frame %lld us; %lld dropped",
          f.name, qPrintable(decoder), firstPts / kMs, firstOff / 1000, worst / 1000, qlonglong(engine.droppedFrames()));
}

void tst_FestivalFormats::longGopFilmChasesWhenStartedMidFilm()
{
    PlaybackEngine::Options o;
    o.recordFrames = true;
    PlaybackEngine engine(m_clock->clock(), o);
    QSignalSpy started(&engine, &PlaybackEngine::itemStarted);
    // Started 6 s into the film: the nearest keyframe is at 0, 6 s of pictures to decode.
    const PlaybackItem film = item(QStringLiteral("G"), QStringLiteral("longgop.mp4"), -6000, 12000);
    QElapsedTimer took;
    took.start();
    engine.setItems({film});
    engine.start();
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 10000);
    const qint64 renderNs = started.first().at(1).toLongLong();
    const qint64 pts = started.first().at(2).toLongLong();
    QVERIFY2(pts >= 6000 * kMs, qPrintable(QStringLiteral("first picture at %1 ms of the film").arg(pts / kMs)));
    // The picture shown is the one the screens that started on time show now.
    const qint64 off = renderNs - (film.startUs * 1000 + pts);
    QVERIFY2(qAbs(off) < 40 * kMs, qPrintable(QStringLiteral("chase %1 us off the timeline").arg(off / 1000)));
    qsizetype frames = 0;
    QTRY_VERIFY_WITH_TIMEOUT((frames += engine.takeFrames().size()) > 10, 3000);
    qInfo("long GOP: first picture %lld ms after the start, at %lld ms of the film, %lld us off the timeline",
          qlonglong(took.elapsed()), pts / kMs, off / 1000);
}

void tst_FestivalFormats::codecWithoutDecoderIsNamedBeforeTheScreening()
{
    // A machine without an HEVC decoder: every one this machine has is ranked out of reach
    // of decodebin for the time of the test, as if gstreamer1.0-libav were not installed.
    struct Rank { GstPtr<GstPluginFeature> feature; guint rank; };
    std::vector<Rank> lowered;
    GstCaps *hevc = gst_caps_from_string("video/x-h265");
    GList *factories = gst_element_factory_list_get_elements(GST_ELEMENT_FACTORY_TYPE_DECODER, GST_RANK_NONE);
    for (GList *l = factories; l; l = l->next) {
        auto *factory = GST_ELEMENT_FACTORY(l->data);
        if (!gst_element_factory_can_sink_any_caps(factory, hevc))
            continue;
        auto *feature = GST_PLUGIN_FEATURE(gst_object_ref(factory));
        lowered.push_back({GstPtr<GstPluginFeature>(feature), gst_plugin_feature_get_rank(feature)});
        gst_plugin_feature_set_rank(feature, GST_RANK_NONE);
    }
    gst_plugin_feature_list_free(factories);
    gst_caps_unref(hevc);
    const auto restore = qScopeGuard([&] {
        for (const Rank &r : lowered)
            gst_plugin_feature_set_rank(r.feature.get(), r.rank);
    });
    QVERIFY2(!lowered.empty(), "no HEVC decoder to take away: is gstreamer1.0-libav installed?");

    PlaybackEngine::Options o;
    PlaybackEngine engine(m_clock->clock(), o);
    QSignalSpy errors(&engine, &PlaybackEngine::errorOccurred);
    QSignalSpy checked(&engine, &PlaybackEngine::readinessChecked);
    // Due in a minute: the readiness check says so long before the screening.
    engine.setItems({item(QStringLiteral("H"), QStringLiteral("hevc.mp4"), 60000, kSeconds * 1000)});
    engine.start();
    QTRY_VERIFY_WITH_TIMEOUT(!checked.isEmpty(), 10000);
    const auto result = checked.first().at(0).value<MediaProbe::Result>();
    QCOMPARE(result.error, Code::MediaUndecodable);
    QVERIFY2(result.message.contains(QStringLiteral("H.265")), qPrintable(result.message));
    QVERIFY2(result.message.contains(QStringLiteral("gstreamer1.0-libav")), qPrintable(result.message));
    QVERIFY2(result.message.contains(QStringLiteral("hevc.mp4")), qPrintable(result.message));
    QVERIFY(!result.missing.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 5000);
    QCOMPARE(errors.first().at(0).value<Code>(), Code::MediaUndecodable);
}

QTEST_GUILESS_MAIN(tst_FestivalFormats)
#include "tst_festivalformats.moc"
