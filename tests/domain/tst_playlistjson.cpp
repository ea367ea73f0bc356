#include "jsonguard.h"
#include "playlistjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace fest;

class tst_PlaylistJson : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void wireFormat();
    void rejects_data();
    void rejects();
};

static Playlist sample()
{
    Playlist p{"CINE-1", 12, qint64(1796452100) * 1000000, {}};
    const qint64 t0 = qint64(1796452200) * 1000000;
    p.items.append({"S-0101", "F-005", "films/F-005.webm", QString(64, 'b'), "霧の図書館", {"The Library in the Fog", "霧中圖書館"}, t0, 555000000});
    p.items.append({"S-0101", "F-006", "films/F-006.webm", {}, {}, {"Moonlight Laundromat", {}}, t0 + 555000000, 460000000});
    for (PlaylistItem &item : p.items)
        item.screeningTitle = {"Shorts: Hong Kong Fantasia", "短片：香港的奇想"};
    p.festivalName = {"AI Film Festival", "AI電影節"};
    p.screenName = {"Cinema 1", "一號影院"};
    p.timeZone = "Asia/Hong_Kong";
    return p;
}

void tst_PlaylistJson::roundTrip()
{
    QList<ProgrammeError> errors;
    const auto decoded = PlaylistJson::fromJson(PlaylistJson::toJson(sample()), &errors);
    QVERIFY2(decoded, qPrintable(errors.value(0).toString()));
    QCOMPARE(*decoded, sample());
    QCOMPARE(PlaylistJson::fromJson(PlaylistJson::toJson(Playlist{"X", 0, {}}), &errors)->items.size(), 0);
}

void tst_PlaylistJson::wireFormat()
{
    const QJsonObject o = PlaylistJson::toJson(sample());
    QCOMPARE(o.value("screen").toString(), QStringLiteral("CINE-1"));
    QCOMPARE(o.value("programmeVersion").toInteger(), 12);
    const QJsonObject first = o.value("items").toArray().at(0).toObject();
    QCOMPARE(first.value("startUs").toInteger(), qint64(1796452200) * 1000000);
    QCOMPARE(first.value("durationUs").toInteger(), 555000000);
    QCOMPARE(first.value("title").toObject().value("zh").toString(), QStringLiteral("霧中圖書館"));
    QVERIFY(!o.value("items").toArray().at(1).toObject().contains("sha256"));
    // What the audience's slates name: the festival, the screen, a block's title, in the
    // festival's time zone.
    QCOMPARE(o.value("festivalName").toObject().value("zh").toString(), QStringLiteral("AI電影節"));
    QCOMPARE(o.value("screenName").toObject().value("en").toString(), QStringLiteral("Cinema 1"));
    QCOMPARE(o.value("timeZone").toString(), QStringLiteral("Asia/Hong_Kong"));
    QCOMPARE(first.value("screeningTitle").toObject().value("en").toString(), QStringLiteral("Shorts: Hong Kong Fantasia"));
    // All optional: a playlist without them (an older controller's) still reads.
    const QJsonObject bare = PlaylistJson::toJson(Playlist{"X", 0, 0, {}});
    QVERIFY(!bare.contains("festivalName") && !bare.contains("screenName") && !bare.contains("timeZone"));
}

void tst_PlaylistJson::rejects_data()
{
    QTest::addColumn<QString>("itemField");    // field of items[1] to change; empty: top level
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("message");

    QTest::newRow("start missing") << "startUs" << "startUs" << QJsonValue(QJsonValue::Null) << "items[1] (F-006)" << "missing";
    QTest::newRow("start negative") << "startUs" << "startUs" << QJsonValue(-1) << "items[1] (F-006)" << "out of range";
    QTest::newRow("start fractional") << "startUs" << "startUs" << QJsonValue(1.5) << "items[1] (F-006)" << "whole number";
    QTest::newRow("start beyond 2^53") << "startUs" << "startUs" << QJsonValue(1e17) << "items[1] (F-006)" << "too large";
    QTest::newRow("start as text") << "startUs" << "startUs" << QJsonValue("1796452200000000") << "items[1] (F-006)" << "got a string";
    QTest::newRow("overlaps previous") << "startUs" << "startUs" << QJsonValue(qint64(1796452200) * 1000000)
        << "items[1] (F-006)" << "starts before the previous item ends";
    QTest::newRow("zero duration") << "durationUs" << "durationUs" << QJsonValue(0) << "items[1] (F-006)" << "out of range";
    QTest::newRow("empty media") << "media" << "media" << QJsonValue("") << "items[1] (F-006)" << "must not be empty";
    QTest::newRow("bad checksum") << "sha256" << "sha256" << QJsonValue("abc") << "items[1] (F-006)" << "64 lower-case hex";
    QTest::newRow("bad film id") << "film" << "film" << QJsonValue("F 6") << "items[1]" << "is not valid";
    QTest::newRow("unknown item field") << "colour" << "colour" << QJsonValue("red") << "items[1] (F-006)" << "unknown field";
    QTest::newRow("bad screen id") << "" << "screen" << QJsonValue("CINE/1") << "playlist" << "is not valid";
    QTest::newRow("items not a list") << "" << "items" << QJsonValue(7) << "playlist" << "expected a list";
    QTest::newRow("version missing") << "" << "programmeVersion" << QJsonValue(QJsonValue::Null) << "playlist" << "missing";
}

void tst_PlaylistJson::rejects()
{
    QFETCH(QString, itemField);
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, where);
    QFETCH(QString, message);

    QJsonObject o = PlaylistJson::toJson(sample());
    if (itemField.isEmpty()) {
        o.insert(field, value);
    } else {
        QJsonArray items = o.value("items").toArray();
        QJsonObject item = items.at(1).toObject();
        item.insert(itemField, value);
        items[1] = item;
        o.insert("items", items);
    }
    QList<ProgrammeError> errors;
    QVERIFY(!PlaylistJson::fromJson(o, &errors));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0].where, where);
    QCOMPARE(errors[0].field, field);
    QVERIFY2(errors[0].message.contains(message), qPrintable(errors[0].message));
}

QTEST_GUILESS_MAIN(tst_PlaylistJson)
#include "tst_playlistjson.moc"
