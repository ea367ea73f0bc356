#include "ticketcode.h"
#include "ticketissuer.h"
#include "ticketverifier.h"

#include <QTest>

using fest::TicketCode;
using fest::TicketVerifier;

namespace {
fest::TicketKeyring ring()
{
    fest::TicketKeyring keys;
    keys.add(0, QByteArray(32, 'a'));
    keys.add(1, QByteArray(32, 'b'));
    return keys;
}

// A code with a correct check symbol but a MAC the controller never produced.
QString forge(const QString &code, int macPosition)
{
    QString canonical = TicketCode::normalise(code);
    const int v = TicketCode::value(canonical[macPosition]);
    canonical[macPosition] = TicketCode::symbol((v + 1) % 32);
    canonical[15] = TicketCode::checkSymbol(QStringView(canonical).first(15));
    return canonical;
}
} // namespace

class tst_TicketVerifier : public QObject
{
    Q_OBJECT
private slots:
    void verify_data();
    void verify();
    void rotatedKeysKeepVerifying();
    void constantTimeEquals_data();
    void constantTimeEquals();
};

void tst_TicketVerifier::verify_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<TicketVerifier::Result>("expected");
    const QString good = fest::TicketIssuer(1, QByteArray(32, 'b')).issueOne();
    QTest::newRow("issued") << good << TicketVerifier::Result::Valid;
    QTest::newRow("typed sloppily") << TicketCode::normalise(good).toLower() << TicketVerifier::Result::Valid;
    QTest::newRow("garbage") << "hello" << TicketVerifier::Result::Malformed;
    QString typo = TicketCode::normalise(good);
    typo[4] = TicketCode::symbol((TicketCode::value(typo[4]) + 7) % 32);
    QTest::newRow("mistyped") << typo << TicketVerifier::Result::BadCheckCharacter;
    for (int pos = 8; pos < 15; ++pos)
        QTest::addRow("forged MAC symbol %d", pos) << forge(good, pos) << TicketVerifier::Result::Forged;
    QTest::newRow("forged random part") << forge(good, 3) << TicketVerifier::Result::Forged;
    QTest::newRow("signed with another secret")
        << fest::TicketIssuer(1, QByteArray(32, 'x')).issueOne() << TicketVerifier::Result::Forged;
    QTest::newRow("unknown key id")
        << fest::TicketIssuer(7, QByteArray(32, 'b')).issueOne() << TicketVerifier::Result::UnknownKey;
    QString moved = TicketCode::normalise(good);
    moved[0] = TicketCode::symbol(0);
    moved[15] = TicketCode::checkSymbol(QStringView(moved).first(15));
    QTest::newRow("key id changed") << moved << TicketVerifier::Result::Forged;
}

void tst_TicketVerifier::verify()
{
    QFETCH(QString, code);
    QFETCH(TicketVerifier::Result, expected);
    QCOMPARE(TicketVerifier(ring()).verify(code), expected);
}

void tst_TicketVerifier::rotatedKeysKeepVerifying()
{
    fest::TicketKeyring keys = ring();
    const QString old = fest::TicketIssuer(keys).issueOne();
    QVERIFY(keys.addGenerated(2));
    const QString fresh = fest::TicketIssuer(keys).issueOne();
    QCOMPARE(TicketCode::keyId(fresh), 2);
    TicketVerifier verifier(keys);
    QCOMPARE(verifier.verify(old), TicketVerifier::Result::Valid);
    QCOMPARE(verifier.verify(fresh), TicketVerifier::Result::Valid);
}

void tst_TicketVerifier::constantTimeEquals_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("same") << "ABCDEFG" << "ABCDEFG" << true;
    QTest::newRow("first differs") << "XBCDEFG" << "ABCDEFG" << false;
    QTest::newRow("last differs") << "ABCDEFX" << "ABCDEFG" << false;
    QTest::newRow("length differs") << "ABCDEF" << "ABCDEFG" << false;
    QTest::newRow("both empty") << "" << "" << true;
}

void tst_TicketVerifier::constantTimeEquals()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, equal);
    QCOMPARE(TicketVerifier::constantTimeEquals(a, b), equal);
}

QTEST_APPLESS_MAIN(tst_TicketVerifier)
#include "tst_ticketverifier.moc"
