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

QTEST_GUILESS_MAIN(tst_ProgrammeFeed)
#include "tst_programmefeed.moc"
