#include "ceremonyscript.h"
#include "programmejson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace fest;

class tst_CeremonyScript : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void generateFollowsTheAwards();
    void sampleFileLoadsAndRoundTrips();
    void refused_data();
    void refused();
    void expandTakesTitlesFromTheProgrammeAndWinnerOnlyOnReveal();

private:
    Programme m_programme;
};

void tst_CeremonyScript::initTestCase()
{
    QFile sample(qEnvironmentVariable("FEST_SOURCE_DIR") + QStringLiteral("/config/programme.sample.json"));
    QVERIFY(sample.open(QIODevice::ReadOnly));
    const std::optional<Programme> p = ProgrammeJson::decode(sample.readAll(), nullptr);
    QVERIFY(p);
    m_programme = *p;
}

void tst_CeremonyScript::generateFollowsTheAwards()
{
    const QList<CueDefinition> cues = CeremonyScript::generate(m_programme);
    QCOMPARE(cues.first().type, Cue::Type::Intro);
    QCOMPARE(cues.last().type, Cue::Type::Outro);
    int i = 1;
    for (const AwardCategory &a : m_programme.awards) {
        QCOMPARE(cues.at(i).type, Cue::Type::Title);
        QCOMPARE(cues.at(i++).category, a.id);
        for (const QString &film : a.nomineeFilmIds) {
            QCOMPARE(cues.at(i).type, Cue::Type::Nominee);
            QCOMPARE(cues.at(i++).film, film);
        }
        QCOMPARE(cues.at(i).type, Cue::Type::Reveal);
        QCOMPARE(cues.at(i++).category, a.id);
    }
    QCOMPARE(i, cues.size() - 1);
}

void tst_CeremonyScript::sampleFileLoadsAndRoundTrips()
{
    QFile file(qEnvironmentVariable("FEST_SOURCE_DIR") + QStringLiteral("/config/ceremony.sample.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QList<JsonError> errors;
    const auto cues = CeremonyScript::read(QJsonDocument::fromJson(file.readAll()).object(), m_programme, &errors);
    QVERIFY2(cues, qPrintable(errors.value(0).toString()));
    QVERIFY(cues->size() > 10);
    QCOMPARE(CeremonyScript::read(CeremonyScript::toJson(*cues), m_programme, &errors), cues);
}

void tst_CeremonyScript::refused_data()
{
    QTest::addColumn<QJsonObject>("cue");
    QTest::addColumn<QString>("field");
    QTest::newRow("a winner") << QJsonObject{{"type", "reveal"}, {"category", "best-film"}, {"winner", "F-001"}} << "winner";
    QTest::newRow("unknown type") << QJsonObject{{"type", "fireworks"}} << "type";
    QTest::newRow("unknown category") << QJsonObject{{"type", "title"}, {"category", "best-dog"}} << "category";
    QTest::newRow("title without category") << QJsonObject{{"type", "title"}} << "category";
    QTest::newRow("film not nominated") << QJsonObject{{"type", "nominee"}, {"category", "best-film"}, {"film", "F-002"}} << "film";
    QTest::newRow("film on a reveal") << QJsonObject{{"type", "reveal"}, {"category", "best-film"}, {"film", "F-001"}} << "film";
    QTest::newRow("category on the intro") << QJsonObject{{"type", "intro"}, {"category", "best-film"}} << "category";
    QTest::newRow("media outside the folder") << QJsonObject{{"type", "intro"}, {"media", "../secret.webm"}} << "media";
    QTest::newRow("typo") << QJsonObject{{"type", "intro"}, {"meida", "a.webm"}} << "meida";
}

void tst_CeremonyScript::refused()
{
    QFETCH(QJsonObject, cue);
    QFETCH(QString, field);
    QList<JsonError> errors;
    QVERIFY(!CeremonyScript::read({{"formatVersion", 1}, {"cues", QJsonArray{cue}}}, m_programme, &errors));
    QVERIFY(!errors.isEmpty());
    QCOMPARE(errors.first().field, field);
}

void tst_CeremonyScript::expandTakesTitlesFromTheProgrammeAndWinnerOnlyOnReveal()
{
    const AwardCategory &award = m_programme.awards.first();
    const Film *film = m_programme.film(award.nomineeFilmIds.first());
    const Cue nominee = CeremonyScript::expand({Cue::Type::Nominee, {}, {}, award.id, film->id}, m_programme, film->id);
    QCOMPARE(nominee.heading, award.name);
    QCOMPARE(nominee.nominees.size(), award.nomineeFilmIds.size());
    QCOMPARE(nominee.film->title, film->title);
    QCOMPARE(nominee.clipMedia(), film->media);
    QVERIFY(!nominee.winner);
    const Cue reveal = CeremonyScript::expand({Cue::Type::Reveal, {}, {}, award.id, {}}, m_programme, film->id);
    QCOMPARE(reveal.winner->id, film->id);
    QCOMPARE(reveal.clipMedia(), film->media);
    QVERIFY(!CeremonyScript::summary({Cue::Type::Reveal, {}, {}, award.id, {}}, 3).contains(QStringLiteral("winner")));
}

QTEST_GUILESS_MAIN(tst_CeremonyScript)
#include "tst_ceremonyscript.moc"
