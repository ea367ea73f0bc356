#include "ffmpegmedia.h"
#include "loudness.h"
#include "playbackengine.h"
#include "showclock.h"
#include "showclockprovider.h"

#include <QMutex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gst/app/gstappsink.h>

#include <cmath>

#include <gst/gst.h>

using namespace fest;

namespace {
// Interleaved 48 kHz: a 1 kHz sine at `dbfs` (its peak) in the given channels for `seconds`.
QList<float> sine(int channels, QList<int> on, double dbfs, double seconds)
{
    const qsizetype frames = qsizetype(seconds * LoudnessMeter::rate);
    const double amplitude = std::pow(10.0, dbfs / 20.0);
    QList<float> samples(frames * channels, 0.0f);
    for (qsizetype f = 0; f < frames; ++f) {
        const float v = float(amplitude * std::sin(2.0 * M_PI * 1000.0 * double(f) / LoudnessMeter::rate));
        for (int c : on)
            samples[f * channels + c] = v;
    }
    return samples;
}

double measured(int channels, const QList<QList<float>> &parts, const QList<double> &weights)
{
    LoudnessMeter meter(weights);
    for (const QList<float> &p : parts)
        meter.add(p.constData(), p.size() / channels);
    return meter.integratedLufs().value_or(-1000.0);
}
} // namespace

// The meter against EBU Tech 3341's reference signals, then whole films made by ffmpeg and
// mixed to a room's speakers as the player plays them.
class tst_Loudness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void referenceSignals();
    void gatesIgnoreSilenceAndQuietPassages();
    void surroundsWeighMoreAndLfeNothing();
    void filmsAreMeasuredAsTheRoomHearsThem();
    void filmsPlayAtTheScreensTarget();

private:
    QString film(const QString &name, const QString &pan, const QStringList &codec, double dbfs = -23.0);
    QTemporaryDir m_dir;
};

void tst_Loudness::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!FfmpegMedia::executable().isEmpty(), qPrintable(FfmpegMedia::missingMessage()));
}

void tst_Loudness::referenceSignals()
{
    const QList<double> stereo = AudioLayout::loudnessWeights(SpeakerLayout::Stereo);
    // Tech 3341 cases 1 and 2: stereo 1 kHz at -23 and -33 dBFS read -23.0 and -33.0 LUFS.
    QVERIFY(qAbs(measured(2, {sine(2, {0, 1}, -23, 20)}, stereo) + 23.0) < 0.1);
    QVERIFY(qAbs(measured(2, {sine(2, {0, 1}, -33, 20)}, stereo) + 33.0) < 0.1);
    LoudnessMeter meter(stereo);
    const QList<float> s = sine(2, {0, 1}, -6, 1);
    meter.add(s.constData(), s.size() / 2);
    QVERIFY(qAbs(meter.peakDbfs() + 6.0) < 0.01);
}

void tst_Loudness::gatesIgnoreSilenceAndQuietPassages()
{
    const QList<double> stereo = AudioLayout::loudnessWeights(SpeakerLayout::Stereo);
    // Tech 3341 case 3: 10 s at -36, 60 s at -23, 10 s at -36 dBFS read -23.0 LUFS (the
    // relative gate); silence around a passage does not lower it (the absolute gate).
    const double withQuiet = measured(2, {sine(2, {0, 1}, -36, 10), sine(2, {0, 1}, -23, 60), sine(2, {0, 1}, -36, 10)}, stereo);
    QVERIFY2(qAbs(withQuiet + 23.0) < 0.1, qPrintable(QString::number(withQuiet)));
    const double withSilence = measured(2, {sine(2, {}, 0, 20), sine(2, {0, 1}, -23, 10), sine(2, {}, 0, 20)}, stereo);
    // (the blocks that straddle an edge count in part: -23.1)
    QVERIFY2(qAbs(withSilence + 23.0) < 0.2, qPrintable(QString::number(withSilence)));
    LoudnessMeter silent(stereo);
    const QList<float> nothing = sine(2, {}, 0, 5);
    silent.add(nothing.constData(), nothing.size() / 2);
    QVERIFY(!silent.integratedLufs());
}

void tst_Loudness::surroundsWeighMoreAndLfeNothing()
{
    const QList<double> room = AudioLayout::loudnessWeights(SpeakerLayout::Surround51);
    const double centre = measured(6, {sine(6, {2}, -23, 10)}, room);
    const double surround = measured(6, {sine(6, {4}, -23, 10)}, room);
    QVERIFY2(qAbs(surround - centre - 10.0 * std::log10(1.41)) < 0.05, qPrintable(QString::number(surround - centre)));
    QCOMPARE(measured(6, {sine(6, {3}, -3, 10)}, room), -1000.0);  // the LFE is not counted
}

