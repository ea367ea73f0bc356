#include "jsonguard.h"
#include "programmejson.h"
#include "programmevalidator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace fest;

class tst_ProgrammeJson : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sampleRoundTrips();
    void sampleIsInCanonicalForm();
    void sampleHoldsTheFestival();
    void sampleHoldsTheJuryAwards_data();
    void sampleHoldsTheJuryAwards();
    void contentHashFollowsContent();
    void stillRoundTripsAndChangesTheHash();
    void rejects_data();
    void rejects();
    void oversizedIsRejected();
    void hostileNestingIsRejected();
    void everyProblemIsReported();
    void singleEntries();
    void documentedExampleIsValid();
    void timesAlwaysCarryAnOffset_data();
    void timesAlwaysCarryAnOffset();

private:
    QByteArray m_sample;
};

void tst_ProgrammeJson::initTestCase()
{
    QFile file(qEnvironmentVariable("FEST_SOURCE_DIR") + QStringLiteral("/config/programme.sample.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    m_sample = file.readAll();
}

static Programme decodeOrFail(const QByteArray &json)
{
    QList<ProgrammeError> errors;
    const auto programme = ProgrammeJson::decode(json, &errors);
    if (!programme)
        qWarning().noquote() << errors.value(0).toString();
    return programme.value_or(Programme{});
}

void tst_ProgrammeJson::sampleRoundTrips()
{
    QList<ProgrammeError> errors;
    const auto programme = ProgrammeJson::decode(m_sample, &errors);
    QVERIFY2(programme, qPrintable(errors.value(0).toString()));
    QVERIFY(errors.isEmpty());
    const auto again = ProgrammeJson::decode(ProgrammeJson::encode(*programme), &errors);
    QVERIFY(again);
    QCOMPARE(*again, *programme);
    QCOMPARE(ProgrammeJson::encode(*again), ProgrammeJson::encode(*programme));
}

void tst_ProgrammeJson::sampleIsInCanonicalForm()
{
    // The checked-in sample is byte for byte what encode() writes, so its content hash
    // is the hash of the file.
    QCOMPARE(QString::fromUtf8(ProgrammeJson::encode(decodeOrFail(m_sample))), QString::fromUtf8(m_sample));
}

void tst_ProgrammeJson::sampleHoldsTheFestival()
{
    const Programme p = decodeOrFail(m_sample);
    QCOMPARE(p.timeZone, QStringLiteral("Asia/Hong_Kong"));
    const Film *ember = p.film(QStringLiteral("F-004"));
    QVERIFY(ember);
    QCOMPARE(ember->originalTitle, QStringLiteral("燼舟渡"));
    QCOMPARE(ember->country, QStringLiteral("HK"));
    const Screening *s = p.screening(QStringLiteral("S-0101"));
    QVERIFY(s);
    QCOMPARE(s->start.offsetFromUtc(), 8 * 3600);
    QCOMPARE(s->start.toUTC(), QDateTime(QDate(2026, 12, 5), QTime(3, 0), Qt::UTC));
    QVERIFY(s->filmIds.size() > 1);
    QCOMPARE(p.event(QStringLiteral("E-PANEL1"))->title.zh, QStringLiteral("未來·AI電影：製作技術"));
    QCOMPARE(p.event(QStringLiteral("E-HACK"))->start.secsTo(p.event(QStringLiteral("E-HACK"))->end), 36 * 3600);
    QCOMPARE(p.awards.size(), 5);
}

void tst_ProgrammeJson::sampleHoldsTheJuryAwards_data()
{
    QTest::addColumn<QString>("award");
    QTest::addColumn<QString>("awardZh");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("maker");
    QTest::addColumn<QString>("country");
    QTest::newRow("best film") << "Best Film" << "最佳影片" << "The Afterlife of Aphrodite" << "Gabriela Cardona Walter" << "MX";
    QTest::newRow("best first work") << "Best First Work" << "最佳首作" << "NeoNature" << "Javier Gracia Alcaine" << "ES";
    QTest::newRow("best technical innovation") << "Best Technical Innovation" << "最佳技術創新" << "Project J" << "Ka Tam" << "HK";
    QTest::newRow("best human-ai collaboration") << "Best Human-AI Collaboration" << "最佳人機協作" << "燼舟渡" << "Ouyang Mengke (歐陽萌科)" << "HK";
}

void tst_ProgrammeJson::sampleHoldsTheJuryAwards()
{
    QFETCH(QString, award);
    QFETCH(QString, awardZh);
    QFETCH(QString, title);
    QFETCH(QString, maker);
    QFETCH(QString, country);
    const Programme p = decodeOrFail(m_sample);
    const auto category = std::find_if(p.awards.cbegin(), p.awards.cend(), [&](const AwardCategory &a) { return a.name.en == award; });
    QVERIFY(category != p.awards.cend());
    QCOMPARE(category->name.zh, awardZh);
    QCOMPARE(category->decidedBy, AwardCategory::DecidedBy::Jury);
    const auto film = std::find_if(p.films.cbegin(), p.films.cend(), [&](const Film &f) { return f.originalTitle == title; });
    QVERIFY(film != p.films.cend());
    QCOMPARE(film->makers, QStringList{maker});
    QCOMPARE(film->country, country);
    QVERIFY(category->nomineeFilmIds.contains(film->id));
    QVERIFY(film->categoryIds.contains(category->id));
}

void tst_ProgrammeJson::contentHashFollowsContent()
{
    Programme p = decodeOrFail(m_sample);
    const QString hash = ProgrammeJson::contentHash(p);
    QCOMPARE(hash.size(), 64);
    QCOMPARE(ProgrammeJson::contentHash(decodeOrFail(ProgrammeJson::encode(p))), hash);
    p.screenings[0].title.en += u'!';
    QVERIFY(ProgrammeJson::contentHash(p) != hash);
}

void tst_ProgrammeJson::stillRoundTripsAndChangesTheHash()
{
    Programme p = decodeOrFail(m_sample);
    const QString before = ProgrammeJson::contentHash(p);
    p.films[1].still = QString(64, u'a');
    const QByteArray encoded = ProgrammeJson::encode(p);
    QVERIFY(encoded.contains(QByteArray(64, 'a')));
    QCOMPARE(decodeOrFail(encoded).films.at(1).still, p.films.at(1).still);
    QVERIFY(ProgrammeJson::contentHash(p) != before);
}

// Sets the value at a path like "screenings/1/start" ("-" removes it).
static QJsonValue edited(const QJsonValue &root, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QString head = path.takeFirst();
    if (root.isArray()) {
        QJsonArray array = root.toArray();
        const int i = head.toInt();
        array[i] = edited(array.at(i), path, value);
        return array;
    }
    QJsonObject object = root.toObject();
    if (path.isEmpty() && value.isString() && value.toString() == QStringLiteral("-"))
        object.remove(head);
    else
        object[head] = edited(object.value(head), path, value);
    return object;
}

void tst_ProgrammeJson::rejects_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::newRow("time without offset") << "screenings/1/start" << QJsonValue("2026-12-05T11:30:00")
        << "screenings[1] (S-0102)" << "start" << "time without an offset: add +08:00 or Z";
    QTest::newRow("time as number") << "screenings/0/end" << QJsonValue(1796452200)
        << "screenings[0] (S-0101)" << "end" << "expected a string with an ISO 8601 time, got a number";
    QTest::newRow("runtime as text") << "films/0/runtimeSeconds" << QJsonValue("14 min")
        << "films[0] (F-001)" << "runtimeSeconds" << "expected a whole number, got a string";
    QTest::newRow("runtime zero") << "films/0/runtimeSeconds" << QJsonValue(0)
        << "films[0] (F-001)" << "runtimeSeconds" << "out of range";
    QTest::newRow("runtime huge") << "films/0/runtimeSeconds" << QJsonValue(1e300)
        << "films[0] (F-001)" << "runtimeSeconds" << "too large";
    QTest::newRow("title not text") << "films/2/title/en" << QJsonValue(3)
        << "films[2] (F-003)" << "title.en" << "expected a string";
    QTest::newRow("typo in field") << "screenings/0/strat" << QJsonValue("2026-12-05T11:00:00+08:00")
        << "screenings[0] (S-0101)" << "strat" << "unknown field";
    QTest::newRow("bad status") << "screenings/0/status" << QJsonValue("postponed")
        << "screenings[0] (S-0101)" << "status" << "expected one of \"scheduled\", \"cancelled\"";
    QTest::newRow("bad kind") << "events/0/kind" << QJsonValue("party")
        << "events[0] (E-WS1)" << "kind" << "is not allowed";
    QTest::newRow("checksum upper case") << "films/0/sha256" << QJsonValue(QString(64, 'A'))
        << "films[0] (F-001)" << "sha256" << "64 lower-case hex digits";
    QTest::newRow("still not a digest") << "films/0/still" << QJsonValue("still.jpg")
        << "films[0] (F-001)" << "still" << "64 lower-case hex digits (the sha256 of the still)";
    QTest::newRow("still upper case") << "films/0/still" << QJsonValue(QString(64, 'F'))
        << "films[0] (F-001)" << "still" << "64 lower-case hex digits";
    QTest::newRow("country name") << "films/0/country" << QJsonValue("Mexico")
        << "films[0] (F-001)" << "country" << "two-letter code";
    QTest::newRow("bad id") << "screenings/0/id" << QJsonValue("S 0101")
        << "screenings[0]" << "id" << "is not valid: expected 1-64 characters";
    QTest::newRow("film id in block") << "screenings/0/films/1" << QJsonValue("F/6")
        << "screenings[0] (S-0101)" << "films[1]" << "is not valid";
    QTest::newRow("empty block") << "screenings/0/films" << QJsonValue(QJsonArray())
        << "screenings[0] (S-0101)" << "films" << "at least 1";
    QTest::newRow("entry not object") << "screenings/0" << QJsonValue("S-0101")
        << "screenings[0]" << "" << "expected an object, got a string";
    QTest::newRow("list not list") << "screenings" << QJsonValue(QJsonObject())
        << "programme" << "screenings" << "expected a list";
    QTest::newRow("time zone missing") << "timeZone" << QJsonValue("-")
        << "programme" << "timeZone" << "missing";
    QTest::newRow("future format") << "formatVersion" << QJsonValue(2)
        << "programme" << "formatVersion" << "out of range";
    QTest::newRow("screen venue missing") << "screens/0/venue" << QJsonValue("-")
        << "screens[0] (HALL-1)" << "venue" << "missing";
    QTest::newRow("award decided by") << "awards/0/decidedBy" << QJsonValue("vote")
        << "awards[0] (best-film)" << "decidedBy" << "\"jury\", \"audience\"";
    QTest::newRow("synopsis over cap") << "films/0/synopsis/en" << QJsonValue(QString(9000, 'x'))
        << "programme" << "" << "text of 9000 characters is over the limit of 8192";
}

void tst_ProgrammeJson::rejects()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, where);
    QFETCH(QString, field);
    QFETCH(QString, message);

    const QJsonValue root = edited(QJsonDocument::fromJson(m_sample).object(), path.split(u'/'), value);
    const QByteArray json = QJsonDocument(root.toObject()).toJson();
    QList<ProgrammeError> errors;
    QVERIFY(!ProgrammeJson::decode(json, &errors));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0].where, where);
    QCOMPARE(errors[0].field, field);
    QVERIFY2(errors[0].message.contains(message), qPrintable(errors[0].message));
}

