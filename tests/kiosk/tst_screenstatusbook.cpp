#include "screenstatusbook.h"

#include <QSignalSpy>
#include <QTest>

using namespace fest;

class tst_ScreenStatusBook : public QObject
{
    Q_OBJECT
private slots:
    void accountOf_data();
    void accountOf();
    void readsPlayerStatus();
    void ignoresOtherRoles();
    void rejectsBadStatus_data();
    void rejectsBadStatus();
    void emptyRetainedMessageForgetsNode();
    void playerMovedToAnotherScreen();
};

void tst_ScreenStatusBook::accountOf_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QString>("account");
    QTest::newRow("status") << "fest/v1/node/player-a1/status" << "player-a1";
    QTest::newRow("other leaf") << "fest/v1/node/player-a1/request" << "";
    QTest::newRow("too deep") << "fest/v1/node/a/b/status" << "";
    QTest::newRow("other root") << "fest/v2/node/a/status" << "";
    QTest::newRow("empty account") << "fest/v1/node//status" << "";
}

void tst_ScreenStatusBook::accountOf()
{
    QFETCH(QString, topic);
    QFETCH(QString, account);
    QCOMPARE(ScreenStatusBook::accountOf(topic), account);
}

void tst_ScreenStatusBook::readsPlayerStatus()
{
    ScreenStatusBook book;
    QSignalSpy changed(&book, &ScreenStatusBook::changed);
    QString error;
    QVERIFY2(book.applyMessage("fest/v1/node/player-a1/status",
                               R"({"type":"status","v":1,"role":"player","screen":"A1","state":"playing","screening":"S-1","lateSeconds":420,"offsetUs":12})",
                               &error), qPrintable(error));
    QCOMPARE(changed.size(), 1);
    const auto s = book.screen(QStringLiteral("A1"));
    QCOMPARE(s.state, QStringLiteral("playing"));
    QCOMPARE(s.screening, QStringLiteral("S-1"));
    QCOMPARE(s.lateSeconds, 420);
}

void tst_ScreenStatusBook::ignoresOtherRoles()
{
    ScreenStatusBook book;
    QSignalSpy changed(&book, &ScreenStatusBook::changed);
    QVERIFY(book.applyMessage("fest/v1/node/controller/status", R"({"type":"status","v":1,"role":"controller","state":"online"})"));
    QVERIFY(book.applyMessage("fest/v1/node/kiosk-2/status", R"({"type":"status","v":1,"role":"kiosk","state":"offline"})"));
    QCOMPARE(changed.size(), 0);
}

void tst_ScreenStatusBook::rejectsBadStatus_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("not a status topic") << "fest/v1/programme" << QByteArray(R"({"type":"status","v":1})");
    QTest::newRow("garbage") << "fest/v1/node/p/status" << QByteArray("\xff\xfe");
    QTest::newRow("wrong type") << "fest/v1/node/p/status" << QByteArray(R"({"type":"reply","v":1,"role":"player"})");
    QTest::newRow("player without screen") << "fest/v1/node/p/status" << QByteArray(R"({"type":"status","v":1,"role":"player","state":"playing"})");
    QTest::newRow("absurd lateness") << "fest/v1/node/p/status" << QByteArray(R"({"type":"status","v":1,"role":"player","screen":"A1","lateSeconds":99999999})");
}

void tst_ScreenStatusBook::rejectsBadStatus()
{
    QFETCH(QString, topic);
    QFETCH(QByteArray, payload);
    ScreenStatusBook book;
    QSignalSpy changed(&book, &ScreenStatusBook::changed);
    QString error;
    QVERIFY(!book.applyMessage(topic, payload, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(changed.size(), 0);
}

void tst_ScreenStatusBook::emptyRetainedMessageForgetsNode()
{
    ScreenStatusBook book;
    QVERIFY(book.applyMessage("fest/v1/node/p/status", R"({"type":"status","v":1,"role":"player","screen":"A1","state":"playing"})"));
    QVERIFY(book.applyMessage("fest/v1/node/p/status", QByteArray()));
    QCOMPARE(book.screen(QStringLiteral("A1")).state, QString());
}

void tst_ScreenStatusBook::playerMovedToAnotherScreen()
{
    ScreenStatusBook book;
    QVERIFY(book.applyMessage("fest/v1/node/p/status", R"({"type":"status","v":1,"role":"player","screen":"A1","state":"playing"})"));
    QVERIFY(book.applyMessage("fest/v1/node/p/status", R"({"type":"status","v":1,"role":"player","screen":"A2","state":"playing"})"));
    QCOMPARE(book.screen(QStringLiteral("A1")).state, QString());
    QCOMPARE(book.screen(QStringLiteral("A2")).state, QStringLiteral("playing"));
}

QTEST_GUILESS_MAIN(tst_ScreenStatusBook)
#include "tst_screenstatusbook.moc"
