#include "jsonguard.h"
#include "jsonreader.h"

#include <QTest>

using namespace fest;

class tst_JsonReader : public QObject
{
    Q_OBJECT

private slots:
    void reads_data();
    void reads();
    void dateTimeKeepsOffset();
    void errorsAreSharedWithChildren();
    void elementsNameTheirEntry();
    void collectsEveryProblem();
    void unknownFieldsAreReported();
};

static QJsonObject parse(const QByteArray &json)
{
    const auto object = JsonGuard::parseObject(json, JsonLimits{});
    if (!object)
        qFatal("test input is not an object: %s", json.constData());
    return *object;
}

// Reads field "f" of input with the named operation and renders the result as text.
static QString readAs(JsonReader &r, const QString &op)
{
    if (op == "requiredString") return r.requiredString("f");
    if (op == "shortString") return r.requiredString("f", {.maxLength = 3});
    if (op == "nonEmpty") return r.requiredString("f", {.allowEmpty = false});
    if (op == "optionalString") return r.optionalString("f", {}, QStringLiteral("fallback"));
    if (op == "patternString")
        return r.requiredString("f", {.pattern = QRegularExpression("\\A[a-z]+\\z"), .patternHint = "lower-case letters"});
    if (op == "id") return r.requiredId("f");
    if (op == "integer") return QString::number(r.requiredInteger("f"));
    if (op == "positive") return QString::number(r.requiredInteger("f", {.min = 0}));
    if (op == "optionalInteger") return QString::number(r.optionalInteger("f", {}, 7));
    if (op == "bool") return r.requiredBool("f") ? "true" : "false";
    if (op == "dateTime") return r.requiredDateTime("f").toString(Qt::ISODateWithMs);
    if (op == "optionalDateTime") return r.optionalDateTime("f").toString(Qt::ISODate);
    if (op == "array") return QString::number(r.requiredArray("f", {.maxLength = 2}).size());
    if (op == "nonEmptyArray") return QString::number(r.requiredArray("f", {.minLength = 1}).size());
    if (op == "stringList") return r.requiredStringList("f").join('|');
    if (op == "idList") return r.requiredIdList("f").join('|');
    if (op == "choice") return QString::number(r.requiredChoice("f", {"jury", "audience"}));
    if (op == "optionalChoice") return QString::number(r.optionalChoice("f", {"jury", "audience"}, 0));
    if (op == "child") return r.child("f").requiredString("en");
    qFatal("unknown op");
}

