#include "jsonguard.h"

#include <QJsonArray>
#include <QTest>

using namespace fest;

class tst_JsonGuard : public QObject
{
    Q_OBJECT

private slots:
    void rejectsOrAccepts_data();
    void rejectsOrAccepts();
    void hostileNestingNeverReachesTheParser();
    void depthLimitIsExact();
    void parsedObjectIsReturned();
    void programmeLimitsAreLarger();
};

static JsonLimits small()
{
    JsonLimits limits;
    limits.maxBytes = 256;
    limits.maxDepth = 4;
    limits.maxStringLength = 10;
    limits.maxArrayLength = 3;
    return limits;
}

void tst_JsonGuard::rejectsOrAccepts_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("errorContains");   // empty: must be accepted

    QTest::newRow("object") << QByteArray(R"({"a": 1, "b": [1, 2, 3]})") << QString();
    QTest::newRow("cjk text") << QByteArray(R"({"t": "燼舟渡"})") << QString();
    QTest::newRow("brackets in strings do not nest") << QByteArray(R"({"a": "[[[[[[[["})") << QString();
    QTest::newRow("escaped quote keeps string open") << QByteArray(R"({"a": "\"[[[[[["})") << QString();
    QTest::newRow("escaped backslash closes string")
        << QByteArray(R"({"a": "\\", "b": [[[[1]]]]})") << QStringLiteral("nested deeper than 4");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty message");
    QTest::newRow("whitespace") << QByteArray("   ") << QStringLiteral("syntax error");
    QTest::newRow("oversized") << QByteArray(257, ' ') << QStringLiteral("257 bytes, over the limit of 256");
    QTest::newRow("invalid byte") << QByteArray("{\"a\": \"\xff\"}") << QStringLiteral("not valid UTF-8");
    QTest::newRow("overlong slash") << QByteArray("{\"a\": \"\xc0\xaf\"}") << QStringLiteral("not valid UTF-8");
    QTest::newRow("surrogate") << QByteArray("{\"a\": \"\xed\xa0\x80\"}") << QStringLiteral("not valid UTF-8");
    QTest::newRow("truncated sequence") << QByteArray("{\"a\": \"\xe4\xb8\"}") << QStringLiteral("not valid UTF-8");
    QTest::newRow("beyond U+10FFFF") << QByteArray("{\"a\": \"\xf4\x90\x80\x80\"}") << QStringLiteral("not valid UTF-8");
    QTest::newRow("too deep") << QByteArray(R"({"a": [[[[1]]]]})") << QStringLiteral("nested deeper than 4");
    QTest::newRow("syntax") << QByteArray(R"({"a": })") << QStringLiteral("JSON syntax error at byte 7");
    QTest::newRow("trailing garbage") << QByteArray(R"({} x)") << QStringLiteral("syntax error");
    QTest::newRow("closing brackets first") << QByteArray("]]]]{\"a\":[[[[1]]]]}") << QStringLiteral("nested deeper than 4");
    QTest::newRow("unterminated") << QByteArray(R"({"a": "x)") << QStringLiteral("syntax error");
    QTest::newRow("array at top") << QByteArray("[1, 2]") << QStringLiteral("got an array");
    QTest::newRow("number at top") << QByteArray("42") << QStringLiteral("syntax error");
    QTest::newRow("number beyond double") << QByteArray(R"({"a": 1e400})") << QStringLiteral("syntax error");
    QTest::newRow("string too long") << QByteArray(R"({"a": "12345678901"})")
                                     << QStringLiteral("a: text of 11 characters is over the limit of 10");
    QTest::newRow("string at limit") << QByteArray(R"({"a": "1234567890"})") << QString();
    QTest::newRow("cjk counted as characters") << QByteArray(R"({"a": "一二三四五六七八九十"})") << QString();
    QTest::newRow("array too long") << QByteArray(R"({"a": {"b": [1, 2, 3, 4]}})")
                                    << QStringLiteral("a.b: list of 4 entries is over the limit of 3");
    QTest::newRow("long string inside array") << QByteArray(R"({"a": [1, "12345678901"]})")
                                              << QStringLiteral("a[1]: text of 11 characters");
    QTest::newRow("key too long") << QByteArray(R"({"12345678901": 1})") << QStringLiteral("field name of 11 characters");
}

void tst_JsonGuard::rejectsOrAccepts()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, errorContains);

    QString error;
    const auto object = JsonGuard::parseObject(input, small(), &error);
    if (errorContains.isEmpty()) {
        QVERIFY2(object.has_value(), qPrintable(error));
        QVERIFY(error.isEmpty());
    } else {
        QVERIFY(!object.has_value());
        QVERIFY2(error.contains(errorContains), qPrintable(error));
    }
}

void tst_JsonGuard::hostileNestingNeverReachesTheParser()
{
    // Qt's parser recurses per level; a million brackets must stop at the pre-scan.
    const QByteArray hostile = QByteArray(1000000, '[') + QByteArray(1000000, ']');
    JsonLimits limits;
    limits.maxBytes = 8 * 1024 * 1024;
    QString error;
    QVERIFY(!JsonGuard::parseObject(hostile, limits, &error));
    QVERIFY2(error.contains(QStringLiteral("nested deeper than 16")), qPrintable(error));
    QCOMPARE(JsonGuard::nestingDepth(hostile, 16), 17);

    const QByteArray objects = QByteArray("{\"a\":").repeated(1000000);
    QVERIFY(!JsonGuard::parseObject(objects, limits, &error));
    QVERIFY2(error.contains(QStringLiteral("nested deeper")), qPrintable(error));
}

void tst_JsonGuard::depthLimitIsExact()
{
    JsonLimits limits;   // depth 16
    const QByteArray sixteen = "{\"a\":" + QByteArray(15, '[') + QByteArray(15, ']') + "}";
    const QByteArray seventeen = "{\"a\":" + QByteArray(16, '[') + QByteArray(16, ']') + "}";
    QString error;
    QVERIFY2(JsonGuard::parseObject(sixteen, limits, &error), qPrintable(error));
    QVERIFY(!JsonGuard::parseObject(seventeen, limits, &error));
}

void tst_JsonGuard::parsedObjectIsReturned()
{
    const auto object = JsonGuard::parseObject(R"({"id": "S-1", "films": ["F-1", "F-2"]})", JsonLimits{});
    QVERIFY(object);
    QCOMPARE(object->value("id").toString(), QStringLiteral("S-1"));
    QCOMPARE(object->value("films").toArray().size(), 2);
}

void tst_JsonGuard::programmeLimitsAreLarger()
{
    constexpr JsonLimits programme = JsonLimits::programme();
    QCOMPARE(programme.maxBytes, qsizetype(16 * 1024 * 1024));
    QCOMPARE(programme.maxDepth, 16);
    QCOMPARE(programme.maxArrayLength, qsizetype(200000));
    // A programme bigger than a bus message's cap is still accepted with its own limits.
    QByteArray big = "{\"a\": [";
    for (int i = 0; i < 20000; ++i)
        big += "1,";
    big += "1]}";
    QVERIFY(!JsonGuard::parseObject(big, JsonLimits{}));
    QVERIFY(JsonGuard::parseObject(big, programme));
}

QTEST_GUILESS_MAIN(tst_JsonGuard)
#include "tst_jsonguard.moc"
