#include "ballot.h"

#include <QTest>
#include <QTimeZone>
#include <QUuid>

using fest::Ballot;

namespace {
QByteArray valid()
{
    return R"({"type":"ballot","v":1,"voteId":"123e4567-e89b-12d3-a456-426614174000","ticket":"K7QF-4M9X-R2DA-BC3P","screening":"S-0412","film":"F-017","score":5,"castAt":"2026-12-05T16:02:11+08:00"})";
}

QByteArray with(const QByteArray &from, const QByteArray &to)
{
    QByteArray b = valid();
    b.replace(from, to);
    return b;
}
} // namespace

class tst_Ballot : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip();
    void decodesUpperCaseOrBracedUuidCanonically();
    void rejects_data();
    void rejects();
    void outOfRangeScoreDecodesButIsFlagged();
    void voteIdsAreTimeOrderedVersion7();
    void plainDecoderReadsWhatKiosksSend();
    void plainDecoderLeavesTheRestToTheFullOne_data();
    void plainDecoderLeavesTheRestToTheFullOne();
};

namespace {
// Same fields; with `strict`, the same QDateTime too (both decoders parse the same way).
void compareBallots(const Ballot &a, const Ballot &b, bool strict = true)
{
    QCOMPARE(a.voteId, b.voteId);
    QCOMPARE(a.ticket, b.ticket);
    QCOMPARE(a.screening, b.screening);
    QCOMPARE(a.film, b.film);
    QCOMPARE(a.score, b.score);
    QCOMPARE(a.castAt, b.castAt);
    QCOMPARE(a.castAt.offsetFromUtc(), b.castAt.offsetFromUtc());
    if (strict)
        QCOMPARE(a.castAt.timeSpec(), b.castAt.timeSpec());
}
} // namespace

void tst_Ballot::roundTrip()
{
    Ballot b;
    b.voteId = Ballot::newVoteId();
    b.ticket = QStringLiteral("K7QF-4M9X-R2DA-BC3P");
    b.screening = QStringLiteral("S-1");
    b.film = QStringLiteral("F-2");
    b.score = 4;
    b.castAt = QDateTime(QDate(2026, 12, 5), QTime(16, 2, 11, 250), QTimeZone(8 * 3600));
    QString error;
    const auto back = Ballot::fromJson(b.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->voteId, b.voteId);
    QCOMPARE(back->ticket, b.ticket);
    QCOMPARE(back->screening, b.screening);
    QCOMPARE(back->film, b.film);
    QCOMPARE(back->score, 4);
    QCOMPARE(back->castAt, b.castAt);
    QVERIFY(back->scoreInRange());
}

void tst_Ballot::decodesUpperCaseOrBracedUuidCanonically()
{
    QString error;
    const auto b = Ballot::fromJson(with("123e4567-e89b-12d3-a456-426614174000", "{123E4567-E89B-12D3-A456-426614174000}"), &error);
    QVERIFY2(b, qPrintable(error));
    QCOMPARE(b->voteId, QStringLiteral("123e4567-e89b-12d3-a456-426614174000"));
}

void tst_Ballot::rejects_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<bool>("voteIdKnown");
    QTest::newRow("not json") << QByteArray("ballot!") << "" << false;
    QTest::newRow("array") << QByteArray("[1]") << "" << false;
    QTest::newRow("oversized") << with("\"F-017\"", "\"F-017\",\"pad\":\"" + QByteArray(5000, 'x') + '"') << "" << false;
    QTest::newRow("too deep") << with("5,", "{\"a\":{\"b\":1}},") << "" << false;
    QTest::newRow("wrong type") << with("\"ballot\"", "\"vote\"") << "ballot" << false;
    QTest::newRow("wrong version") << with("\"v\":1", "\"v\":2") << "version" << false;
    QTest::newRow("bad uuid") << with("123e4567-e89b-12d3-a456-426614174000", "1234") << "voteId" << false;
    QTest::newRow("missing ticket") << with("\"ticket\":\"K7QF-4M9X-R2DA-BC3P\",", "") << "ticket" << true;
    QTest::newRow("ticket too long") << with("K7QF-4M9X-R2DA-BC3P", QByteArray(65, 'A')) << "ticket" << true;
    QTest::newRow("screening not an id") << with("S-0412", "S/0412") << "screening" << true;
    QTest::newRow("film wildcard") << with("F-017", "#") << "film" << true;
    QTest::newRow("score text") << with("5,", "\"5\",") << "score" << true;
    QTest::newRow("score fraction") << with("5,", "4.5,") << "score" << true;
    QTest::newRow("castAt without offset") << with("+08:00", "") << "castAt" << true;
    QTest::newRow("kiosk identity in payload") << with("\"v\":1", "\"v\":1,\"kiosk\":\"K-01\"") << "kiosk" << true;
}

