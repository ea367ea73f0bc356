// Integration: a real broker, the ceremony service with the controller's command router,
// two CueFollowers in this process and two in their own processes, on a real show clock.
#include "ceremonyservice.h"
#include "cuefollower.h"
#include "envelope.h"
#include "gstreamerinit.h"
#include "mosquittoprocess.h"
#include "mqttclient.h"
#include "mqttrequester.h"
#include "programmejson.h"
#include "programmerepository.h"
#include "programmeservice.h"
#include "projectbinaries.h"
#include "request.h"
#include "showclock.h"
#include "showclockprovider.h"
#include "statepublisher.h"
#include "topics.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace fest;

namespace {

// What tells "on the clock" from "on arrival" is that no node fires before the instant
// (the cue arrives ~300 ms ahead of it). The upper bound only catches a node that never
// waits for its instant at all; it is half the lead because a 2-core CI machine running
// the whole suite has delayed a wake-up by over 25 ms. bench/ceremony measures.
constexpr qint64 toleranceUs = 150000;

struct Seen {
    QString topic;
    QByteArray payload;
};

} // namespace

class tst_CeremonyService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void refusals_data();
    void refusals();
    void revealWithoutWinnerIsRefused();
    void staffMayReadStatusButNotStep();
    void fullCeremony();
    void restartedControllerRepublishesWithoutRefiring();
    void festctlStepsTheCeremony_data();
    void festctlStepsTheCeremony();

private:
    MqttOptions options(const QString &user) const;
    Reply call(const QString &account, const QString &op, const QJsonObject &args = {});
    std::unique_ptr<CueFollower> follower(MqttClient *client);
    QProcess *startProcessFollower(const QString &account);
    void goAndCheckEveryoneFires(int index);
    QList<QStringList> processEvents(QProcess *p, const QString &kind);

    QTemporaryDir m_dir;
    MosquittoProcess m_broker;
    std::unique_ptr<ShowClockProvider> m_provider;
    std::unique_ptr<ShowClock> m_clock;
    Programme m_programme;
    std::optional<Database> m_controllerDb;
    std::optional<Database> m_ceremonyDb;
    std::unique_ptr<MqttClient> m_controller;
    std::unique_ptr<ProgrammeRepository> m_repository;
    std::unique_ptr<StatePublisher> m_publisher;
    std::unique_ptr<ProgrammeService> m_programmeService;
    std::unique_ptr<CommandRouter> m_router;
    std::unique_ptr<CeremonyService> m_service;
    QHash<QString, MqttClient *> m_callers;
    QHash<QString, MqttRequester *> m_requesters;
    std::vector<std::unique_ptr<MqttClient>> m_clients;
    std::vector<std::unique_ptr<CueFollower>> m_followers;
    std::vector<std::unique_ptr<QProcess>> m_processes;
    QList<Seen> m_seen;     // everything a subscriber on "#" received, in order
};

MqttOptions tst_CeremonyService::options(const QString &user) const
{
    MqttOptions o;
    o.host = m_broker.host();
    o.port = m_broker.port();
    o.username = user;
    o.clientId = user;
    return o;
}

