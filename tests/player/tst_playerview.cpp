#include "playbackengine.h"
#include "playerview.h"

#include <QLocale>
#include <QSignalSpy>
#include <QTimeZone>
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
    void blockTitleBeforeItsFirstFilm();
    void thankYouWhenTheNextScreeningIsAnotherDay();
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

// A block is announced by its title, in the festival's time zone; its films are each
// announced by their own title between them.
void tst_PlayerView::blockTitleBeforeItsFirstFilm()
{
    PlaybackEngine engine(m_clock, PlaybackEngine::Options());
    const qint64 nowUs = qint64(gst_clock_get_time(m_clock)) / 1000;
    const QTimeZone hk("Asia/Hong_Kong");
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowUs / 1000, hk);
    // Ten minutes ahead, unless Hong Kong's midnight is nearer: then one minute.
    const qint64 startUs = nowUs + (now.time() < QTime(23, 45) ? 600 : 60) * qint64(1'000'000);
    PlaybackItem first;
    first.id = QStringLiteral("S-7/F-1");
    first.screening = QStringLiteral("S-7");
    first.title = QStringLiteral("NeoNature");
    first.titleZh = QStringLiteral("NeoNature");
    first.screeningTitle = QStringLiteral("Shorts: Hong Kong Fantasia");
    first.screeningTitleZh = QStringLiteral("短片：香港的奇想");
    first.mediaPath = QStringLiteral("/nonexistent/f1.webm");
    first.startUs = startUs;
    first.durationUs = 60'000'000;
    PlaybackItem second = first;
    second.id = QStringLiteral("S-7/F-2");
    second.title = QStringLiteral("Project J");
    second.titleZh = QStringLiteral("Project J");
    second.startUs = first.endUs();
    engine.setItems({first, second});
    engine.start();
    PlayerView view(QStringLiteral("HALL-1"));
    view.setEngine(&engine);
    view.setBranding({QStringLiteral("AI Film Festival"), QStringLiteral("AI電影節"), QStringLiteral("Hall 1"),
                      QStringLiteral("一號廳"), QStringLiteral("Asia/Hong_Kong")});
    QCOMPARE(view.slate(), QStringLiteral("next"));
    QCOMPARE(view.nextTitleEn(), QStringLiteral("Shorts: Hong Kong Fantasia"));
    QCOMPARE(view.nextTitleZh(), QStringLiteral("短片：香港的奇想"));
    QCOMPARE(view.nextStartsAt(), QDateTime::fromMSecsSinceEpoch(startUs / 1000, hk).toString(QStringLiteral("HH:mm")));
    QCOMPARE(view.nextDaysAway(), 0);
    QCOMPARE(view.screenNameZh(), QStringLiteral("一號廳"));
    // Between the block's films (the first one over): the next film's own title.
    first.startUs = nowUs - 120'000'000;
    engine.setItems({first, second});
    QTRY_COMPARE(view.nextTitleEn(), QStringLiteral("Project J"));
}

void tst_PlayerView::thankYouWhenTheNextScreeningIsAnotherDay()
{
    PlaybackEngine engine(m_clock, PlaybackEngine::Options());
    const qint64 nowUs = qint64(gst_clock_get_time(m_clock)) / 1000;
    const QTimeZone hk("Asia/Hong_Kong");
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowUs / 1000, hk).date();
    PlaybackItem later;
    later.id = QStringLiteral("S-9/F-1");
    later.screening = QStringLiteral("S-9");
    later.title = QStringLiteral("燼舟渡");
    later.titleZh = QStringLiteral("燼舟渡");
    later.mediaPath = QStringLiteral("/nonexistent/f1.webm");
    later.startUs = QDateTime(today.addDays(2), QTime(10, 0), hk).toMSecsSinceEpoch() * 1000;
    later.durationUs = 60'000'000;
    engine.setItems({later});
    engine.start();
    PlayerView view(QStringLiteral("HALL-1"));
    view.setEngine(&engine);
    view.setBranding({{}, {}, {}, {}, QStringLiteral("Asia/Hong_Kong")});
    // Before the festival's first day: the next screening, with its day.
    QCOMPARE(view.slate(), QStringLiteral("next"));
    QCOMPARE(view.nextDaysAway(), 2);
    // After a screening today: thank you, and when to come back.
    PlaybackItem earlier = later;
    earlier.id = QStringLiteral("S-8/F-1");
    earlier.screening = QStringLiteral("S-8");
    earlier.startUs = nowUs - 61'000'000;
    engine.setItems({earlier, later});
    QTRY_COMPARE(view.slate(), QStringLiteral("dayEnded"));
    QCOMPARE(view.nextStartsAt(), QStringLiteral("10:00"));
    QCOMPARE(view.nextDateEn(), QLocale(QLocale::English, QLocale::UnitedKingdom).toString(today.addDays(2), QStringLiteral("ddd d MMM")));
    QVERIFY(view.nextDateZh().startsWith(QString::number(today.addDays(2).month()) + QStringLiteral("月")));
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