void tst_JsonReader::reads_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("error");   // "path: message" fragment; empty = no error

    QTest::newRow("string") << QByteArray(R"({"f": "abc"})") << "requiredString" << "abc" << "";
    QTest::newRow("string missing") << QByteArray(R"({})") << "requiredString" << "" << "s.f: missing; this field is required";
    QTest::newRow("string null") << QByteArray(R"({"f": null})") << "requiredString" << "" << "s.f: missing";
    QTest::newRow("string got number") << QByteArray(R"({"f": 1})") << "requiredString" << "" << "s.f: expected a string, got a number";
    QTest::newRow("string got list") << QByteArray(R"({"f": []})") << "requiredString" << "" << "expected a string, got a list";
    QTest::newRow("string too long") << QByteArray(R"({"f": "abcd"})") << "shortString" << "" << "s.f: too long: 4 characters, at most 3";
    QTest::newRow("string empty") << QByteArray(R"({"f": ""})") << "nonEmpty" << "" << "s.f: must not be empty";
    QTest::newRow("optional absent") << QByteArray(R"({})") << "optionalString" << "fallback" << "";
    QTest::newRow("optional wrong type") << QByteArray(R"({"f": true})") << "optionalString" << "" << "got true/false";
    QTest::newRow("pattern ok") << QByteArray(R"({"f": "abc"})") << "patternString" << "abc" << "";
    QTest::newRow("pattern bad") << QByteArray(R"({"f": "aBc"})") << "patternString" << "" << "\"aBc\" is not valid: expected lower-case letters";
    QTest::newRow("id ok") << QByteArray(R"({"f": "S-0412"})") << "id" << "S-0412" << "";
    QTest::newRow("id with slash") << QByteArray(R"({"f": "a/b"})") << "id" << "" << "expected 1-64 characters";
    QTest::newRow("id empty") << QByteArray(R"({"f": ""})") << "id" << "" << "must not be empty";
    QTest::newRow("integer") << QByteArray(R"({"f": 42})") << "integer" << "42" << "";
    QTest::newRow("integer negative") << QByteArray(R"({"f": -42})") << "integer" << "-42" << "";
    QTest::newRow("integer max safe") << QByteArray(R"({"f": 9007199254740991})") << "integer" << "9007199254740991" << "";
    QTest::newRow("integer 2^53+1") << QByteArray(R"({"f": 9007199254740993})") << "integer" << "0" << "too large to be exact";
    QTest::newRow("integer huge") << QByteArray(R"({"f": 123456789012345678901234567890})") << "integer" << "0" << "too large";
    QTest::newRow("integer fraction") << QByteArray(R"({"f": 1.5})") << "integer" << "0" << "expected a whole number, got 1.5";
    QTest::newRow("integer exponent ok") << QByteArray(R"({"f": 1e3})") << "integer" << "1000" << "";
    QTest::newRow("integer as string") << QByteArray(R"({"f": "42"})") << "integer" << "0" << "expected a whole number, got a string";
    QTest::newRow("integer below min") << QByteArray(R"({"f": -1})") << "positive" << "0" << "-1 is out of range";
    QTest::newRow("optional integer absent") << QByteArray(R"({})") << "optionalInteger" << "7" << "";
    QTest::newRow("bool") << QByteArray(R"({"f": true})") << "bool" << "true" << "";
    QTest::newRow("bool missing") << QByteArray(R"({})") << "bool" << "false" << "s.f: missing";
    QTest::newRow("bool as string") << QByteArray(R"({"f": "true"})") << "bool" << "false" << "expected true or false, got a string";
    QTest::newRow("time with offset") << QByteArray(R"({"f": "2026-12-05T14:30:00+08:00"})") << "dateTime" << "2026-12-05T14:30:00.000+08:00" << "";
    QTest::newRow("time utc") << QByteArray(R"({"f": "2026-12-05T06:30:00Z"})") << "dateTime" << "2026-12-05T06:30:00.000Z" << "";
    QTest::newRow("time ms") << QByteArray(R"({"f": "2026-12-05T06:30:00.250Z"})") << "dateTime" << "2026-12-05T06:30:00.250Z" << "";
    QTest::newRow("time without seconds") << QByteArray(R"({"f": "2026-12-05T14:30+08:00"})") << "dateTime" << "2026-12-05T14:30:00.000+08:00" << "";
    QTest::newRow("time negative offset") << QByteArray(R"({"f": "2026-12-05T01:30:00-05:00"})") << "dateTime" << "2026-12-05T01:30:00.000-05:00" << "";
    QTest::newRow("time space separator") << QByteArray(R"({"f": "2026-12-05 14:30:00+08:00"})") << "dateTime" << "" << "is not a string with an ISO 8601 time";
    QTest::newRow("time no offset") << QByteArray(R"({"f": "2026-12-05T14:30:00"})") << "dateTime" << "" << "s.f: time without an offset: add +08:00 or Z";
    QTest::newRow("time date only") << QByteArray(R"({"f": "2026-12-05"})") << "dateTime" << "" << "is not a string with an ISO 8601 time";
    QTest::newRow("time number") << QByteArray(R"({"f": 1764916200})") << "dateTime" << "" << "s.f: expected a string with an ISO 8601 time, got a number";
    QTest::newRow("time impossible") << QByteArray(R"({"f": "2026-02-30T10:00:00Z"})") << "dateTime" << "" << "not a real date and time";
    QTest::newRow("time bad hour") << QByteArray(R"({"f": "2026-12-05T25:00:00Z"})") << "dateTime" << "" << "not a real date and time";
    QTest::newRow("optional time absent") << QByteArray(R"({})") << "optionalDateTime" << "" << "";
    QTest::newRow("array") << QByteArray(R"({"f": [1, 2]})") << "array" << "2" << "";
    QTest::newRow("array too long") << QByteArray(R"({"f": [1, 2, 3]})") << "array" << "0" << "list of 3 entries is too long: at most 2";
    QTest::newRow("array as object") << QByteArray(R"({"f": {}})") << "array" << "0" << "expected a list, got an object";
    QTest::newRow("array too short") << QByteArray(R"({"f": []})") << "nonEmptyArray" << "0" << "at least 1 entries";
    QTest::newRow("string list") << QByteArray(R"({"f": ["a", "b"]})") << "stringList" << "a|b" << "";
    QTest::newRow("string list bad item") << QByteArray(R"({"f": ["a", 2]})") << "stringList" << "a" << "s.f[1]: expected a string, got a number";
    QTest::newRow("id list bad item") << QByteArray(R"({"f": ["F-1", "F 2"]})") << "idList" << "F-1" << "s.f[1]: \"F 2\" is not valid";
    QTest::newRow("choice") << QByteArray(R"({"f": "audience"})") << "choice" << "1" << "";
    QTest::newRow("choice bad") << QByteArray(R"({"f": "public"})") << "choice" << "-1" << "\"public\" is not allowed: expected one of \"jury\", \"audience\"";
    QTest::newRow("optional choice absent") << QByteArray(R"({})") << "optionalChoice" << "0" << "";
    QTest::newRow("child") << QByteArray(R"({"f": {"en": "Hi"}})") << "child" << "Hi" << "";
    QTest::newRow("child not object") << QByteArray(R"({"f": "Hi"})") << "child" << "" << "s.f: expected an object, got a string";
    QTest::newRow("child missing") << QByteArray(R"({})") << "child" << "" << "s.f: missing";
    QTest::newRow("child field missing") << QByteArray(R"({"f": {}})") << "child" << "" << "s.f.en: missing";
}

