#include "programmejson.h"
#include "programmevalidator.h"

#include <QFile>
#include <QTest>
#include <functional>

using namespace fest;

using Mutation = std::function<void(Programme &)>;
Q_DECLARE_METATYPE(Mutation)

class tst_ProgrammeValidator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sampleIsValid();
    void rules_data();
    void rules();
    void cancelledScreeningFreesItsSlot();
    void changeoverIsAParameter();
    void emptyProgrammeNeedsOnlyATimeZone();

private:
    Programme m_sample;
};

constexpr int kChangeover = 10;

void tst_ProgrammeValidator::initTestCase()
{
    QFile file(qEnvironmentVariable("FEST_SOURCE_DIR") + QStringLiteral("/config/programme.sample.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QList<ProgrammeError> errors;
    const auto p = ProgrammeJson::decode(file.readAll(), &errors);
    QVERIFY2(p, qPrintable(errors.value(0).toString()));
    m_sample = *p;
}

void tst_ProgrammeValidator::sampleIsValid()
{
    const QList<ProgrammeError> errors = ProgrammeValidator::validate(m_sample, kChangeover);
    for (const ProgrammeError &e : errors)
        qWarning().noquote() << e.toString();
    QVERIFY(errors.isEmpty());
}

static Screening &screening(Programme &p, const QString &id)
{
    return *std::find_if(p.screenings.begin(), p.screenings.end(), [&](const Screening &s) { return s.id == id; });
}

void tst_ProgrammeValidator::rules_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::newRow("duplicate venue") << Mutation([](Programme &p) { p.venues.append(p.venues[0]); })
        << "venues[4] (V-HALL)" << "id" << "duplicate id: venues[0] has it too";
    QTest::newRow("duplicate screen") << Mutation([](Programme &p) { p.screens.append(p.screens[1]); })
        << "screens[6] (CINE-1)" << "id" << "duplicate id: screens[1]";
    QTest::newRow("duplicate film") << Mutation([](Programme &p) { p.films.append(p.films[0]); })
        << "films[40] (F-001)" << "id" << "duplicate id: films[0]";
    QTest::newRow("duplicate screening") << Mutation([](Programme &p) {
        Screening copy = p.screenings[0];
        copy.screenId = QStringLiteral("ARTS-1");
        p.screenings.append(copy);
    }) << "screenings[18] (S-0101)" << "id" << "duplicate id: screenings[0]";
    QTest::newRow("duplicate event") << Mutation([](Programme &p) { p.events[1].id = p.events[0].id; })
        << "events[1] (E-WS1)" << "id" << "duplicate id";
    QTest::newRow("duplicate award") << Mutation([](Programme &p) { p.awards.append(p.awards[0]); })
        << "awards[5] (best-film)" << "id" << "duplicate id: awards[0]";
    QTest::newRow("bad venue id") << Mutation([](Programme &p) { p.venues.append({QStringLiteral("V HALL"), {}, {}}); })
        << "venues[4] (V HALL)" << "id" << "is not a valid id";
    QTest::newRow("id too long") << Mutation([](Programme &p) {
        p.awards.append({QString(65, 'a'), {}, AwardCategory::DecidedBy::Jury, {}});
    }) << QStringLiteral("awards[5] (%1)").arg(QString(65, 'a')) << "id" << "is not a valid id";
    QTest::newRow("unknown venue of screen") << Mutation([](Programme &p) { p.screens[0].venueId = QStringLiteral("V-NOPE"); })
        << "screens[0] (HALL-1)" << "venue" << "unknown venue \"V-NOPE\"";
    QTest::newRow("unknown screen") << Mutation([](Programme &p) { p.screenings[3].screenId = QStringLiteral("CINE-9"); })
        << "screenings[3] (S-0104)" << "screen" << "unknown screen \"CINE-9\"";
    QTest::newRow("unknown film") << Mutation([](Programme &p) { p.screenings[3].filmIds.append(QStringLiteral("F-999")); })
        << "screenings[3] (S-0104)" << "films" << "unknown film \"F-999\"";
    QTest::newRow("unknown venue of event") << Mutation([](Programme &p) { p.events[4].venueId = QStringLiteral("V-X"); })
        << "events[4] (E-PANEL1)" << "venue" << "unknown venue \"V-X\"";
    QTest::newRow("unknown nominee") << Mutation([](Programme &p) { p.awards[0].nomineeFilmIds.append(QStringLiteral("F-999")); })
        << "awards[0] (best-film)" << "nominees" << "unknown film \"F-999\"";
    QTest::newRow("unknown category") << Mutation([](Programme &p) { p.films[5].categoryIds.append(QStringLiteral("best-song")); })
        << "films[5] (F-006)" << "categories" << "unknown award \"best-song\"";
    QTest::newRow("end before start") << Mutation([](Programme &p) {
        Screening &s = screening(p, QStringLiteral("S-0105"));
        s.end = s.start.addSecs(-60);
    }) << "screenings[4] (S-0105)" << "end" << "not after its start";
    QTest::newRow("end equals start") << Mutation([](Programme &p) { p.events[0].end = p.events[0].start; })
        << "events[0] (E-WS1)" << "end" << "not after its start";
    QTest::newRow("changeover too short") << Mutation([](Programme &p) {
        // S-0103 runs 14:00-14:55 on CINE-1; S-0107 moved to 15:00 leaves 5 of 10 minutes.
        Screening &s = screening(p, QStringLiteral("S-0107"));
        const qint64 length = s.start.secsTo(s.end);
        s.start = QDateTime(QDate(2026, 12, 5), QTime(15, 0), Qt::OffsetFromUTC, 8 * 3600);
        s.end = s.start.addSecs(length);
    }) << "screenings[6] (S-0107)" << "start"
       << "starts 5 min after S-0103 on screen CINE-1 ends (14:55), short of the 10 min changeover: start it at 15:05 or later";
    QTest::newRow("overlap") << Mutation([](Programme &p) {
        Screening &s = screening(p, QStringLiteral("S-0107"));
        const qint64 length = s.start.secsTo(s.end);
        s.start = QDateTime(QDate(2026, 12, 5), QTime(14, 50), Qt::OffsetFromUTC, 8 * 3600);
        s.end = s.start.addSecs(length);
    }) << "screenings[6] (S-0107)" << "start"
       << "overlaps S-0103 on screen CINE-1, which ends at 14:55: start it at 15:05 or later (a 10 min changeover)";
    QTest::newRow("contained overlap") << Mutation([](Programme &p) {
        Screening inner = screening(p, QStringLiteral("S-0101"));
        inner.id = QStringLiteral("S-INNER");
        inner.filmIds = {QStringLiteral("F-035")};
        inner.start = inner.start.addSecs(600);
        inner.end = inner.start.addSecs(900);
        p.screenings.append(inner);
    }) << "screenings[18] (S-INNER)" << "start" << "overlaps S-0101 on screen CINE-1";
    QTest::newRow("slot shorter than films") << Mutation([](Programme &p) {
        Screening &s = screening(p, QStringLiteral("S-0202"));   // F-001 alone, 14:20
        s.end = s.start.addSecs(14 * 60);
    }) << "screenings[9] (S-0202)" << "end" << "slot of 14.0 min is shorter than its films (14.3 min): move end to 2026-12-06T11:14:20+08:00";
    QTest::newRow("block shorter than films") << Mutation([](Programme &p) {
        p.screenings[0].filmIds.append(QStringLiteral("F-040"));
    }) << "screenings[0] (S-0101)" << "end" << "is shorter than its films";
    QTest::newRow("film without media") << Mutation([](Programme &p) { p.films[7].media.clear(); })
        << "films[7] (F-008)" << "media" << "no media file";
    QTest::newRow("media escapes folder") << Mutation([](Programme &p) { p.films[7].media = QStringLiteral("../../etc/passwd"); })
        << "films[7] (F-008)" << "media" << "not a plain relative path";
    QTest::newRow("subtitle escapes folder") << Mutation([](Programme &p) {
        p.films[7].subtitleFiles = {{QStringLiteral("en"), QStringLiteral("subs/F-008.en.srt")},
                                    {QStringLiteral("zh-Hant"), QStringLiteral("../F-008.zh.srt")}};
    }) << "films[7] (F-008)" << "subtitleFiles[1].file" << "not a plain relative path";
    QTest::newRow("absolute media") << Mutation([](Programme &p) { p.films[7].media = QStringLiteral("/srv/films/a.webm"); })
        << "films[7] (F-008)" << "media" << "not a plain relative path";
    QTest::newRow("film without title") << Mutation([](Programme &p) {
        p.films[3].originalTitle.clear();
        p.films[3].title = {};
    }) << "films[3] (F-004)" << "title" << "no title";
    QTest::newRow("screening without films") << Mutation([](Programme &p) { p.screenings[2].filmIds.clear(); })
        << "screenings[2] (S-0103)" << "films" << "no films";
    QTest::newRow("unknown time zone") << Mutation([](Programme &p) { p.timeZone = QStringLiteral("Hong Kong"); })
        << "programme" << "timeZone" << "unknown time zone";
}

void tst_ProgrammeValidator::rules()
{
    QFETCH(Mutation, mutate);
    QFETCH(QString, where);
    QFETCH(QString, field);
    QFETCH(QString, message);

    Programme p = m_sample;
    mutate(p);
    const QList<ProgrammeError> errors = ProgrammeValidator::validate(p, kChangeover);
    QVERIFY2(errors.size() == 1, qPrintable(QStringLiteral("%1 errors, first: %2").arg(errors.size()).arg(errors.value(0).toString())));
    QCOMPARE(errors[0].where, where);
    QCOMPARE(errors[0].field, field);
    QVERIFY2(errors[0].message.contains(message), qPrintable(errors[0].message));
}

void tst_ProgrammeValidator::cancelledScreeningFreesItsSlot()
{
    Programme p = m_sample;
    Screening replacement = screening(p, QStringLiteral("S-0103"));
    replacement.id = QStringLiteral("S-0103B");
    p.screenings.append(replacement);
    QCOMPARE(ProgrammeValidator::validate(p, kChangeover).size(), 1);
    screening(p, QStringLiteral("S-0103")).status = Screening::Status::Cancelled;
    QVERIFY(ProgrammeValidator::validate(p, kChangeover).isEmpty());
}

void tst_ProgrammeValidator::changeoverIsAParameter()
{
    // The tightest gap of the sample: S-0208 on CINE-1 ends 16:25, S-0210 starts 17:30.
    QVERIFY(ProgrammeValidator::validate(m_sample, 65).isEmpty());
    const QList<ProgrammeError> errors = ProgrammeValidator::validate(m_sample, 66);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().message,
             QStringLiteral("starts 65 min after S-0208 on screen CINE-1 ends (16:25), short of the 66 min changeover: start it at 17:31 or later"));
}

void tst_ProgrammeValidator::emptyProgrammeNeedsOnlyATimeZone()
{
    Programme p;
    QCOMPARE(ProgrammeValidator::validate(p, kChangeover).size(), 1);
    p.timeZone = QStringLiteral("Asia/Hong_Kong");
    QVERIFY(ProgrammeValidator::validate(p, kChangeover).isEmpty());
}

QTEST_GUILESS_MAIN(tst_ProgrammeValidator)
#include "tst_programmevalidator.moc"
