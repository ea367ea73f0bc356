#include "gstref.h"
#include "mediagenerator.h"
#include "playbackengine.h"
#include "showclock.h"
#include "showclockprovider.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <vector>

#include <gst/gst.h>

using namespace fest;
using Code = PlaybackError::Code;
using State = PlaybackEngine::State;

namespace {
constexpr qint64 kFrameNs = 40'000'000;  // 25 fps test films
constexpr qint64 kMs = 1'000'000;
} // namespace

class tst_PlaybackEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void itemStartsAtItsInstant();
    void everyFrameLandsOnTheSharedTimeline();
    void corruptFileGivesErrorAndNextItemPlaysOnTime();
    void missingFileIsReportedBeforeItsStart();
    void fileCopiedInLaterClearsTheError();
    void truncatedFileIsAnErrorNotAHang();
    void stallResumesAtTheFilmsPosition();
    void lateStartChasesToTheRightPosition();
    void playlistUpdateKeepsTheCurrentItem();
    void backToBackItemsLeaveNoGap();
    void holdAndResumeReportTheDelay();
    void skipShowsTheSlateUntilTheNextItem();
    void stopAndResumeRejoinsTheSchedule();
    void seekMovesThePicture();
    void commandsWithNothingPlayingAreRefused();
    void droppedFramesAreTheSinksOwnFigures();
    void sinkWithoutHandoffReportsTheRenderInstant();
    void stateChangesRunLaterStillStartAtTheInstant();
    void stateChangeJobsOutliveTheirPipelineHarmlessly();
    void sinkThatCannotOpenIsNotBlamedOnTheFilm();

private:
    PlaybackItem item(const QString &id, const QString &file, qint64 startInMs, qint64 durationMs) const;
    std::unique_ptr<PlaybackEngine> makeEngine(bool recordFrames = false);
    std::unique_ptr<PlaybackEngine> makeEngine(PlaybackEngine::Options o);
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    std::unique_ptr<ShowClockProvider> m_provider;
    std::unique_ptr<ShowClock> m_clock;
};

void tst_PlaybackEngine::initTestCase()
{
    QVERIFY(m_dir.isValid());
    MediaGenerator::Options o;
    o.seconds = 3;
    o.label = QStringLiteral("A");
    QCOMPARE(MediaGenerator::generate(path("a.webm"), o), QString());
    o.seconds = 2;
    o.pattern = QStringLiteral("ball");
    o.label = QStringLiteral("B");
    QCOMPARE(MediaGenerator::generate(path("b.webm"), o), QString());
    // Pictures only: a stall is nothing reaching the sinks, and sound would keep flowing.
    o.seconds = 8;
    o.audio = false;
    o.pattern = QStringLiteral("smpte");
    o.label = QStringLiteral("S");
    QCOMPARE(MediaGenerator::generate(path("silent.webm"), o), QString());
    QFile garbage(path("corrupt.webm"));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(64 * 1024, '\x33'));
    QFile good(path("a.webm"));
    QVERIFY(good.open(QIODevice::ReadOnly));
    QFile truncated(path("truncated.webm"));
    QVERIFY(truncated.open(QIODevice::WriteOnly));
    truncated.write(good.read(300));

    m_provider = std::make_unique<ShowClockProvider>(0, QStringLiteral("127.0.0.1"));
    QVERIFY2(m_provider->isValid(), qPrintable(m_provider->errorString()));
    m_clock = std::make_unique<ShowClock>(QStringLiteral("127.0.0.1"), m_provider->port());
    QVERIFY(m_clock->waitForSync(5000));
}

void tst_PlaybackEngine::init() {}
void tst_PlaybackEngine::cleanup() {}

PlaybackItem tst_PlaybackEngine::item(const QString &id, const QString &file, qint64 startInMs, qint64 durationMs) const
{
    PlaybackItem i;
    i.id = id;
    i.title = QStringLiteral("Film ") + id;
    i.titleZh = QStringLiteral("電影 ") + id;
    i.mediaPath = path(file);
    i.startUs = m_clock->nowUs() + startInMs * 1000;
    i.durationUs = durationMs * 1000;
    return i;
}