// An H.264 film with a 1 kHz tone peaking at `dbfs`, panned by ffmpeg's pan filter.
QString tst_Loudness::film(const QString &name, const QString &pan, const QStringList &codec, double dbfs)
{
    // ffmpeg's sine source peaks at 1/8 (-18.06 dBFS).
    const QString level = QStringLiteral("volume=%1dB,pan=%2").arg(dbfs + 18.0618).arg(pan);
    const QString path = m_dir.filePath(name);
    const QStringList source{"-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000",
                             "-f", "lavfi", "-i", "color=c=black:size=320x180:rate=25"};
    const QString error = FfmpegMedia::encode(path, source, QStringList{"-af", level, "-c:v", "libx264", "-preset", "ultrafast"} + codec, 8);
    if (!error.isEmpty())
        qWarning("%s", qPrintable(error));
    return error.isEmpty() ? path : QString();
}

void tst_Loudness::filmsAreMeasuredAsTheRoomHearsThem()
{
    const QString stereo = film("stereo.mp4", "stereo|FL=c0|FR=c0", {"-c:a", "aac", "-b:a", "192k"});
    const QString left = film("left.mp4", "stereo|FL=c0", {"-c:a", "aac", "-b:a", "192k"});
    const QString centre = film("centre.mkv", "5.1|FC=c0", {"-c:a", "ac3", "-b:a", "448k"});
    const QString lfe = film("lfe.mkv", "5.1|LFE=c0", {"-c:a", "ac3", "-b:a", "448k"}, -10.0);
    QVERIFY(!stereo.isEmpty() && !left.isEmpty() && !centre.isEmpty() && !lfe.isEmpty());

    const auto s = LoudnessMeter::measureFile(stereo, SpeakerLayout::Stereo);
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QVERIFY2(s.lufs && qAbs(*s.lufs + 23.0) < 0.5, qPrintable(QString::number(s.lufs.value_or(0))));
    QVERIFY2(qAbs(s.seconds - 8.0) < 0.2, qPrintable(QString::number(s.seconds)));

    // Stereo in a 5.1 room stays on the left and right speakers: nothing invented.
    const auto l = LoudnessMeter::measureFile(left, SpeakerLayout::Surround51);
    QVERIFY2(l.error.isEmpty(), qPrintable(l.error));
    QCOMPARE(l.channelPeaksDbfs.size(), 6);
    QVERIFY2(qAbs(l.channelPeaksDbfs[0] + 23.0) < 2.0,  // AAC rings a little over the tone's peak
             qPrintable(QString::number(l.channelPeaksDbfs[0])));
    for (int c = 1; c < 6; ++c)
        QVERIFY2(l.channelPeaksDbfs[c] < -90.0, qPrintable(QStringLiteral("channel %1 at %2 dBFS").arg(c).arg(l.channelPeaksDbfs[c])));

    // 5.1 in a stereo room: the centre reaches both speakers at -3 dB (the same loudness),
    // the LFE none.
    const auto c51 = LoudnessMeter::measureFile(centre, SpeakerLayout::Surround51);
    const auto c2 = LoudnessMeter::measureFile(centre, SpeakerLayout::Stereo);
    QVERIFY2(c51.lufs && c2.lufs && qAbs(*c51.lufs - *c2.lufs) < 0.2,
             qPrintable(QStringLiteral("%1 vs %2").arg(c51.lufs.value_or(0)).arg(c2.lufs.value_or(0))));
    QVERIFY(qAbs(c2.channelPeaksDbfs[0] - c2.channelPeaksDbfs[1]) < 0.1);
    const auto lfe2 = LoudnessMeter::measureFile(lfe, SpeakerLayout::Stereo);
    const auto lfe51 = LoudnessMeter::measureFile(lfe, SpeakerLayout::Surround51);
    QVERIFY2(lfe2.peakDbfs < -90.0, qPrintable(QString::number(lfe2.peakDbfs)));
    // (AC-3 low-passes its LFE at 120 Hz: the 1 kHz tone arrives much weaker, but arrives)
    QVERIFY2(lfe51.channelPeaksDbfs.value(3) > -40.0, qPrintable(QString::number(lfe51.channelPeaksDbfs.value(3))));
}

