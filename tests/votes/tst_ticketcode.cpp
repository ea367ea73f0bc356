#include "keyedmac.h"
#include "ticketcode.h"
#include "ticketissuer.h"

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QTest>

using fest::TicketCode;

namespace {
const QByteArray Secret = QByteArray(32, 'k');

QString validCode()
{
    return fest::TicketIssuer(3, Secret).issueOne();
}

QString withSymbol(QString canonical, int pos, QChar c)
{
    canonical[pos] = c;
    return canonical;
}
} // namespace

class tst_TicketCode : public QObject
{
    Q_OBJECT
private slots:
    void normalise_data();
    void normalise();
    void checkFormat_data();
    void checkFormat();
    void everySingleSubstitutionIsCaught();
    void adjacentSwapsAreCaught();
    void displayGroupsOfFour();
    void storageHashIgnoresTypingStyleAndHidesCode();
    void symbolsFromBitsReadsBigEndianFiveBitGroups();
    void keyIdOfWellFormedCode();
    void keyedMacIsHmacSha256();
    void macSymbolsAreTheFirst35BitsOfTheHmac();
};

void tst_TicketCode::normalise_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("canonical") << "K7QF4M9XR2DABC3P" << "K7QF4M9XR2DABC3P";
    QTest::newRow("dashes") << "K7QF-4M9X-R2DA-BC3P" << "K7QF4M9XR2DABC3P";
    QTest::newRow("lower case and spaces") << " k7qf 4m9x r2da bc3p " << "K7QF4M9XR2DABC3P";
    QTest::newRow("O reads as zero") << "O7QF4M9XR2DABC3P" << "07QF4M9XR2DABC3P";
    QTest::newRow("I and L read as one") << "I7QFlM9XR2DABC3P" << "17QF1M9XR2DABC3P";
    QTest::newRow("U is not a symbol") << "U7QF4M9XR2DABC3P" << "";
    QTest::newRow("punctuation") << "K7QF.4M9XR2DABC3P" << "";
    QTest::newRow("too short") << "K7QF4M9XR2DABC3" << "";
    QTest::newRow("too long") << "K7QF4M9XR2DABC3PP" << "";
    QTest::newRow("empty") << "" << "";
    QTest::newRow("huge input") << QString(10000, u'A') << "";
    QTest::newRow("non-latin") << QStringLiteral("K7QF4M9XR2DABC3燼") << "";
    // Case mapping outside ASCII: dotless i upper-cases to I (one), long s to S.
    QTest::newRow("dotless i and long s") << QStringLiteral("\u01317QF4M9XR2DABC3\u017F") << "17QF4M9XR2DABC3S";
    QTest::newRow("full-width digit") << QStringLiteral("\uFF117QF4M9XR2DABC3P") << "";
}

void tst_TicketCode::normalise()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(TicketCode::normalise(input), expected);
}

void tst_TicketCode::checkFormat_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<TicketCode::Check>("expected");
    const QString code = validCode();
    const QString canonical = TicketCode::normalise(code);
    QTest::newRow("issued") << code << TicketCode::Check::Ok;
    QTest::newRow("typed lower case without dashes") << canonical.toLower() << TicketCode::Check::Ok;
    QTest::newRow("typed with spaces") << QString(code).replace(u'-', u' ') << TicketCode::Check::Ok;
    QTest::newRow("wrong length") << canonical.left(15) << TicketCode::Check::Malformed;
    QTest::newRow("letter U") << withSymbol(canonical, 5, u'U') << TicketCode::Check::Malformed;
    QTest::newRow("empty") << QString() << TicketCode::Check::Malformed;
    const QChar last = canonical.back();
    const QChar otherLast = TicketCode::symbol((TicketCode::value(last) + 1) % 32);
    QTest::newRow("wrong check symbol") << withSymbol(canonical, 15, otherLast) << TicketCode::Check::BadCheckCharacter;
}

void tst_TicketCode::checkFormat()
{
    QFETCH(QString, input);
    QFETCH(TicketCode::Check, expected);
    QCOMPARE(TicketCode::checkFormat(input), expected);
}

void tst_TicketCode::everySingleSubstitutionIsCaught()
{
    const QString canonical = TicketCode::normalise(validCode());
    for (int pos = 0; pos < TicketCode::Length; ++pos) {
        for (int v = 0; v < 32; ++v) {
            if (TicketCode::symbol(v) == canonical[pos])
                continue;
            const QString typo = withSymbol(canonical, pos, TicketCode::symbol(v));
            QVERIFY2(TicketCode::checkFormat(typo) == TicketCode::Check::BadCheckCharacter, qPrintable(typo));
        }
    }
}