std::unique_ptr<PlaybackEngine> tst_PlaybackEngine::makeEngine(bool recordFrames)
{
    PlaybackEngine::Options o;
    o.recordFrames = recordFrames;
    return makeEngine(o);
}

std::unique_ptr<PlaybackEngine> tst_PlaybackEngine::makeEngine(PlaybackEngine::Options o)
{
    o.prerollLeadNs = 1'000'000'000;
    return std::make_unique<PlaybackEngine>(m_clock->clock(), o);
}

void tst_PlaybackEngine::itemStartsAtItsInstant()
{
    auto engine = makeEngine();
    QSignalSpy started(engine.get(), &PlaybackEngine::itemStarted);
    QSignalSpy prerolled(engine.get(), &PlaybackEngine::itemPrerolled);
    QSignalSpy states(engine.get(), &PlaybackEngine::stateChanged);
    const PlaybackItem a = item("A", "a.webm", 2000, 3000);
    engine->setItems({a});
    engine->start();
    QCOMPARE(engine->state(), State::Waiting);
    QCOMPARE(engine->nextItem()->id, QStringLiteral("A"));
    QTRY_COMPARE_WITH_TIMEOUT(prerolled.count(), 1, 5000);
    QCOMPARE(engine->state(), State::Countdown);
    QVERIFY(started.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 5000);
    const qint64 renderNs = started.first().at(1).toLongLong();
    const qint64 pts = started.first().at(2).toLongLong();
    QCOMPARE(pts, 0);
    const qint64 error = renderNs - a.startUs * 1000;
    QVERIFY2(qAbs(error) < kFrameNs, qPrintable(QStringLiteral("first frame %1 us off").arg(error / 1000)));
    QCOMPARE(engine->state(), State::Playing);
    QCOMPARE(engine->currentItem()->id, QStringLiteral("A"));
    QVERIFY(engine->positionNs() >= 0 && engine->positionNs() <= 3000 * kMs);
    QVERIFY(states.contains(QVariantList{QVariant::fromValue(State::Prerolling)})
            || states.contains(QVariantList{QVariant::fromValue(State::Countdown)}));
    QVERIFY(engine->readiness("A").has_value());
    QVERIFY(engine->readiness("A")->ready());
}

void tst_PlaybackEngine::everyFrameLandsOnTheSharedTimeline()
{
    auto engine = makeEngine(true);
    QSignalSpy finished(engine.get(), &PlaybackEngine::itemFinished);
    const PlaybackItem b = item("B", "b.webm", 1200, 2000);
    engine->setItems({b});
    engine->start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 8000);
    const auto frames = engine->takeFrames();
    QCOMPARE(frames.size(), 50);
    qint64 worst = 0;
    for (const auto &f : frames)
        worst = qMax(worst, qAbs(f.renderNs - (b.startUs * 1000 + f.ptsNs)));
    // Every frame within one frame period of its place on the timeline (bench/sync measures
    // how much better than that it really is).
    QVERIFY2(worst < kFrameNs, qPrintable(QStringLiteral("worst frame %1 us off").arg(worst / 1000)));
}

