#include "config.h"
#include "consoleconfig.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;

class tst_ConsoleConfig : public QObject
{
    Q_OBJECT

private slots:
    void sampleFileIsValid();
    void overridesApply();
    void badValuesAreReported_data();
    void badValuesAreReported();

private:
    QTemporaryDir m_dir;
};

void tst_ConsoleConfig::sampleFileIsValid()
{
    Config config = Config::fromFile(QStringLiteral(FEST_SOURCE_DIR "/console/app/console.sample.ini"));
    const ConsoleConfig c = ConsoleConfig::from(config, m_dir.path());
    QVERIFY2(config.ok(), qPrintable(config.errors().join(QLatin1Char('\n'))));
    QCOMPARE(c.address.toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(c.port, quint16(8480));
    QCOMPARE(c.broker.port, quint16(1883));
    QCOMPARE(c.idleSeconds, 3600);
    QVERIFY(!c.useTls());
}

void tst_ConsoleConfig::overridesApply()
{
    Config config;
    config.set(QStringLiteral("broker/url"), QStringLiteral("mqtts://broker.festival:8883"));
    config.set(QStringLiteral("http/port"), QStringLiteral("9443"));
    config.set(QStringLiteral("http/tls_cert"), QStringLiteral("/etc/c.crt"));
    config.set(QStringLiteral("http/tls_key"), QStringLiteral("/etc/c.key"));
    config.set(QStringLiteral("http/origins"), QStringLiteral("https://a.example,https://b.example"));
    const ConsoleConfig c = ConsoleConfig::from(config, m_dir.path());
    QVERIFY2(config.ok(), qPrintable(config.errors().join(QLatin1Char('\n'))));
    QVERIFY(c.broker.useTls());
    QCOMPARE(c.broker.host, QStringLiteral("broker.festival"));
    QCOMPARE(c.port, quint16(9443));
    QVERIFY(c.useTls());
    QCOMPARE(c.extraOrigins.size(), 2);
}

void tst_ConsoleConfig::badValuesAreReported_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("address") << "http/address" << "localhost:80";
    QTest::newRow("port") << "http/port" << "70000";
    QTest::newRow("web root") << "http/web_root" << "/nonexistent/web";
    QTest::newRow("cert without key") << "http/tls_cert" << "/etc/c.crt";
    QTest::newRow("broker with password") << "broker/url" << "mqtt://u:p@host:1883";
    QTest::newRow("broker scheme") << "broker/url" << "http://host";
    QTest::newRow("idle zero") << "sessions/idle_seconds" << "0";
    QTest::newRow("tiny frames") << "limits/frame_bytes" << "10";
    QTest::newRow("not a number") << "throttle/attempts" << "five";
}

void tst_ConsoleConfig::badValuesAreReported()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    Config config;
    config.set(key, value);
    ConsoleConfig::from(config, m_dir.path());
    QVERIFY(!config.ok());
    const QString named = QStringLiteral("[%1] %2").arg(key.section(QLatin1Char('/'), 0, 0), key.section(QLatin1Char('/'), 1));
    QVERIFY2(config.errors().join(QLatin1Char(' ')).contains(named), qPrintable(config.errors().join(QLatin1Char(' '))));
}

QTEST_APPLESS_MAIN(tst_ConsoleConfig)
#include "tst_consoleconfig.moc"
