#include "reply.h"

#include <QJsonDocument>
#include <QTest>

using fest::DecodeError;
using fest::Reply;
using fest::ErrorCode;

Q_DECLARE_METATYPE(DecodeError::Kind)

class tst_Reply : public QObject
{
    Q_OBJECT
private slots:
    void successRoundTrip();
    void failureRoundTrip();
    void failureWithoutDetailsOmitsThem();
    void decode_data();
    void decode();
};

void tst_Reply::successRoundTrip()
{
    const Reply sent = Reply::success({{"version", 8}});
    const QByteArray data = sent.encode();
    QCOMPARE(QJsonDocument::fromJson(data).object(),
             (QJsonObject{{"type", "reply"}, {"v", 1}, {"ok", true}, {"result", QJsonObject{{"version", 8}}}}));
    const auto got = Reply::decode(data);
    QVERIFY(got);
    QVERIFY(got->ok);
    QCOMPARE(got->result, sent.result);
}

void tst_Reply::failureRoundTrip()
{
    const QJsonArray details{QJsonObject{{"where", "screenings[3] (S-0412)"}, {"field", "start"}, {"message", "overlaps S-0411"}}};
    const Reply sent = Reply::failure(ErrorCode::InvalidProgramme, QStringLiteral("2 problems; nothing was changed"), details);
    const auto got = Reply::decode(sent.encode());
    QVERIFY(got);
    QVERIFY(!got->ok);
    QCOMPARE(got->code, sent.code);
    QCOMPARE(got->message, sent.message);
    QCOMPARE(got->details, details);
}

void tst_Reply::failureWithoutDetailsOmitsThem()
{
    const QJsonObject object = QJsonDocument::fromJson(Reply::failure(ErrorCode::Forbidden, QStringLiteral("no")).encode()).object();
    QVERIFY(!object.value("error").toObject().contains("details"));
}

void tst_Reply::decode_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<DecodeError::Kind>("kind");
    QTest::addColumn<QString>("mentions");
    using K = DecodeError::Kind;
    QTest::newRow("ok without result") << QByteArray(R"({"type":"reply","v":1,"ok":true})") << K::None << "";
    QTest::newRow("request, not reply") << QByteArray(R"({"type":"request","v":1,"op":"x"})") << K::WrongType << "reply";
    QTest::newRow("no ok") << QByteArray(R"({"type":"reply","v":1})") << K::InvalidField << "ok";
    QTest::newRow("ok not bool") << QByteArray(R"({"type":"reply","v":1,"ok":"yes"})") << K::InvalidField << "ok";
    QTest::newRow("result not object") << QByteArray(R"({"type":"reply","v":1,"ok":true,"result":[1]})") << K::InvalidField << "result";
    QTest::newRow("failure without error") << QByteArray(R"({"type":"reply","v":1,"ok":false})") << K::InvalidField << "error";
    QTest::newRow("failure without code") << QByteArray(R"({"type":"reply","v":1,"ok":false,"error":{"message":"m"}})") << K::InvalidField << "code";
    QTest::newRow("failure code with slash") << QByteArray(R"({"type":"reply","v":1,"ok":false,"error":{"code":"a/b","message":"m"}})") << K::InvalidField << "code";
    QTest::newRow("failure details not array") << QByteArray(R"({"type":"reply","v":1,"ok":false,"error":{"code":"c","message":"m","details":{}}})") << K::InvalidField << "details";
    QTest::newRow("unknown field") << QByteArray(R"({"type":"reply","v":1,"ok":true,"extra":1})") << K::InvalidField << "extra";
    QTest::newRow("success carrying an error") << QByteArray(R"({"type":"reply","v":1,"ok":true,"error":{"code":"c","message":"m"}})") << K::InvalidField << "error";
    QTest::newRow("wrong version") << QByteArray(R"({"type":"reply","v":3,"ok":true})") << K::WrongVersion << "";
    QTest::newRow("garbage") << QByteArray("\x00\x01", 2) << K::Malformed << "";
}

void tst_Reply::decode()
{
    QFETCH(QByteArray, data);
    QFETCH(DecodeError::Kind, kind);
    QFETCH(QString, mentions);
    DecodeError error;
    const auto reply = Reply::decode(data, {}, error);
    QCOMPARE(error.kind, kind);
    QCOMPARE(reply.has_value(), kind == DecodeError::Kind::None);
    QVERIFY2(error.message.contains(mentions), qPrintable(error.message));
}

QTEST_GUILESS_MAIN(tst_Reply)
#include "tst_reply.moc"