void tst_PlaybackEngine::corruptFileGivesErrorAndNextItemPlaysOnTime()
{
    auto engine = makeEngine();
    QSignalSpy errors(engine.get(), &PlaybackEngine::errorOccurred);
    QSignalSpy started(engine.get(), &PlaybackEngine::itemStarted);
    const PlaybackItem bad = item("BAD", "corrupt.webm", 1200, 1500);
    const PlaybackItem next = item("NEXT", "b.webm", 2700, 2000);
    engine->setItems({bad, next});
    engine->start();
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 5000);
    QCOMPARE(errors.first().at(0).value<Code>(), Code::MediaUndecodable);
    QCOMPARE(errors.first().at(2).toString(), QStringLiteral("BAD"));
    QTRY_COMPARE_WITH_TIMEOUT(engine->state(), State::Error, 5000);
    QCOMPARE(engine->lastError(), Code::MediaUndecodable);
    QVERIFY(engine->lastErrorMessage().contains(QStringLiteral("corrupt.webm")));
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 5000);
    QCOMPARE(started.first().at(0).toString(), QStringLiteral("NEXT"));
    const qint64 error = started.first().at(1).toLongLong() - next.startUs * 1000;
    QVERIFY2(qAbs(error) < kFrameNs, qPrintable(QString::number(error / 1000)));
    QCOMPARE(engine->state(), State::Playing);
}

void tst_PlaybackEngine::missingFileIsReportedBeforeItsStart()
{
    auto engine = makeEngine();
    QSignalSpy errors(engine.get(), &PlaybackEngine::errorOccurred);
    const PlaybackItem gone = item("GONE", "nowhere.webm", 8000, 2000);
    engine->setItems({gone});
    engine->start();
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 5000);
    QCOMPARE(errors.first().at(0).value<Code>(), Code::MediaMissing);
    QVERIFY(m_clock->nowUs() < gone.startUs - 2'000'000);  // reported well ahead
    QCOMPARE(engine->readiness("GONE")->error, Code::MediaMissing);
    QCOMPARE(engine->state(), State::Waiting);
}

void tst_PlaybackEngine::fileCopiedInLaterClearsTheError()
{
    // What the error tells staff to do ("copy it into the media folder") must make it go.
    PlaybackEngine::Options o;
    o.recheckMs = 200;
    auto engine = makeEngine(o);
    const QString late = path(QStringLiteral("copied-later.webm"));
    QFile::remove(late);
    const PlaybackItem film = item("LATE", "copied-later.webm", 60000, 2000);
    engine->setItems({film});
    engine->start();
    QTRY_VERIFY_WITH_TIMEOUT(engine->readiness("LATE").has_value(), 5000);
    QCOMPARE(engine->readiness("LATE")->error, Code::MediaMissing);
    QCOMPARE(engine->lastError(), Code::MediaMissing);
    QCOMPARE(engine->lastErrorItemId(), QStringLiteral("LATE"));
    QVERIFY(QFile::copy(path(QStringLiteral("a.webm")), late));
    QTRY_VERIFY_WITH_TIMEOUT(engine->readiness("LATE")->ready(), 10000);
    QCOMPARE(engine->lastError(), Code::None);
    QVERIFY(engine->lastErrorMessage().isEmpty());
    QFile::remove(late);
}

void tst_PlaybackEngine::truncatedFileIsAnErrorNotAHang()
{
    auto engine = makeEngine();
    QSignalSpy errors(engine.get(), &PlaybackEngine::errorOccurred);
    const PlaybackItem cut = item("CUT", "truncated.webm", 600, 3000);
    engine->setItems({cut});
    engine->start();
    // Reported by readiness or by the pipeline, then the item shows as an error.
    QTRY_COMPARE_WITH_TIMEOUT(engine->state(), State::Error, 8000);
    QVERIFY(!errors.isEmpty());
    QCOMPARE(engine->lastErrorItemId(), QStringLiteral("CUT"));
    QVERIFY(engine->lastError() == Code::MediaUndecodable || engine->lastError() == Code::NoBuffers);
}

