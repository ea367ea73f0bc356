#include "request.h"

#include <QJsonDocument>
#include <QTest>

using fest::DecodeError;
using fest::JsonLimits;
using fest::Request;

Q_DECLARE_METATYPE(DecodeError::Kind)

class tst_Request : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip();
    void decode_data();
    void decode();
};

void tst_Request::roundTrip()
{
    const Request sent{QStringLiteral("screening.move"), {{"id", "S-0412"}, {"to", "2026-12-05T14:30:00+08:00"}}};
    const QByteArray data = sent.encode();
    QCOMPARE(QJsonDocument::fromJson(data).object().value("type").toString(), QStringLiteral("request"));
    const auto got = Request::decode(data);
    QVERIFY(got);
    QCOMPARE(got->op, sent.op);
    QCOMPARE(got->args, sent.args);
}

void tst_Request::decode_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<DecodeError::Kind>("kind");
    QTest::addColumn<QString>("mentions");
    using K = DecodeError::Kind;
    QTest::newRow("no args") << QByteArray(R"({"type":"request","v":1,"op":"status"})") << K::None << "";
    QTest::newRow("no op") << QByteArray(R"({"type":"request","v":1,"args":{}})") << K::InvalidField << "op";
    QTest::newRow("op not string") << QByteArray(R"({"type":"request","v":1,"op":5})") << K::InvalidField << "op";
    QTest::newRow("op with space") << QByteArray(R"({"type":"request","v":1,"op":"drop table"})") << K::InvalidField << "op";
    QTest::newRow("op empty") << QByteArray(R"({"type":"request","v":1,"op":""})") << K::InvalidField << "op";
    QTest::newRow("args array") << QByteArray(R"({"type":"request","v":1,"op":"x","args":[]})") << K::InvalidField << "args";
    QTest::newRow("unknown field") << QByteArray(R"({"type":"request","v":1,"op":"x","account":"admin"})") << K::InvalidField << "account";
    QTest::newRow("reply, not request") << QByteArray(R"({"type":"reply","v":1,"ok":true})") << K::WrongType << "request";
    QTest::newRow("oversized") << (QByteArray(R"({"type":"request","v":1,"op":"x","args":{"a":")") + QByteArray(70000, 'a') + "\"}}")
                               << K::Malformed << "";
    QTest::newRow("nested args too deep") << (QByteArray(R"({"type":"request","v":1,"op":"x","args":)") + QByteArray(40, '[') + QByteArray(40, ']') + "}")
                                          << K::Malformed << "";
}

void tst_Request::decode()
{
    QFETCH(QByteArray, data);
    QFETCH(DecodeError::Kind, kind);
    QFETCH(QString, mentions);
    DecodeError error;
    const auto request = Request::decode(data, JsonLimits{}, error);
    QCOMPARE(error.kind, kind);
    QCOMPARE(request.has_value(), kind == DecodeError::Kind::None);
    QVERIFY2(error.message.contains(mentions), qPrintable(error.message));
}

QTEST_GUILESS_MAIN(tst_Request)
#include "tst_request.moc"
