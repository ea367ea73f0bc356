// What a scanner reads, as a ticket code: the bare code in any form a ticket shows it,
// or a link ending with it; anything else, including a code with a wrong check symbol,
// is no code.
#include "scannedtext.h"
#include "ticketissuer.h"

#include <QTest>

using namespace fest;

class tst_ScannedText : public QObject
{
    Q_OBJECT
private slots:
    void ticketCode_data()
    {
        const QString code = TicketIssuer(3, QByteArray(32, 's')).issueOne();
        QString plain = code;
        plain.remove(u'-');
        QString mistyped = plain;
        mistyped[15] = mistyped[15] == u'A' ? u'B' : u'A';
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("printed") << code << code;
        QTest::newRow("plain") << plain << code;
        QTest::newRow("lower case, newline") << plain.toLower() + u'\n' << code;
        QTest::newRow("link") << "https://vote.example/t/" + plain << code;
        QTest::newRow("link with query") << "https://vote.example/t/" + code + "/?src=qr#top" << code;
        QTest::newRow("mistyped check symbol") << mistyped << QString();
        QTest::newRow("link to a mistyped code") << "https://vote.example/t/" + mistyped << QString();
        QTest::newRow("too short") << plain.left(15) << QString();
        QTest::newRow("other barcode") << QStringLiteral("9780306406157") << QString();
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("oversized") << QString(4096, u'A') + plain << QString();
    }
    void ticketCode()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(ScannedText::ticketCode(text), expected);
    }
};

QTEST_APPLESS_MAIN(tst_ScannedText)
#include "tst_scannedtext.moc"