void tst_PlaybackEngine::stallResumesAtTheFilmsPosition()
{
    // Every pipeline renders through a gate the test can shut: no picture reaches the sink,
    // as when a disk stops answering or the machine is starved. (identity drops buffers
    // only; a valve would drop the flushes of the chase's seek too, and hang it.)
    std::vector<GstPtr<GstElement>> gates;
    PlaybackEngine::Options o;
    o.noBufferTimeoutNs = 1'000'000'000;
    o.videoSinkFactory = [&gates](const PlaybackItem &) -> GstElement * {
        GError *error = nullptr;
        GstElement *bin = gst_parse_bin_from_description("identity name=gate drop-probability=0 ! fakesink sync=true", TRUE, &error);
        if (error)
            g_error_free(error);
        if (bin)
            gates.emplace_back(gst_bin_get_by_name(GST_BIN(bin), "gate"));
        return bin;
    };
    const auto shutLast = [&gates] { g_object_set(gates.back().get(), "drop-probability", 1.0f, nullptr); };

    // One stall: the pipeline is rebuilt and chases; the film goes on at its position.
    auto engine = makeEngine(o);
    QSignalSpy started(engine.get(), &PlaybackEngine::itemStarted);
    QSignalSpy errors(engine.get(), &PlaybackEngine::errorOccurred);
    const PlaybackItem s = item("S", "silent.webm", 800, 8000);
    engine->setItems({s});
    engine->start();
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(engine->positionNs() > 500 * kMs, 3000);
    shutLast();
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 4000);
    QCOMPARE(errors.first().at(0).value<Code>(), Code::NoBuffers);
    QTRY_COMPARE_WITH_TIMEOUT(int(gates.size()), 2, 3000);
    // Playing again where the show clock says the film is, not where it stalled.
    const auto behindNs = [&] { return m_clock->nowUs() * 1000 - s.startUs * 1000 - engine->positionNs(); };
    QTRY_VERIFY_WITH_TIMEOUT(engine->state() == State::Playing && qAbs(behindNs()) < 300 * kMs, 5000);
    QTest::qWait(1500);
    QVERIFY2(qAbs(behindNs()) < 300 * kMs, qPrintable(QStringLiteral("%1 ms behind the film's position").arg(behindNs() / kMs)));
    QCOMPARE(engine->state(), State::Playing);
    QCOMPARE(errors.count(), 1);
    QCOMPARE(int(gates.size()), 2);
    engine.reset();

    // A film that stalls every time it is resumed is given up after two rebuilds: the slate.
    gates.clear();
    auto stubborn = makeEngine(o);
    QSignalSpy stubbornStarted(stubborn.get(), &PlaybackEngine::itemStarted);
    stubborn->setItems({item("T", "silent.webm", 800, 8000)});
    stubborn->start();
    QTRY_COMPARE_WITH_TIMEOUT(stubbornStarted.count(), 1, 5000);
    for (int pipelines = 1; pipelines <= 3; ++pipelines) {
        QTRY_COMPARE_WITH_TIMEOUT(int(gates.size()), pipelines, 5000);
        shutLast();
        if (pipelines < 3)
            QTRY_COMPARE_WITH_TIMEOUT(int(gates.size()), pipelines + 1, 5000);
    }
    QTRY_COMPARE_WITH_TIMEOUT(stubborn->state(), State::Error, 5000);
    QCOMPARE(stubborn->lastError(), Code::NoBuffers);
    QCOMPARE(int(gates.size()), 3);
}

void tst_PlaybackEngine::lateStartChasesToTheRightPosition()
{
    auto engine = makeEngine(true);
    QSignalSpy started(engine.get(), &PlaybackEngine::itemStarted);
    const PlaybackItem a = item("A", "a.webm", -1200, 3000);
    engine->setItems({a});
    engine->start();
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 5000);
    const qint64 renderNs = started.first().at(1).toLongLong();
    const qint64 pts = started.first().at(2).toLongLong();
    QVERIFY2(pts >= 1200 * kMs, qPrintable(QString::number(pts)));
    // The frame shown is the one the screens that started on time show now.
    const qint64 error = renderNs - (a.startUs * 1000 + pts);
    QVERIFY2(qAbs(error) < kFrameNs, qPrintable(QStringLiteral("chase %1 us off").arg(error / 1000)));
    qsizetype frames = 0;
    QTRY_VERIFY_WITH_TIMEOUT((frames += engine->takeFrames().size()) > 5, 3000);
}

