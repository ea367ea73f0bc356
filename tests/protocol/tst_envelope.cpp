#include "envelope.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using fest::DecodeError;
using fest::Envelope;
using fest::JsonLimits;

Q_DECLARE_METATYPE(DecodeError::Kind)

class tst_Envelope : public QObject
{
    Q_OBJECT
private slots:
    void encodeAddsTypeAndVersion();
    void encodeOverridesBodyTypeAndVersion();
    void roundTrip_data();
    void roundTrip();
    void decode_data();
    void decode();
    void stringErrorOverloadCarriesTheMessage();
};

void tst_Envelope::encodeAddsTypeAndVersion()
{
    const QByteArray data = Envelope::encode(QStringLiteral("status"), {{"state", "playing"}});
    QVERIFY(!data.contains('\n'));
    QVERIFY(!data.contains(' '));
    const QJsonObject object = QJsonDocument::fromJson(data).object();
    QCOMPARE(object.value("type").toString(), QStringLiteral("status"));
    QCOMPARE(object.value("v").toInt(), 1);
    QCOMPARE(object.value("state").toString(), QStringLiteral("playing"));
}

void tst_Envelope::encodeOverridesBodyTypeAndVersion()
{
    const QByteArray data = Envelope::encode(QStringLiteral("status"), {{"type", "forged"}, {"v", 9}});
    const QJsonObject object = QJsonDocument::fromJson(data).object();
    QCOMPARE(object.value("type").toString(), QStringLiteral("status"));
    QCOMPARE(object.value("v").toInt(), 1);
}

void tst_Envelope::roundTrip_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::newRow("empty") << QJsonObject();
    QTest::newRow("flat") << QJsonObject{{"screen", "A1"}, {"startUs", 1796464800000000.0}, {"ok", true}};
    const QJsonObject inner{{"c", "d"}};
    const QJsonArray list{1, 2, inner};
    QTest::newRow("nested") << QJsonObject{{"a", QJsonObject{{"b", list}}}};
    QTest::newRow("unicode") << QJsonObject{{"title", QStringLiteral("\u5f71\u5c55 \u00e9t\u00e9")}};
}

void tst_Envelope::roundTrip()
{
    QFETCH(QJsonObject, body);
    DecodeError error;
    const auto decoded = Envelope::decode(Envelope::encode(QStringLiteral("playlist"), body), QStringLiteral("playlist"), {}, error);
    QVERIFY2(decoded.has_value(), qPrintable(error.message));
    QCOMPARE(*decoded, body);
    QCOMPARE(error.kind, DecodeError::Kind::None);
}

void tst_Envelope::decode_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<DecodeError::Kind>("kind");
    QTest::addColumn<QString>("mentions");

    using K = DecodeError::Kind;
    QTest::newRow("valid") << QByteArray(R"({"type":"status","v":1,"x":2})") << K::None << "";
    QTest::newRow("empty") << QByteArray() << K::Malformed << "";
    QTest::newRow("not json") << QByteArray("hello") << K::Malformed << "";
    QTest::newRow("truncated") << QByteArray(R"({"type":"status","v":1)") << K::Malformed << "";
    QTest::newRow("array at top") << QByteArray(R"([{"type":"status","v":1}])") << K::Malformed << "object";
    QTest::newRow("string at top") << QByteArray(R"("status")") << K::Malformed << "";
    QTest::newRow("invalid utf-8") << QByteArray("{\"type\":\"status\",\"v\":1,\"x\":\"\xff\xfe\"}") << K::Malformed << "UTF-8";
    QTest::newRow("oversized") << (QByteArray(R"({"type":"status","v":1,"x":")") + QByteArray(70000, 'a') + "\"}") << K::Malformed << "limit";
    QTest::newRow("deeply nested") << (QByteArray(R"({"type":"status","v":1,"x":)") + QByteArray(100, '[') + QByteArray(100, ']') + "}") << K::Malformed << "";
    QTest::newRow("very deeply nested") << (QByteArray(R"({"x":)") + QByteArray(60000, '[')) << K::Malformed << "";
    QTest::newRow("no type") << QByteArray(R"({"v":1})") << K::WrongType << "type";
    QTest::newRow("type not a string") << QByteArray(R"({"type":7,"v":1})") << K::WrongType << "type";
    QTest::newRow("other type") << QByteArray(R"({"type":"playlist","v":1})") << K::WrongType << "playlist";
    QTest::newRow("type case differs") << QByteArray(R"({"type":"Status","v":1})") << K::WrongType << "";
    QTest::newRow("no version") << QByteArray(R"({"type":"status"})") << K::WrongVersion << "v";
    QTest::newRow("version 2") << QByteArray(R"({"type":"status","v":2})") << K::WrongVersion << "version 2";
    QTest::newRow("version 0") << QByteArray(R"({"type":"status","v":0})") << K::WrongVersion << "";
    QTest::newRow("version as string") << QByteArray(R"({"type":"status","v":"1"})") << K::WrongVersion << "v";
    QTest::newRow("version fractional") << QByteArray(R"({"type":"status","v":1.5})") << K::WrongVersion << "";
    QTest::newRow("version null") << QByteArray(R"({"type":"status","v":null})") << K::WrongVersion << "";
}

void tst_Envelope::decode()
{
    QFETCH(QByteArray, data);
    QFETCH(DecodeError::Kind, kind);
    QFETCH(QString, mentions);

    DecodeError error;
    const auto body = Envelope::decode(data, QStringLiteral("status"), JsonLimits{}, error);
    QCOMPARE(error.kind, kind);
    QCOMPARE(body.has_value(), kind == DecodeError::Kind::None);
    if (kind == DecodeError::Kind::None) {
        QVERIFY(!body->contains("type"));
        QVERIFY(!body->contains("v"));
        return;
    }
    QVERIFY(!error.message.isEmpty());
    QVERIFY2(error.message.contains(mentions), qPrintable(error.message));
}

void tst_Envelope::stringErrorOverloadCarriesTheMessage()
{
    QString error;
    QVERIFY(!Envelope::decode(R"({"type":"reply","v":1})", QStringLiteral("status"), {}, &error));
    QVERIFY2(error.contains(QLatin1String("\"status\"")), qPrintable(error));
    QVERIFY(!Envelope::decode("nonsense", QStringLiteral("status"), {}, nullptr));
}

QTEST_GUILESS_MAIN(tst_Envelope)
#include "tst_envelope.moc"
