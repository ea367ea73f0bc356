#include "playbackengine.h"
#include "playerview.h"

#include <QSignalSpy>
#include <QTest>

#include <gst/gst.h>

using namespace fest;

// What the player window shows between items; the QML only binds to these properties.
class tst_PlayerView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void slateShowsTheNextFilmAndACountdown();
    void blackWhenNothingIsScheduled();
    void blackoutFollowsTheEngine();

private:
    GstClock *m_clock = nullptr;
};

void tst_PlayerView::initTestCase()
{
    gst_init(nullptr, nullptr);
    m_clock = gst_system_clock_obtain();
    g_object_set(m_clock, "clock-type", GST_CLOCK_TYPE_REALTIME, nullptr);
}

void tst_PlayerView::cleanupTestCase()
{
    gst_object_unref(m_clock);
}

void tst_PlayerView::slateShowsTheNextFilmAndACountdown()
{
    PlaybackEngine engine(m_clock, PlaybackEngine::Options());
    PlaybackItem item;
    item.id = QStringLiteral("S-1/F-1");
    item.title = QStringLiteral("The Afterlife of Aphrodite");
    item.titleZh = QStringLiteral("阿芙蘿黛蒂的來世");
    item.mediaPath = QStringLiteral("/nonexistent/f1.webm");
    item.startUs = qint64(gst_clock_get_time(m_clock)) / 1000 + 90'000'000;
    item.durationUs = 60'000'000;
    engine.setItems({item});
    engine.start();
    PlayerView view(QStringLiteral("HALL-1"));
    view.setEngine(&engine);
    QCOMPARE(view.screen(), QStringLiteral("HALL-1"));
    QCOMPARE(view.state(), QStringLiteral("waiting"));
    QVERIFY(!view.videoVisible());
    QCOMPARE(view.nextTitleEn(), item.title);
    QCOMPARE(view.nextTitleZh(), item.titleZh);
    QVERIFY2(view.countdownSeconds() >= 88 && view.countdownSeconds() <= 90, qPrintable(QString::number(view.countdownSeconds())));
    // The countdown moves on its own.
    QSignalSpy changed(&view, &PlayerView::changed);
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 3000);
    QVERIFY(view.countdownSeconds() < 90);
}

void tst_PlayerView::blackWhenNothingIsScheduled()
{
    PlaybackEngine engine(m_clock, PlaybackEngine::Options());
    engine.start();
    PlayerView view(QStringLiteral("CINE-1"));
    view.setEngine(&engine);
    QCOMPARE(view.state(), QStringLiteral("idle"));
    QVERIFY(!view.videoVisible());
    QVERIFY(view.nextTitleEn().isEmpty());
    QCOMPARE(view.countdownSeconds(), -1);
    QCOMPARE(view.slate(), QString());   // no playlist: black, nothing to tell the audience
}

void tst_PlayerView::blackoutFollowsTheEngine()
{
    PlaybackEngine engine(m_clock, PlaybackEngine::Options());
    engine.start();
    PlayerView view(QStringLiteral("CINE-1"));
    view.setEngine(&engine);
    QSignalSpy changed(&view, &PlayerView::changed);
    engine.setBlackout(true);
    QVERIFY(view.blackout());
    QCOMPARE(changed.count(), 1);
    engine.setBlackout(false);
    QVERIFY(!view.blackout());
}

QTEST_GUILESS_MAIN(tst_PlayerView)
#include "tst_playerview.moc"
