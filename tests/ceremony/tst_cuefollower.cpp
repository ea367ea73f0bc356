#include "cuefollower.h"

#include <QSignalSpy>
#include <QTest>
#include <chrono>

using namespace fest;

// The follower on the machine's clock, fed payloads directly: the rules of firing.
class tst_CueFollower : public QObject
{
    Q_OBJECT

private slots:
    void firesAtTheInstantNotOnArrival();
    void announcesTheScheduledStateBeforeItsInstant();
    void staleSeqIsDropped();
    void expiredCueIsShownButNotFired();
    void newerMessageSupersedesPending();
    void blackoutDoesNotFireTheCueAgain();
    void malformedMessageChangesNothing();

private:
    static qint64 now();
    static QByteArray message(qint64 seq, qint64 cueSeq, qint64 executeAtUs, int index = 0, bool blackout = false,
                              qint64 lifeUs = 2000000);
};

qint64 tst_CueFollower::now()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

QByteArray tst_CueFollower::message(qint64 seq, qint64 cueSeq, qint64 executeAtUs, int index, bool blackout, qint64 lifeUs)
{
    CeremonyState s;
    s.seq = seq;
    s.cueSeq = cueSeq;
    s.active = true;
    s.blackout = blackout;
    s.index = index;
    s.count = 10;
    Cue cue;
    cue.type = Cue::Type::Title;
    cue.categoryId = QStringLiteral("best-film");
    cue.heading = {QStringLiteral("Best Film %1").arg(index), QStringLiteral("最佳影片")};
    s.cue = cue;
    s.executeAtUs = executeAtUs;
    s.expiresAtUs = executeAtUs + lifeUs;
    return s.encode();
}

void tst_CueFollower::announcesTheScheduledStateBeforeItsInstant()
{
    // Players preroll a cue's clip when it is scheduled: pending() says what comes.
    CueFollower follower(nullptr, &tst_CueFollower::now);
    QSignalSpy scheduled(&follower, &CueFollower::cueScheduled);
    QSignalSpy fired(&follower, &CueFollower::cueFired);
    follower.handlePayload(message(1, 1, now() + 200000, 3));
    QCOMPARE(scheduled.size(), 1);
    QCOMPARE(scheduled.at(0).at(0).toLongLong(), 1);
    QVERIFY(follower.pending().has_value());
    QCOMPARE(follower.pending()->index, 3);
    QCOMPARE(fired.size(), 0);
    QVERIFY(fired.wait(5000));
    QVERIFY(!follower.pending().has_value());
    // An expired one is applied at once: nothing to prepare.
    follower.handlePayload(message(2, 2, now() - 5000000, 4));
    QCOMPARE(scheduled.size(), 1);
}

void tst_CueFollower::firesAtTheInstantNotOnArrival()
{
    CueFollower follower(nullptr, &tst_CueFollower::now);
    QSignalSpy fired(&follower, &CueFollower::cueFired);
    QSignalSpy changed(&follower, &CueFollower::cueChanged);
    const qint64 at = now() + 200000;
    follower.handlePayload(message(1, 1, at));
    QCOMPARE(follower.cueType(), QString());   // nothing shown before the instant
    QVERIFY(fired.wait(5000));
    QCOMPARE(fired.at(0).at(0).toLongLong(), 1);
    const qint64 firedAt = fired.at(0).at(1).toLongLong();
    QVERIFY(firedAt >= at);
    QVERIFY2(firedAt - at < 20000, qPrintable(QString::number(firedAt - at)));   // correctness, not precision (bench/)
    QCOMPARE(follower.cueType(), QStringLiteral("title"));
    QCOMPARE(follower.headingEn(), QStringLiteral("Best Film 0"));
    QVERIFY(follower.isActive());
    QVERIFY(follower.isLive());
    QCOMPARE(follower.appliedSeq(), 1);
    QCOMPARE(follower.statusJson().value(QStringLiteral("seq")).toInteger(), 1);
    QCOMPARE(changed.size(), 1);
}

void tst_CueFollower::staleSeqIsDropped()
{
    CueFollower follower(nullptr, &tst_CueFollower::now);
    QSignalSpy fired(&follower, &CueFollower::cueFired);
    follower.handlePayload(message(5, 5, now()));
    QVERIFY(fired.wait(5000));
    // The same retained message again (a reconnect) and an older one: no replay.
    follower.handlePayload(message(5, 5, now()));
    follower.handlePayload(message(4, 4, now(), 3));
    QCOMPARE(follower.droppedStale(), 2);
    QVERIFY(!fired.wait(300));
    QCOMPARE(fired.size(), 1);
    QCOMPARE(follower.appliedSeq(), 5);
}

void tst_CueFollower::expiredCueIsShownButNotFired()
{
    CueFollower follower(nullptr, &tst_CueFollower::now);
    QSignalSpy fired(&follower, &CueFollower::cueFired);
    QSignalSpy joined(&follower, &CueFollower::cueJoined);
    follower.handlePayload(message(9, 8, now() - 5000000, 4));
    QCOMPARE(joined.size(), 1);
    QCOMPARE(follower.cueIndex(), 4);
    QCOMPARE(follower.cueType(), QStringLiteral("title"));
    QVERIFY(!follower.isLive());
    QCOMPARE(follower.droppedExpired(), 1);
    QVERIFY(!fired.wait(300));
    QCOMPARE(fired.size(), 0);
}

void tst_CueFollower::newerMessageSupersedesPending()
{
    CueFollower follower(nullptr, &tst_CueFollower::now);
    QSignalSpy fired(&follower, &CueFollower::cueFired);
    follower.handlePayload(message(1, 1, now() + 400000, 0));
    follower.handlePayload(message(2, 2, now() + 100000, 1));
    QVERIFY(fired.wait(5000));
    QVERIFY(!fired.wait(600));
    QCOMPARE(fired.size(), 1);
    QCOMPARE(fired.at(0).at(0).toLongLong(), 2);
    QCOMPARE(follower.cueIndex(), 1);
}

void tst_CueFollower::blackoutDoesNotFireTheCueAgain()
{
    CueFollower follower(nullptr, &tst_CueFollower::now);
    QSignalSpy fired(&follower, &CueFollower::cueFired);
    QSignalSpy blackout(&follower, &CueFollower::blackoutChanged);
    follower.handlePayload(message(1, 1, now()));
    QVERIFY(fired.wait(5000));
    follower.handlePayload(message(2, 1, now() + 50000, 0, true));
    QVERIFY(blackout.wait(5000));
    QVERIFY(follower.isBlackout());
    QCOMPARE(follower.appliedSeq(), 2);
    QCOMPARE(fired.size(), 1);
}

void tst_CueFollower::malformedMessageChangesNothing()
{
    CueFollower follower(nullptr, &tst_CueFollower::now);
    QSignalSpy error(&follower, &CueFollower::errorChanged);
    QByteArray forged = message(3, 3, now());
    forged.replace("\"type\":\"title\"", "\"type\":\"title\",\"winner\":{\"id\":\"F-001\"}");
    follower.handlePayload(forged);
    QCOMPARE(follower.error(), CueFollower::Error::InvalidField);
    QVERIFY(follower.errorString().contains(QStringLiteral("winner")));
    QCOMPARE(follower.appliedSeq(), 0);
    follower.handlePayload("[]");
    QCOMPARE(follower.error(), CueFollower::Error::Malformed);
    QCOMPARE(follower.cueType(), QString());
    QCOMPARE(error.size(), 2);
}

QTEST_GUILESS_MAIN(tst_CueFollower)
#include "tst_cuefollower.moc"
