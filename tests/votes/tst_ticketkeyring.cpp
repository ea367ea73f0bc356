#include "ticketkeyring.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class tst_TicketKeyring : public QObject
{
    Q_OBJECT
private slots:
    void createsOwnerOnlyFileAndReloadsIt();
    void rejectsBadFiles_data();
    void rejectsBadFiles();
    void missingFileIsAnError();
};

void tst_TicketKeyring::createsOwnerOnlyFileAndReloadsIt()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("tickets.keys");
    QString error;
    const auto created = fest::TicketKeyring::loadOrCreate(path, &error);
    QVERIFY2(created, qPrintable(error));
    QCOMPARE(created->currentKeyId(), 0);
    QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    const auto loaded = fest::TicketKeyring::loadOrCreate(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->secret(0), created->secret(0));
    QCOMPARE(loaded->secret(0).size(), fest::TicketKeyring::SecretBytes);
}

void tst_TicketKeyring::rejectsBadFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("messagePart");
    const QByteArray hex(64, 'a');
    QTest::newRow("empty") << QByteArray("# nothing\n") << "holds no ticket key";
    QTest::newRow("short secret") << QByteArray("0 abcd\n") << ":1:";
    QTest::newRow("not hex") << QByteArray("0 ") + QByteArray(64, 'g') + '\n' << ":1:";
    QTest::newRow("bad key symbol") << QByteArray("U ") + hex + '\n' << ":1:";
    QTest::newRow("duplicate id") << QByteArray("1 ") + hex + "\n1 " + hex + '\n' << ":2:";
    QTest::newRow("extra field") << QByteArray("1 ") + hex + " x\n" << ":1:";
}

void tst_TicketKeyring::rejectsBadFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, messagePart);
    QTemporaryDir dir;
    QFile file(dir.filePath("k"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    QString error;
    QVERIFY(!fest::TicketKeyring::load(file.fileName(), &error));
    QVERIFY2(error.contains(messagePart), qPrintable(error));
}

void tst_TicketKeyring::missingFileIsAnError()
{
    QString error;
    QVERIFY(!fest::TicketKeyring::load(QStringLiteral("/nonexistent/tickets.keys"), &error));
    QVERIFY(error.contains("cannot read"));
}

QTEST_APPLESS_MAIN(tst_TicketKeyring)
#include "tst_ticketkeyring.moc"
