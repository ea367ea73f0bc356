#include "realtimepriority.h"

#include <QTest>

#include <sched.h>
#include <thread>

using namespace fest;

namespace {
int policyOfCurrentThread()
{
    return sched_getscheduler(0);
}

int policyOfNewThread()
{
    int policy = -1;
    std::thread([&policy] { policy = policyOfCurrentThread(); }).join();
    return policy;
}

bool realtimeAllowed()
{
    // What the kernel lets this process do (root or RLIMIT_RTPRIO): both outcomes are tested.
    sched_param p{};
    p.sched_priority = 1;
    if (sched_setscheduler(0, SCHED_FIFO, &p) != 0)
        return false;
    p.sched_priority = 0;
    sched_setscheduler(0, SCHED_OTHER, &p);
    return true;
}
} // namespace

class tst_RealtimePriority : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void raisesAndRestoresTheCallingThread();
    void priorityZeroLeavesSchedulingAlone();
    void createRaisedLetsNewThreadsInheritAndRestoresTheCaller();
};

void tst_RealtimePriority::raisesAndRestoresTheCallingThread()
{
    const bool allowed = realtimeAllowed();
    std::thread([allowed] {
        QCOMPARE(RealtimePriority::raiseCurrentThread(10), allowed);
        QCOMPARE(policyOfCurrentThread(), allowed ? SCHED_FIFO : SCHED_OTHER);
        if (allowed) {
            sched_param p{};
            sched_getparam(0, &p);
            QCOMPARE(p.sched_priority, 10);
        }
        RealtimePriority::restoreCurrentThread();
        QCOMPARE(policyOfCurrentThread(), SCHED_OTHER);
    }).join();
}

void tst_RealtimePriority::priorityZeroLeavesSchedulingAlone()
{
    std::thread([] {
        QVERIFY(!RealtimePriority::raiseCurrentThread(0));
        QCOMPARE(policyOfCurrentThread(), SCHED_OTHER);
    }).join();
}

void tst_RealtimePriority::createRaisedLetsNewThreadsInheritAndRestoresTheCaller()
{
    const bool allowed = realtimeAllowed();
    std::thread([allowed] {
        // Like the show clock, whose observation thread starts inside its constructor.
        const int inner = RealtimePriority::createRaised(11, [] { return policyOfNewThread(); });
        QCOMPARE(inner, allowed ? SCHED_FIFO : SCHED_OTHER);
        QCOMPARE(policyOfCurrentThread(), SCHED_OTHER);
        QCOMPARE(RealtimePriority::createRaised(0, [] { return policyOfNewThread(); }), SCHED_OTHER);
    }).join();
}

QTEST_GUILESS_MAIN(tst_RealtimePriority)
#include "tst_realtimepriority.moc"
