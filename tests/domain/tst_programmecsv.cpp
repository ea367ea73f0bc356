#include "programmecsv.h"
#include "programmeedits.h"
#include "programmejson.h"
#include "programmevalidator.h"

#include <QFile>
#include <QTest>

using namespace fest;

class tst_ProgrammeCsv : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sampleCsvMatchesSampleProgramme();
    void encodeRoundTrips();
    void quoting_data();
    void quoting();
    void byteOrderMarkAndLineEnds_data();
    void byteOrderMarkAndLineEnds();
    void columnsInAnyOrder();
    void badRowsAreNamed_data();
    void badRowsAreNamed();
    void everyBadRowIsReported();
    void applyingReplacesScreeningsOnly();

private:
    Programme m_programme;
    QByteArray m_csv;
};

static QByteArray readSource(const QString &relative)
{
    QFile file(qEnvironmentVariable("FEST_SOURCE_DIR") + u'/' + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

static const QByteArray kHeader = "id,screen,start,end,films,title_en,title_zh\r\n";

void tst_ProgrammeCsv::initTestCase()
{
    QList<ProgrammeError> errors;
    const auto p = ProgrammeJson::decode(readSource(QStringLiteral("config/programme.sample.json")), &errors);
    QVERIFY2(p, qPrintable(errors.value(0).toString()));
    m_programme = *p;
    m_csv = readSource(QStringLiteral("config/programme.sample.csv"));
}

void tst_ProgrammeCsv::sampleCsvMatchesSampleProgramme()
{
    QList<ProgrammeError> errors;
    const auto screenings = ProgrammeCsv::decode(m_csv, &errors);
    QVERIFY2(screenings, qPrintable(errors.value(0).toString()));
    QCOMPARE(*screenings, m_programme.screenings);
    QCOMPARE(ProgrammeCsv::encode(*screenings), m_csv);
}

void tst_ProgrammeCsv::encodeRoundTrips()
{
    QList<Screening> screenings = m_programme.screenings;
    screenings[0].title = {QStringLiteral("Shorts, \"Memory\"\nMachines"), QStringLiteral("短片，一")};
    screenings[1].status = Screening::Status::Cancelled;
    screenings[2].title = {};
    QList<ProgrammeError> errors;
    const auto decoded = ProgrammeCsv::decode(ProgrammeCsv::encode(screenings), &errors);
    QVERIFY2(decoded, qPrintable(errors.value(0).toString()));
    QCOMPARE(*decoded, screenings);
}

void tst_ProgrammeCsv::quoting_data()
{
    QTest::addColumn<QByteArray>("titleCell");
    QTest::addColumn<QString>("title");

    QTest::newRow("plain") << QByteArray("Shorts 1") << "Shorts 1";
    QTest::newRow("comma") << QByteArray("\"Shorts, part 1\"") << "Shorts, part 1";
    QTest::newRow("doubled quote") << QByteArray("\"The \"\"Last\"\" Tram\"") << "The \"Last\" Tram";
    QTest::newRow("newline") << QByteArray("\"Line one\nline two\"") << "Line one\nline two";
    QTest::newRow("crlf inside") << QByteArray("\"a\r\nb\"") << "a\r\nb";
    QTest::newRow("empty quoted") << QByteArray("\"\"") << "";
    QTest::newRow("surrounding spaces trimmed") << QByteArray("  Shorts 1  ") << "Shorts 1";
}

void tst_ProgrammeCsv::quoting()
{
    QFETCH(QByteArray, titleCell);
    QFETCH(QString, title);
    const QByteArray csv = kHeader + "S-1,CINE-1,2026-12-05T11:00:00+08:00,2026-12-05T12:00:00+08:00,F-001;F-002,"
        + titleCell + ",短片\r\n";
    QList<ProgrammeError> errors;
    const auto screenings = ProgrammeCsv::decode(csv, &errors);
    QVERIFY2(screenings, qPrintable(errors.value(0).toString()));
    QCOMPARE(screenings->size(), 1);
    QCOMPARE(screenings->first().title.en, title);
    QCOMPARE(screenings->first().title.zh, QStringLiteral("短片"));
    QCOMPARE(screenings->first().filmIds, QStringList({"F-001", "F-002"}));
}

void tst_ProgrammeCsv::byteOrderMarkAndLineEnds_data()
{
    QTest::addColumn<QByteArray>("csv");
    const QByteArray row = "S-1,CINE-1,2026-12-05T11:00:00+08:00,2026-12-05T12:00:00+08:00,F-001,,";
    QTest::newRow("crlf") << kHeader + row + "\r\n";
    QTest::newRow("lf") << QByteArray(kHeader).replace("\r\n", "\n") + row + "\n";
    QTest::newRow("no final newline") << kHeader + row;
    QTest::newRow("bom") << "\xEF\xBB\xBF" + kHeader + row + "\r\n";
    QTest::newRow("blank lines") << kHeader + "\r\n" + row + "\r\n\r\n";
}

void tst_ProgrammeCsv::byteOrderMarkAndLineEnds()
{
    QFETCH(QByteArray, csv);
    QList<ProgrammeError> errors;
    const auto screenings = ProgrammeCsv::decode(csv, &errors);
    QVERIFY2(screenings, qPrintable(errors.value(0).toString()));
    QCOMPARE(screenings->size(), 1);
    QCOMPARE(screenings->first().id, QStringLiteral("S-1"));
    QCOMPARE(screenings->first().start.offsetFromUtc(), 8 * 3600);
}

void tst_ProgrammeCsv::columnsInAnyOrder()
{
    const QByteArray csv = "films,end,start,screen,id,status\n"
                           "F-001;F-002,2026-12-05T12:00:00+08:00,2026-12-05T11:00:00+08:00,CINE-1,S-1,cancelled\n";
    QList<ProgrammeError> errors;
    const auto screenings = ProgrammeCsv::decode(csv, &errors);
    QVERIFY2(screenings, qPrintable(errors.value(0).toString()));
    QCOMPARE(screenings->first().screenId, QStringLiteral("CINE-1"));
    QVERIFY(screenings->first().isCancelled());
    QVERIFY(screenings->first().title.isEmpty());
}

void tst_ProgrammeCsv::badRowsAreNamed_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    const QByteArray good = "S-1,CINE-1,2026-12-05T11:00:00+08:00,2026-12-05T12:00:00+08:00,F-001,,\r\n";
    QTest::newRow("empty file") << QByteArray() << "file" << "" << "file is empty";
    QTest::newRow("invalid utf-8") << kHeader + "S-1,CINE-1,\xff\r\n" << "file" << "" << "not valid UTF-8";
    QTest::newRow("missing column") << QByteArray("id,screen,start,end\r\n") + good << "row 1" << "films" << "required column is missing";
    QTest::newRow("unknown column") << QByteArray("id,screen,start,end,films,venue\r\n") << "row 1" << "venue" << "unknown column";
    QTest::newRow("repeated column") << QByteArray("id,screen,start,end,films,id\r\n") << "row 1" << "id" << "column appears twice";
    QTest::newRow("too few fields") << kHeader + good + "S-2,CINE-1\r\n" << "row 3" << "" << "has 2 fields but the header has 7";
    QTest::newRow("too many fields") << kHeader + "S-2,CINE-1,a,b,c,d,e,f\r\n" << "row 2" << "" << "has 8 fields";
    QTest::newRow("no offset") << kHeader + "S-1,CINE-1,2026-12-05T11:00:00,2026-12-05T12:00:00+08:00,F-001,,\r\n"
        << "row 2" << "start" << "time without an offset: add +08:00 or Z";
    QTest::newRow("end missing") << kHeader + "S-1,CINE-1,2026-12-05T11:00:00+08:00,,F-001,,\r\n" << "row 2" << "end" << "missing";
    QTest::newRow("bad film id") << kHeader + "S-1,CINE-1,2026-12-05T11:00:00+08:00,2026-12-05T12:00:00+08:00,F-001;F 2,,\r\n"
        << "row 2" << "films" << "\"F 2\" is not valid";
    QTest::newRow("no films") << kHeader + "S-1,CINE-1,2026-12-05T11:00:00+08:00,2026-12-05T12:00:00+08:00,,,\r\n"
        << "row 2" << "films" << "at least 1";
    QTest::newRow("bad id") << kHeader + "S/1,CINE-1,2026-12-05T11:00:00+08:00,2026-12-05T12:00:00+08:00,F-001,,\r\n"
        << "row 2" << "id" << "is not valid";
    QTest::newRow("bad status") << QByteArray("id,screen,start,end,films,status\r\n")
            + "S-1,CINE-1,2026-12-05T11:00:00+08:00,2026-12-05T12:00:00+08:00,F-001,maybe\r\n"
        << "row 2" << "status" << "\"maybe\" is not allowed";
    QTest::newRow("title too long") << kHeader + "S-1,CINE-1,2026-12-05T11:00:00+08:00,2026-12-05T12:00:00+08:00,F-001,"
            + QByteArray(600, 'x') + ",\r\n"
        << "row 2" << "title_en" << "too long";
    QTest::newRow("unclosed quote") << kHeader + good + "S-2,CINE-1,\"2026-12-05T11:00:00+08:00,x\r\nS-3\r\n"
        << "row 3" << "" << "never closed";
    QTest::newRow("quote in unquoted field") << kHeader + "S-1,CINE-1,2026\"12,x,F-001,,\r\n" << "row 2" << "" << "a quote inside an unquoted field";
    QTest::newRow("text after closing quote") << kHeader + "S-1,\"CINE\"-1,a,b,F-001,,\r\n" << "row 2" << "" << "text after a closing quote";
    QTest::newRow("rows count records, not lines") << kHeader + "S-1,CINE-1,2026-12-05T11:00:00+08:00,2026-12-05T12:00:00+08:00,F-001,\"two\nlines\",\r\n"
            + "S-2,CINE-1,2026-12-05T13:00:00+08:00,soon,F-001,,\r\n"
        << "row 3" << "end" << "is not a string with an ISO 8601 time";
}

void tst_ProgrammeCsv::badRowsAreNamed()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, where);
    QFETCH(QString, field);
    QFETCH(QString, message);

    QList<ProgrammeError> errors;
    QVERIFY(!ProgrammeCsv::decode(csv, &errors));
    QVERIFY(!errors.isEmpty());
    QCOMPARE(errors[0].where, where);
    QCOMPARE(errors[0].field, field);
    QVERIFY2(errors[0].message.contains(message), qPrintable(errors[0].message));
}