// Two films 12 dB apart (pink noise in AAC, as a film's mix is noise-like) play one after
// the other on the show clock; measured on the player's own output (its audio sink), they
// come out within 1 dB of each other and of the screen's target, and the status says
// with which gain.
void tst_Loudness::filmsPlayAtTheScreensTarget()
{
    auto noise = [this](const QString &name, double db) {
        return FfmpegMedia::encode(m_dir.filePath(name),
                                   {"-f", "lavfi", "-i", "anoisesrc=color=pink:amplitude=0.3:sample_rate=48000:seed=7",
                                    "-f", "lavfi", "-i", "color=c=black:size=320x180:rate=25"},
                                   {"-af", QStringLiteral("volume=%1dB").arg(db), "-ac", "2", "-c:a", "aac", "-b:a", "192k",
                                    "-c:v", "libx264", "-preset", "ultrafast"}, 5);
    };
    QCOMPARE(noise("loud.mp4", 0), QString());
    QCOMPARE(noise("quiet.mp4", -12), QString());
    const auto loudFile = LoudnessMeter::measureFile(m_dir.filePath("loud.mp4"), SpeakerLayout::Stereo);
    const auto quietFile = LoudnessMeter::measureFile(m_dir.filePath("quiet.mp4"), SpeakerLayout::Stereo);
    QVERIFY(loudFile.lufs && quietFile.lufs);
    qInfo("the films: %.1f and %.1f LUFS", *loudFile.lufs, *quietFile.lufs);
    QVERIFY(qAbs(*loudFile.lufs - *quietFile.lufs - 12.0) < 0.5);

    ShowClockProvider provider(0, QStringLiteral("127.0.0.1"));
    QVERIFY2(provider.isValid(), qPrintable(provider.errorString()));
    ShowClock clock(QStringLiteral("127.0.0.1"), provider.port());
    QVERIFY(clock.waitForSync(5000));
    PlaybackEngine::Options o;
    o.prerollLeadNs = 1'500'000'000;
    o.audioSink = QStringLiteral("appsink sync=true caps=audio/x-raw,format=F32LE,rate=48000,layout=interleaved,channels=2");
    o.targetLufs = -23.0;
    o.realtimePriority = 0;
    PlaybackEngine engine(clock.clock(), o);
    QSignalSpy errors(&engine, &PlaybackEngine::errorOccurred);

    // Each item's output, measured as the sink receives it (streaming thread).
    struct Output { QMutex mutex; LoudnessMeter meter{AudioLayout::loudnessWeights(SpeakerLayout::Stereo)}; };
    QHash<QString, std::shared_ptr<Output>> outputs;
    connect(&engine, &PlaybackEngine::itemPrerolled, this, [&](const QString &id) {
        ItemPipeline *pipe = engine.pipeline(id);
        QVERIFY(pipe && pipe->audioSinkElement());
        auto output = std::make_shared<Output>();
        outputs.insert(id, output);
        GstAppSinkCallbacks callbacks{};
        callbacks.new_sample = [](GstAppSink *sink, gpointer data) {
            auto *out = static_cast<Output *>(data);
            GstSample *sample = gst_app_sink_pull_sample(sink);
            GstMapInfo map;
            if (sample && gst_buffer_map(gst_sample_get_buffer(sample), &map, GST_MAP_READ)) {
                QMutexLocker lock(&out->mutex);
                out->meter.add(reinterpret_cast<const float *>(map.data), qsizetype(map.size / sizeof(float) / 2));
                gst_buffer_unmap(gst_sample_get_buffer(sample), &map);
            }
            if (sample)
                gst_sample_unref(sample);
            return GST_FLOW_OK;
        };
        gst_app_sink_set_callbacks(GST_APP_SINK(pipe->audioSinkElement()), &callbacks, output.get(), nullptr);
    });
    QHash<QString, double> gainInStatus;
    connect(&engine, &PlaybackEngine::itemStarted, this, [&](const QString &id) {
        gainInStatus.insert(id, engine.audioReport().gainDb);
    });
    QSignalSpy finished(&engine, &PlaybackEngine::itemFinished);
    const qint64 t0 = clock.nowUs() + 3'000'000;
    PlaybackItem loud{.id = QStringLiteral("LOUD"), .mediaPath = m_dir.filePath("loud.mp4"), .startUs = t0, .durationUs = 5'000'000};
    PlaybackItem quiet{.id = QStringLiteral("QUIET"), .mediaPath = m_dir.filePath("quiet.mp4"), .startUs = t0 + 6'000'000, .durationUs = 5'000'000};
    engine.setItems({loud, quiet});
    engine.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 20000);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first().at(1).toString()));

    QVERIFY(outputs.contains("LOUD") && outputs.contains("QUIET"));
    const auto loudOut = outputs["LOUD"]->meter.integratedLufs();
    const auto quietOut = outputs["QUIET"]->meter.integratedLufs();
    QVERIFY(loudOut && quietOut);
    qInfo("on the player's output: %.2f and %.2f LUFS (gains %.1f and %.1f dB)", *loudOut, *quietOut,
          gainInStatus.value("LOUD"), gainInStatus.value("QUIET"));
    QVERIFY2(qAbs(*loudOut - *quietOut) < 1.0, qPrintable(QStringLiteral("%1 vs %2").arg(*loudOut).arg(*quietOut)));
    QVERIFY2(qAbs(*loudOut + 23.0) < 1.0 && qAbs(*quietOut + 23.0) < 1.0, qPrintable(QString::number(*loudOut)));
    QVERIFY(qAbs(gainInStatus.value("QUIET") - gainInStatus.value("LOUD") - 12.0) < 0.5);
    QVERIFY(qAbs(gainInStatus.value("LOUD") - (-23.0 - *loudFile.lufs)) < 0.1);
}

int main(int argc, char **argv)
{
    gst_init(&argc, &argv);
    QCoreApplication app(argc, argv);
    tst_Loudness test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_loudness.moc"
