// The kiosk's reader of players' statuses, fed what the player's own encoder writes
// (core/protocol PlayerStatus). Real players against real kiosks and a real controller:
// tests/scenarios/tst_screeningends.
#include "envelope.h"
#include "playerstatus.h"
#include "screenstatusbook.h"

#include <QSignalSpy>
#include <QTest>

using namespace fest;

class tst_ScreenStatusBook : public QObject
{
    Q_OBJECT
private slots:
    void readsWhatAPlayerSends();
    void heldOrBetweenScreenings();
    void onlyAPlayersAccountSpeaksForAScreen();
    void aPlayerSpeaksForItsOwnScreenOnly();
    void rejectsBadStatus_data();
    void rejectsBadStatus();
    void emptyRetainedMessageForgetsNode();
    void theWillMarksTheScreenOffline();
};

namespace {
PlayerStatus playing(const QString &screen, qint64 lateMs)
{
    PlayerStatus s;
    s.screen = screen;
    s.state = PlayerStatus::State::Playing;
    s.item = PlayerStatus::Item{QStringLiteral("S-1/F-1"), QStringLiteral("S-1"), QStringLiteral("F-1"), {}, {}, {}, 1796443200000000, 600000};
    s.positionMs = 30000;
    s.lateMs = lateMs;
    return s;
}
} // namespace

void tst_ScreenStatusBook::readsWhatAPlayerSends()
{
    ScreenStatusBook book;
    QSignalSpy changed(&book, &ScreenStatusBook::changed);
    QString error;
    QVERIFY2(book.applyMessage("fest/v1/node/player-A1/status", playing("A1", 420'400).encode(), &error), qPrintable(error));
    QCOMPARE(changed.size(), 1);
    const auto s = book.screen(QStringLiteral("A1"));
    QCOMPARE(s.account, QStringLiteral("player-A1"));
    QCOMPARE(s.state, QStringLiteral("playing"));
    QCOMPARE(s.screening, QStringLiteral("S-1"));
    QCOMPARE(s.lateSeconds, 420);
}

void tst_ScreenStatusBook::heldOrBetweenScreenings()
{
    ScreenStatusBook book;
    PlayerStatus s = playing("A1", 90'000);
    s.state = PlayerStatus::State::Held;
    QVERIFY(book.applyMessage("fest/v1/node/player-A1/status", s.encode()));
    QCOMPARE(book.screen(QStringLiteral("A1")).screening, QStringLiteral("S-1"));
    QCOMPARE(book.screen(QStringLiteral("A1")).lateSeconds, 90);
    s.state = PlayerStatus::State::Waiting;
    s.item.reset();
    QVERIFY(book.applyMessage("fest/v1/node/player-A1/status", s.encode()));
    QCOMPARE(book.screen(QStringLiteral("A1")).state, QStringLiteral("waiting"));
    QCOMPARE(book.screen(QStringLiteral("A1")).screening, QString());
    QCOMPARE(book.screen(QStringLiteral("A1")).lateSeconds, 0);
}

void tst_ScreenStatusBook::onlyAPlayersAccountSpeaksForAScreen()
{
    ScreenStatusBook book;
    QSignalSpy changed(&book, &ScreenStatusBook::changed);
    // A kiosk (or the controller) sending a player's status for A1: ignored, not an error.
    QVERIFY(book.applyMessage("fest/v1/node/kiosk-2/status", playing("A1", 600'000).encode()));
    QVERIFY(book.applyMessage("fest/v1/node/controller/status", R"({"type":"status","v":1,"role":"controller","state":"online"})"));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(book.screen(QStringLiteral("A1")).state, QString());
}

void tst_ScreenStatusBook::aPlayerSpeaksForItsOwnScreenOnly()
{
    ScreenStatusBook book;
    QSignalSpy changed(&book, &ScreenStatusBook::changed);
    QString error;
    QVERIFY(!book.applyMessage("fest/v1/node/player-A2/status", playing("A1", 0).encode(), &error));
    QVERIFY2(error.contains("A2") && error.contains("A1"), qPrintable(error));
    QCOMPARE(changed.size(), 0);
}

void tst_ScreenStatusBook::rejectsBadStatus_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("not a status topic") << "fest/v1/programme" << playing("A1", 0).encode();
    QTest::newRow("garbage") << "fest/v1/node/player-A1/status" << QByteArray("\xff\xfe");
    QTest::newRow("wrong type") << "fest/v1/node/player-A1/status" << QByteArray(R"({"type":"reply","v":1,"role":"player"})");
    QTest::newRow("player without screen") << "fest/v1/node/player-A1/status" << QByteArray(R"({"type":"status","v":1,"role":"player","state":"playing"})");
    QJsonObject absurd = playing("A1", 0).toJson();
    absurd.insert("lateMs", 99'999'999'999LL);
    QTest::newRow("absurd lateness") << "fest/v1/node/player-A1/status" << Envelope::encode("status", absurd);
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
    QVERIFY(book.applyMessage("fest/v1/node/player-A1/status", playing("A1", 0).encode()));
    QVERIFY(book.applyMessage("fest/v1/node/player-A1/status", QByteArray()));
    QCOMPARE(book.screen(QStringLiteral("A1")).state, QString());
}

void tst_ScreenStatusBook::theWillMarksTheScreenOffline()
{
    ScreenStatusBook book;
    QVERIFY(book.applyMessage("fest/v1/node/player-A1/status", playing("A1", 0).encode()));
    QVERIFY(book.applyMessage("fest/v1/node/player-A1/status", PlayerStatus::offline("A1").encode()));
    QVERIFY(book.screen(QStringLiteral("A1")).offline());
    QCOMPARE(book.screen(QStringLiteral("A1")).screening, QString());
}

QTEST_GUILESS_MAIN(tst_ScreenStatusBook)
#include "tst_screenstatusbook.moc"
