#include "showclock.h"
#include "showclockprovider.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include <gst/gst.h>

using namespace fest;

class tst_ShowClock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void providerPicksAFreePort();
    void providerReportsAnAddressItCannotBind();
    void clientSyncsOnLoopback();
    void clientReadsUtc();
    void clientReportsRoundTrip();
    void clientWithoutProviderNeverSyncs();
    void badHostIsAnError();
};

void tst_ShowClock::providerPicksAFreePort()
{
    ShowClockProvider provider(0, QStringLiteral("127.0.0.1"));
    QVERIFY2(provider.isValid(), qPrintable(provider.errorString()));
    QVERIFY(provider.port() > 0);
    QVERIFY(provider.clock());
}

void tst_ShowClock::providerReportsAnAddressItCannotBind()
{
    // 192.0.2.1 (TEST-NET-1) is never an address of this machine, so binding fails.
    ShowClockProvider provider(0, QStringLiteral("192.0.2.1"));
    QVERIFY(!provider.isValid());
    QCOMPARE(provider.port(), quint16(0));
    QVERIFY(provider.errorString().contains(QStringLiteral("192.0.2.1")));
}

void tst_ShowClock::clientSyncsOnLoopback()
{
    ShowClockProvider provider(0, QStringLiteral("127.0.0.1"));
    QVERIFY(provider.isValid());
    ShowClock clock(QStringLiteral("127.0.0.1"), provider.port());
    QSignalSpy synced(&clock, &ShowClock::syncedChanged);
    QVERIFY(!clock.isSynced());
    QTRY_VERIFY_WITH_TIMEOUT(clock.isSynced(), 5000);
    QCOMPARE(synced.count(), 1);
    QCOMPARE(synced.first().first().toBool(), true);
    // Same machine, so the show clock and local UTC must agree closely.
    QVERIFY2(qAbs(clock.offsetNs()) < 5 * GST_MSECOND,
             qPrintable(QString::number(clock.offsetNs())));
}

void tst_ShowClock::clientReadsUtc()
{
    ShowClockProvider provider(0, QStringLiteral("127.0.0.1"));
    ShowClock clock(QStringLiteral("127.0.0.1"), provider.port());
    QVERIFY(clock.waitForSync(5000));
    const qint64 wallMs = QDateTime::currentMSecsSinceEpoch();
    const qint64 showMs = clock.nowUs() / 1000;
    QVERIFY2(qAbs(showMs - wallMs) < 50, qPrintable(QStringLiteral("%1 vs %2").arg(showMs).arg(wallMs)));
    // The provider's own clock is UTC as well, so both read the same instant.
    const qint64 providerNs = qint64(gst_clock_get_time(provider.clock()));
    QVERIFY(qAbs(providerNs - clock.nowNs()) < 5 * GST_MSECOND);
}

void tst_ShowClock::clientReportsRoundTrip()
{
    ShowClockProvider provider(0, QStringLiteral("127.0.0.1"));
    ShowClock clock(QStringLiteral("127.0.0.1"), provider.port());
    QVERIFY(clock.waitForSync(5000));
    QTRY_VERIFY_WITH_TIMEOUT(clock.rttNs() > 0, 5000);
    QVERIFY(clock.rttNs() < 100 * GST_MSECOND);
}

void tst_ShowClock::clientWithoutProviderNeverSyncs()
{
    // Reserve a port by exporting on it, then drop the provider: nobody answers there.
    quint16 port = 0;
    {
        ShowClockProvider gone(0, QStringLiteral("127.0.0.1"));
        port = gone.port();
    }
    ShowClock clock(QStringLiteral("127.0.0.1"), port);
    QVERIFY(!clock.waitForSync(500));
    QVERIFY(!clock.isSynced());
    // Unsynced, the clock still reads this machine's UTC instead of garbage.
    QVERIFY(qAbs(clock.nowUs() / 1000 - QDateTime::currentMSecsSinceEpoch()) < 1000);
}

void tst_ShowClock::badHostIsAnError()
{
    ShowClock clock(QStringLiteral("no.such.host.invalid"), 9);
    if (clock.error() == ShowClock::Error::None) {
        // Resolution is lazy in some GStreamer builds: then the clock simply never syncs.
        QVERIFY(!clock.waitForSync(300));
        return;
    }
    QCOMPARE(clock.error(), ShowClock::Error::BadAddress);
    QVERIFY(!clock.clock());
    QVERIFY(!clock.waitForSync(100));
    QVERIFY(clock.errorString().contains(QStringLiteral("no.such.host.invalid")));
}

QTEST_GUILESS_MAIN(tst_ShowClock)
#include "tst_showclock.moc"
