#include "ballotreply.h"

#include <QMetaEnum>
#include <QTest>

using fest::BallotReply;

class tst_BallotReply : public QObject
{
    Q_OBJECT
private slots:
    void everyReasonRoundTrips_data();
    void everyReasonRoundTrips();
    void acceptedAndDuplicateRoundTrip();
    void rejects_data();
    void rejects();
    void splicedEncodingIsTheGeneralOne_data();
    void splicedEncodingIsTheGeneralOne();
    void plainDecoderReadsWhatTheControllerSends();
    void plainDecoderLeavesTheRestToTheFullOne_data();
    void plainDecoderLeavesTheRestToTheFullOne();
};

namespace {
void compareReplies(const BallotReply &a, const BallotReply &b)
{
    QCOMPARE(a.voteId, b.voteId);
    QCOMPARE(a.result, b.result);
    QCOMPARE(a.reason, b.reason);
    QCOMPARE(a.message, b.message);
}

QByteArray reply(const QByteArray &fields)
{
    return R"({"type":"ballot-reply","v":1,)" + fields + '}';
}
} // namespace

void tst_BallotReply::everyReasonRoundTrips_data()
{
    QTest::addColumn<BallotReply::Reason>("reason");
    const QMetaEnum e = QMetaEnum::fromType<BallotReply::Reason>();
    for (int i = 1; i < e.keyCount(); ++i)
        QTest::newRow(e.key(i)) << BallotReply::Reason(e.value(i));
}

void tst_BallotReply::everyReasonRoundTrips()
{
    QFETCH(BallotReply::Reason, reason);
    const BallotReply reply = BallotReply::rejected(QStringLiteral("v-1"), reason);
    QVERIFY(!BallotReply::reasonCode(reason).isEmpty());
    QVERIFY(!reply.message.isEmpty());
    QString error;
    const auto back = BallotReply::fromJson(reply.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->result, BallotReply::Result::Rejected);
    QCOMPARE(back->reason, reason);
    QCOMPARE(back->voteId, QStringLiteral("v-1"));
    QCOMPARE(back->message, reply.message);
}

void tst_BallotReply::acceptedAndDuplicateRoundTrip()
{
    for (const BallotReply &reply : {BallotReply::accepted("a"), BallotReply::duplicate("d")}) {
        QString error;
        const auto back = BallotReply::fromJson(reply.toJson(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->result, reply.result);
        QCOMPARE(back->reason, BallotReply::Reason::None);
        QVERIFY(!reply.toJson().contains("reason"));
    }
}

void tst_BallotReply::splicedEncodingIsTheGeneralOne_data()
{
    QTest::addColumn<BallotReply::Result>("result");
    QTest::addColumn<BallotReply::Reason>("reason");
    QTest::newRow("accepted") << BallotReply::Result::Accepted << BallotReply::Reason::None;
    QTest::newRow("duplicate") << BallotReply::Result::Duplicate << BallotReply::Reason::None;
    const QMetaEnum e = QMetaEnum::fromType<BallotReply::Reason>();
    for (int i = 1; i < e.keyCount(); ++i)
        QTest::newRow(e.key(i)) << BallotReply::Result::Rejected << BallotReply::Reason(e.value(i));
}

void tst_BallotReply::splicedEncodingIsTheGeneralOne()
{
    // Canonical vote ids take the spliced path; an upper-case id (not canonical) takes
    // the general encoder. Both must give the same bytes but for the id's case, for
    // every kind, whatever kind was encoded before.
    QFETCH(BallotReply::Result, result);
    QFETCH(BallotReply::Reason, reason);
    const auto make = [&](const QString &id) {
        return result == BallotReply::Result::Accepted    ? BallotReply::accepted(id)
               : result == BallotReply::Result::Duplicate ? BallotReply::duplicate(id)
                                                          : BallotReply::rejected(id, reason);
    };
    for (const QString &id : {QStringLiteral("01a21620-74c8-7986-819e-5f9b1fb159be"), QStringLiteral("123e4567-e89b-12d3-a456-426614174000")}) {
        BallotReply::rejected(QStringLiteral("ffffffff-ffff-4fff-bfff-ffffffffffff"), BallotReply::Reason::BadScore).toJson();
        const QByteArray spliced = make(id).toJson();
        const QByteArray general = make(id.toUpper()).toJson();
        QCOMPARE(spliced, QByteArray(general).replace(id.toUpper().toLatin1(), id.toLatin1()));
        QCOMPARE(make(id).toJson(), spliced);   // the same kind twice in a row
        QString error;
        const auto back = BallotReply::fromJson(spliced, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->voteId, id);
        QCOMPARE(back->result, result);
        QCOMPARE(back->reason, reason);
    }
}

void tst_BallotReply::rejects_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("garbage") << QByteArray("{");
    QTest::newRow("wrong type") << QByteArray(R"({"type":"reply","v":1,"voteId":"a","result":"accepted"})");
    QTest::newRow("unknown result") << QByteArray(R"({"type":"ballot-reply","v":1,"voteId":"a","result":"maybe"})");
    QTest::newRow("rejected without reason") << QByteArray(R"({"type":"ballot-reply","v":1,"voteId":"a","result":"rejected"})");
    QTest::newRow("unknown reason") << QByteArray(R"({"type":"ballot-reply","v":1,"voteId":"a","result":"rejected","reason":"tired"})");
    QTest::newRow("missing vote id") << QByteArray(R"({"type":"ballot-reply","v":1,"result":"accepted"})");
}

