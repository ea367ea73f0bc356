#include "config.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;

class tst_Config : public QObject
{
    Q_OBJECT

private slots:
    void readsTypedValues();
    void commandLineOverridesFile();
    void badValuesNameFileAndKey_data();
    void badValuesNameFileAndKey();
    void missingNamedFileIsAnError();
    void relativePathsFollowTheFile();

private:
    QString write(const QByteArray &ini);
    QTemporaryDir m_dir;
    int m_n = 0;
};

QString tst_Config::write(const QByteArray &ini)
{
    const QString path = m_dir.filePath(QStringLiteral("c%1.ini").arg(++m_n));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(ini) != ini.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void tst_Config::readsTypedValues()
{
    Config c = Config::fromFile(write("[broker]\nurl=mqtt://127.0.0.1:1884\n[clock]\nport=9999\n[x]\nflag=yes\nitems=a, b ,c\n"));
    QVERIFY2(c.ok(), qPrintable(c.errors().join('\n')));
    QCOMPARE(c.string(QStringLiteral("broker/url")), QStringLiteral("mqtt://127.0.0.1:1884"));
    QCOMPARE(c.integer(QStringLiteral("clock/port"), 1, 1, 65535), 9999);
    QCOMPARE(c.boolean(QStringLiteral("x/flag"), false), true);
    QCOMPARE(c.list(QStringLiteral("x/items")), (QStringList{"a", "b", "c"}));
    QCOMPARE(c.integer(QStringLiteral("clock/missing"), 42, 1, 100), 42);
    QVERIFY(c.ok());
}

void tst_Config::commandLineOverridesFile()
{
    const QString file = write("[broker]\nurl=mqtt://127.0.0.1:1884\n");
    QCommandLineParser parser;
    Config::addOptions(parser);
    QVERIFY(parser.parse({"app", "--config", file, "--set", "broker/url=mqtt://10.0.0.1:1883", "--set", "clock/port=5"}));
    Config c = Config::fromParser(parser);
    QVERIFY2(c.ok(), qPrintable(c.errors().join('\n')));
    QCOMPARE(c.string(QStringLiteral("broker/url")), QStringLiteral("mqtt://10.0.0.1:1883"));
    QCOMPARE(c.integer(QStringLiteral("clock/port"), 1, 1, 65535), 5);
}

void tst_Config::badValuesNameFileAndKey_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not a number") << QByteArray("[clock]\nport=abc\n") << QStringLiteral("[clock] port: expected a whole number from 1 to 65535");
    QTest::newRow("out of range") << QByteArray("[clock]\nport=70000\n") << QStringLiteral("[clock] port: expected a whole number");
    QTest::newRow("not a boolean") << QByteArray("[clock]\nport=1\nenabled=maybe\n") << QStringLiteral("[clock] enabled: expected true or false");
}

void tst_Config::badValuesNameFileAndKey()
{
    QFETCH(QByteArray, ini);
    QFETCH(QString, expected);
    const QString file = write(ini);
    Config c = Config::fromFile(file);
    c.integer(QStringLiteral("clock/port"), 1, 1, 65535);
    c.boolean(QStringLiteral("clock/enabled"), true);
    QCOMPARE(c.errors().size(), 1);
    QVERIFY2(c.errors().first().startsWith(file + QStringLiteral(": ")), qPrintable(c.errors().first()));
    QVERIFY2(c.errors().first().contains(expected), qPrintable(c.errors().first()));
}

void tst_Config::missingNamedFileIsAnError()
{
    QCommandLineParser parser;
    Config::addOptions(parser);
    QVERIFY(parser.parse({"app", "--config", m_dir.filePath(QStringLiteral("absent.ini"))}));
    Config c = Config::fromParser(parser);
    QVERIFY(!c.ok());
    QVERIFY2(c.errors().first().contains(QStringLiteral("cannot read the configuration file")), qPrintable(c.errors().first()));
}

void tst_Config::relativePathsFollowTheFile()
{
    const QString file = write("[database]\npath=state/festival.db\n");
    Config c = Config::fromFile(file);
    QCOMPARE(c.path(QStringLiteral("database/path")), m_dir.filePath(QStringLiteral("state/festival.db")));
}

QTEST_GUILESS_MAIN(tst_Config)
#include "tst_config.moc"
