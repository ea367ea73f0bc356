#include "programmefeed.h"
#include "programmegenerator.h"
#include "programmejson.h"
#include "sampleprogramme.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;

namespace {
QByteArray message(qint64 version, const QByteArray &programme, const QString &type = QStringLiteral("programme"))
{
    return QStringLiteral(R"({"type":"%1","v":1,"version":%2,"hash":"h%2","programme":)").arg(type).arg(version).toUtf8()
        + programme + "}";
}
} // namespace

class tst_ProgrammeFeed : public QObject
{
    Q_OBJECT
private slots:
    void appliesBusMessageToEveryModel();
    void sameRetainedMessageAgainChangesNothing();
    void badMessagesKeepCurrentProgramme_data();
    void badMessagesKeepCurrentProgramme();
    void loadsBareProgrammeFile();
    void missingFileIsAnError();
    void largeProgrammeThroughModelTesters();
    void loadsFileInBackground();
    void unusableFileInBackgroundIsReported_data();
    void unusableFileInBackgroundIsReported();
    void backgroundMessagesApplyInOrder();
    void badMessageInBackgroundKeepsProgramme();
    void restartedKioskShowsCachedProgramme();
    void badMessageIsNotCached();
    void corruptCacheIsIgnored();
};

void tst_ProgrammeFeed::appliesBusMessageToEveryModel()
{
    ProgrammeFeed feed;
    QSignalSpy changed(&feed, &ProgrammeFeed::programmeChanged);
    QString error;
    QVERIFY2(feed.applyMessage(message(7, SampleProgramme::bytes()), &error), qPrintable(error));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(feed.version(), 7);
    QCOMPARE(feed.films()->rowCount(), 40);
    QCOMPARE(feed.screenings()->rowCount(), 18);
    QCOMPARE(feed.venues()->rowCount(), 4);
    QCOMPARE(feed.nowNext()->rowCount(), 6);
}

void tst_ProgrammeFeed::sameRetainedMessageAgainChangesNothing()
{
    ProgrammeFeed feed;
    QVERIFY(feed.applyMessage(message(7, SampleProgramme::bytes())));
    QSignalSpy reset(feed.films(), &QAbstractItemModel::modelReset);
    QVERIFY(feed.applyMessage(message(7, SampleProgramme::bytes())));
    QCOMPARE(reset.size(), 0);
    QVERIFY(feed.applyMessage(message(8, SampleProgramme::bytes())));
    QCOMPARE(reset.size(), 1);
}

void tst_ProgrammeFeed::badMessagesKeepCurrentProgramme_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("error");
    QTest::newRow("not json") << QByteArray("{") << int(ProgrammeFeed::Error::Malformed);
    QTest::newRow("no version") << QByteArray(R"({"type":"programme","v":1,"programme":{}})") << int(ProgrammeFeed::Error::Malformed);
    QTest::newRow("wrong type") << message(9, SampleProgramme::bytes(), "playlist") << int(ProgrammeFeed::Error::WrongType);
    QTest::newRow("bad programme") << message(9, R"({"formatVersion":1,"films":[{"id":"F 1"}]})") << int(ProgrammeFeed::Error::Malformed);
    QTest::newRow("oversized") << message(9, "\"" + QByteArray(17 * 1024 * 1024, 'x') + "\"") << int(ProgrammeFeed::Error::Malformed);
}

void tst_ProgrammeFeed::badMessagesKeepCurrentProgramme()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, error);
    ProgrammeFeed feed;
    QVERIFY(feed.applyMessage(message(7, SampleProgramme::bytes())));
    QSignalSpy changed(&feed, &ProgrammeFeed::programmeChanged);
    QString why;
    QVERIFY(!feed.applyMessage(payload, &why));
    QVERIFY(!why.isEmpty());
    QCOMPARE(int(feed.error()), error);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(feed.version(), 7);
    QCOMPARE(feed.films()->rowCount(), 40);
}

