#include "identifier.h"

#include <QTest>

using namespace fest;

class tst_Identifier : public QObject
{
    Q_OBJECT

private slots:
    void idRule_data();
    void idRule();
    void ruleIsDescribed();
};

void tst_Identifier::idRule_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("simple") << "S-0412" << true;
    QTest::newRow("dots underscores") << "a.b_c-D9" << true;
    QTest::newRow("64 chars") << QString(64, 'a') << true;
    QTest::newRow("65 chars") << QString(65, 'a') << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("space") << "a b" << false;
    QTest::newRow("slash") << "a/b" << false;
    QTest::newRow("mqtt wildcard +") << "a+" << false;
    QTest::newRow("mqtt wildcard #") << "#" << false;
    QTest::newRow("non-ascii") << "燼" << false;
    QTest::newRow("fullwidth digit") << "１" << false;
    QTest::newRow("newline") << "a\n" << false;
}

void tst_Identifier::idRule()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(Identifier::isValid(id), valid);
    QCOMPARE(Identifier::pattern().match(id).hasMatch(), valid);
}

void tst_Identifier::ruleIsDescribed()
{
    QVERIFY(Identifier::rule().contains(QStringLiteral("1-64")));
    QCOMPARE(Identifier::maxLength, 64);
}

QTEST_GUILESS_MAIN(tst_Identifier)
#include "tst_identifier.moc"