void tst_ProgrammeCsv::everyBadRowIsReported()
{
    const QByteArray csv = kHeader + "S-1,CINE-1,2026-12-05T11:00:00,2026-12-05T12:00:00+08:00,F-001,,\r\n"
        + "S-2,CINE-1,2026-12-05T13:00:00+08:00,2026-12-05T14:00:00+08:00,F-001,,\r\n"
        + "S-3,CINE-1,2026-12-05T15:00:00+08:00,later,F-001,,\r\n";
    QList<ProgrammeError> errors;
    QVERIFY(!ProgrammeCsv::decode(csv, &errors));
    QCOMPARE(errors.size(), 2);
    QCOMPARE(errors[0].where, QStringLiteral("row 2"));
    QCOMPARE(errors[1].where, QStringLiteral("row 4"));
}

void tst_ProgrammeCsv::applyingReplacesScreeningsOnly()
{
    QList<ProgrammeError> errors;
    const QByteArray csv = kHeader + "S-NEW,HALL-1,2026-12-05T11:00:00+08:00,2026-12-05T11:20:00+08:00,F-001,,\r\n";
    const auto screenings = ProgrammeCsv::decode(csv, &errors);
    QVERIFY(screenings);
    const Programme p = ProgrammeEdits::replaceScreenings(m_programme, *screenings);
    QCOMPARE(p.screenings.size(), 1);
    QCOMPARE(p.films, m_programme.films);
    QCOMPARE(p.venues, m_programme.venues);
    QCOMPARE(p.events, m_programme.events);
    QVERIFY(ProgrammeValidator::validate(p, 10).isEmpty());
}

QTEST_GUILESS_MAIN(tst_ProgrammeCsv)
#include "tst_programmecsv.moc"
