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

const QByteArray threeRatings = R"({"film":"F-017","score":5},{"film":"F-018","score":3},{"film":"F-019","score":1})";

// The same ballot rating three films of a block.
QByteArray block()
{
    return R"({"type":"ballot","v":1,"voteId":"123e4567-e89b-12d3-a456-426614174000","ticket":"K7QF-4M9X-R2DA-BC3P","screening":"S-0412","ratings":[{"film":"F-017","score":5},{"film":"F-018","score":3},{"film":"F-019","score":1}],"castAt":"2026-12-05T16:02:11+08:00"})";
}

QByteArray with(const QByteArray &from, const QByteArray &to, QByteArray b = valid())
{
    b.replace(from, to);
    return b;
}

QByteArray blockWith(const QByteArray &from, const QByteArray &to)
{
    return with(from, to, block());
}

QByteArray ratings(int count)
{
    QByteArray list;
    for (int i = 0; i < count; ++i)
        list += (i ? "," : "") + QByteArray(R"({"film":"F-)") + QByteArray::number(i) + R"(","score":4})";
    return list;
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
    void legacyOneFilmBallotStillDecodes();
    void blockBallotRoundTrip();
    void oneRatingIsWrittenInTheOneFilmForm();
    void oneRatingInTheBlockFormDecodes();
    void blockRejects_data();
    void blockRejects();
    void outOfRangeScoreInABlockDecodesButIsFlagged();
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
    QCOMPARE(a.ratings.size(), b.ratings.size());
    for (qsizetype i = 0; i < a.ratings.size(); ++i) {
        QCOMPARE(a.ratings[i].film, b.ratings[i].film);
        QCOMPARE(a.ratings[i].score, b.ratings[i].score);
    }
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
    b.ratings = {{QStringLiteral("F-2"), 4}};
    b.castAt = QDateTime(QDate(2026, 12, 5), QTime(16, 2, 11, 250), QTimeZone(8 * 3600));
    QString error;
    const auto back = Ballot::fromJson(b.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->voteId, b.voteId);
    QCOMPARE(back->ticket, b.ticket);
    QCOMPARE(back->screening, b.screening);
    QCOMPARE(back->ratings, b.ratings);
    QCOMPARE(back->castAt, b.castAt);
    QVERIFY(back->scoresInRange());
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
    QTest::newRow("too deep") << with("5,", "{\"a\":{\"b\":[1]}},") << "" << false;
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
        QVERIFY(!b->scoresInRange());
    }
}

void tst_Ballot::legacyOneFilmBallotStillDecodes()
{
    // What kiosks wrote before blocks could be rated: in outboxes and in votes databases.
    QString error;
    const auto b = Ballot::fromJson(valid(), &error);
    QVERIFY2(b, qPrintable(error));
    QCOMPARE(b->ratings, (QList<Ballot::Rating>{{QStringLiteral("F-017"), 5}}));
    QVERIFY(Ballot::fromPlainJson(valid()));
}

void tst_Ballot::blockBallotRoundTrip()
{
    QString error;
    const auto b = Ballot::fromJson(block(), &error);
    QVERIFY2(b, qPrintable(error));
    const QList<Ballot::Rating> expected{{QStringLiteral("F-017"), 5}, {QStringLiteral("F-018"), 3}, {QStringLiteral("F-019"), 1}};
    QCOMPARE(b->ratings, expected);
    QCOMPARE(b->screening, QStringLiteral("S-0412"));
    QVERIFY(b->scoresInRange());
    // The fast path leaves blocks to the full decoder.
    QVERIFY(!Ballot::fromPlainJson(block()));
    const QByteArray json = b->toJson();
    QVERIFY2(json.contains("\"ratings\":[{\"film\":\"F-017\",\"score\":5},"), json.constData());
    QVERIFY(!json.contains("\"film\":\"F-017\",\"score\":5,"));
    const auto back = Ballot::fromJson(json, &error);
    QVERIFY2(back, qPrintable(error));
    compareBallots(*back, *b);
}

void tst_Ballot::oneRatingIsWrittenInTheOneFilmForm()
{
    // So that controllers that know only that form count it, on their fast path.
    Ballot b{Ballot::newVoteId(), QStringLiteral("K7QF-4M9X-R2DA-BC3P"), QStringLiteral("S-1"), {{QStringLiteral("F-2"), 4}},
             QDateTime::currentDateTimeUtc()};
    const QByteArray json = b.toJson();
    QVERIFY2(json.contains("\"film\":\"F-2\"") && json.contains("\"score\":4") && !json.contains("ratings"), json.constData());
    const auto plain = Ballot::fromPlainJson(json);
    QVERIFY(plain);
    QCOMPARE(plain->ratings, b.ratings);
}

