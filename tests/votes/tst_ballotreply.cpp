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
};

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

QTEST_APPLESS_MAIN(tst_BallotReply)
#include "tst_ballotreply.moc"