void tst_CeremonyService::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("fest.mqtt.debug=false\nfest.ceremony.info=false"));
    GStreamerInit::ensure();
    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error));
    m_provider = std::make_unique<ShowClockProvider>(0, QStringLiteral("127.0.0.1"));
    QVERIFY2(m_provider->isValid(), qPrintable(m_provider->errorString()));
    m_clock = std::make_unique<ShowClock>(QStringLiteral("127.0.0.1"), m_provider->port());
    QVERIFY(m_clock->waitForSync(10000));

    QFile sample(qEnvironmentVariable("FEST_SOURCE_DIR") + QStringLiteral("/config/programme.sample.json"));
    QVERIFY2(sample.open(QIODevice::ReadOnly), qPrintable(sample.fileName()));
    QList<ProgrammeError> errors;
    const std::optional<Programme> programme = ProgrammeJson::decode(sample.readAll(), &errors);
    QVERIFY(programme);
    m_programme = *programme;

    m_controllerDb = Database::open(m_dir.filePath(QStringLiteral("controller.db")), {}, &error);
    QVERIFY2(m_controllerDb, qPrintable(error));
    m_repository = std::make_unique<ProgrammeRepository>(*m_controllerDb);
    QVERIFY2(m_repository->migrate(&error), qPrintable(error));
    m_controller = std::make_unique<MqttClient>(options(QStringLiteral("controller")));
    m_publisher = std::make_unique<StatePublisher>(m_controller.get());
    m_programmeService = std::make_unique<ProgrammeService>(*m_repository, *m_publisher, ProgrammeService::Options{});
    QVERIFY(m_programmeService->replace(m_programme, {QStringLiteral("controller"), QStringLiteral("controller")},
                                        QStringLiteral("programme.seed"), {}).ok);

    m_ceremonyDb = CeremonyStore::openDatabase(CeremonyService::defaultDatabasePath(m_dir.filePath(QStringLiteral("controller.db"))), &error);
    QVERIFY2(m_ceremonyDb, qPrintable(error));
    m_service = std::make_unique<CeremonyService>(m_controller.get(), *m_ceremonyDb, *m_programmeService,
                                                  CeremonyService::Options{300, 1000});
    m_service->setClock([this] { return m_clock->nowUs(); });
    // The votes boundary: the tally's ranking, best first (controller/votes tests the tally).
    m_service->setAudienceRanking([](QString *) { return std::optional<QStringList>({QStringLiteral("F-999"), QStringLiteral("F-013"), QStringLiteral("F-001")}); });
    QVERIFY2(m_service->migrate(&error), qPrintable(error));
    m_router = std::make_unique<CommandRouter>(m_controller.get(), QHash<QString, QString>{{QStringLiteral("org"), QStringLiteral("organiser")},
                                                                                           {QStringLiteral("booth"), QStringLiteral("staff")}});
    m_service->registerOperations(*m_router);
    connect(m_controller.get(), &MqttClient::messageReceived, m_router.get(), [this](const MqttMessage &m) { m_router->handle(m); });
    connect(m_controller.get(), &MqttClient::connected, m_service.get(), &CeremonyService::republish);
    m_controller->subscribe(CommandRouter::subscription(), 1);
    m_controller->open();

    auto spy = std::make_unique<MqttClient>(options(QStringLiteral("spy")));
    spy->subscribe(QStringLiteral("#"), 1);
    connect(spy.get(), &MqttClient::messageReceived, this, [this](const MqttMessage &m) { m_seen << Seen{m.topic, m.payload}; });
    spy->open();
    QTRY_VERIFY_WITH_TIMEOUT(spy->state() == MqttClient::State::Connected, 10000);
    m_clients.push_back(std::move(spy));
    for (const QString &account : {QStringLiteral("org"), QStringLiteral("booth")}) {
        auto client = std::make_unique<MqttClient>(options(account));
        m_requesters.insert(account, new MqttRequester(client.get(), Topics::controllerReplyPrefix(account), client.get()));
        client->open();
        m_callers.insert(account, client.get());
        m_clients.push_back(std::move(client));
    }
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->state() == MqttClient::State::Connected, 10000);
}

void tst_CeremonyService::cleanupTestCase()
{
    for (auto &p : m_processes) {
        p->kill();
        p->waitForFinished(5000);
    }
}

Reply tst_CeremonyService::call(const QString &account, const QString &op, const QJsonObject &args)
{
    std::optional<RequesterResult> result;
    m_requesters.value(account)->request(Topics::controllerRequest(account), Request{op, args}.encode(), 10000,
                                         [&](const RequesterResult &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000) || !result->ok())
        return Reply::noAnswer(result ? result->errorString : QStringLiteral("no reply"));
    const std::optional<Reply> reply = Reply::decode(result->payload);
    return reply ? *reply : Reply::noAnswer(QString::fromUtf8(result->payload));
}

std::unique_ptr<CueFollower> tst_CeremonyService::follower(MqttClient *client)
{
    return std::make_unique<CueFollower>(client, m_clock.get());
}

