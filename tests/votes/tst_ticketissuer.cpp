#include "ticketcode.h"
#include "ticketissuer.h"

#include <QSet>
#include <QTest>

class tst_TicketIssuer : public QObject
{
    Q_OBJECT
private slots:
    void issuesDistinctWellFormedCodes();
    void invalidKeyIssuesNothing();
};

void tst_TicketIssuer::issuesDistinctWellFormedCodes()
{
    const QStringList codes = fest::TicketIssuer(5, QByteArray(32, 's')).issue(2000);
    QCOMPARE(codes.size(), 2000);
    QCOMPARE(QSet<QString>(codes.cbegin(), codes.cend()).size(), 2000);
    for (const QString &code : codes) {
        QCOMPARE(code.size(), 19);
        QCOMPARE(fest::TicketCode::checkFormat(code), fest::TicketCode::Check::Ok);
        QCOMPARE(fest::TicketCode::keyId(code), 5);
    }
}

void tst_TicketIssuer::invalidKeyIssuesNothing()
{
    QVERIFY(!fest::TicketIssuer(32, QByteArray(32, 's')).isValid());
    QVERIFY(fest::TicketIssuer(-1, QByteArray(32, 's')).issue(3).isEmpty());
    QVERIFY(!fest::TicketIssuer(fest::TicketKeyring()).isValid());
}

QTEST_APPLESS_MAIN(tst_TicketIssuer)
#include "tst_ticketissuer.moc"
