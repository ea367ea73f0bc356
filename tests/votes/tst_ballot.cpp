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
};

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

QTEST_APPLESS_MAIN(tst_Ballot)
#include "tst_ballot.moc"