void tst_CeremonyService::refusals_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<QJsonObject>("args");
    QTest::addColumn<QString>("code");
    const QJsonObject winnerInList{{"formatVersion", 1},
                                   {"cues", QJsonArray{QJsonObject{{"type", "reveal"}, {"category", "best-film"}, {"winner", "F-001"}}}}};
    const QJsonObject unknownCategory{{"formatVersion", 1}, {"cues", QJsonArray{QJsonObject{{"type", "title"}, {"category", "best-dog"}}}}};
    const QJsonObject notNominated{{"formatVersion", 1},
                                   {"cues", QJsonArray{QJsonObject{{"type", "nominee"}, {"category", "best-film"}, {"film", "F-002"}}}}};
    QTest::newRow("load nothing") << "ceremony.load" << QJsonObject{} << "invalid_args";
    QTest::newRow("load a winner in the list") << "ceremony.load" << QJsonObject{{"cues", winnerInList}} << "invalid_cues";
    QTest::newRow("load an unknown category") << "ceremony.load" << QJsonObject{{"cues", unknownCategory}} << "invalid_cues";
    QTest::newRow("load a film not nominated") << "ceremony.load" << QJsonObject{{"cues", notNominated}} << "invalid_cues";
    QTest::newRow("set a winner not nominated") << "ceremony.set-winner" << QJsonObject{{"category", "best-film"}, {"film", "F-002"}} << "not_nominated";
    QTest::newRow("set a winner of an unknown category") << "ceremony.set-winner" << QJsonObject{{"category", "best-dog"}, {"film", "F-001"}} << "unknown_category";
    QTest::newRow("set the audience winner by hand") << "ceremony.set-winner" << QJsonObject{{"category", "audience-award"}, {"film", "F-001"}} << "audience_award";
    QTest::newRow("goto past the end") << "ceremony.goto" << QJsonObject{{"index", 100000}} << "invalid_args";
    QTest::newRow("goto a string") << "ceremony.goto" << QJsonObject{{"index", "3"}} << "invalid_args";
    QTest::newRow("blackout without on") << "ceremony.blackout" << QJsonObject{} << "invalid_args";
    QTest::newRow("end when not running") << "ceremony.end" << QJsonObject{} << "not_running";
    QTest::newRow("back when not running") << "ceremony.back" << QJsonObject{} << "first_cue";
}

void tst_CeremonyService::refusals()
{
    QFETCH(QString, op);
    QFETCH(QJsonObject, args);
    QFETCH(QString, code);
    const qint64 seqBefore = m_service->state().seq;
    const Reply reply = call(QStringLiteral("org"), op, args);
    QVERIFY(!reply.ok);
    QCOMPARE(reply.code, code);
    QVERIFY(!reply.message.isEmpty());
    QCOMPARE(m_service->state().seq, seqBefore);
}

void tst_CeremonyService::revealWithoutWinnerIsRefused()
{
    const Reply loaded = call(QStringLiteral("org"), QStringLiteral("ceremony.load"), {{"generate", true}});
    QVERIFY2(loaded.ok, qPrintable(loaded.message));
    const QList<CueDefinition> cues = CeremonyScript::generate(m_programme);
    int reveal = 0;
    while (cues.at(reveal).type != Cue::Type::Reveal)
        ++reveal;
    const Reply reply = call(QStringLiteral("org"), QStringLiteral("ceremony.goto"), {{"index", reveal}});
    QCOMPARE(reply.code, QStringLiteral("winner_not_set"));
    QVERIFY(reply.message.contains(QStringLiteral("set-winner")));
    QVERIFY(!m_service->state().active);
}

void tst_CeremonyService::staffMayReadStatusButNotStep()
{
    const Reply status = call(QStringLiteral("booth"), QStringLiteral("ceremony.status"));
    QVERIFY2(status.ok, qPrintable(status.message));
    QCOMPARE(status.result.value(QStringLiteral("count")).toInt(), int(CeremonyScript::generate(m_programme).size()));
    const Reply go = call(QStringLiteral("booth"), QStringLiteral("ceremony.go"));
    QVERIFY(!go.ok);
    QVERIFY(!m_service->state().active);
}

QProcess *tst_CeremonyService::startProcessFollower(const QString &account)
{
    auto p = std::make_unique<QProcess>();
    p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("fest.mqtt.debug=false"));
    p->setProcessEnvironment(env);
    p->start(projectBinary(QStringLiteral("festival-cue-follower")),
             {QStringLiteral("--broker"), m_broker.url(), QStringLiteral("--clock"), QStringLiteral("127.0.0.1:%1").arg(m_provider->port()),
              QStringLiteral("--account"), account});
    m_processes.push_back(std::move(p));
    return m_processes.back().get();
}