void tst_Ballot::oneRatingInTheBlockFormDecodes()
{
    QString error;
    const auto b = Ballot::fromJson(blockWith(R"(,{"film":"F-018","score":3},{"film":"F-019","score":1})", ""), &error);
    QVERIFY2(b, qPrintable(error));
    QCOMPARE(b->ratings, (QList<Ballot::Rating>{{QStringLiteral("F-017"), 5}}));
}

void tst_Ballot::blockRejects_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<bool>("voteIdKnown");
    QTest::newRow("ratings empty") << blockWith(threeRatings, "")
                                   << "ballot.ratings: rates no film" << true;
    QTest::newRow("ratings an object") << blockWith("[" + threeRatings + "]", R"({"F-017":5})") << "ballot.ratings: expected a list" << true;
    QTest::newRow("ratings a string") << with("\"film\":\"F-017\",\"score\":5", "\"ratings\":\"F-017=5\"")
                                      << "ballot.ratings: expected a list" << true;
    QTest::newRow("ratings null") << with("\"film\":\"F-017\",\"score\":5", "\"ratings\":null") << "ballot.ratings: expected a list of ratings, got null" << true;
    QTest::newRow("film twice") << blockWith("F-019", "F-017") << "ballot.ratings[2].film: F-017 is rated twice" << true;
    QTest::newRow("both forms") << blockWith("\"ratings\"", "\"film\":\"F-017\",\"score\":5,\"ratings\"")
                                << "ballot.ratings: the ballot also has film or score" << true;
    QTest::newRow("ratings and film") << blockWith("\"ratings\"", "\"film\":\"F-017\",\"ratings\"")
                                      << "not both" << true;
    QTest::newRow("too many") << blockWith(threeRatings, ratings(33))
                              << "ballot.ratings: rates 33 films; a ballot rates at most 32" << true;
    QTest::newRow("far too many") << blockWith(threeRatings, ratings(65))
                                  << "65" << false;
    QTest::newRow("score fraction") << blockWith("\"score\":3", "\"score\":3.5") << "ballot.ratings[1].score" << true;
    QTest::newRow("score text") << blockWith("\"score\":3", "\"score\":\"3\"") << "ballot.ratings[1].score" << true;
    QTest::newRow("score missing") << blockWith(",\"score\":3", "") << "ballot.ratings[1].score: missing" << true;
    QTest::newRow("film missing") << blockWith("\"film\":\"F-018\",", "") << "ballot.ratings[1].film: missing" << true;
    QTest::newRow("film not an id") << blockWith("F-018", "F/018") << "ballot.ratings[1].film" << true;
    QTest::newRow("rating not an object") << blockWith(R"({"film":"F-018","score":3})", "3") << "ballot.ratings[1]: expected an object" << true;
    QTest::newRow("unknown field in a rating") << blockWith("\"score\":3}", "\"score\":3,\"note\":\"meh\"}")
                                               << "ballot.ratings[1].note: unknown field" << true;
    QTest::newRow("score nested too deep") << blockWith("\"score\":3", "\"score\":[3]") << "nested deeper" << false;
}

void tst_Ballot::blockRejects()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, problem);
    QFETCH(bool, voteIdKnown);
    QString error, voteId;
    QVERIFY(!Ballot::fromPlainJson(data));
    QVERIFY(!Ballot::fromJson(data, &error, &voteId));
    QVERIFY2(error.contains(problem), qPrintable(error));
    QCOMPARE(!voteId.isEmpty(), voteIdKnown);
}

void tst_Ballot::outOfRangeScoreInABlockDecodesButIsFlagged()
{
    QString error;
    const auto b = Ballot::fromJson(blockWith("\"score\":3", "\"score\":6"), &error);
    QVERIFY2(b, qPrintable(error));
    QVERIFY(!b->scoresInRange());
    QCOMPARE(b->ratings.at(1).score, 6);
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
    Ballot b{Ballot::newVoteId(), QStringLiteral("K7QF-4M9X-R2DA-BC3P"), QStringLiteral("S-1"), {{QStringLiteral("F-2"), 4}},
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
                           QStringLiteral("S-%1").arg(n), {{QStringLiteral("F_%1.x").arg(n), score}}, at};
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
    QTest::newRow("block") << block();
    QTest::newRow("block of one") << blockWith(R"(,{"film":"F-018","score":3},{"film":"F-019","score":1})", "");
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
    QTest::newRow("block with film twice") << blockWith("F-019", "F-017");
    QTest::newRow("both forms") << blockWith("\"ratings\"", "\"film\":\"F-017\",\"score\":5,\"ratings\"");
    QTest::newRow("ratings empty") << blockWith(threeRatings, "");
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
