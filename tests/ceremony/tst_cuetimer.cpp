#include "cuetimer.h"

#include <QSignalSpy>
#include <QTest>
#include <chrono>

using namespace fest;

class tst_CueTimer : public QObject
{
    Q_OBJECT

private slots:
    void firesAtTheInstantOfItsClock();
    void startReplacesThePendingInstant();
    void stopCancels();
    void pastInstantFiresAfterStartReturns();
};

namespace {

qint64 systemUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

} // namespace

void tst_CueTimer::firesAtTheInstantOfItsClock()
{
    // A clock 10 s ahead of the machine's: the timer must follow it, not the machine.
    CueTimer timer([] { return systemUs() + 10000000; });
    QSignalSpy due(&timer, &CueTimer::due);
    const qint64 at = systemUs() + 10000000 + 100000;
    timer.start(at);
    QVERIFY(timer.isActive());
    QVERIFY(due.wait(5000));
    QCOMPARE(due.at(0).at(0).toLongLong(), at);
    QVERIFY(due.at(0).at(1).toLongLong() >= at);
    QVERIFY(!timer.isActive());
}

void tst_CueTimer::startReplacesThePendingInstant()
{
    CueTimer timer(systemUs);
    QSignalSpy due(&timer, &CueTimer::due);
    timer.start(systemUs() + 5000000);
    const qint64 sooner = systemUs() + 50000;
    timer.start(sooner);
    QVERIFY(due.wait(5000));
    QCOMPARE(due.size(), 1);
    QCOMPARE(due.at(0).at(0).toLongLong(), sooner);
}

void tst_CueTimer::stopCancels()
{
    CueTimer timer(systemUs);
    QSignalSpy due(&timer, &CueTimer::due);
    timer.start(systemUs() + 20000);
    timer.stop();
    QVERIFY(!due.wait(300));
}

void tst_CueTimer::pastInstantFiresAfterStartReturns()
{
    CueTimer timer(systemUs);
    QSignalSpy due(&timer, &CueTimer::due);
    timer.start(systemUs() - 1000000);
    QCOMPARE(due.size(), 0);
    QVERIFY(due.wait(1000));
}

QTEST_GUILESS_MAIN(tst_CueTimer)
#include "tst_cuetimer.moc"