QList<QStringList> tst_CeremonyService::processEvents(QProcess *p, const QString &kind)
{
    QList<QStringList> events;
    const QStringList lines = QString::fromUtf8(p->property("out").toByteArray()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QStringList words = line.split(QLatin1Char(' '));
        if (words.first() == kind)
            events << words;
    }
    return events;
}

void tst_CeremonyService::goAndCheckEveryoneFires(int index)
{
    QList<QSignalSpy *> spies;
    for (auto &f : m_followers)
        spies << new QSignalSpy(f.get(), &CueFollower::cueFired);
    QList<int> firedBefore;
    for (auto &p : m_processes)
        firedBefore << processEvents(p.get(), QStringLiteral("fired")).size();

    const Reply reply = call(QStringLiteral("org"), QStringLiteral("ceremony.go"));
    QVERIFY2(reply.ok, qPrintable(reply.message));
    QCOMPARE(reply.result.value(QStringLiteral("index")).toInt(), index);
    QVERIFY(!QJsonDocument(reply.result).toJson().contains("winner"));
    const qint64 seq = reply.result.value(QStringLiteral("seq")).toInteger();
    const qint64 executeAt = reply.result.value(QStringLiteral("executeAtUs")).toInteger();

    for (QSignalSpy *spy : spies) {
        QTRY_COMPARE_WITH_TIMEOUT(spy->size(), 1, 10000);
        QCOMPARE(spy->at(0).at(0).toLongLong(), seq);
        const qint64 firedAt = spy->at(0).at(1).toLongLong();
        QVERIFY(firedAt >= executeAt);
        QVERIFY2(firedAt - executeAt < toleranceUs, qPrintable(QString::number(firedAt - executeAt)));
    }
    qDeleteAll(spies);
    for (int i = 0; i < int(m_processes.size()); ++i) {
        QProcess *p = m_processes.at(i).get();
        QTRY_VERIFY_WITH_TIMEOUT(processEvents(p, QStringLiteral("fired")).size() == firedBefore.at(i) + 1, 10000);
        const QStringList last = processEvents(p, QStringLiteral("fired")).last();
        QCOMPARE(last.at(1).toLongLong(), seq);
        QCOMPARE(last.at(2).toLongLong(), executeAt);
        const qint64 late = last.at(3).toLongLong() - executeAt;
        QVERIFY2(late >= 0 && late < toleranceUs, qPrintable(QString::number(late)));
    }
}

