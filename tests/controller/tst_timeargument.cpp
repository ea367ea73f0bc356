#include "timeargument.h"

#include <QTest>

using namespace fest;

class tst_TimeArgument : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
};

void tst_TimeArgument::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");  // empty: refused
    QTest::addColumn<QString>("reason");
    QTest::newRow("iso with offset") << "2026-12-05T14:30:00+08:00" << "2026-12-05T14:30:00+08:00" << "";
    QTest::newRow("utc") << "2026-12-05T06:30:00Z" << "2026-12-05T06:30:00Z" << "";
    QTest::newRow("now") << "now" << "2026-12-05T06:00:00Z" << "";
    QTest::newRow("seconds") << "now+90s" << "2026-12-05T06:01:30Z" << "";
    QTest::newRow("minutes") << "now+5m" << "2026-12-05T06:05:00Z" << "";
    QTest::newRow("hours back") << "now-1h" << "2026-12-05T05:00:00Z" << "";
    QTest::newRow("no offset") << "2026-12-05T14:30:00" << "" << "has no offset";
    QTest::newRow("garbage") << "tomorrow-ish" << "" << "is not a time";
    QTest::newRow("bad unit") << "now+5d" << "" << "is not a time";
}

void tst_TimeArgument::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QFETCH(QString, reason);
    QString error;
    const QDateTime now = QDateTime::fromString(QStringLiteral("2026-12-05T06:00:00Z"), Qt::ISODate);
    QCOMPARE(TimeArgument::parse(text, &error, now), expected);
    if (!reason.isEmpty())
        QVERIFY2(error.contains(reason), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_TimeArgument)
#include "tst_timeargument.moc"
