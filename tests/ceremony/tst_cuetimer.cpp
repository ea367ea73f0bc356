#include "cuetimer.h"
#include "realtimepriority.h"

#include <QSignalSpy>
#include <QTest>
#include <chrono>
#include <pthread.h>

using namespace fest;

class tst_CueTimer : public QObject
{
    Q_OBJECT

private slots:
    void firesAtTheInstantOfItsClock();
    void startReplacesThePendingInstant();
    void stopCancels();
    void pastInstantFiresAfterStartReturns();
    void sleepsOnTheWaiterForTheLastStretch();
    void spinsWhenTheWaiterCannotWait();
    void spinsWhenTheEnvironmentSaysSo();
    void approachRunsRealTimeUntilTheCueFires();
    void stopEndsTheApproach();
    void aLaterInstantEndsTheApproach();
    void aFarInstantLeavesThePriorityAlone();
    void aLateMessageApproachesAtOnce();
};

namespace {

qint64 systemUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

// The calling thread's real-time priority, 0 when it runs at normal priority.
int threadPriority()
{
    int policy = 0;
    sched_param param{};
    pthread_getschedparam(pthread_self(), &policy, &param);
    return policy == SCHED_FIFO ? param.sched_priority : 0;
}

// The approach tests need real-time scheduling (root, CAP_SYS_NICE or RLIMIT_RTPRIO).
bool realtimeAllowed()
{
    const bool raised = RealtimePriority::raiseCurrentThread(CueTimer::realtimePriority);
    if (raised)
        RealtimePriority::restoreCurrentThread();
    return raised;
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

void tst_CueTimer::sleepsOnTheWaiterForTheLastStretch()
{
    // A clock that moves only when the waiter has waited: the timer must hand the last
    // stretch to the waiter, and fire once it returns.
    qint64 clock = 1000000;
    QList<qint64> waitedFor;
    CueTimer timer([&] { return clock; }, [&](qint64 atUs) {
        waitedFor << atUs;
        clock = atUs;
        return true;
    });
    QSignalSpy due(&timer, &CueTimer::due);
    const qint64 at = clock + CueTimer::spinUs / 2;
    timer.start(at);
    QVERIFY(due.wait(5000));
    QCOMPARE(waitedFor, QList<qint64>{at});
    QCOMPARE(due.at(0).at(1).toLongLong(), at);
}

void tst_CueTimer::spinsWhenTheWaiterCannotWait()
{
    // A waiter that returns at once (no clock): the timer still fires at, not before, the instant.
    CueTimer timer(systemUs, [](qint64) { return false; });
    QSignalSpy due(&timer, &CueTimer::due);
    const qint64 at = systemUs() + 50000;
    timer.start(at);
    QVERIFY(due.wait(5000));
    QVERIFY(due.at(0).at(1).toLongLong() >= at);
}

void tst_CueTimer::spinsWhenTheEnvironmentSaysSo()
{
    qputenv("FEST_CUE_WAIT", "spin");
    qint64 clock = 1000000;
    int waits = 0;
    CueTimer timer([&] { return clock += 10; }, [&](qint64) { ++waits; return true; });
    qunsetenv("FEST_CUE_WAIT");
    QSignalSpy due(&timer, &CueTimer::due);
    const qint64 at = clock + CueTimer::spinUs / 2;
    timer.start(at);
    QVERIFY(due.wait(5000));
    QCOMPARE(waits, 0);
    QVERIFY(due.at(0).at(1).toLongLong() >= at);
}

void tst_CueTimer::approachRunsRealTimeUntilTheCueFires()
{
    // Regression: at normal priority the wake-up for the last stretch came over 5 ms late
    // on a busy machine, and the cue fired 20-80 ms late (bench/ceremony). A clock that
    // stands still inside the approach keeps the timer there until the test moves it.
    if (!realtimeAllowed())
        QSKIP("this process may not use real-time scheduling");
    qint64 clock = 1'000'000;
    int priorityInLastStretch = -1;
    CueTimer timer([&] { return clock; }, [&](qint64 atUs) {
        priorityInLastStretch = threadPriority();
        clock = atUs;
        return true;
    });
    QSignalSpy due(&timer, &CueTimer::due);
    const qint64 at = clock + CueTimer::approachUs / 2;
    timer.start(at);
    QTRY_COMPARE(threadPriority(), CueTimer::approachPriority);
    QCOMPARE(due.size(), 0);
    clock = at - CueTimer::spinUs / 2;
    QVERIFY(due.wait(5000));
    QCOMPARE(priorityInLastStretch, CueTimer::realtimePriority);
    QCOMPARE(threadPriority(), 0);
}

void tst_CueTimer::stopEndsTheApproach()
{
    if (!realtimeAllowed())
        QSKIP("this process may not use real-time scheduling");
    const qint64 clock = 1'000'000;
    CueTimer timer([&] { return clock; });
    timer.start(clock + CueTimer::approachUs / 2);
    QTRY_COMPARE(threadPriority(), CueTimer::approachPriority);
    timer.stop();
    QCOMPARE(threadPriority(), 0);
}

void tst_CueTimer::aLaterInstantEndsTheApproach()
{
    if (!realtimeAllowed())
        QSKIP("this process may not use real-time scheduling");
    const qint64 clock = 1'000'000;
    CueTimer timer([&] { return clock; });
    timer.start(clock + CueTimer::approachUs / 2);
    QTRY_COMPARE(threadPriority(), CueTimer::approachPriority);
    timer.start(clock + 60'000'000);
    QTRY_COMPARE(threadPriority(), 0);
    QVERIFY(timer.isActive());
}

void tst_CueTimer::aFarInstantLeavesThePriorityAlone()
{
    const qint64 clock = 1'000'000;
    CueTimer timer([&] { return clock; });
    QSignalSpy due(&timer, &CueTimer::due);
    timer.start(clock + 60'000'000);
    QCoreApplication::processEvents();
    QCOMPARE(threadPriority(), 0);
    QCOMPARE(due.size(), 0);
    QVERIFY(timer.isActive());
}

void tst_CueTimer::aLateMessageApproachesAtOnce()
{
    // Regression: a message that came within the approach waited for its first wake-up at
    // normal priority, and its cue fired 11 ms late on a busy machine (bench/ceremony).
    if (!realtimeAllowed())
        QSKIP("this process may not use real-time scheduling");
    const qint64 clock = 1'000'000;
    CueTimer timer([&] { return clock; });
    timer.start(clock + CueTimer::approachUs / 2);
    QCOMPARE(threadPriority(), CueTimer::approachPriority);
    timer.stop();
    QCOMPARE(threadPriority(), 0);
}

QTEST_GUILESS_MAIN(tst_CueTimer)
#include "tst_cuetimer.moc"
