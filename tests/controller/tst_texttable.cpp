#include "texttable.h"

#include <QTest>

using namespace fest;

class tst_TextTable : public QObject
{
    Q_OBJECT

private slots:
    void displayWidth_data();
    void displayWidth();
    void alignsWideCharacters();
};

void tst_TextTable::displayWidth_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("width");
    QTest::newRow("latin") << QStringLiteral("NeoNature") << 9;
    QTest::newRow("chinese") << QStringLiteral("燼舟渡") << 6;
    QTest::newRow("mixed") << QStringLiteral("Best Film 最佳影片") << 18;
    QTest::newRow("fullwidth punctuation") << QStringLiteral("未來·AI電影：") << 13;
    QTest::newRow("accents") << QStringLiteral("Alcaine é") << 9;
    QTest::newRow("empty") << QString() << 0;
}

void tst_TextTable::displayWidth()
{
    QFETCH(QString, text);
    QFETCH(int, width);
    QCOMPARE(TextTable::displayWidth(text), width);
}

void tst_TextTable::alignsWideCharacters()
{
    TextTable table({QStringLiteral("film"), QStringLiteral("country")});
    table.addRow({QStringLiteral("燼舟渡"), QStringLiteral("Hong Kong")});
    table.addRow({QStringLiteral("Project J"), QStringLiteral("Hong Kong")});
    QString text;
    QTextStream out(&text);
    table.print(out);
    out.flush();
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    // the second column starts at the same display column on every line
    const int column = TextTable::displayWidth(lines[0].left(lines[0].indexOf(QStringLiteral("country"))));
    QCOMPARE(TextTable::displayWidth(lines[2].left(lines[2].indexOf(QStringLiteral("Hong")))), column);
    QCOMPARE(TextTable::displayWidth(lines[3].left(lines[3].indexOf(QStringLiteral("Hong")))), column);
}

QTEST_GUILESS_MAIN(tst_TextTable)
#include "tst_texttable.moc"
