#include "isotime.h"

#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using namespace fest;

class tst_IsoTime : public QObject
{
    Q_OBJECT
private slots:
    void sameTextAsQt_data();
    void sameTextAsQt();
    void randomInstantsAndOffsets();
};

void tst_IsoTime::sameTextAsQt_data()
{
    QTest::addColumn<QDateTime>("at");
    const QDate d(2026, 12, 5);
    const QTime t(16, 2, 11, 250);
    QTest::newRow("utc") << QDateTime(d, t, QTimeZone::utc());
    QTest::newRow("+08:00") << QDateTime(d, t, QTimeZone(8 * 3600));
    QTest::newRow("-03:30") << QDateTime(d, t, QTimeZone(-(3 * 3600 + 30 * 60)));
    QTest::newRow("+00:00") << QDateTime(d, t, QTimeZone(0));
    QTest::newRow("+14:00") << QDateTime(d, t, QTimeZone(14 * 3600));
    QTest::newRow("-12:00") << QDateTime(d, t, QTimeZone(-12 * 3600));
    QTest::newRow("midnight") << QDateTime(d, QTime(0, 0), QTimeZone::utc());
    QTest::newRow("last ms of year") << QDateTime(QDate(2026, 12, 31), QTime(23, 59, 59, 999), QTimeZone(3600));
    QTest::newRow("leap day") << QDateTime(QDate(2028, 2, 29), QTime(12, 0, 0, 1), QTimeZone(-3600));
    QTest::newRow("offset with seconds (Qt's way)") << QDateTime(d, t, QTimeZone(3600 + 30));
    QTest::newRow("year 999 (Qt's way)") << QDateTime(QDate(999, 1, 2), t, QTimeZone::utc());
    QTest::newRow("year 10000 (Qt's way)") << QDateTime(QDate(10000, 1, 2), t, QTimeZone::utc());
    QTest::newRow("local time (Qt's way)") << QDateTime(d, t);
    QTest::newRow("named zone (Qt's way)") << QDateTime(d, t, QTimeZone("Asia/Taipei"));
    QTest::newRow("invalid (Qt's way)") << QDateTime();
    QTest::newRow("parsed +08:00") << QDateTime::fromString(QStringLiteral("2026-12-05T16:02:11.25+08:00"), Qt::ISODateWithMs);
    QTest::newRow("parsed Z") << QDateTime::fromString(QStringLiteral("2026-12-05T16:02Z"), Qt::ISODateWithMs);
    QTest::newRow("parsed +00:00") << QDateTime::fromString(QStringLiteral("2026-12-05T16:02:11+00:00"), Qt::ISODateWithMs);
    QTest::newRow("parsed -00:30") << QDateTime::fromString(QStringLiteral("2026-12-05T16:02:11-00:30"), Qt::ISODateWithMs);
}

void tst_IsoTime::sameTextAsQt()
{
    QFETCH(QDateTime, at);
    QCOMPARE(IsoTime::withMs(at), at.toString(Qt::ISODateWithMs));
}

void tst_IsoTime::randomInstantsAndOffsets()
{
    QRandomGenerator random(20261205);
    const qint64 from = QDateTime(QDate(1000, 1, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    const qint64 to = QDateTime(QDate(9999, 12, 31), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    for (int i = 0; i < 20000; ++i) {
        const qint64 ms = from + qint64(random.bounded(quint64(to - from)));
        const int offset = (random.bounded(14 * 4 * 2 + 1) - 14 * 4) * 15 * 60;
        const QDateTime at = i % 5 == 0 ? QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
                                        : QDateTime::fromMSecsSinceEpoch(ms, QTimeZone(offset));
        const QString expected = at.toString(Qt::ISODateWithMs);
        if (IsoTime::withMs(at) != expected)
            QFAIL(qPrintable(QStringLiteral("%1 written as %2").arg(expected, IsoTime::withMs(at))));
    }
}

QTEST_APPLESS_MAIN(tst_IsoTime)
#include "tst_isotime.moc"
