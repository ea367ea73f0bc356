#include "playlist.h"
#include "programmeedits.h"
#include "programmejson.h"
#include "programmevalidator.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace fest;

class tst_ProgrammeEdits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void moveKeepsDuration();
    void moveIntoAnotherScreeningIsCaughtByTheValidator();
    void moveNeedsAnOffset();
    void delay_data();
    void delay();
    void delayRejects_data();
    void delayRejects();
    void cancelIsIdempotentAndEmptiesThePlaylist();
    void addScreening();
    void addScreeningWithTakenIdIsRefused();
    void editFilm();
    void editFilmRejects_data();
    void editFilmRejects();
    void unknownIdsAreReported();
    void editsLeaveTheOriginalAlone();
    void startOnMovesTheWholeFestivalByWholeDays_data();
    void startOnMovesTheWholeFestivalByWholeDays();
    void startOnKeepsTheLocalTimeAcrossADaylightSavingChange();
    void startOnWithoutScreeningsChangesNothing();

private:
    Programme m_sample;
};

constexpr int kChangeover = 10;

static QDateTime hk(int day, int hour, int minute)
{
    return QDateTime(QDate(2026, 12, day), QTime(hour, minute), Qt::OffsetFromUTC, 8 * 3600);
}

void tst_ProgrammeEdits::initTestCase()
{
    QFile file(qEnvironmentVariable("FEST_SOURCE_DIR") + QStringLiteral("/config/programme.sample.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QList<ProgrammeError> errors;
    const auto p = ProgrammeJson::decode(file.readAll(), &errors);
    QVERIFY2(p, qPrintable(errors.value(0).toString()));
    m_sample = *p;
}

void tst_ProgrammeEdits::moveKeepsDuration()
{
    QList<ProgrammeError> errors;
    const auto p = ProgrammeEdits::moveScreening(m_sample, "S-0105", hk(5, 17, 0), &errors);
    QVERIFY(p);
    const Screening *before = m_sample.screening("S-0105");
    const Screening *after = p->screening("S-0105");
    QCOMPARE(after->start, hk(5, 17, 0));
    QCOMPARE(after->start.secsTo(after->end), before->start.secsTo(before->end));
    QVERIFY(ProgrammeValidator::validate(*p, kChangeover).isEmpty());
    QCOMPARE(Playlist::forScreen(*p, "ARTS-2", 1).items.first().startUs, Playlist::toUs(hk(5, 17, 0)));
}

void tst_ProgrammeEdits::moveIntoAnotherScreeningIsCaughtByTheValidator()
{
    const auto p = ProgrammeEdits::moveScreening(m_sample, "S-0107", hk(5, 14, 30), nullptr);
    QVERIFY(p);
    const QList<ProgrammeError> errors = ProgrammeValidator::validate(*p, kChangeover);
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors[0].message.startsWith(QStringLiteral("overlaps S-0103 on screen CINE-1")));
}

void tst_ProgrammeEdits::moveNeedsAnOffset()
{
    QList<ProgrammeError> errors;
    QVERIFY(!ProgrammeEdits::moveScreening(m_sample, "S-0105", QDateTime(QDate(2026, 12, 5), QTime(17, 0)), &errors));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0].where, QStringLiteral("screenings[4] (S-0105)"));
    QCOMPARE(errors[0].field, QStringLiteral("start"));
}

void tst_ProgrammeEdits::delay_data()
{
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<int>("minutes");
    QTest::addColumn<bool>("push");
    QTest::addColumn<QStringList>("moved");     // CINE-1 screenings that move on day 1
    QTest::addColumn<bool>("valid");

    // Day 1 on CINE-1: S-0101 11:00-12:00, S-0103 14:00-14:55, S-0107 17:00-...
    QTest::newRow("first only") << hk(5, 13, 0) << 20 << false << QStringList{"S-0103"} << true;
    QTest::newRow("push following") << hk(5, 13, 0) << 20 << true << QStringList{"S-0103", "S-0107"} << true;
    QTest::newRow("from the first") << hk(5, 0, 0) << 15 << true << QStringList{"S-0101", "S-0103", "S-0107"} << true;
    QTest::newRow("exactly at a start") << hk(5, 14, 0) << 5 << false << QStringList{"S-0103"} << true;
    QTest::newRow("long delay without push overlaps") << hk(5, 13, 0) << 120 << false << QStringList{"S-0103"} << false;
    QTest::newRow("long delay with push is fine") << hk(5, 13, 0) << 120 << true << QStringList{"S-0103", "S-0107"} << true;
    QTest::newRow("bring forward") << hk(5, 16, 0) << -30 << false << QStringList{"S-0107"} << true;
}

