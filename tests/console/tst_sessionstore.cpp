#include "consolesession.h"
#include "sessionstore.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace fest;

class tst_SessionStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void tokensAreLongRandomAndUnique();
    void findsOnlyTheExactToken_data();
    void findsOnlyTheExactToken();
    void constantTimeEquals_data();
    void constantTimeEquals();
    void idleSessionExpires();
    void activityKeepsASessionUntilItsAbsoluteEnd();
    void removeEndsTheSession();
    void full();

private:
    std::unique_ptr<ConsoleSession> session(const QString &user = QStringLiteral("ana"));
    qint64 m_now = 0;
};

void tst_SessionStore::init()
{
    m_now = 1'800'000'000'000;
}

std::unique_ptr<ConsoleSession> tst_SessionStore::session(const QString &user)
{
    ConsoleSession::Limits limits;
    limits.idleMs = 60'000;
    limits.absoluteMs = 600'000;
    return std::make_unique<ConsoleSession>(user, MqttOptions{}, limits, [this] { return m_now; });
}

void tst_SessionStore::tokensAreLongRandomAndUnique()
{
    SessionStore store(1000);
    QSet<QByteArray> seen;
    for (int i = 0; i < 200; ++i) {
        const QByteArray token = store.add(session());
        QCOMPARE(QByteArray::fromBase64(token, QByteArray::Base64UrlEncoding).size(), SessionStore::tokenBytes);
        QVERIFY(!seen.contains(token));
        seen.insert(token);
    }
}

void tst_SessionStore::findsOnlyTheExactToken_data()
{
    QTest::addColumn<int>("change");
    QTest::newRow("empty") << 0;
    QTest::newRow("one character changed") << 1;
    QTest::newRow("one character short") << 2;
    QTest::newRow("one character more") << 3;
    QTest::newRow("another store's token") << 4;
}

void tst_SessionStore::findsOnlyTheExactToken()
{
    QFETCH(int, change);
    SessionStore store(10);
    const QByteArray token = store.add(session());
    QVERIFY(store.find(token));
    QByteArray forged = token;
    switch (change) {
    case 0: forged.clear(); break;
    case 1: forged[5] = forged[5] == 'A' ? 'B' : 'A'; break;
    case 2: forged.chop(1); break;
    case 3: forged.append('A'); break;
    default: {
        SessionStore other(10);
        forged = other.add(session());
    }
    }
    QVERIFY(!store.find(forged));
}

void tst_SessionStore::constantTimeEquals_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("same") << QByteArray("abc") << QByteArray("abc") << true;
    QTest::newRow("last byte") << QByteArray("abc") << QByteArray("abd") << false;
    QTest::newRow("first byte") << QByteArray("abc") << QByteArray("xbc") << false;
    QTest::newRow("length") << QByteArray("abc") << QByteArray("abcd") << false;
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
}

void tst_SessionStore::constantTimeEquals()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(SessionStore::constantTimeEquals(a, b), equal);
}

void tst_SessionStore::idleSessionExpires()
{
    SessionStore store(10);
    auto owned = session();
    ConsoleSession *s = owned.get();
    QSignalSpy ended(s, &ConsoleSession::ended);
    const QByteArray token = store.add(std::move(owned));
    m_now += 59'999;
    QVERIFY(store.find(token));
    m_now += 1;
    QVERIFY(!store.find(token));   // refused at once, before the timer runs
    QVERIFY(ended.wait(5000));
    QCOMPARE(ended.first().first().toString(), QStringLiteral("expired"));
    QCOMPARE(store.count(), 0);
}

void tst_SessionStore::activityKeepsASessionUntilItsAbsoluteEnd()
{
    SessionStore store(10);
    auto owned = session();
    ConsoleSession *s = owned.get();
    const QByteArray token = store.add(std::move(owned));
    for (int minute = 1; minute < 10; ++minute) {
        m_now += 59'000;
        s->touch();
        QVERIFY2(store.find(token), qPrintable(QString::number(minute)));
    }
    m_now += 600'000 - 9 * 59'000;
    s->touch();
    QVERIFY(!store.find(token));
}

void tst_SessionStore::removeEndsTheSession()
{
    SessionStore store(10);
    auto owned = session();
    QSignalSpy ended(owned.get(), &ConsoleSession::ended);
    const QByteArray token = store.add(std::move(owned));
    QVERIFY(store.remove(token, QStringLiteral("logged_out")));
    QCOMPARE(ended.size(), 1);
    QCOMPARE(ended.first().first().toString(), QStringLiteral("logged_out"));
    QVERIFY(!store.find(token));
    QVERIFY(!store.remove(token, QStringLiteral("logged_out")));
}

void tst_SessionStore::full()
{
    SessionStore store(2);
    QVERIFY(!store.add(session()).isEmpty());
    QVERIFY(!store.add(session()).isEmpty());
    QVERIFY(store.full());
    QVERIFY(store.add(session()).isEmpty());
}

QTEST_MAIN(tst_SessionStore)
#include "tst_sessionstore.moc"
