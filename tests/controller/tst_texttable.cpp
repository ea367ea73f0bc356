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
    void alignsCombiningAccents();
    void elidesWholeCharacters();
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
    QTest::newRow("combining accent") << QStringLiteral("Alcaine e\u0301") << 9;
    QTest::newRow("vietnamese, decomposed") << QString::fromUtf8("Vie\xcc\xa3\xcc\x82t") << 4;
    QTest::newRow("zero-width joiner") << QStringLiteral("a\u200Db") << 2;
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

void tst_TextTable::alignsCombiningAccents()
{
    TextTable table({QStringLiteral("maker"), QStringLiteral("country")});
    table.addRow({QString::fromUtf8("Jose\xcc\x81 Mari\xcc\x81" "a"), QStringLiteral("Mexico")});   // decomposed, as macOS files names are
    table.addRow({QStringLiteral("Lukas Brenner"), QStringLiteral("Germany")});
    QString text;
    QTextStream out(&text);
    table.print(out);
    out.flush();
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const int column = TextTable::displayWidth(lines[0].left(lines[0].indexOf(QStringLiteral("country"))));
    QCOMPARE(TextTable::displayWidth(lines[2].left(lines[2].indexOf(QStringLiteral("Mexico")))), column);
    QCOMPARE(TextTable::displayWidth(lines[3].left(lines[3].indexOf(QStringLiteral("Germany")))), column);
    QCOMPARE(lines[2].indexOf(QStringLiteral("Mexico")), lines[3].indexOf(QStringLiteral("Germany")) + 2);   // two marks, no columns
}

void tst_TextTable::elidesWholeCharacters()
{
    QCOMPARE(TextTable::elided(QStringLiteral("short"), 10), QStringLiteral("short"));
    QCOMPARE(TextTable::elided(QStringLiteral("A very long title indeed"), 10), QStringLiteral("A very ..."));
    // Wide characters count twice and are never cut in half.
    const QString wide = TextTable::elided(QStringLiteral("燼舟渡燼舟渡燼舟渡"), 10);
    QCOMPARE(wide, QStringLiteral("燼舟渡..."));
    QVERIFY(TextTable::displayWidth(wide) <= 10);
    // An accent stays with its letter.
    QCOMPARE(TextTable::elided(QString::fromUtf8("abcdefe\xcc\x81ghijk"), 10), QString::fromUtf8("abcdefe\xcc\x81..."));
}

QTEST_GUILESS_MAIN(tst_TextTable)
#include "tst_texttable.moc"