void tst_JsonReader::reads()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, op);
    QFETCH(QString, value);
    QFETCH(QString, error);

    JsonReader r(parse(input), "s");
    QCOMPARE(readAs(r, op), value);
    if (error.isEmpty()) {
        QVERIFY2(r.ok(), qPrintable(r.errors().value(0).toString()));
    } else {
        QVERIFY(!r.ok());
        QCOMPARE(r.errors().size(), 1);
        QVERIFY2(r.errors().first().toString().contains(error), qPrintable(r.errors().first().toString()));
    }
}

void tst_JsonReader::dateTimeKeepsOffset()
{
    JsonReader r(parse(R"({"start": "2026-12-05T14:30:00+08:00"})"));
    const QDateTime t = r.requiredDateTime("start");
    QCOMPARE(t.offsetFromUtc(), 8 * 3600);
    QCOMPARE(t.toUTC(), QDateTime(QDate(2026, 12, 5), QTime(6, 30), Qt::UTC));
}

void tst_JsonReader::errorsAreSharedWithChildren()
{
    JsonReader r(parse(R"({"title": {"en": 5}, "id": "S-0412"})"), "screenings[3]");
    r.setLabel(r.requiredId("id"));
    JsonReader title = r.child("title");
    title.requiredString("en");
    QVERIFY(!r.ok());
    QCOMPARE(r.errors().size(), 1);
    const JsonError e = r.errors().first();
    QCOMPARE(e.path, QStringLiteral("screenings[3].title.en"));
    QCOMPARE(e.where, QStringLiteral("screenings[3] (S-0412)"));
    QCOMPARE(e.field, QStringLiteral("title.en"));
    QCOMPARE(e.message, QStringLiteral("expected a string, got a number"));
}

void tst_JsonReader::elementsNameTheirEntry()
{
    JsonReader root(parse(R"({"screenings": [{"id": "S-1"}, 7, {"id": "S-3", "start": "2026-12-05T10:00:00"}]})"));
    const QJsonArray list = root.requiredArray("screenings");
    for (qsizetype i = 0; i < list.size(); ++i) {
        JsonReader s = root.element("screenings", list, i);
        s.setLabel(s.requiredId("id"));
        s.optionalDateTime("start");
    }
    const QList<JsonError> errors = root.errors();
    QCOMPARE(errors.size(), 2);
    QCOMPARE(errors[0].toString(), QStringLiteral("screenings[1]: expected an object, got a number"));
    QCOMPARE(errors[0].where, QStringLiteral("screenings[1]"));
    QCOMPARE(errors[1].where, QStringLiteral("screenings[2] (S-3)"));
    QCOMPARE(errors[1].field, QStringLiteral("start"));
}

void tst_JsonReader::collectsEveryProblem()
{
    JsonReader r(parse(R"({"a": 1, "b": "x", "c": 1.5})"), "e");
    r.requiredString("a");
    r.requiredInteger("b");
    r.requiredInteger("c");
    r.requiredString("d");
    QCOMPARE(r.errors().size(), 4);
}

void tst_JsonReader::unknownFieldsAreReported()
{
    JsonReader r(parse(R"({"id": "S-1", "strat": "2026-12-05T10:00:00Z"})"), "screenings[0]");
    r.requiredId("id");
    r.optionalDateTime("start");
    r.rejectUnknownFields();
    QCOMPARE(r.errors().size(), 1);
    QCOMPARE(r.errors().first().toString(), QStringLiteral("screenings[0].strat: unknown field; check its spelling or remove it"));
}

QTEST_GUILESS_MAIN(tst_JsonReader)
#include "tst_jsonreader.moc"