void tst_ProgrammeFeed::loadsBareProgrammeFile()
{
    ProgrammeFeed feed;
    QString error;
    QVERIFY2(feed.loadFile(SampleProgramme::path(), &error), qPrintable(error));
    QCOMPARE(feed.version(), 0);
    QCOMPARE(feed.hash(), ProgrammeJson::contentHash(SampleProgramme::load()));
    QCOMPARE(feed.films()->rowCount(), 40);
}

void tst_ProgrammeFeed::missingFileIsAnError()
{
    ProgrammeFeed feed;
    QString error;
    QVERIFY(!feed.loadFile(QStringLiteral("/nonexistent/programme.json"), &error));
    QVERIFY(error.contains(QStringLiteral("/nonexistent/programme.json")));
    QCOMPARE(feed.error(), ProgrammeFeed::Error::Unreadable);
}

void tst_ProgrammeFeed::largeProgrammeThroughModelTesters()
{
    ProgrammeFeed feed;
    QAbstractItemModelTester t1(feed.films(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(feed.screenings(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t3(feed.nowNext(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t4(feed.venues(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    ProgrammeGenerator::Options options;
    feed.apply(ProgrammeGenerator::generate(options), 1);
    QCOMPARE(feed.films()->rowCount(), 1300);
    options.seed = 2;
    feed.apply(ProgrammeGenerator::generate(options), 2);
    QCOMPARE(feed.films()->rowCount(), 1300);
    feed.setLanguage(DisplayLanguage::Language::Chinese);
}

void tst_ProgrammeFeed::loadsFileInBackground()
{
    ProgrammeFeed feed;
    QSignalSpy changed(&feed, &ProgrammeFeed::programmeChanged);
    feed.loadFileInBackground(SampleProgramme::path());
    QCOMPARE(feed.films()->rowCount(), 0);   // not on this thread, not yet
    QVERIFY(changed.wait(10000));
    QCOMPARE(feed.version(), 0);
    QCOMPARE(feed.films()->rowCount(), 40);
    QCOMPARE(feed.screenings()->rowCount(), 18);
}

void tst_ProgrammeFeed::unusableFileInBackgroundIsReported_data()
{
    QTest::addColumn<QByteArray>("content");   // empty: no file at all
    QTest::addColumn<int>("error");
    QTest::newRow("missing") << QByteArray() << int(ProgrammeFeed::Error::Unreadable);
    QTest::newRow("not json") << QByteArray("{\"films\":") << int(ProgrammeFeed::Error::Malformed);
    QTest::newRow("invalid programme") << QByteArray(R"({"formatVersion":1,"films":[{"id":"F 1"}]})")
                                       << int(ProgrammeFeed::Error::Malformed);
}

void tst_ProgrammeFeed::unusableFileInBackgroundIsReported()
{
    QFETCH(QByteArray, content);
    QFETCH(int, error);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("programme.json"));
    if (!content.isEmpty()) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(content) == content.size());
    }
    ProgrammeFeed feed;
    QSignalSpy failed(&feed, &ProgrammeFeed::fileFailed);
    QSignalSpy changed(&feed, &ProgrammeFeed::programmeChanged);
    feed.loadFileInBackground(path);
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.constFirst().constFirst().toString().contains(path));
    QCOMPARE(int(feed.error()), error);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(feed.version(), -1);
}

void tst_ProgrammeFeed::backgroundMessagesApplyInOrder()
{
    ProgrammeFeed feed;
    QSignalSpy changed(&feed, &ProgrammeFeed::programmeChanged);
    feed.applyMessageInBackground(message(7, SampleProgramme::bytes()));
    feed.applyMessageInBackground(message(8, SampleProgramme::bytes()));
    QTRY_COMPARE_WITH_TIMEOUT(feed.version(), 8, 10000);
    QCOMPARE(changed.size(), 2);
    // The same retained message again after a reconnect: nothing is reset.
    QSignalSpy reset(feed.films(), &QAbstractItemModel::modelReset);
    feed.applyMessageInBackground(message(8, SampleProgramme::bytes()));
    feed.applyMessageInBackground(message(9, SampleProgramme::bytes()));
    QTRY_COMPARE_WITH_TIMEOUT(feed.version(), 9, 10000);
    QCOMPARE(reset.size(), 1);
}

void tst_ProgrammeFeed::badMessageInBackgroundKeepsProgramme()
{
    ProgrammeFeed feed;
    QVERIFY(feed.applyMessage(message(7, SampleProgramme::bytes())));
    QSignalSpy errors(&feed, &ProgrammeFeed::errorChanged);
    QSignalSpy fileFailed(&feed, &ProgrammeFeed::fileFailed);
    feed.applyMessageInBackground(message(8, R"({"formatVersion":1,"films":[{"id":"F 1"}]})"));
    QVERIFY(errors.wait(10000));
    QCOMPARE(feed.error(), ProgrammeFeed::Error::Malformed);
    QCOMPARE(feed.version(), 7);
    QCOMPARE(feed.films()->rowCount(), 40);
    QCOMPARE(fileFailed.size(), 0);   // a bad message does not stop the kiosk
}

// The broker is down when the kiosk restarts: it shows the last programme it received.
void tst_ProgrammeFeed::restartedKioskShowsCachedProgramme()
{
    QTemporaryDir dir;
    const QString cache = dir.filePath(QStringLiteral("programme.cache.json"));
    {
        ProgrammeFeed feed;
        feed.setCacheFile(cache);
        QVERIFY(!feed.loadCacheInBackground());   // nothing kept yet
        feed.applyMessageInBackground(message(7, SampleProgramme::bytes()));
        QTRY_COMPARE_WITH_TIMEOUT(feed.version(), 7, 10000);
    }
    QVERIFY(QFile::exists(cache));
    ProgrammeFeed restarted;
    restarted.setCacheFile(cache);
    QSignalSpy changed(&restarted, &ProgrammeFeed::programmeChanged);
    QVERIFY(restarted.loadCacheInBackground());
    QVERIFY(changed.wait(10000));
    QCOMPARE(restarted.version(), 7);
    QCOMPARE(restarted.hash(), QStringLiteral("h7"));
    QCOMPARE(restarted.films()->rowCount(), 40);
}

void tst_ProgrammeFeed::badMessageIsNotCached()
{
    QTemporaryDir dir;
    const QString cache = dir.filePath(QStringLiteral("programme.cache.json"));
    ProgrammeFeed feed;
    feed.setCacheFile(cache);
    feed.applyMessageInBackground(message(7, SampleProgramme::bytes()));
    QSignalSpy errors(&feed, &ProgrammeFeed::errorChanged);
    feed.applyMessageInBackground(message(8, "{}"));
    QVERIFY(errors.wait(10000));
    QFile kept(cache);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), message(7, SampleProgramme::bytes()));
}

void tst_ProgrammeFeed::corruptCacheIsIgnored()
{
    QTemporaryDir dir;
    const QString cache = dir.filePath(QStringLiteral("programme.cache.json"));
    QFile f(cache);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(message(7, SampleProgramme::bytes()).left(5000)) == 5000);
    f.close();
    ProgrammeFeed feed;
    feed.setCacheFile(cache);
    QSignalSpy errors(&feed, &ProgrammeFeed::errorChanged);
    QSignalSpy fileFailed(&feed, &ProgrammeFeed::fileFailed);
    QVERIFY(feed.loadCacheInBackground());
    QVERIFY(errors.wait(10000));
    QCOMPARE(feed.error(), ProgrammeFeed::Error::Malformed);
    QCOMPARE(feed.version(), -1);
    QCOMPARE(fileFailed.size(), 0);
    // The bus still brings the programme.
    feed.applyMessageInBackground(message(8, SampleProgramme::bytes()));
    QTRY_COMPARE_WITH_TIMEOUT(feed.version(), 8, 10000);
    QCOMPARE(feed.error(), ProgrammeFeed::Error::NoError);
}

QTEST_GUILESS_MAIN(tst_ProgrammeFeed)
#include "tst_programmefeed.moc"
