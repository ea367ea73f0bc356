#include "clockwait.h"
#include "gstreamerinit.h"

#include <QTest>

#include <gst/gst.h>

using namespace fest;

// ClockWait sleeps on a GStreamer clock (here the system clock in realtime mode, as the
// controller's show clock is) until an instant.
class tst_ClockWait : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void returnsAtTheInstantNotBefore();
    void aPastInstantReturnsAtOnce();
    void noClockCannotWait();

private:
    qint64 nowUs() const { return qint64(gst_clock_get_time(m_clock)) / 1000; }
    GstClock *m_clock = nullptr;
};

void tst_ClockWait::initTestCase()
{
    GStreamerInit::ensure();
    m_clock = GST_CLOCK(g_object_new(GST_TYPE_SYSTEM_CLOCK, "clock-type", GST_CLOCK_TYPE_REALTIME, nullptr));
    QVERIFY(m_clock);
}

void tst_ClockWait::cleanupTestCase()
{
    gst_object_unref(m_clock);
}

void tst_ClockWait::returnsAtTheInstantNotBefore()
{
    const qint64 at = nowUs() + 30000;
    QVERIFY(ClockWait::until(m_clock, at));
    QVERIFY(nowUs() >= at);
}

void tst_ClockWait::aPastInstantReturnsAtOnce()
{
    const qint64 before = nowUs();
    QVERIFY(ClockWait::until(m_clock, before - 1000000));
    QVERIFY(nowUs() - before < 1000000);   // did not wait for anything like a second
}

void tst_ClockWait::noClockCannotWait()
{
    QVERIFY(!ClockWait::until(nullptr, nowUs() + 1000));
}

QTEST_GUILESS_MAIN(tst_ClockWait)
#include "tst_clockwait.moc"