void tst_TicketCode::adjacentSwapsAreCaught()
{
    // Luhn mod 32 misses exactly one swap: "0" next to "Z" (values 0 and 31).
    int codes = 0;
    for (int n = 0; n < 50; ++n) {
        const QString canonical = TicketCode::normalise(validCode());
        for (int pos = 0; pos + 1 < TicketCode::Length; ++pos) {
            const QChar a = canonical[pos], b = canonical[pos + 1];
            const int va = TicketCode::value(a), vb = TicketCode::value(b);
            if (a == b || (va + vb == 31 && (va == 0 || vb == 0)))
                continue;
            QString swapped = canonical;
            swapped[pos] = b;
            swapped[pos + 1] = a;
            QVERIFY2(TicketCode::checkFormat(swapped) == TicketCode::Check::BadCheckCharacter, qPrintable(swapped));
            ++codes;
        }
    }
    QVERIFY(codes > 500);
}

void tst_TicketCode::displayGroupsOfFour()
{
    QCOMPARE(TicketCode::display(u"k7qf4m9xr2dabc3p"), QStringLiteral("K7QF-4M9X-R2DA-BC3P"));
    QCOMPARE(TicketCode::display(u"garbage"), QString());
}

void tst_TicketCode::storageHashIgnoresTypingStyleAndHidesCode()
{
    const QString code = validCode();
    const QByteArray hash = TicketCode::storageHash(code);
    QCOMPARE(hash.size(), 64);
    QCOMPARE(TicketCode::storageHash(TicketCode::normalise(code).toLower()), hash);
    QVERIFY(!hash.contains(TicketCode::normalise(code).toLatin1()));
    QVERIFY(TicketCode::storageHash(validCode()) != hash);
}

void tst_TicketCode::symbolsFromBitsReadsBigEndianFiveBitGroups()
{
    // 0b00001 00010 00011 111.. -> "123"
    const QByteArray bytes = QByteArray::fromHex("0887FF");
    QCOMPARE(TicketCode::symbolsFromBits(bytes, 3), QStringLiteral("123"));
    QCOMPARE(TicketCode::symbolsFromBits(QByteArray::fromHex("FFFF"), 3), QStringLiteral("ZZZ"));
}

void tst_TicketCode::keyIdOfWellFormedCode()
{
    QCOMPARE(TicketCode::keyId(validCode()), 3);
    QCOMPARE(TicketCode::keyId(u"nonsense"), -1);
}

void tst_TicketCode::keyedMacIsHmacSha256()
{
    // RFC 4231, test cases 1 and 2.
    fest::KeyedMac one(QByteArray(20, '\x0b'));
    QVERIFY(one.isValid());
    QCOMPARE(one.sign("Hi There").toHex(), QByteArray("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"));
    fest::KeyedMac jefe("Jefe");
    QCOMPARE(jefe.sign("what do ya want for nothing?").toHex(),
             QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    // Reused for message after message, keys of every length (longer than a block are
    // hashed first), empty messages: always what Qt's one-shot HMAC says.
    QRandomGenerator random(4231);
    for (int keyLength : {0, 1, 32, 64, 65, 200}) {
        QByteArray key(keyLength, Qt::Uninitialized);
        for (char &c : key)
            c = char(random.bounded(256));
        fest::KeyedMac mac(key);
        QVERIFY(mac.isValid());
        for (int i = 0; i < 50; ++i) {
            QByteArray message(int(random.bounded(130)), Qt::Uninitialized);
            for (char &c : message)
                c = char(random.bounded(256));
            QCOMPARE(mac.sign(message), QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256));
        }
    }
}

void tst_TicketCode::macSymbolsAreTheFirst35BitsOfTheHmac()
{
    // Codes already printed must keep verifying: the MAC symbols are defined by the
    // HMAC, whatever computes it.
    const QByteArray secret = QByteArray::fromHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    fest::KeyedMac mac(secret);
    for (const QString &keyAndRandom : {QStringLiteral("K7QF4M9X"), QStringLiteral("00000000"), QStringLiteral("ZZZZZZZZ")}) {
        const QByteArray hmac = QMessageAuthenticationCode::hash("fest-ticket-v1:" + keyAndRandom.toLatin1(), secret,
                                                                 QCryptographicHash::Sha256);
        const QString expected = TicketCode::symbolsFromBits(hmac, TicketCode::MacSymbols);
        QCOMPARE(TicketCode::macSymbols(secret, keyAndRandom), expected);
        QCOMPARE(TicketCode::macSymbols(mac, keyAndRandom), expected);
    }
    QCOMPARE(TicketCode::macSymbols(mac, QString(100, u'A')), QString());   // longer than any code
}

QTEST_APPLESS_MAIN(tst_TicketCode)
#include "tst_ticketcode.moc"
