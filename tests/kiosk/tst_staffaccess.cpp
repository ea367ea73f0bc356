#include "staffaccess.h"

#include <QSignalSpy>
#include <QTest>

using namespace fest;

class tst_StaffAccess : public QObject
{
    Q_OBJECT
private slots:
    void rightPinUnlocksAndLockLocks();
    void hashIsSaltedAndNotThePin();
    void malformedHashesNeverVerify_data();
    void malformedHashesNeverVerify();
    void fiveWrongPinsLockOut();
    void withoutHashNothingUnlocks();
};

void tst_StaffAccess::rightPinUnlocksAndLockLocks()
{
    StaffAccess staff(StaffAccess::hashPin(QStringLiteral("2468"), 1000));
    QSignalSpy unlocked(&staff, &StaffAccess::unlockedChanged);
    QVERIFY(!staff.tryPin(QStringLiteral("1357")));
    QCOMPARE(staff.error(), StaffAccess::Error::WrongPin);
    QVERIFY(staff.tryPin(QStringLiteral("2468")));
    QVERIFY(staff.unlocked());
    QCOMPARE(staff.error(), StaffAccess::Error::NoError);
    staff.lock();
    QVERIFY(!staff.unlocked());
    QCOMPARE(unlocked.size(), 2);
}

void tst_StaffAccess::hashIsSaltedAndNotThePin()
{
    const QString a = StaffAccess::hashPin(QStringLiteral("2468"), 1000);
    const QString b = StaffAccess::hashPin(QStringLiteral("2468"), 1000);
    QVERIFY(a != b);
    QVERIFY(!a.contains(QStringLiteral("2468")));
    QVERIFY(StaffAccess::verify(QStringLiteral("2468"), a));
    QVERIFY(StaffAccess::verify(QStringLiteral("2468"), b));
}

void tst_StaffAccess::malformedHashesNeverVerify_data()
{
    QTest::addColumn<QString>("hash");
    QTest::newRow("empty") << "";
    QTest::newRow("plain pin") << "2468";
    QTest::newRow("other scheme") << "md5$1$00$00";
    QTest::newRow("no salt") << "pbkdf2-sha256$1000$$abcd";
    QTest::newRow("zero iterations") << "pbkdf2-sha256$0$00ff$abcd";
    QTest::newRow("huge iterations") << "pbkdf2-sha256$999999999$00ff$abcd";
}

void tst_StaffAccess::malformedHashesNeverVerify()
{
    QFETCH(QString, hash);
    QVERIFY(!StaffAccess::verify(QStringLiteral("2468"), hash));
    QVERIFY(!StaffAccess::verify(QString(), hash));
}

void tst_StaffAccess::fiveWrongPinsLockOut()
{
    StaffAccess staff(StaffAccess::hashPin(QStringLiteral("2468"), 1000));
    for (int i = 0; i < StaffAccess::MaxTries; ++i)
        QVERIFY(!staff.tryPin(QStringLiteral("0000")));
    QCOMPARE(staff.error(), StaffAccess::Error::TooManyTries);
    // Even the right PIN is refused during the lockout.
    QVERIFY(!staff.tryPin(QStringLiteral("2468")));
    QVERIFY(!staff.unlocked());
}

void tst_StaffAccess::withoutHashNothingUnlocks()
{
    StaffAccess staff(QString{});
    QVERIFY(!staff.configured());
    QVERIFY(!staff.tryPin(QString()));
    QCOMPARE(staff.error(), StaffAccess::Error::NotConfigured);
}

QTEST_GUILESS_MAIN(tst_StaffAccess)
#include "tst_staffaccess.moc"