void tst_Ballot::rejects()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, problem);
    QFETCH(bool, voteIdKnown);
    QString error, voteId;
    QVERIFY(!Ballot::fromJson(data, &error, &voteId));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(problem), qPrintable(error));
    QCOMPARE(!voteId.isEmpty(), voteIdKnown);
}

void tst_Ballot::outOfRangeScoreDecodesButIsFlagged()
{
    for (const QByteArray score : {"0,", "6,", "-3,"}) {
        QString error;
        const auto b = Ballot::fromJson(with("5,", score), &error);
        QVERIFY2(b, qPrintable(error));
        QVERIFY(!b->scoreInRange());
    }
}

void tst_Ballot::voteIdsAreTimeOrderedVersion7()
{
    const qint64 at = QDateTime(QDate(2026, 12, 5), QTime(16, 2, 11, 250), QTimeZone::utc()).toMSecsSinceEpoch();
    const QString id = Ballot::newVoteId(at);
    QVERIFY(!QUuid::fromString(id).isNull());
    // Qt 6.4 knows versions up to 5 only: read the version and variant nibbles.
    QCOMPARE(id.at(14), QLatin1Char('7'));
    QVERIFY2(QStringLiteral("89ab").contains(id.at(19)), qPrintable(id));
    // The first 48 bits are the milliseconds, readable as hex in the text form.
    QCOMPARE(id.left(8) + id.mid(9, 4), QStringLiteral("%1").arg(at, 12, 16, QLatin1Char('0')));
    // Later ids sort later as text (what the vote-id index orders by); same-millisecond
    // ids still differ.
    QVERIFY(Ballot::newVoteId(at) != id);
    QVERIFY(Ballot::newVoteId(at + 1) > Ballot::newVoteId(at));
    QVERIFY(Ballot::newVoteId(at + 1000 * 3600) > Ballot::newVoteId(at + 1000 * 3600 - 1));
    // And they are ballots' vote ids like any other.
    Ballot b{Ballot::newVoteId(), QStringLiteral("K7QF-4M9X-R2DA-BC3P"), QStringLiteral("S-1"), QStringLiteral("F-2"), 4,
             QDateTime::currentDateTimeUtc()};
    QVERIFY(Ballot::fromJson(b.toJson(), nullptr));
}

void tst_Ballot::plainDecoderReadsWhatKiosksSend()
{
    // What toJson writes is the plain shape, whatever the values: the fast decoder takes
    // it and reads exactly what the full decoder reads.
    const QList<QDateTime> times{
        QDateTime(QDate(2026, 12, 5), QTime(16, 2, 11, 250), QTimeZone(8 * 3600)),
        QDateTime(QDate(2026, 12, 5), QTime(0, 0), QTimeZone::utc()),
        QDateTime(QDate(2026, 12, 31), QTime(23, 59, 59, 999), QTimeZone(-(3 * 3600 + 30 * 60))),
    };
    int n = 0;
    for (const QDateTime &at : times) {
        for (qint64 score : {qint64(1), qint64(5), qint64(0), qint64(-3), qint64(1000), qint64(-1000)}) {
            const Ballot b{Ballot::newVoteId(), n % 2 ? QStringLiteral("K7QF-4M9X-R2DA-BC3P") : QStringLiteral("k7qf 4m9x"),
                           QStringLiteral("S-%1").arg(n), QStringLiteral("F_%1.x").arg(n), score, at};
            ++n;
            const QByteArray json = b.toJson();
            const std::optional<Ballot> plain = Ballot::fromPlainJson(json);
            QVERIFY2(plain, json.constData());
            QString error;
            const std::optional<Ballot> full = Ballot::fromAnyJson(json, &error);
            QVERIFY2(full, qPrintable(error));
            compareBallots(*plain, *full);
            compareBallots(*plain, b, false);
        }
    }
    // Spaces between tokens and another order of fields are still plain.
    const QByteArray spaced = R"( { "castAt" : "2026-12-05T16:02+08:00" , "score":-0 , "film":"F-017","screening":"S-0412",
        "ticket":"","voteId":"123e4567-e89b-12d3-a456-426614174000","v":1,"type":"ballot"} )";
    QVERIFY(!Ballot::fromPlainJson(spaced));   // "-0" is for the full decoder
    QByteArray reordered = spaced;
    reordered.replace("\"score\":-0", "\"score\":3");
    const std::optional<Ballot> plain = Ballot::fromPlainJson(reordered);
    QVERIFY(plain);
    const std::optional<Ballot> full = Ballot::fromAnyJson(reordered, nullptr);
    QVERIFY(full);
    compareBallots(*plain, *full);
}

