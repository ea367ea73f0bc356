// The controller's registry of nodes, fed what the player's own encoder writes (core/
// protocol PlayerStatus). Who a node is comes from its account, never from its payload.
// Real players against the real controller: tests/scenarios/tst_screeningends.
#include "noderegistry.h"

#include <QSignalSpy>
#include <QTest>

using namespace fest;

class tst_NodeRegistry : public QObject
{
    Q_OBJECT

private slots:
    void tracksStatusAndOffline();
    void aScreeningEndsWhenItsPlayerSaysSo();
    void theWillOrARestartEndsNothing();
    void aKioskClaimingToBeAPlayerIsListedAsAKiosk();
    void aPlayerSpeaksForItsOwnScreenOnly_data();
    void aPlayerSpeaksForItsOwnScreenOnly();
    void listsSortedByRoleThenAccount();
    void aSilentNodeIsListedAsStale();
};

namespace {
PlayerStatus player(const QString &screen, PlayerStatus::State state, const QString &screening = {})
{
    PlayerStatus s;
    s.screen = screen;
    s.state = state;
    s.programmeVersion = 3;
    if (!screening.isEmpty())
        s.item = PlayerStatus::Item{screening + QStringLiteral("/F-1"), screening, QStringLiteral("F-1"), {}, {}, {}, 1, 60000};
    return s;
}

PlayerStatus ended(PlayerStatus s, const QString &screening, qint64 atUs)
{
    s.ended = PlayerStatus::Ended{screening, atUs};
    return s;
}
} // namespace

void tst_NodeRegistry::tracksStatusAndOffline()
{
    NodeRegistry registry;
    QSignalSpy changed(&registry, &NodeRegistry::nodeChanged);
    QVERIFY(registry.applyStatus(QStringLiteral("player-A1"), player("A1", PlayerStatus::State::Waiting).toJson()));
    QCOMPARE(changed.count(), 1);
    QVERIFY(registry.node(QStringLiteral("player-A1"))->online);
    QCOMPARE(registry.node(QStringLiteral("player-A1"))->programmeVersion, 3);
    QVERIFY(registry.applyStatus(QStringLiteral("player-A1"), PlayerStatus::offline("A1").toJson()));
    QVERIFY(!registry.node(QStringLiteral("player-A1"))->online);
    registry.remove(QStringLiteral("player-A1"));
    QVERIFY(!registry.node(QStringLiteral("player-A1")));
    QCOMPARE(changed.count(), 3);
    QCOMPARE(registry.refusedCount(), 0);
}

void tst_NodeRegistry::aScreeningEndsWhenItsPlayerSaysSo()
{
    NodeRegistry registry;
    QSignalSpy spy(&registry, &NodeRegistry::screeningEnded);
    registry.applyStatus("player-A1", player("A1", PlayerStatus::State::Playing, "S1").toJson());
    QCOMPARE(spy.count(), 0);
    const qint64 atUs = 1796443200123000;
    registry.applyStatus("player-A1", ended(player("A1", PlayerStatus::State::Waiting), "S1", atUs).toJson());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().at(0).toString(), QStringLiteral("A1"));
    QCOMPARE(spy.first().at(1).toString(), QStringLiteral("S1"));
    QCOMPARE(spy.first().at(2).toDateTime().toMSecsSinceEpoch(), atUs / 1000);
    // Repeated in every later status (and retained): not a new end.
    registry.applyStatus("player-A1", ended(player("A1", PlayerStatus::State::Countdown), "S1", atUs).toJson());
    QCOMPARE(spy.count(), 1);
}

void tst_NodeRegistry::theWillOrARestartEndsNothing()
{
    NodeRegistry registry;
    QSignalSpy spy(&registry, &NodeRegistry::screeningEnded);
    registry.applyStatus("player-A1", player("A1", PlayerStatus::State::Playing, "S1").toJson());
    registry.applyStatus("player-A1", PlayerStatus::offline("A1").toJson());           // killed mid-film
    registry.applyStatus("player-A1", player("A1", PlayerStatus::State::Waiting).toJson());   // restarted, not caught up
    registry.applyStatus("player-A1", player("A1", PlayerStatus::State::Playing, "S1").toJson());   // chasing
    QCOMPARE(spy.count(), 0);
}