void tst_CeremonyService::fullCeremony()
{
    QVERIFY2(!projectBinary(QStringLiteral("festival-cue-follower")).isEmpty(), "festival-cue-follower was not built");
    m_seen.clear();   // the refusals above quoted "winner" in requests and error replies
    QVERIFY(call(QStringLiteral("org"), QStringLiteral("ceremony.load"), {{"generate", true}}).ok);
    const QList<CueDefinition> cues = CeremonyScript::generate(m_programme);
    QHash<QString, QString> winners;
    for (const AwardCategory &a : m_programme.awards) {
        if (a.decidedBy == AwardCategory::DecidedBy::Jury) {
            winners.insert(a.id, a.nomineeFilmIds.last());
            const Reply r = call(QStringLiteral("org"), QStringLiteral("ceremony.set-winner"), {{"category", a.id}, {"film", a.nomineeFilmIds.last()}});
            QVERIFY2(r.ok, qPrintable(r.message));
            QVERIFY(!QJsonDocument(r.result).toJson().contains(a.nomineeFilmIds.last().toUtf8()));
        } else {
            winners.insert(a.id, QStringLiteral("F-013"));   // F-999 is not a nominee
            QVERIFY(call(QStringLiteral("org"), QStringLiteral("ceremony.lock-audience")).ok);
        }
    }

    for (int i = 0; i < 2; ++i) {
        auto client = std::make_unique<MqttClient>(options(QStringLiteral("player-%1").arg(i)));
        m_followers.push_back(follower(client.get()));
        client->open();
        QTRY_VERIFY_WITH_TIMEOUT(client->state() == MqttClient::State::Connected, 10000);
        m_clients.push_back(std::move(client));
    }
    for (int i = 0; i < 2; ++i) {
        QProcess *p = startProcessFollower(QStringLiteral("kiosk-%1").arg(i));
        connect(p, &QProcess::readyReadStandardOutput, p, [p] { p->setProperty("out", p->property("out").toByteArray() + p->readAllStandardOutput()); });
        QTRY_VERIFY_WITH_TIMEOUT(!processEvents(p, QStringLiteral("ready")).isEmpty(), 20000);
    }

    const int middle = int(cues.size()) / 2;
    for (int index = 0; index < cues.size(); ++index) {
        const CueDefinition &cue = cues.at(index);
        // Until its reveal, no message on any topic names a winner of this category: not
        // as a reveal, not among the awards announced before it.
        if (cue.type == Cue::Type::Reveal)
            for (const Seen &seen : std::as_const(m_seen))
                if (seen.payload.contains("\"winner\"") && !Topics::parseControllerRequest(seen.topic)) {
                    std::optional<CeremonyState> s = CeremonyState::decode(seen.payload, nullptr);
                    const bool revealedHere = s && s->cue && s->cue->winner && s->cue->categoryId == cue.category;
                    const bool announcedHere = s && std::any_of(s->announced.cbegin(), s->announced.cend(),
                                                                [&](const Cue &a) { return a.categoryId == cue.category; });
                    QVERIFY2(s && !revealedHere && !announcedHere,
                             qPrintable(seen.topic + QStringLiteral(": ") + QString::fromUtf8(seen.payload)));
                }
        goAndCheckEveryoneFires(index);
        if (QTest::currentTestFailed())
            return;
        for (auto &f : m_followers) {
            QCOMPARE(f->cueIndex(), index);
            QCOMPARE(f->cueType(), Cue::typeNames().at(int(cue.type)));
            QCOMPARE(f->winner().value(QStringLiteral("id")).toString(),
                     cue.type == Cue::Type::Reveal ? winners.value(cue.category) : QString());
        }
        if (index == middle) {
            // A node reconnecting mid-ceremony gets the retained state again: no replay.
            QSignalSpy fired(m_followers.front().get(), &CueFollower::cueFired);
            const int staleBefore = m_followers.front()->droppedStale();
            m_clients.at(3)->close();
            m_clients.at(3)->open();
            QTRY_COMPARE_WITH_TIMEOUT(m_followers.front()->droppedStale(), staleBefore + 1, 10000);
            QCOMPARE(fired.size(), 0);
            QCOMPARE(m_followers.front()->cueIndex(), index);
            // A node that joins after the cue expired shows it and does not fire it.
            QTRY_VERIFY_WITH_TIMEOUT(m_clock->nowUs() > m_service->state().expiresAtUs, 10000);
            auto lateClient = std::make_unique<MqttClient>(options(QStringLiteral("late-kiosk")));
            auto late = follower(lateClient.get());
            QSignalSpy joined(late.get(), &CueFollower::cueJoined);
            QSignalSpy lateFired(late.get(), &CueFollower::cueFired);
            lateClient->open();
            QVERIFY(joined.wait(10000));
            QCOMPARE(late->cueIndex(), index);
            QCOMPARE(late->cueType(), Cue::typeNames().at(int(cue.type)));
            QCOMPARE(lateFired.size(), 0);
            m_followers.push_back(std::move(late));
            m_clients.push_back(std::move(lateClient));
        }
    }

    // Nodes report what they applied; status shows the current and no next cue.
    const Reply status = call(QStringLiteral("org"), QStringLiteral("ceremony.status"));
    QCOMPARE(status.result.value(QStringLiteral("index")).toInt(), int(cues.size()) - 1);
    QVERIFY(status.result.value(QStringLiteral("next")).isNull());
    QCOMPARE(call(QStringLiteral("org"), QStringLiteral("ceremony.go")).code, QStringLiteral("last_cue"));

    QVERIFY(call(QStringLiteral("org"), QStringLiteral("ceremony.blackout"), {{"on", true}}).ok);
    QTRY_VERIFY_WITH_TIMEOUT(m_followers.front()->isBlackout(), 10000);
    QVERIFY(call(QStringLiteral("org"), QStringLiteral("ceremony.end")).ok);
    for (auto &f : m_followers)
        QTRY_VERIFY_WITH_TIMEOUT(!f->isActive(), 10000);
    for (auto &p : m_processes)
        QCOMPARE(processEvents(p.get(), QStringLiteral("fired")).size(), cues.size());

    // Winners appeared exactly once each, in their reveal, and no retained message kept a
    // sealed one that was never revealed.
    int revealMessages = 0;
    for (const Seen &seen : std::as_const(m_seen))
        revealMessages += seen.payload.contains("\"winner\"") && seen.topic == Topics::ceremony()
            && CeremonyState::decode(seen.payload, nullptr)->cue->type == Cue::Type::Reveal;
    QCOMPARE(revealMessages, int(m_programme.awards.size()));
    // After the end, every award as announced, in the order of the reveals.
    QStringList announced, revealed;
    for (const Cue &a : m_service->state().announced)
        announced << a.categoryId + u'=' + a.winner->id;
    for (const CueDefinition &cue : cues)
        if (cue.type == Cue::Type::Reveal)
            revealed << cue.category + u'=' + winners.value(cue.category);
    QCOMPARE(announced, revealed);
}