void tst_Ballot::plainDecoderLeavesTheRestToTheFullOne_data()
{
    QTest::addColumn<QByteArray>("data");
    // Valid ballots in another shape: the full decoder accepts them.
    QTest::newRow("upper-case uuid") << with("123e4567", "123E4567");
    QTest::newRow("braced uuid") << with("\"123e4567-e89b-12d3-a456-426614174000\"", "\"{123e4567-e89b-12d3-a456-426614174000}\"");
    QTest::newRow("escaped letter") << with("S-0412", "\\u0053-0412");
    QTest::newRow("escaped slash in ticket") << with("K7QF-4M9X", "K7QF\\/4M9X");
    QTest::newRow("non-ascii ticket") << with("K7QF-4M9X-R2DA-BC3P", "K7QF\xc3\xa9");
    QTest::newRow("score 5.0") << with("5,", "5.0,");
    QTest::newRow("score 5e0") << with("5,", "5e0,");
    QTest::newRow("score -0") << with("5,", "-0,");
    QTest::newRow("version 1.0") << with("\"v\":1", "\"v\":1.0");
    QTest::newRow("delete character in ticket") << with("BC3P", "BC3\x7f");
    // Invalid ones: the full decoder refuses them, with its reasons.
    QTest::newRow("nil uuid") << with("123e4567-e89b-12d3-a456-426614174000", "00000000-0000-0000-0000-000000000000");
    QTest::newRow("short uuid") << with("426614174000", "42661417400");
    QTest::newRow("uuid not hex") << with("426614174000", "42661417400g");
    QTest::newRow("duplicate field") << with("\"score\":5", "\"score\":5,\"score\":4");
    QTest::newRow("unknown field") << with("\"v\":1", "\"v\":1,\"kiosk\":\"K-01\"");
    QTest::newRow("missing field") << with("\"film\":\"F-017\",", "");
    QTest::newRow("leading zero") << with("5,", "05,");
    QTest::newRow("score 10000") << with("5,", "10000,");
    QTest::newRow("score 1001") << with("5,", "1001,");
    QTest::newRow("score text") << with("5,", "\"5\",");
    QTest::newRow("version 2") << with("\"v\":1", "\"v\":2");
    QTest::newRow("type vote") << with("\"ballot\"", "\"vote\"");
    QTest::newRow("ticket 65") << with("K7QF-4M9X-R2DA-BC3P", QByteArray(65, 'A'));
    QTest::newRow("screening not an id") << with("S-0412", "S/0412");
    QTest::newRow("film empty") << with("\"F-017\"", "\"\"");
    QTest::newRow("castAt without offset") << with("+08:00", "");
    QTest::newRow("castAt four fraction digits") << with("16:02:11+08:00", "16:02:11.1234+08:00");
    QTest::newRow("castAt February 30") << with("2026-12-05", "2026-02-30");
    QTest::newRow("castAt offset 25 hours") << with("+08:00", "+25:00");
    QTest::newRow("nested object") << with("5,", "{\"a\":1},");
    QTest::newRow("trailing garbage") << valid() + "x";
    QTest::newRow("trailing comma") << with("+08:00\"}", "+08:00\",}");
    QTest::newRow("unterminated") << valid().chopped(1);
    QTest::newRow("control character") << with("S-0412", "S-04\x01" "12");
    QTest::newRow("oversized") << with("K7QF-4M9X-R2DA-BC3P", QByteArray(5000, 'A'));
}

void tst_Ballot::plainDecoderLeavesTheRestToTheFullOne()
{
    QFETCH(QByteArray, data);
    QVERIFY(!Ballot::fromPlainJson(data));
    // fromJson answers exactly as the full decoder does.
    QString fullError, error, fullVoteId, voteId;
    const std::optional<Ballot> full = Ballot::fromAnyJson(data, &fullError, &fullVoteId);
    const std::optional<Ballot> b = Ballot::fromJson(data, &error, &voteId);
    QCOMPARE(b.has_value(), full.has_value());
    QCOMPARE(error, fullError);
    QCOMPARE(voteId, fullVoteId);
    if (b)
        compareBallots(*b, *full);
}

QTEST_APPLESS_MAIN(tst_Ballot)
#include "tst_ballot.moc"
