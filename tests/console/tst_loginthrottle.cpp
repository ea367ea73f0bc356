#include "loginthrottle.h"

#include <QTest>

using namespace fest;

class tst_LoginThrottle : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void freshPairMayTry();
    void locksAfterTheAllowedFailures();
    void lockoutEndsAndDoubles();
    void successClearsThePair();
    void otherAddressesAndUsersUnaffected();
    void oneAddressTryingManyUsersIsSlowed();
    void failuresOutsideTheWindowAreForgotten();

private:
    LoginThrottle make() { return LoginThrottle({3, 60000, 10000}, [this] { return m_now; }); }
    qint64 m_now = 0;
};

void tst_LoginThrottle::init()
{
    m_now = 1000000;
}

void tst_LoginThrottle::freshPairMayTry()
{
    LoginThrottle t = make();
    QCOMPARE(t.retryAfterMs(QStringLiteral("ana"), QStringLiteral("10.0.0.1")), qint64(0));
}

void tst_LoginThrottle::locksAfterTheAllowedFailures()
{
    LoginThrottle t = make();
    for (int i = 0; i < 2; ++i) {
        t.recordFailure(QStringLiteral("ana"), QStringLiteral("10.0.0.1"));
        QCOMPARE(t.retryAfterMs(QStringLiteral("ana"), QStringLiteral("10.0.0.1")), qint64(0));
    }
    t.recordFailure(QStringLiteral("ana"), QStringLiteral("10.0.0.1"));
    QCOMPARE(t.retryAfterMs(QStringLiteral("ana"), QStringLiteral("10.0.0.1")), qint64(10000));
    m_now += 4000;
    QCOMPARE(t.retryAfterMs(QStringLiteral("ana"), QStringLiteral("10.0.0.1")), qint64(6000));
}

void tst_LoginThrottle::lockoutEndsAndDoubles()
{
    LoginThrottle t = make();
    for (int i = 0; i < 3; ++i)
        t.recordFailure(QStringLiteral("ana"), QStringLiteral("10.0.0.1"));
    m_now += 10000;
    QCOMPARE(t.retryAfterMs(QStringLiteral("ana"), QStringLiteral("10.0.0.1")), qint64(0));
    for (int i = 0; i < 3; ++i)
        t.recordFailure(QStringLiteral("ana"), QStringLiteral("10.0.0.1"));
    QCOMPARE(t.retryAfterMs(QStringLiteral("ana"), QStringLiteral("10.0.0.1")), qint64(20000));
}

void tst_LoginThrottle::successClearsThePair()
{
    LoginThrottle t = make();
    t.recordFailure(QStringLiteral("ana"), QStringLiteral("10.0.0.1"));
    t.recordFailure(QStringLiteral("ana"), QStringLiteral("10.0.0.1"));
    t.recordSuccess(QStringLiteral("ana"), QStringLiteral("10.0.0.1"));
    t.recordFailure(QStringLiteral("ana"), QStringLiteral("10.0.0.1"));
    t.recordFailure(QStringLiteral("ana"), QStringLiteral("10.0.0.1"));
    QCOMPARE(t.retryAfterMs(QStringLiteral("ana"), QStringLiteral("10.0.0.1")), qint64(0));
}

void tst_LoginThrottle::otherAddressesAndUsersUnaffected()
{
    LoginThrottle t = make();
    for (int i = 0; i < 3; ++i)
        t.recordFailure(QStringLiteral("ana"), QStringLiteral("10.0.0.1"));
    QVERIFY(t.retryAfterMs(QStringLiteral("ana"), QStringLiteral("10.0.0.1")) > 0);
    QCOMPARE(t.retryAfterMs(QStringLiteral("ana"), QStringLiteral("10.0.0.2")), qint64(0));
    QCOMPARE(t.retryAfterMs(QStringLiteral("ben"), QStringLiteral("10.0.0.1")), qint64(0));
}

void tst_LoginThrottle::oneAddressTryingManyUsersIsSlowed()
{
    LoginThrottle t = make();
    // 4 x 3 failures from one address, each user below its own limit.
    for (int i = 0; i < 12; ++i)
        t.recordFailure(QStringLiteral("user%1").arg(i), QStringLiteral("10.0.0.9"));
    QVERIFY(t.retryAfterMs(QStringLiteral("someone-else"), QStringLiteral("10.0.0.9")) > 0);
    QCOMPARE(t.retryAfterMs(QStringLiteral("someone-else"), QStringLiteral("10.0.0.8")), qint64(0));
}

void tst_LoginThrottle::failuresOutsideTheWindowAreForgotten()
{
    LoginThrottle t = make();
    t.recordFailure(QStringLiteral("ana"), QStringLiteral("10.0.0.1"));
    t.recordFailure(QStringLiteral("ana"), QStringLiteral("10.0.0.1"));
    m_now += 60000;
    QCOMPARE(t.retryAfterMs(QStringLiteral("ana"), QStringLiteral("10.0.0.1")), qint64(0));
    t.recordFailure(QStringLiteral("ana"), QStringLiteral("10.0.0.1"));
    QCOMPARE(t.retryAfterMs(QStringLiteral("ana"), QStringLiteral("10.0.0.1")), qint64(0));
}

QTEST_APPLESS_MAIN(tst_LoginThrottle)
#include "tst_loginthrottle.moc"