void tst_CeremonyService::restartedControllerRepublishesWithoutRefiring()
{
    QVERIFY(call(QStringLiteral("org"), QStringLiteral("ceremony.go")).ok);   // the first cue again
    CueFollower *node = m_followers.front().get();
    QTRY_COMPARE_WITH_TIMEOUT(node->appliedSeq(), m_service->state().seq, 10000);
    QSignalSpy fired(node, &CueFollower::cueFired);
    const int staleBefore = node->droppedStale();

    // Another service on the same file, as after a controller restart.
    QString error;
    std::optional<Database> db = Database::open(CeremonyService::defaultDatabasePath(m_dir.filePath(QStringLiteral("controller.db"))),
                                                {Database::Sync::Full, true, 5000}, &error);
    QVERIFY2(db, qPrintable(error));
    CeremonyService restarted(m_controller.get(), *db, *m_programmeService);
    QVERIFY2(restarted.migrate(&error), qPrintable(error));
    QCOMPARE(restarted.state(), m_service->state());
    QCOMPARE(restarted.cueCount(), m_service->cueCount());
    restarted.republish();
    QTRY_COMPARE_WITH_TIMEOUT(node->droppedStale(), staleBefore + 1, 10000);
    QCOMPARE(fired.size(), 0);
}

void tst_CeremonyService::festctlStepsTheCeremony_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");
    QTest::newRow("status") << QStringList{QStringLiteral("status")} << 0 << QStringLiteral("Ceremony: running");
    QTest::newRow("go") << QStringList{QStringLiteral("go")} << 0 << QStringLiteral("current: 2. title best-film");
    QTest::newRow("back") << QStringList{QStringLiteral("back")} << 0 << QStringLiteral("current: 1. intro");
    QTest::newRow("goto 3") << QStringList{QStringLiteral("goto"), QStringLiteral("3")} << 0 << QStringLiteral("current: 3. nominee best-film");
    QTest::newRow("goto 0") << QStringList{QStringLiteral("goto"), QStringLiteral("0")} << 2 << QStringLiteral("from 1");
    QTest::newRow("blackout maybe") << QStringList{QStringLiteral("blackout"), QStringLiteral("maybe")} << 2 << QStringLiteral("blackout on");
    QTest::newRow("blackout on") << QStringList{QStringLiteral("blackout"), QStringLiteral("on")} << 0 << QStringLiteral("BLACKOUT");
    QTest::newRow("set a winner not nominated") << QStringList{QStringLiteral("set-winner"), QStringLiteral("best-film"), QStringLiteral("F-002")}
                                                << 1 << QStringLiteral("not a nominee");
    QTest::newRow("load a missing file") << QStringList{QStringLiteral("load"), QStringLiteral("/nonexistent.json")} << 2 << QStringLiteral("cannot read");
    QTest::newRow("end") << QStringList{QStringLiteral("end")} << 0 << QStringLiteral("not running");
}

void tst_CeremonyService::festctlStepsTheCeremony()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    const QString festctl = projectBinary(QStringLiteral("festctl"));
    QVERIFY2(!festctl.isEmpty(), "festctl was not built");
    QProcess p;
    p.start(festctl, QStringList{QStringLiteral("--broker"), m_broker.url(), QStringLiteral("--user"), QStringLiteral("org"),
                                 QStringLiteral("ceremony")} + args);
    QVERIFY(QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 30000));
    const QString output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    QCOMPARE(p.exitCode(), exitCode);
    QVERIFY2(output.contains(says), qPrintable(output));
}

QTEST_GUILESS_MAIN(tst_CeremonyService)
#include "tst_ceremonyservice.moc"
