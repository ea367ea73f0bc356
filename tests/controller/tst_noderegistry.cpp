#include "noderegistry.h"

#include <QSignalSpy>
#include <QTest>

using namespace fest;

class tst_NodeRegistry : public QObject
{
    Q_OBJECT

private slots:
    void tracksStatusAndOffline();
    void reportsScreeningEndOnlyWhenPlayingStops_data();
    void reportsScreeningEndOnlyWhenPlayingStops();
    void listsSortedByRoleThenAccount();
};

namespace {
QJsonObject player(const QString &state, const QString &screening = {})
{
    QJsonObject s{{"role", "player"}, {"state", state}, {"programmeVersion", 3}};
    if (!screening.isEmpty())
        s.insert(QStringLiteral("item"), QJsonObject{{"screening", screening}});
    return s;
}
} // namespace

void tst_NodeRegistry::tracksStatusAndOffline()
{
    NodeRegistry registry;
    QSignalSpy changed(&registry, &NodeRegistry::nodeChanged);
    registry.applyStatus(QStringLiteral("player-a1"), player(QStringLiteral("waiting")));
    QCOMPARE(changed.count(), 1);
    QVERIFY(registry.node(QStringLiteral("player-a1"))->online);
    QCOMPARE(registry.node(QStringLiteral("player-a1"))->programmeVersion, 3);
    registry.applyStatus(QStringLiteral("player-a1"), QJsonObject{{"role", "player"}, {"state", "offline"}});
    QVERIFY(!registry.node(QStringLiteral("player-a1"))->online);
    registry.remove(QStringLiteral("player-a1"));
    QVERIFY(!registry.node(QStringLiteral("player-a1")));
    QCOMPARE(changed.count(), 3);
}

void tst_NodeRegistry::reportsScreeningEndOnlyWhenPlayingStops_data()
{
    QTest::addColumn<QJsonObject>("first");
    QTest::addColumn<QJsonObject>("second");
    QTest::addColumn<QString>("ended");
    QTest::newRow("playing to idle") << player("playing", "S1") << player("idle") << "S1";
    QTest::newRow("playing to next screening") << player("playing", "S1") << player("playing", "S2") << "S1";
    QTest::newRow("held to offline") << player("held", "S1") << player("offline") << "S1";
    QTest::newRow("still playing") << player("playing", "S1") << player("playing", "S1") << "";
    QTest::newRow("playing to held") << player("playing", "S1") << player("held", "S1") << "";
    QTest::newRow("waiting to playing") << player("waiting") << player("playing", "S1") << "";
}

void tst_NodeRegistry::reportsScreeningEndOnlyWhenPlayingStops()
{
    QFETCH(QJsonObject, first);
    QFETCH(QJsonObject, second);
    QFETCH(QString, ended);
    NodeRegistry registry;
    QSignalSpy spy(&registry, &NodeRegistry::screeningEnded);
    registry.applyStatus(QStringLiteral("p"), first);
    registry.applyStatus(QStringLiteral("p"), second);
    QCOMPARE(spy.count(), ended.isEmpty() ? 0 : 1);
    if (!ended.isEmpty())
        QCOMPARE(spy.first().first().toString(), ended);
}

void tst_NodeRegistry::listsSortedByRoleThenAccount()
{
    NodeRegistry registry;
    registry.applyStatus(QStringLiteral("player-b"), player(QStringLiteral("idle")));
    registry.applyStatus(QStringLiteral("kiosk-1"), QJsonObject{{"role", "kiosk"}, {"state", "online"}});
    registry.applyStatus(QStringLiteral("player-a"), player(QStringLiteral("idle")));
    const QJsonArray list = registry.toJson();
    QCOMPARE(list.size(), 3);
    QCOMPARE(list[0].toObject().value(QStringLiteral("account")).toString(), QStringLiteral("kiosk-1"));
    QCOMPARE(list[1].toObject().value(QStringLiteral("account")).toString(), QStringLiteral("player-a"));
    QCOMPARE(list[2].toObject().value(QStringLiteral("account")).toString(), QStringLiteral("player-b"));
    QVERIFY(list[2].toObject().value(QStringLiteral("online")).toBool());
}

QTEST_GUILESS_MAIN(tst_NodeRegistry)
#include "tst_noderegistry.moc"