void tst_ProgrammeJson::oversizedIsRejected()
{
    QByteArray big = m_sample;
    big.append(QByteArray(17 * 1024 * 1024, ' '));
    QList<ProgrammeError> errors;
    QVERIFY(!ProgrammeJson::decode(big, &errors));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0].where, QStringLiteral("programme"));
    QVERIFY2(errors[0].message.contains(QStringLiteral("over the limit of 16777216 bytes")), qPrintable(errors[0].message));
}

void tst_ProgrammeJson::hostileNestingIsRejected()
{
    QList<ProgrammeError> errors;
    QVERIFY(!ProgrammeJson::decode("{\"venues\":" + QByteArray(1000000, '['), &errors));
    QVERIFY(errors.value(0).message.contains(QStringLiteral("nested deeper")));
    errors.clear();
    QVERIFY(!ProgrammeJson::decode("{\"timeZone\": \"\xff\"}", &errors));
    QVERIFY(errors.value(0).message.contains(QStringLiteral("UTF-8")));
    errors.clear();
    QVERIFY(!ProgrammeJson::decode(QByteArray(), &errors));
    QCOMPARE(errors.size(), 1);
}

void tst_ProgrammeJson::everyProblemIsReported()
{
    QJsonValue root = QJsonDocument::fromJson(m_sample).object();
    root = edited(root, {"screenings", "0", "start"}, QJsonValue("soon"));
    root = edited(root, {"screenings", "5", "end"}, QJsonValue(1));
    root = edited(root, {"films", "9", "year"}, QJsonValue(1500));
    QList<ProgrammeError> errors;
    QVERIFY(!ProgrammeJson::decode(QJsonDocument(root.toObject()).toJson(), &errors));
    QCOMPARE(errors.size(), 3);
    QCOMPARE(errors[0].where, QStringLiteral("films[9] (F-010)"));
    QCOMPARE(errors[1].where, QStringLiteral("screenings[0] (S-0101)"));
    QCOMPARE(errors[2].where, QStringLiteral("screenings[5] (S-0106)"));
}