void tst_ProgrammeEdits::delay()
{
    QFETCH(QDateTime, from);
    QFETCH(int, minutes);
    QFETCH(bool, push);
    QFETCH(QStringList, moved);
    QFETCH(bool, valid);

    QList<ProgrammeError> errors;
    const auto p = ProgrammeEdits::delayScreen(m_sample, "CINE-1", from.addDays(0), minutes, push, &errors);
    QVERIFY2(p, qPrintable(errors.value(0).toString()));
    for (const Screening &s : m_sample.screenings) {
        const Screening *after = p->screening(s.id);
        const bool shouldMove = s.screenId == QStringLiteral("CINE-1") && (moved.contains(s.id) || (push && s.start > hk(6, 0, 0)));
        QCOMPARE(s.start.secsTo(after->start), shouldMove ? minutes * 60 : 0);
        QCOMPARE(s.start.secsTo(s.end), after->start.secsTo(after->end));
    }
    QCOMPARE(ProgrammeValidator::validate(*p, kChangeover).isEmpty(), valid);
}

void tst_ProgrammeEdits::delayRejects_data()
{
    QTest::addColumn<QString>("screen");
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<int>("minutes");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown screen") << "CINE-9" << hk(5, 10, 0) << 10 << "id" << "no screen has this id";
    QTest::newRow("nothing after") << "CINE-1" << hk(6, 23, 0) << 10 << "from" << "no screening on this screen starts at or after";
    QTest::newRow("zero") << "CINE-1" << hk(5, 10, 0) << 0 << "minutes" << "not 0";
    QTest::newRow("over a day") << "CINE-1" << hk(5, 10, 0) << 1441 << "minutes" << "between -1440 and 1440";
    QTest::newRow("no time") << "CINE-1" << QDateTime() << 10 << "from" << "give the time";
}

void tst_ProgrammeEdits::delayRejects()
{
    QFETCH(QString, screen);
    QFETCH(QDateTime, from);
    QFETCH(int, minutes);
    QFETCH(QString, field);
    QFETCH(QString, message);

    QList<ProgrammeError> errors;
    QVERIFY(!ProgrammeEdits::delayScreen(m_sample, screen, from, minutes, true, &errors));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0].where, QStringLiteral("screen ") + screen);
    QCOMPARE(errors[0].field, field);
    QVERIFY2(errors[0].message.contains(message), qPrintable(errors[0].message));
}

void tst_ProgrammeEdits::cancelIsIdempotentAndEmptiesThePlaylist()
{
    const auto once = ProgrammeEdits::cancelScreening(m_sample, "S-0108", nullptr);
    QVERIFY(once);
    QVERIFY(once->screening("S-0108")->isCancelled());
    QVERIFY(Playlist::forScreen(*once, "LIB-1", 1).items.isEmpty());
    const auto twice = ProgrammeEdits::cancelScreening(*once, "S-0108", nullptr);
    QVERIFY(twice);
    QCOMPARE(*twice, *once);
    QVERIFY(ProgrammeValidator::validate(*twice, kChangeover).isEmpty());
}

void tst_ProgrammeEdits::addScreening()
{
    const Screening extra{"S-0301", "ARTS-1", hk(6, 18, 0), hk(6, 18, 30), {"F-004"}, {"Encore", "加映"}, Screening::Status::Scheduled};
    QList<ProgrammeError> errors;
    const auto p = ProgrammeEdits::addScreening(m_sample, extra, &errors);
    QVERIFY(p);
    QCOMPARE(p->screenings.size(), m_sample.screenings.size() + 1);
    QVERIFY(ProgrammeValidator::validate(*p, kChangeover).isEmpty());
    QCOMPARE(Playlist::forScreen(*p, "ARTS-1", 1).items.last().filmId, QStringLiteral("F-004"));
}