void tst_PlaybackEngine::playlistUpdateKeepsTheCurrentItem()
{
    auto engine = makeEngine(true);
    QSignalSpy started(engine.get(), &PlaybackEngine::itemStarted);
    PlaybackItem a = item("A", "a.webm", 500, 3000);
    engine->setItems({a});
    engine->start();
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 5000);
    ItemPipeline *running = engine->pipeline("A");
    QVERIFY(running);
    // The controller republishes: A retitled, a new item C after it.
    a.title = QStringLiteral("Film A (restored)");
    const PlaybackItem c = item("C", "b.webm", 3000, 2000);
    engine->setItems({a, c});
    QCOMPARE(engine->pipeline("A"), running);
    QCOMPARE(engine->currentItem()->title, QStringLiteral("Film A (restored)"));
    QCOMPARE(engine->state(), State::Playing);
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 2, 8000);
    QCOMPARE(started.at(1).at(0).toString(), QStringLiteral("C"));
    // A never restarted: its frames are one continuous run on its own timeline.
    qint64 previous = -1;
    for (const auto &f : engine->takeFrames()) {
        if (f.itemId != QStringLiteral("A"))
            continue;
        QVERIFY(f.ptsNs > previous);
        previous = f.ptsNs;
        QVERIFY(qAbs(f.renderNs - (a.startUs * 1000 + f.ptsNs)) < kFrameNs);
    }
    QVERIFY(previous > 2000 * kMs);
}

void tst_PlaybackEngine::backToBackItemsLeaveNoGap()
{
    auto engine = makeEngine(true);
    QSignalSpy started(engine.get(), &PlaybackEngine::itemStarted);
    QSignalSpy finished(engine.get(), &PlaybackEngine::itemFinished);
    const PlaybackItem first = item("B1", "b.webm", 1200, 2000);
    PlaybackItem second = item("B2", "b.webm", 0, 2000);
    second.startUs = first.endUs();
    engine->setItems({first, second});
    engine->start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
    const auto frames = engine->takeFrames();
    qint64 lastOfFirst = 0, firstOfSecond = 0;
    int count1 = 0, count2 = 0;
    for (const auto &f : frames) {
        if (f.itemId == QStringLiteral("B1")) {
            lastOfFirst = qMax(lastOfFirst, f.renderNs);
            ++count1;
        } else if (firstOfSecond == 0 || f.renderNs < firstOfSecond) {
            firstOfSecond = f.renderNs;
            ++count2;
        } else {
            ++count2;
        }
    }
    QCOMPARE(count1, 50);
    QCOMPARE(count2, 50);
    // One frame period between the two, as inside a film.
    const qint64 gap = firstOfSecond - lastOfFirst;
    QVERIFY2(qAbs(gap - kFrameNs) < kFrameNs / 2, qPrintable(QStringLiteral("gap %1 us").arg(gap / 1000)));
}

void tst_PlaybackEngine::holdAndResumeReportTheDelay()
{
    auto engine = makeEngine(true);
    QSignalSpy started(engine.get(), &PlaybackEngine::itemStarted);
    QSignalSpy resumed(engine.get(), &PlaybackEngine::resumed);
    const PlaybackItem a = item("A", "a.webm", 400, 3000);
    engine->setItems({a});
    engine->start();
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(engine->positionNs() > 500 * kMs, 3000);
    QVERIFY(engine->hold());
    QCOMPARE(engine->state(), State::Held);
    QVERIFY(!engine->hold());
    const qint64 heldAt = engine->positionNs();
    engine->takeFrames();
    QTRY_VERIFY_WITH_TIMEOUT(engine->heldForNs() > 600 * kMs, 3000);
    QCOMPARE(engine->positionNs(), heldAt);
    QVERIFY(engine->takeFrames().size() <= 1);  // at most the frame in flight
    const qint64 delay = engine->resume();
    QVERIFY2(delay > 600 * kMs, qPrintable(QString::number(delay)));
    QCOMPARE(resumed.count(), 1);
    QCOMPARE(engine->state(), State::Playing);
    const qint64 newStart = engine->pipeline("A")->effectiveStartNs();
    QCOMPARE(newStart, a.startUs * 1000 + delay);
    QTRY_VERIFY2_WITH_TIMEOUT(engine->positionNs() > heldAt + 300 * kMs,
                              qPrintable(QStringLiteral("%1 %2 %3").arg(engine->positionNs()).arg(heldAt).arg(int(engine->state()))), 3000);
    const auto frames = engine->takeFrames();
    QVERIFY(!frames.isEmpty());
    for (const auto &f : frames) {
        QVERIFY(f.ptsNs >= heldAt - kFrameNs);
        QVERIFY2(qAbs(f.renderNs - (newStart + f.ptsNs)) < kFrameNs,
                 qPrintable(QString::number((f.renderNs - newStart - f.ptsNs) / 1000)));
    }
}