void tst_NodeRegistry::aKioskClaimingToBeAPlayerIsListedAsAKiosk()
{
    NodeRegistry registry;
    QSignalSpy spy(&registry, &NodeRegistry::screeningEnded);
    PlayerStatus forged = player("A1", PlayerStatus::State::Playing, "S1");
    QVERIFY(registry.applyStatus("kiosk-7", forged.toJson()));
    QVERIFY(registry.applyStatus("kiosk-7", ended(player("A1", PlayerStatus::State::Idle), "S1", 5).toJson()));
    QCOMPARE(spy.count(), 0);
    QCOMPARE(registry.node("kiosk-7")->role, QStringLiteral("kiosk"));
    QCOMPARE(registry.toJson().first().toObject().value("role").toString(), QStringLiteral("kiosk"));
}

void tst_NodeRegistry::aPlayerSpeaksForItsOwnScreenOnly_data()
{
    QTest::addColumn<QJsonObject>("status");
    QTest::addColumn<QString>("reason");
    QTest::newRow("another screen") << player("A2", PlayerStatus::State::Playing, "S1").toJson() << "A2";
    QJsonObject kioskRole = player("A1", PlayerStatus::State::Idle).toJson();
    kioskRole.insert("role", "kiosk");
    QTest::newRow("a player's account calling itself a kiosk") << kioskRole << "role";
    QJsonObject badScreening = player("A1", PlayerStatus::State::Playing, "S1").toJson();
    badScreening.insert("item", QJsonObject{{"id", "x"}, {"screening", "../../etc"}, {"film", "F-1"}, {"startUs", 1}});
    QTest::newRow("a screening id that is a path") << badScreening << "screening";
}

void tst_NodeRegistry::aPlayerSpeaksForItsOwnScreenOnly()
{
    QFETCH(QJsonObject, status);
    NodeRegistry registry;
    QSignalSpy changed(&registry, &NodeRegistry::nodeChanged);
    QVERIFY(registry.applyStatus("player-A1", player("A1", PlayerStatus::State::Playing, "S1").toJson()));
    QVERIFY(!registry.applyStatus("player-A1", status));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(registry.node("player-A1")->state, QStringLiteral("playing"));
    QCOMPARE(registry.refusedCount(), 1);
}

void tst_NodeRegistry::listsSortedByRoleThenAccount()
{
    NodeRegistry registry;
    registry.applyStatus(QStringLiteral("player-B"), player("B", PlayerStatus::State::Idle).toJson());
    registry.applyStatus(QStringLiteral("kiosk-1"), QJsonObject{{"role", "kiosk"}, {"state", "online"}});
    registry.applyStatus(QStringLiteral("player-A"), player("A", PlayerStatus::State::Idle).toJson());
    const QJsonArray list = registry.toJson();
    QCOMPARE(list.size(), 3);
    QCOMPARE(list[0].toObject().value(QStringLiteral("account")).toString(), QStringLiteral("kiosk-1"));
    QCOMPARE(list[1].toObject().value(QStringLiteral("account")).toString(), QStringLiteral("player-A"));
    QCOMPARE(list[2].toObject().value(QStringLiteral("account")).toString(), QStringLiteral("player-B"));
    QVERIFY(list[2].toObject().value(QStringLiteral("online")).toBool());
}

void tst_NodeRegistry::aSilentNodeIsListedAsStale()
{
    NodeRegistry registry;
    registry.applyStatus(QStringLiteral("player-A"), player("A", PlayerStatus::State::Playing, "S1").toJson());
    const QDateTime seen = registry.node(QStringLiteral("player-A"))->lastSeen;
    QVERIFY(!registry.toJson(seen.addSecs(NodeRegistry::staleAfterSeconds))[0].toObject().value("stale").toBool());
    QVERIFY(registry.toJson(seen.addSecs(NodeRegistry::staleAfterSeconds + 2))[0].toObject().value("stale").toBool());
    // Gone (its Will): offline, not stale.
    registry.applyStatus(QStringLiteral("player-A"), PlayerStatus::offline("A").toJson());
    const QJsonObject gone = registry.toJson(seen.addSecs(60))[0].toObject();
    QVERIFY(!gone.value("online").toBool());
    QVERIFY(!gone.value("stale").toBool());
}

QTEST_GUILESS_MAIN(tst_NodeRegistry)
#include "tst_noderegistry.moc"