void tst_BallotReply::rejects()
{
    QFETCH(QByteArray, data);
    QString error;
    QVERIFY(!BallotReply::fromJson(data, &error));
    QVERIFY(!error.isEmpty());
}

void tst_BallotReply::plainDecoderReadsWhatTheControllerSends()
{
    // Every reply the controller can send is plain, and both decoders read it the same.
    QList<BallotReply> replies{BallotReply::accepted(QStringLiteral("01a21620-74c8-7986-819e-5f9b1fb159be")),
                               BallotReply::duplicate(QStringLiteral("a")), BallotReply::accepted(QString())};
    const QMetaEnum e = QMetaEnum::fromType<BallotReply::Reason>();
    for (int i = 1; i < e.keyCount(); ++i)
        replies.append(BallotReply::rejected(QStringLiteral("123e4567-e89b-12d3-a456-426614174000"), BallotReply::Reason(e.value(i))));
    for (const BallotReply &r : replies) {
        const QByteArray json = r.toJson();
        const std::optional<BallotReply> plain = BallotReply::fromPlainJson(json);
        QVERIFY2(plain, json.constData());
        QString error;
        const std::optional<BallotReply> full = BallotReply::fromAnyJson(json, &error);
        QVERIFY2(full, qPrintable(error));
        compareReplies(*plain, *full);
        compareReplies(*plain, r);
    }
}

void tst_BallotReply::plainDecoderLeavesTheRestToTheFullOne_data()
{
    QTest::addColumn<QByteArray>("data");
    // Valid in another shape.
    QTest::newRow("escaped message") << reply(R"("voteId":"a","result":"accepted","message":"Merci \u00e0 vous")");
    QTest::newRow("non-ascii message") << reply("\"voteId\":\"a\",\"result\":\"accepted\",\"message\":\"\xe8\xb0\xa2\xe8\xb0\xa2\"");
    QTest::newRow("version 1.0") << QByteArray(R"({"type":"ballot-reply","v":1.0,"voteId":"a","result":"accepted"})");
    // Invalid: the full decoder's reasons.
    QTest::newRow("wrong type") << QByteArray(R"({"type":"reply","v":1,"voteId":"a","result":"accepted"})");
    QTest::newRow("version 2") << QByteArray(R"({"type":"ballot-reply","v":2,"voteId":"a","result":"accepted"})");
    QTest::newRow("unknown result") << reply(R"("voteId":"a","result":"maybe")");
    QTest::newRow("rejected without reason") << reply(R"("voteId":"a","result":"rejected")");
    QTest::newRow("empty reason") << reply(R"("voteId":"a","result":"rejected","reason":"")");
    QTest::newRow("unknown reason") << reply(R"("voteId":"a","result":"rejected","reason":"tired")");
    QTest::newRow("missing vote id") << reply(R"("result":"accepted")");
    QTest::newRow("vote id 39") << reply("\"voteId\":\"" + QByteArray(39, 'a') + "\",\"result\":\"accepted\"");
    QTest::newRow("message 513") << reply("\"voteId\":\"a\",\"result\":\"accepted\",\"message\":\"" + QByteArray(513, 'm') + '"');
    QTest::newRow("repeated result") << reply(R"("voteId":"a","result":"accepted","result":"rejected")");
    QTest::newRow("unknown field") << reply(R"("voteId":"a","result":"accepted","kiosk":"K-1")");
    QTest::newRow("result a number") << reply(R"("voteId":"a","result":1)");
    QTest::newRow("trailing garbage") << reply(R"("voteId":"a","result":"accepted")") + "]";
    QTest::newRow("oversized") << reply("\"voteId\":\"a\",\"result\":\"accepted\",\"message\":\"" + QByteArray(5000, 'm') + '"');
}

void tst_BallotReply::plainDecoderLeavesTheRestToTheFullOne()
{
    QFETCH(QByteArray, data);
    QVERIFY(!BallotReply::fromPlainJson(data));
    QString fullError, error;
    const std::optional<BallotReply> full = BallotReply::fromAnyJson(data, &fullError);
    const std::optional<BallotReply> r = BallotReply::fromJson(data, &error);
    QCOMPARE(r.has_value(), full.has_value());
    QCOMPARE(error, fullError);
    if (r)
        compareReplies(*r, *full);
}

QTEST_APPLESS_MAIN(tst_BallotReply)
#include "tst_ballotreply.moc"
