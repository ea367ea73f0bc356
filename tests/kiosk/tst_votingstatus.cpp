#include "votingstatus.h"

#include <QSignalSpy>
#include <QTest>

using namespace fest;

class tst_VotingStatus : public QObject
{
    Q_OBJECT
private slots:
    void readsControllerMessage();
    void rejectsBadMessagesAndKeepsState_data();
    void rejectsBadMessagesAndKeepsState();
};

void tst_VotingStatus::readsControllerMessage()
{
    VotingStatus w;
    QSignalSpy changed(&w, &VotingStatus::changed);
    QString error;
    QVERIFY2(w.applyMessage(R"({"type":"voting","v":1,"screenings":[
        {"screening":"S-0412","state":"open","films":["F-017"],"opensAt":"2026-12-05T14:00:00+08:00","closesAt":"2026-12-05T16:40:00+08:00","manual":false},
        {"screening":"S-0413","state":"closed"}]})", &error), qPrintable(error));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(w.state(QStringLiteral("S-0412")), VotingStatus::State::Open);
    QCOMPARE(w.window(QStringLiteral("S-0412")).closesAt, QDateTime::fromString("2026-12-05T16:40:00+08:00", Qt::ISODate));
    QCOMPARE(w.state(QStringLiteral("S-0413")), VotingStatus::State::Closed);
    QCOMPARE(w.state(QStringLiteral("S-9999")), VotingStatus::State::NotOpen);
    QVERIFY(w.applyMessage(R"({"type":"voting","v":1,"screenings":[]})", &error));
    QCOMPARE(w.state(QStringLiteral("S-0412")), VotingStatus::State::NotOpen);
}

void tst_VotingStatus::rejectsBadMessagesAndKeepsState_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("not json") << QByteArray("voting!");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("wrong type") << QByteArray(R"({"type":"programme","v":1,"screenings":[]})");
    QTest::newRow("future version") << QByteArray(R"({"type":"voting","v":2,"screenings":[]})");
    QTest::newRow("unknown state") << QByteArray(R"({"type":"voting","v":1,"screenings":[{"screening":"S-1","state":"maybe"}]})");
    QTest::newRow("bad id") << QByteArray(R"({"type":"voting","v":1,"screenings":[{"screening":"../etc","state":"open"}]})");
    QTest::newRow("too deep") << QByteArray(R"({"type":"voting","v":1,"screenings":[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]})");
    QTest::newRow("oversized") << QByteArray(R"({"type":"voting","v":1,"screenings":[],"x":")") + QByteArray(70000, 'a') + QByteArray(R"("})");
}

void tst_VotingStatus::rejectsBadMessagesAndKeepsState()
{
    QFETCH(QByteArray, payload);
    VotingStatus w;
    w.setWindows({{QStringLiteral("S-1"), {VotingStatus::State::Open, {}}}});
    QSignalSpy changed(&w, &VotingStatus::changed);
    QString error;
    QVERIFY(!w.applyMessage(payload, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(changed.size(), 0);
    QCOMPARE(w.state(QStringLiteral("S-1")), VotingStatus::State::Open);
}

QTEST_GUILESS_MAIN(tst_VotingStatus)
#include "tst_votingstatus.moc"