void tst_ProgrammeEdits::addScreeningWithTakenIdIsRefused()
{
    Screening extra = m_sample.screenings[0];
    QList<ProgrammeError> errors;
    QVERIFY(!ProgrammeEdits::addScreening(m_sample, extra, &errors));
    QVERIFY(errors.value(0).message.contains(QStringLiteral("exists already")));
    extra.id = "S-NEW";
    extra.start = QDateTime(QDate(2026, 12, 5), QTime(10, 0));
    errors.clear();
    QVERIFY(!ProgrammeEdits::addScreening(m_sample, extra, &errors));
    QVERIFY(errors.value(0).message.contains(QStringLiteral("offset")));
}

void tst_ProgrammeEdits::editFilm()
{
    const QJsonObject fields{{"title", QJsonObject{{"en", "Ember Crossing"}, {"zh", "燼舟渡"}}},
                             {"sha256", QString(64, 'c')},
                             {"subtitles", QJsonValue(QJsonValue::Null)}};
    QList<ProgrammeError> errors;
    const auto p = ProgrammeEdits::editFilm(m_sample, "F-004", fields, &errors);
    QVERIFY2(p, qPrintable(errors.value(0).toString()));
    const Film *f = p->film("F-004");
    QCOMPARE(f->title.en, QStringLiteral("Ember Crossing"));
    QCOMPARE(f->sha256, QString(64, 'c'));
    QVERIFY(f->subtitles.isEmpty());
    QCOMPARE(f->originalTitle, QStringLiteral("燼舟渡"));
    QCOMPARE(f->runtimeSeconds, m_sample.film("F-004")->runtimeSeconds);
    // The playlists carry the new checksum and title.
    const Playlist playlist = Playlist::forScreen(*p, "HALL-1", 3);
    const auto item = std::find_if(playlist.items.cbegin(), playlist.items.cend(), [](const PlaylistItem &i) { return i.filmId == "F-004"; });
    QVERIFY(item != playlist.items.cend());
    QCOMPARE(item->sha256, QString(64, 'c'));
}

void tst_ProgrammeEdits::editFilmRejects_data()
{
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::newRow("runtime as text") << QJsonObject{{"runtimeSeconds", "long"}} << "runtimeSeconds" << "expected a whole number";
    QTest::newRow("runtime removed") << QJsonObject{{"runtimeSeconds", QJsonValue(QJsonValue::Null)}} << "runtimeSeconds" << "missing";
    QTest::newRow("id changed") << QJsonObject{{"id", "F-999"}} << "id" << "cannot be changed";
    QTest::newRow("unknown field") << QJsonObject{{"director", "x"}} << "director" << "unknown field";
    QTest::newRow("makers not list") << QJsonObject{{"makers", "Ka Tam"}} << "makers" << "expected a list";
}

void tst_ProgrammeEdits::editFilmRejects()
{
    QFETCH(QJsonObject, fields);
    QFETCH(QString, field);
    QFETCH(QString, message);

    QList<ProgrammeError> errors;
    QVERIFY(!ProgrammeEdits::editFilm(m_sample, "F-003", fields, &errors));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0].where, QStringLiteral("films[2] (F-003)"));
    QCOMPARE(errors[0].field, field);
    QVERIFY2(errors[0].message.contains(message), qPrintable(errors[0].message));
}

void tst_ProgrammeEdits::unknownIdsAreReported()
{
    QList<ProgrammeError> errors;
    QVERIFY(!ProgrammeEdits::moveScreening(m_sample, "S-404", hk(5, 10, 0), &errors));
    QVERIFY(!ProgrammeEdits::cancelScreening(m_sample, "S-404", &errors));
    QVERIFY(!ProgrammeEdits::editFilm(m_sample, "F-404", {}, &errors));
    QCOMPARE(errors.size(), 3);
    QCOMPARE(errors[0].where, QStringLiteral("screening S-404"));
    QVERIFY(errors[0].message.contains(QStringLiteral("no screening has this id")));
    QCOMPARE(errors[2].where, QStringLiteral("film F-404"));
}