void tst_ProgrammeJson::singleEntries()
{
    const Programme p = decodeOrFail(m_sample);
    QList<ProgrammeError> errors;
    const auto film = ProgrammeJson::filmFromJson(ProgrammeJson::toJson(p.films[3]), QStringLiteral("film"), &errors);
    QVERIFY(film);
    QCOMPARE(*film, p.films[3]);
    const auto screening = ProgrammeJson::screeningFromJson(QJsonObject{{"id", "S-9"}}, QStringLiteral("args"), &errors);
    QVERIFY(!screening);
    QCOMPARE(errors.size(), 4);   // screen, start, end, films
    QCOMPARE(errors[0].where, QStringLiteral("args (S-9)"));
}

void tst_ProgrammeJson::documentedExampleIsValid()
{
    QFile doc(qEnvironmentVariable("FEST_SOURCE_DIR") + QStringLiteral("/docs/programme-format.md"));
    QVERIFY(doc.open(QIODevice::ReadOnly));
    const QByteArray text = doc.readAll();
    const qsizetype begin = text.indexOf("```json\n", text.indexOf("## Example"));
    QVERIFY(begin > 0);
    const qsizetype end = text.indexOf("```", begin + 8);
    QList<ProgrammeError> errors;
    const auto p = ProgrammeJson::decode(text.mid(begin + 8, end - begin - 8), &errors);
    QVERIFY2(p, qPrintable(errors.value(0).toString()));
    QVERIFY(ProgrammeValidator::validate(*p, 10).isEmpty());
}