void tst_PlaybackEngine::skipShowsTheSlateUntilTheNextItem()
{
    auto engine = makeEngine();
    QSignalSpy started(engine.get(), &PlaybackEngine::itemStarted);
    const PlaybackItem a = item("A", "a.webm", 300, 3000);
    const PlaybackItem b = item("B", "b.webm", 4500, 2000);
    engine->setItems({a, b});
    engine->start();
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 5000);
    QVERIFY(engine->skip());
    QVERIFY(!engine->pipeline("A"));
    QVERIFY(!engine->currentItem());
    QCOMPARE(engine->nextItem()->id, QStringLiteral("B"));
    QVERIFY(engine->state() == State::Waiting || engine->state() == State::Countdown
            || engine->state() == State::Prerolling);
}

void tst_PlaybackEngine::stopAndResumeRejoinsTheSchedule()
{
    auto engine = makeEngine();
    QSignalSpy started(engine.get(), &PlaybackEngine::itemStarted);
    const PlaybackItem a = item("A", "a.webm", 300, 3000);
    engine->setItems({a});
    engine->start();
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 5000);
    QVERIFY(engine->stop());
    QCOMPARE(engine->state(), State::Idle);
    QVERIFY(!engine->pipeline("A"));
    QVERIFY(!engine->currentItem());
    QCOMPARE(engine->resume(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 2, 5000);
    // Rejoined mid-item, in step with the schedule.
    const qint64 pts = started.at(1).at(2).toLongLong();
    QVERIFY(pts > 0);
    QVERIFY(qAbs(started.at(1).at(1).toLongLong() - (a.startUs * 1000 + pts)) < kFrameNs);
}

void tst_PlaybackEngine::seekMovesThePicture()
{
    auto engine = makeEngine(true);
    QSignalSpy started(engine.get(), &PlaybackEngine::itemStarted);
    const PlaybackItem a = item("A", "a.webm", 300, 3000);
    engine->setItems({a});
    engine->start();
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 5000);
    QVERIFY(!engine->seek(-1));
    QVERIFY(!engine->seek(3000 * kMs));
    QVERIFY(engine->seek(2000 * kMs));
    QTRY_VERIFY_WITH_TIMEOUT(engine->positionNs() > 2100 * kMs, 3000);
    engine->takeFrames();
    QList<PlaybackEngine::RenderedFrame> frames;
    QTRY_VERIFY_WITH_TIMEOUT(!(frames += engine->takeFrames()).isEmpty(), 2000);
    QVERIFY(frames.first().ptsNs >= 2000 * kMs);
}

void tst_PlaybackEngine::commandsWithNothingPlayingAreRefused()
{
    auto engine = makeEngine();
    engine->setItems({item("LATER", "b.webm", 60000, 2000)});
    engine->start();
    QVERIFY(!engine->hold());
    QCOMPARE(engine->resume(), -1);
    QVERIFY(!engine->skip());
    QVERIFY(!engine->restartItem());
    QVERIFY(!engine->seek(0));
    engine->setVolume(2.0);
    QCOMPARE(engine->volume(), 1.0);
    engine->setVolume(0.25);
    QCOMPARE(engine->volume(), 0.25);
    QSignalSpy blackout(engine.get(), &PlaybackEngine::blackoutChanged);
    engine->setBlackout(true);
    engine->setBlackout(true);
    QCOMPARE(blackout.count(), 1);
}