void tst_ProgrammeEdits::editsLeaveTheOriginalAlone()
{
    const Programme before = m_sample;
    ProgrammeEdits::moveScreening(m_sample, "S-0101", hk(5, 9, 0), nullptr);
    ProgrammeEdits::cancelScreening(m_sample, "S-0101", nullptr);
    ProgrammeEdits::delayScreen(m_sample, "CINE-1", hk(5, 0, 0), 30, true, nullptr);
    QCOMPARE(m_sample, before);
}

void tst_ProgrammeEdits::startOnMovesTheWholeFestivalByWholeDays_data()
{
    QTest::addColumn<QDate>("day");
    QTest::newRow("a year later") << QDate(2027, 12, 5);
    QTest::newRow("earlier, across a month end") << QDate(2026, 10, 31);
    QTest::newRow("the same day") << QDate(2026, 12, 5);
}

void tst_ProgrammeEdits::startOnMovesTheWholeFestivalByWholeDays()
{
    QFETCH(QDate, day);
    QCOMPARE(ProgrammeEdits::firstDay(m_sample), QDate(2026, 12, 5));
    const Programme moved = ProgrammeEdits::startOn(m_sample, day);
    QCOMPARE(ProgrammeEdits::firstDay(moved), day);
    const qint64 days = QDate(2026, 12, 5).daysTo(day);
    QCOMPARE(moved.screenings.size(), m_sample.screenings.size());
    for (qsizetype i = 0; i < moved.screenings.size(); ++i) {
        const Screening &before = m_sample.screenings[i], &after = moved.screenings[i];
        QCOMPARE(after.start, before.start.addDays(days));
        QCOMPARE(after.end, before.end.addDays(days));
        QCOMPARE(after.start.offsetFromUtc(), 8 * 3600);   // Hong Kong has no daylight saving
        QCOMPARE(after.filmIds, before.filmIds);
    }
    // Events too, the workshops weeks before the first screening included.
    QCOMPARE(moved.events.size(), m_sample.events.size());
    for (qsizetype i = 0; i < moved.events.size(); ++i) {
        QCOMPARE(moved.events[i].start, m_sample.events[i].start.addDays(days));
        QCOMPARE(moved.events[i].end, m_sample.events[i].end.addDays(days));
    }
    QVERIFY(ProgrammeValidator::validate(moved, kChangeover).isEmpty());
}

void tst_ProgrammeEdits::startOnKeepsTheLocalTimeAcrossADaylightSavingChange()
{
    // London moves to +01:00 on 2026-03-29: a 19:30 screening stays at 19:30.
    Programme p = m_sample;
    p.timeZone = QStringLiteral("Europe/London");
    p.events.clear();
    p.screenings = {m_sample.screenings.first()};
    p.screenings[0].start = QDateTime(QDate(2026, 3, 27), QTime(19, 30), Qt::OffsetFromUTC, 0);
    p.screenings[0].end = QDateTime(QDate(2026, 3, 27), QTime(21, 0), Qt::OffsetFromUTC, 0);
    const Programme moved = ProgrammeEdits::startOn(p, QDate(2026, 3, 30));
    QCOMPARE(moved.screenings[0].start, QDateTime(QDate(2026, 3, 30), QTime(19, 30), Qt::OffsetFromUTC, 3600));
    QCOMPARE(moved.screenings[0].start.offsetFromUtc(), 3600);
    QCOMPARE(moved.screenings[0].end, QDateTime(QDate(2026, 3, 30), QTime(21, 0), Qt::OffsetFromUTC, 3600));
}

void tst_ProgrammeEdits::startOnWithoutScreeningsChangesNothing()
{
    Programme p = m_sample;
    p.screenings.clear();
    QVERIFY(!ProgrammeEdits::firstDay(p).isValid());
    QCOMPARE(ProgrammeEdits::startOn(p, QDate(2030, 1, 1)), p);
}

QTEST_GUILESS_MAIN(tst_ProgrammeEdits)
#include "tst_programmeedits.moc"