void tst_ProgrammeJson::timesAlwaysCarryAnOffset_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("text");
    const QDate day(2026, 12, 5);
    QTest::newRow("offset") << QDateTime(day, QTime(14, 30), Qt::OffsetFromUTC, 8 * 3600) << "2026-12-05T14:30:00+08:00";
    QTest::newRow("utc") << QDateTime(day, QTime(6, 30), Qt::UTC) << "2026-12-05T06:30:00Z";
    QTest::newRow("milliseconds") << QDateTime(day, QTime(6, 30, 0, 5), Qt::UTC) << "2026-12-05T06:30:00.005Z";
    QTest::newRow("time zone") << QDateTime(day, QTime(14, 30), QTimeZone("Asia/Hong_Kong")) << "2026-12-05T14:30:00+08:00";
}

void tst_ProgrammeJson::timesAlwaysCarryAnOffset()
{
    QFETCH(QDateTime, time);
    QFETCH(QString, text);
    QCOMPARE(ProgrammeJson::timeToString(time), text);
    // A machine-local time (e.g. from currentDateTime()) still gets an explicit offset.
    const QString local = ProgrammeJson::timeToString(time.toLocalTime());
    QVERIFY2(local.endsWith(u'Z') || local.at(local.size() - 6) == u'+' || local.at(local.size() - 6) == u'-', qPrintable(local));
    QCOMPARE(QDateTime::fromString(local, Qt::ISODateWithMs), time);
}

QTEST_GUILESS_MAIN(tst_ProgrammeJson)
#include "tst_programmejson.moc"