void tst_PlaybackEngine::droppedFramesAreTheSinksOwnFigures()
{
    // A sink chain that takes 60 ms per 40-ms frame falls behind; with a lateness limit it
    // drops. Without QoS upstream, the sink itself drops (its stats)...
    PlaybackEngine::Options o;
    o.videoSink = QStringLiteral("identity sleep-time=60000 ! fakesink sync=true qos=false max-lateness=5000000");
    auto engine = makeEngine(o);
    QSignalSpy started(engine.get(), &PlaybackEngine::itemStarted);
    engine->setItems({item("SLOW", "a.webm", 800, 3000)});
    engine->start();
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(engine->droppedFrames() > 0, 3000);
    ItemPipeline *pipe = engine->pipeline(QStringLiteral("SLOW"));
    QVERIFY(pipe);
    QVERIFY(pipe->hasSinkStats());
    const quint64 bySink = pipe->sinkDroppedFrames();  // counts only grow: read it first
    QVERIFY(bySink > 0);
    QVERIFY(engine->droppedFrames() >= bySink);
    engine.reset();

    // ...with QoS, the decoder skips late frames before they reach the sink: counted too.
    o.videoSink = QStringLiteral("identity sleep-time=60000 ! fakesink sync=true qos=true max-lateness=5000000");
    auto withQos = makeEngine(o);
    QSignalSpy qosStarted(withQos.get(), &PlaybackEngine::itemStarted);
    withQos->setItems({item("QOS", "a.webm", 800, 3000)});
    withQos->start();
    QTRY_COMPARE_WITH_TIMEOUT(qosStarted.count(), 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(withQos->droppedFrames() > 0, 3000);
    withQos.reset();

    // A sink that keeps up drops nothing.
    auto steady = makeEngine();
    QSignalSpy steadyStarted(steady.get(), &PlaybackEngine::itemStarted);
    steady->setItems({item("OK", "b.webm", 800, 2000)});
    steady->start();
    QTRY_COMPARE_WITH_TIMEOUT(steadyStarted.count(), 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(steady->positionNs() > 500 * kMs, 3000);
    QCOMPARE(steady->droppedFrames(), quint64(0));
}

void tst_PlaybackEngine::sinkWithoutHandoffReportsTheRenderInstant()
{
    // Like qml6glsink, appsink has no handoff signal: the first frame must be reported when
    // the sink renders it at the instant, not when it arrives during preroll a second early.
    PlaybackEngine::Options o;
    o.videoSink = QStringLiteral("appsink sync=true max-buffers=1 drop=true");
    o.recordFrames = true;
    auto engine = makeEngine(o);
    QSignalSpy prerolled(engine.get(), &PlaybackEngine::itemPrerolled);
    QSignalSpy started(engine.get(), &PlaybackEngine::itemStarted);
    const PlaybackItem a = item("APP", "a.webm", 1500, 3000);
    engine->setItems({a});
    engine->start();
    QTRY_COMPARE_WITH_TIMEOUT(prerolled.count(), 1, 5000);
    QVERIFY(started.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 5000);
    // A sink sends no QoS for the preroll frame: the first confirmed is the first or second.
    const qint64 firstPts = started.first().at(2).toLongLong();
    QVERIFY2(firstPts >= 0 && firstPts <= kFrameNs, qPrintable(QString::number(firstPts)));
    const qint64 error = started.first().at(1).toLongLong() - (a.startUs * 1000 + firstPts);
    QVERIFY2(qAbs(error) < kFrameNs, qPrintable(QStringLiteral("first frame %1 us off").arg(error / 1000)));
    QTRY_VERIFY_WITH_TIMEOUT(engine->positionNs() > 600 * kMs, 3000);
    for (const auto &f : engine->takeFrames()) {
        const qint64 off = f.renderNs - (a.startUs * 1000 + f.ptsNs);
        QVERIFY2(f.ptsNs >= 0 && qAbs(off) < kFrameNs, qPrintable(QStringLiteral("pts %1 ms %2 us off").arg(f.ptsNs / kMs).arg(off / 1000)));
    }
}

void tst_PlaybackEngine::stateChangesRunLaterStillStartAtTheInstant()
{
    // A window runs state changes in its next render job, a frame or so later.
    PlaybackEngine::Options o;
    int jobs = 0;
    o.stateChangeRunner = [&jobs](std::function<void()> job) {
        ++jobs;
        QTimer::singleShot(20, Qt::PreciseTimer, std::move(job));
    };
    o.recordFrames = true;
    auto engine = makeEngine(o);
    QSignalSpy started(engine.get(), &PlaybackEngine::itemStarted);
    const PlaybackItem a = item("LATER", "a.webm", 1500, 3000);
    engine->setItems({a});
    engine->start();
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 5000);
    QVERIFY(jobs >= 2);  // preroll and play both went through the runner
    QCOMPARE(started.first().at(2).toLongLong(), 0);
    const qint64 error = started.first().at(1).toLongLong() - a.startUs * 1000;
    QVERIFY2(qAbs(error) < kFrameNs, qPrintable(QStringLiteral("first frame %1 us off").arg(error / 1000)));

    // A hold made before a pending PLAYING job runs wins: the job finds itself overtaken.
    QVERIFY(engine->hold());
    QTRY_COMPARE_WITH_TIMEOUT(engine->state(), State::Held, 2000);
    engine->takeFrames();
    // Nothing may move while held (a stale PLAYING job would restart the picture).
    QSignalSpy states(engine.get(), &PlaybackEngine::stateChanged);
    QVERIFY(!states.wait(400));
    QVERIFY(engine->takeFrames().size() <= 1);  // at most the frame in flight
    QCOMPARE(engine->state(), State::Held);
}

void tst_PlaybackEngine::stateChangeJobsOutliveTheirPipelineHarmlessly()
{
    std::vector<std::function<void()>> pending;
    PlaybackEngine::Options o;
    o.stateChangeRunner = [&pending](std::function<void()> job) { pending.push_back(std::move(job)); };
    auto engine = makeEngine(o);
    engine->setItems({item("NEVER", "a.webm", 1000, 3000)});
    engine->start();
    QTRY_VERIFY_WITH_TIMEOUT(!pending.empty(), 3000);
    QCOMPARE(engine->state(), State::Prerolling);  // waits for the runner
    engine.reset();
    for (auto &job : pending)
        job();  // the pipeline is gone: nothing happens, nothing crashes
}

void tst_PlaybackEngine::sinkThatCannotOpenIsNotBlamedOnTheFilm()
{
    // A sink that cannot open its output (e.g. a window sink without a GL context, which
    // says "not found") is a playback failure, not a missing or unreadable film.
    PlaybackEngine::Options o;
    o.videoSink = QStringLiteral("filesink location=/nonexistent-folder/frames.raw");
    auto engine = makeEngine(o);
    QSignalSpy errors(engine.get(), &PlaybackEngine::errorOccurred);
    engine->setItems({item("SINK", "a.webm", 800, 3000)});
    engine->start();
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 5000);
    QCOMPARE(errors.first().at(0).value<Code>(), Code::PlaybackFailed);
    QTRY_VERIFY_WITH_TIMEOUT(engine->readiness("SINK").has_value(), 5000);
    QVERIFY(engine->readiness("SINK")->ready());  // the film itself is fine
}

QTEST_GUILESS_MAIN(tst_PlaybackEngine)
#include "tst_playbackengine.moc"
