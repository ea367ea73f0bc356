// Integration: a real broker, the real festival-controller and festctl binaries.
#include "envelope.h"
#include "mosquittoprocess.h"
#include "mqttclient.h"
#include "playerstatus.h"
#include "projectbinaries.h"
#include "programmejson.h"
#include "reply.h"
#include "request.h"
#include "topics.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;

class tst_Controller : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void importThenFreshSubscriberSeesRetainedState();
    void moveProducesNewPlaylistVersion();
    void delayPushesFollowingScreenings();
    void invalidImportIsRejectedWholeAndChangesNothing();
    void csvImportReplacesScreenings();
    void filmEditReachesPlaylistsAndBadFieldsAreRefused();
    void staffCannotImportProgramme();
    void hostileRequestsGetReasonsAndChangeNothing_data();
    void hostileRequestsGetReasonsAndChangeNothing();
    void foreignResponseTopicIsNeverWritten();
    void restartAfterBrokerLossRepublishesSameVersion();
    void nodesListsReportedStatus();
    void auditNamesAccountAndChange();
    void festctlPlayerCommandReachesTheScreensPlayer();
    void festctlExplainsUnreachableBroker();
    void festctlWaitsForAControllerThatIsAway();

private:
    struct Run {
        int exitCode;
        QString out;
        QString err;
    };
    Run festctl(const QStringList &args, const QString &user = QStringLiteral("organiser"));
    bool startController();
    void stopController();
    std::unique_ptr<MqttClient> client(const QString &user = QStringLiteral("observer"));
    // The retained messages under a filter, as a fresh subscriber sees them.
    QHash<QString, QJsonObject> retained(const QString &filter, const QString &type, int expected);
    qint64 programmeVersion();
    QString writeFile(const QString &name, const QByteArray &data);

    QByteArray m_sample;
    Programme m_programme;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MosquittoProcess> m_broker;
    std::unique_ptr<QProcess> m_controller;
};

void tst_Controller::initTestCase()
{
    QVERIFY2(!projectBinary(QStringLiteral("festival-controller")).isEmpty(), "festival-controller was not built");
    QVERIFY2(!projectBinary(QStringLiteral("festctl")).isEmpty(), "festctl was not built");
    QFile sample(qEnvironmentVariable("FEST_SOURCE_DIR") + QStringLiteral("/config/programme.sample.json"));
    QVERIFY2(sample.open(QIODevice::ReadOnly), qPrintable(sample.fileName()));
    m_sample = sample.readAll();
    QList<ProgrammeError> errors;
    std::optional<Programme> programme = ProgrammeJson::decode(m_sample, &errors);
    QVERIFY(programme);
    m_programme = *programme;
}

void tst_Controller::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_broker = std::make_unique<MosquittoProcess>();
    QString error;
    QVERIFY2(m_broker->start(&error), qPrintable(error));
    QVERIFY(startController());
}

void tst_Controller::cleanup()
{
    stopController();
    m_broker.reset();
}

QString tst_Controller::writeFile(const QString &name, const QByteArray &data)
{
    const QString path = m_dir->filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

bool tst_Controller::startController()
{
    const QString ini = writeFile(QStringLiteral("controller.ini"),
                                  QStringLiteral("[broker]\nurl=%1\n[database]\npath=%2\n[clock]\nport=0\n"
                                                 "[roles]\norganiser=organiser\nstaff=booth\n")
                                      .arg(m_broker->url(), m_dir->filePath(QStringLiteral("controller.db")))
                                      .toUtf8());
    m_controller = std::make_unique<QProcess>();
    m_controller->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_controller->start(projectBinary(QStringLiteral("festival-controller")), {QStringLiteral("--config"), ini});
    if (!m_controller->waitForStarted())
        return false;
    // Ready when its retained status says online.
    auto observer = client();
    observer->subscribe(Topics::nodeStatus(QStringLiteral("controller")));
    bool online = false;
    connect(observer.get(), &MqttClient::messageReceived, this, [&](const MqttMessage &m) {
        online = m.payload.contains("\"online\"");
    });
    observer->open();
    return QTest::qWaitFor([&] { return online; }, 10000);
}

void tst_Controller::stopController()
{
    if (m_controller && m_controller->state() != QProcess::NotRunning) {
        m_controller->terminate();
        if (!m_controller->waitForFinished(5000))
            m_controller->kill();
        m_controller->waitForFinished();
    }
    m_controller.reset();
}

std::unique_ptr<MqttClient> tst_Controller::client(const QString &user)
{
    MqttOptions options;
    options.port = m_broker->port();
    options.username = user;
    return std::make_unique<MqttClient>(options);
}

tst_Controller::Run tst_Controller::festctl(const QStringList &args, const QString &user)
{
    QProcess p;
    p.start(projectBinary(QStringLiteral("festctl")),
            QStringList{QStringLiteral("--broker"), m_broker->url(), QStringLiteral("--user"), user, QStringLiteral("--timeout"), QStringLiteral("5")} + args);
    // Keep this process's event loop running: in-process clients (a fake player) must answer.
    if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 20000))
        p.kill();
    p.waitForFinished();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QHash<QString, QJsonObject> tst_Controller::retained(const QString &filter, const QString &type, int expected)
{
    QHash<QString, QJsonObject> found;
    auto c = client();
    connect(c.get(), &MqttClient::messageReceived, this, [&](const MqttMessage &m) {
        if (!m.retain || m.payload.isEmpty())
            return;
        QString error;
        const auto body = Envelope::decode(m.payload, type, JsonLimits::programme(), &error);
        QVERIFY2(body, qPrintable(error));
        found.insert(m.topic, *body);
    });
    c->subscribe(filter);
    c->open();
    if (!QTest::qWaitFor([&] { return found.size() >= expected; }, 5000))
        qWarning() << "only" << found.size() << "of" << expected << "retained messages under" << filter;
    return found;
}

qint64 tst_Controller::programmeVersion()
{
    const auto found = retained(Topics::programme(), QStringLiteral("programme"), 1);
    return found.isEmpty() ? 0 : found.cbegin().value().value(QStringLiteral("version")).toInteger();
}

void tst_Controller::importThenFreshSubscriberSeesRetainedState()
{
    const Run run = festctl({QStringLiteral("programme"), QStringLiteral("import"), writeFile(QStringLiteral("p.json"), m_sample)});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("programme version 1")), qPrintable(run.out));

    const auto programme = retained(Topics::programme(), QStringLiteral("programme"), 1);
    QCOMPARE(programme.size(), 1);
    const QJsonObject message = programme.cbegin().value();
    QCOMPARE(message.value(QStringLiteral("version")).toInteger(), 1);
    QList<ProgrammeError> errors;
    const auto onBus = ProgrammeJson::fromJson(message.value(QStringLiteral("programme")).toObject(), &errors);
    QVERIFY(onBus);
    QCOMPARE(*onBus, m_programme);
    QCOMPARE(message.value(QStringLiteral("hash")).toString(), ProgrammeJson::contentHash(m_programme));

    const auto playlists = retained(Topics::playlist(QStringLiteral("+")), QStringLiteral("playlist"), int(m_programme.screens.size()));
    QCOMPARE(playlists.size(), m_programme.screens.size());
    for (const Screen &screen : m_programme.screens) {
        const QJsonObject playlist = playlists.value(Topics::playlist(screen.id));
        QCOMPARE(playlist.value(QStringLiteral("programmeVersion")).toInteger(), 1);
    }

    const Run show = festctl({QStringLiteral("programme"), QStringLiteral("show")});
    QVERIFY2(show.exitCode == 0, qPrintable(show.err));
    QVERIFY2(show.out.contains(m_programme.screenings.first().id), qPrintable(show.out));
}

void tst_Controller::moveProducesNewPlaylistVersion()
{
    QCOMPARE(festctl({QStringLiteral("programme"), QStringLiteral("import"), writeFile(QStringLiteral("p.json"), m_sample)}).exitCode, 0);
    const Screening &target = m_programme.screenings.first();
    const QString to = QStringLiteral("2026-12-07T10:00:00+08:00");  // the day after the festival: always free

    auto watcher = client();
    QList<QJsonObject> updates;
    connect(watcher.get(), &MqttClient::messageReceived, this, [&](const MqttMessage &m) {
        if (!m.retain)  // a live update, not the retained copy from before
            updates << *Envelope::decode(m.payload, QStringLiteral("playlist"), {}, nullptr);
    });
    watcher->subscribe(Topics::playlist(target.screenId));
    watcher->open();
    QTRY_COMPARE(watcher->state(), MqttClient::State::Connected);

    const Run run = festctl({QStringLiteral("screening"), QStringLiteral("move"), target.id, QStringLiteral("--to"), to});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QTRY_COMPARE(updates.size(), 1);
    QCOMPARE(updates.first().value(QStringLiteral("programmeVersion")).toInteger(), 2);
    bool found = false;
    const qint64 expectedUs = QDateTime::fromString(to, Qt::ISODate).toMSecsSinceEpoch() * 1000;
    for (const QJsonValue &item : updates.first().value(QStringLiteral("items")).toArray())
        if (item[QStringLiteral("screening")].toString() == target.id && item[QStringLiteral("startUs")].toInteger() == expectedUs)
            found = true;
    QVERIFY2(found, "the moved screening's first item does not start at the new time");
}

void tst_Controller::delayPushesFollowingScreenings()
{
    QCOMPARE(festctl({QStringLiteral("programme"), QStringLiteral("import"), writeFile(QStringLiteral("p.json"), m_sample)}).exitCode, 0);
    // the screen with the most screenings
    QHash<QString, int> perScreen;
    for (const Screening &s : m_programme.screenings)
        ++perScreen[s.screenId];
    const QString screen = std::max_element(perScreen.cbegin(), perScreen.cend()).key();
    QDateTime first;
    for (const Screening &s : m_programme.screenings)
        if (s.screenId == screen && (!first.isValid() || s.start < first))
            first = s.start;

    const Run run = festctl({QStringLiteral("screening"), QStringLiteral("delay"), screen, QStringLiteral("20"),
                             QStringLiteral("--from"), first.toString(Qt::ISODate)});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const auto programme = retained(Topics::programme(), QStringLiteral("programme"), 1).value(Topics::programme());
    const auto moved = ProgrammeJson::fromJson(programme.value(QStringLiteral("programme")).toObject(), nullptr);
    QVERIFY(moved);
    int shifted = 0;
    for (const Screening &s : m_programme.screenings) {
        if (s.screenId != screen)
            QCOMPARE(moved->screening(s.id)->start, s.start);
        else if (moved->screening(s.id)->start == s.start.addSecs(20 * 60))
            ++shifted;
    }
    QCOMPARE(shifted, perScreen.value(screen));
}

void tst_Controller::invalidImportIsRejectedWholeAndChangesNothing()
{
    QCOMPARE(festctl({QStringLiteral("programme"), QStringLiteral("import"), writeFile(QStringLiteral("p.json"), m_sample)}).exitCode, 0);
    // a second screening on the same screen at the same time, and an unknown film
    QJsonObject broken = QJsonDocument::fromJson(m_sample).object();
    QJsonArray screenings = broken.value(QStringLiteral("screenings")).toArray();
    QJsonObject clash = screenings.first().toObject();
    clash.insert(QStringLiteral("id"), QStringLiteral("S-CLASH"));
    screenings.append(clash);
    QJsonObject unknown = screenings.first().toObject();
    unknown.insert(QStringLiteral("id"), QStringLiteral("S-UNKNOWN"));
    unknown.insert(QStringLiteral("start"), QStringLiteral("2026-12-07T10:00:00+08:00"));
    unknown.insert(QStringLiteral("end"), QStringLiteral("2026-12-07T12:00:00+08:00"));
    unknown.insert(QStringLiteral("films"), QJsonArray{QStringLiteral("no-such-film")});
    screenings.append(unknown);
    broken.insert(QStringLiteral("screenings"), screenings);

    const Run run = festctl({QStringLiteral("programme"), QStringLiteral("import"),
                             writeFile(QStringLiteral("broken.json"), QJsonDocument(broken).toJson())});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("invalid_programme")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("S-CLASH")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("no-such-film")), qPrintable(run.err));
    QCOMPARE(programmeVersion(), 1);
}

void tst_Controller::csvImportReplacesScreenings()
{
    QCOMPARE(festctl({QStringLiteral("programme"), QStringLiteral("import"), writeFile(QStringLiteral("p.json"), m_sample)}).exitCode, 0);
    const Screening &s = m_programme.screenings.first();
    const QByteArray csv = "id,screen,start,end,films,title_en,title_zh\n"
                           + QStringLiteral("%1,%2,2026-12-07T10:00:00+08:00,2026-12-07T13:00:00+08:00,%3,\"Encore, with a comma\",重映\n")
                                 .arg(s.id, s.screenId, s.filmIds.join(QLatin1Char(';')))
                                 .toUtf8();
    Run run = festctl({QStringLiteral("programme"), QStringLiteral("import"), writeFile(QStringLiteral("s.csv"), csv)});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const auto programme = retained(Topics::programme(), QStringLiteral("programme"), 1).value(Topics::programme());
    const auto onBus = ProgrammeJson::fromJson(programme.value(QStringLiteral("programme")).toObject(), nullptr);
    QCOMPARE(onBus->screenings.size(), 1);
    QCOMPARE(onBus->screenings.first().title.en, QStringLiteral("Encore, with a comma"));
    QCOMPARE(onBus->films.size(), m_programme.films.size());

    // a bad row is named by its row number, and nothing changes
    run = festctl({QStringLiteral("programme"), QStringLiteral("import"),
                   writeFile(QStringLiteral("bad.csv"), "id,screen,start,end,films,title_en,title_zh\nX1,nowhere,not-a-time,,,,\n")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("row 2")), qPrintable(run.err));
    QCOMPARE(programmeVersion(), 2);

    // A row that reads well but breaks the programme's rules (here, after a blank line and
    // a quoted line break, a screening that starts before the one above ends on its screen)
    // is named by its spreadsheet row and column too, not by its place in the list.
    const QByteArray clash = "id,screen,start,end,films,title_en,title_zh\n"
                             + QStringLiteral("%1,%2,2026-12-07T10:00:00+08:00,2026-12-07T13:00:00+08:00,%3,\"Two\nlines\",\n\n"
                                              "S-LATE,%2,2026-12-07T12:00:00+08:00,2026-12-07T15:00:00+08:00,%3,,\n")
                                   .arg(s.id, s.screenId, s.filmIds.join(QLatin1Char(';')))
                                   .toUtf8();
    run = festctl({QStringLiteral("programme"), QStringLiteral("import"), writeFile(QStringLiteral("clash.csv"), clash)});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("row 4 (S-LATE), start: overlaps %1").arg(s.id)), qPrintable(run.err));
    QVERIFY2(!run.err.contains(QStringLiteral("screenings[")), qPrintable(run.err));
    QCOMPARE(programmeVersion(), 2);
}

void tst_Controller::filmEditReachesPlaylistsAndBadFieldsAreRefused()
{
    QCOMPARE(festctl({QStringLiteral("programme"), QStringLiteral("import"), writeFile(QStringLiteral("p.json"), m_sample)}).exitCode, 0);
    const Screening &s = m_programme.screenings.first();
    const QString film = s.filmIds.first();
    Run run = festctl({QStringLiteral("film"), QStringLiteral("edit"), film, QStringLiteral("--runtime"), QStringLiteral("20"),
                       QStringLiteral("--media"), QStringLiteral("films/rehearsal.webm")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject playlist = retained(Topics::playlist(s.screenId), QStringLiteral("playlist"), 1).value(Topics::playlist(s.screenId));
    QCOMPARE(playlist.value(QStringLiteral("programmeVersion")).toInteger(), 2);
    const QJsonArray items = playlist.value(QStringLiteral("items")).toArray();
    auto item = std::find_if(items.begin(), items.end(), [&](const QJsonValue &v) { return v[QStringLiteral("film")].toString() == film; });
    QVERIFY(item != items.end());
    QCOMPARE((*item)[QStringLiteral("durationUs")].toInteger(), 20 * 1000000);
    QCOMPARE((*item)[QStringLiteral("media")].toString(), QStringLiteral("films/rehearsal.webm"));
    // the next film of the block now starts 20 s after this one
    const auto next = item + 1;
    if (s.filmIds.size() > 1)
        QCOMPARE((*next)[QStringLiteral("startUs")].toInteger(), (*item)[QStringLiteral("startUs")].toInteger() + 20 * 1000000);

    // a media path that leaves the media folder is refused, and nothing changes
    run = festctl({QStringLiteral("film"), QStringLiteral("edit"), film, QStringLiteral("--media"), QStringLiteral("../../etc/passwd")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("media")), qPrintable(run.err));
    run = festctl({QStringLiteral("film"), QStringLiteral("edit"), QStringLiteral("no-such-film"), QStringLiteral("--runtime"), QStringLiteral("5")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(programmeVersion(), 2);
}

void tst_Controller::staffCannotImportProgramme()
{
    const Run run = festctl({QStringLiteral("programme"), QStringLiteral("import"), writeFile(QStringLiteral("p.json"), m_sample)},
                            QStringLiteral("booth"));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("forbidden")), qPrintable(run.err));
    const Run stranger = festctl({QStringLiteral("nodes")}, QStringLiteral("stranger"));
    QCOMPARE(stranger.exitCode, 1);
    QCOMPARE(programmeVersion(), 0);
}

void tst_Controller::hostileRequestsGetReasonsAndChangeNothing_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("code");
    QTest::newRow("not json") << QByteArray("{{{{ nope") << "bad_request";
    QTest::newRow("deeply nested") << (QByteArray(100000, '[') + QByteArray(100000, ']')) << "bad_request";
    QTest::newRow("invalid utf-8") << QByteArray("{\"type\":\"request\",\"v\":1,\"op\":\"\xff\xfe\",\"args\":{}}") << "bad_request";
    QTest::newRow("wrong type") << QByteArray(R"({"type":"ballot","v":1,"op":"nodes.list","args":{}})") << "bad_request";
    QTest::newRow("wrong version") << QByteArray(R"({"type":"request","v":99,"op":"nodes.list","args":{}})") << "bad_request";
    QTest::newRow("unknown op") << QByteArray(R"({"type":"request","v":1,"op":"programme.drop","args":{}})") << "unknown_op";
    QTest::newRow("import without programme") << QByteArray(R"({"type":"request","v":1,"op":"programme.import","args":{"format":"json"}})") << "invalid_args";
    QTest::newRow("move to a time without offset")
        << QByteArray(R"({"type":"request","v":1,"op":"screening.move","args":{"id":"x","to":"2026-12-05T10:00:00"}})") << "invalid_args";
}

void tst_Controller::hostileRequestsGetReasonsAndChangeNothing()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, code);
    auto c = client(QStringLiteral("organiser"));
    std::optional<QJsonObject> reply;
    connect(c.get(), &MqttClient::messageReceived, this, [&](const MqttMessage &m) {
        if (m.correlationData == "hostile-1")
            reply = QJsonDocument::fromJson(m.payload).object();
    });
    c->subscribe(Topics::replyFilterPrefix(QStringLiteral("organiser")) + QStringLiteral("/#"));
    c->open();
    QTRY_COMPARE(c->state(), MqttClient::State::Connected);
    MqttMessage m;
    m.topic = Topics::controllerRequest(QStringLiteral("organiser"));
    m.payload = payload;
    m.qos = 1;
    m.responseTopic = Topics::controllerReplyPrefix(QStringLiteral("organiser")) + QStringLiteral("/test");
    m.correlationData = "hostile-1";
    QVERIFY(c->publish(m) > 0);
    QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 5000);
    QCOMPARE(reply->value(QStringLiteral("ok")).toBool(true), false);
    QCOMPARE(reply->value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), code);
    QVERIFY(!reply->value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty());
    // still serving
    QCOMPARE(festctl({QStringLiteral("nodes")}).exitCode, 0);
    QCOMPARE(m_controller->state(), QProcess::Running);
}

// A request must not be able to make the controller publish on a topic of the caller's
// choosing (here: overwrite the retained programme).
void tst_Controller::foreignResponseTopicIsNeverWritten()
{
    QCOMPARE(festctl({QStringLiteral("programme"), QStringLiteral("import"), writeFile(QStringLiteral("p.json"), m_sample)}).exitCode, 0);
    auto c = client(QStringLiteral("organiser"));
    int programmeMessages = 0;
    connect(c.get(), &MqttClient::messageReceived, this, [&](const MqttMessage &m) {
        if (!m.retain && m.topic == Topics::programme())
            ++programmeMessages;
    });
    c->subscribe(Topics::programme());
    c->open();
    QTRY_COMPARE(c->state(), MqttClient::State::Connected);
    for (const QString &topic : {Topics::programme(), Topics::controllerReplyPrefix(QStringLiteral("someone-else")) + QStringLiteral("/x")}) {
        MqttMessage m;
        m.topic = Topics::controllerRequest(QStringLiteral("organiser"));
        m.payload = Request{QStringLiteral("nodes.list"), {}}.encode();
        m.qos = 1;
        m.responseTopic = topic;
        m.correlationData = "c";
        QVERIFY(c->publish(m) > 0);
    }
    // a proper request afterwards is answered, so the two above were processed first
    QCOMPARE(festctl({QStringLiteral("nodes")}).exitCode, 0);
    QCOMPARE(programmeMessages, 0);
    QCOMPARE(programmeVersion(), 1);
}

void tst_Controller::restartAfterBrokerLossRepublishesSameVersion()
{
    QCOMPARE(festctl({QStringLiteral("programme"), QStringLiteral("import"), writeFile(QStringLiteral("p.json"), m_sample)}).exitCode, 0);
    QCOMPARE(festctl({QStringLiteral("screening"), QStringLiteral("cancel"), m_programme.screenings.first().id}).exitCode, 0);
    stopController();
    m_broker->kill();  // no persistence: every retained message is gone
    QString error;
    QVERIFY2(m_broker->restart(&error), qPrintable(error));
    QVERIFY(startController());
    QCOMPARE(programmeVersion(), 2);
    const auto playlists = retained(Topics::playlist(QStringLiteral("+")), QStringLiteral("playlist"), int(m_programme.screens.size()));
    QCOMPARE(playlists.size(), m_programme.screens.size());

    // the broker restarting under a running controller: it reconnects and republishes,
    // each state once (voting and results were published twice per reconnect, each time
    // with a new seq)
    auto observer = client();
    qint64 votingSeq = 0;
    connect(observer.get(), &MqttClient::messageReceived, this, [&](const MqttMessage &m) {
        if (m.topic == Topics::voting())
            votingSeq = QJsonDocument::fromJson(m.payload).object().value(QStringLiteral("seq")).toInteger();
    });
    observer->subscribe(Topics::voting());
    observer->open();
    QTRY_VERIFY_WITH_TIMEOUT(votingSeq > 0, 10000);
    const qint64 before = votingSeq;
    m_broker->kill();
    QVERIFY2(m_broker->restart(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(programmeVersion(), 2, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(votingSeq > before, 15000);
    QTest::qWait(1500);
    QCOMPARE(votingSeq, before + 1);
}

void tst_Controller::nodesListsReportedStatus()
{
    auto player = client(QStringLiteral("player-A1"));
    player->open();
    QTRY_COMPARE(player->state(), MqttClient::State::Connected);
    PlayerStatus playing;
    playing.screen = QStringLiteral("A1");
    playing.state = PlayerStatus::State::Playing;
    playing.programmeVersion = 7;
    playing.clock = {true, 42, 300};
    MqttMessage status;
    status.topic = Topics::nodeStatus(QStringLiteral("player-A1"));
    status.payload = playing.encode();
    status.qos = 1;
    status.retain = true;
    QVERIFY(player->publish(status) > 0);
    QTRY_VERIFY_WITH_TIMEOUT(festctl({QStringLiteral("nodes")}).out.contains(QStringLiteral("player-A1")), 5000);
    const Run run = festctl({QStringLiteral("--json"), QStringLiteral("nodes")});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray nodes = QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("nodes")).toArray();
    QCOMPARE(nodes.size(), 1);
    QCOMPARE(nodes.first()[QStringLiteral("programmeVersion")].toInteger(), 7);
    QCOMPARE(nodes.first()[QStringLiteral("clock")][QStringLiteral("offsetUs")].toInteger(), 42);
    QVERIFY(festctl({QStringLiteral("nodes")}).out.contains(QStringLiteral("42 µs")));
}

void tst_Controller::auditNamesAccountAndChange()
{
    QCOMPARE(festctl({QStringLiteral("programme"), QStringLiteral("import"), writeFile(QStringLiteral("p.json"), m_sample)}).exitCode, 0);
    const QString id = m_programme.screenings.first().id;
    QCOMPARE(festctl({QStringLiteral("screening"), QStringLiteral("cancel"), id}).exitCode, 0);
    const Run run = festctl({QStringLiteral("--json"), QStringLiteral("audit")});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray entries = QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("entries")).toArray();
    QCOMPARE(entries.size(), 2);
    const QJsonObject cancel = entries.first().toObject();
    QCOMPARE(cancel.value(QStringLiteral("account")).toString(), QStringLiteral("organiser"));
    QCOMPARE(cancel.value(QStringLiteral("op")).toString(), QStringLiteral("screening.cancel"));
    // the canonical form leaves the default status out
    QCOMPARE(cancel.value(QStringLiteral("before")).toObject().value(QStringLiteral("status")).toString(QStringLiteral("scheduled")), QStringLiteral("scheduled"));
    QCOMPARE(cancel.value(QStringLiteral("before")).toObject().value(QStringLiteral("id")).toString(), id);
    QCOMPARE(cancel.value(QStringLiteral("after")).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
}

// festctl player SCREEN ...: the screen's player is the account player-<SCREEN> (no
// controller needed), and the request goes to that player with a reply topic under
// fest/v1/reply/<caller>/<player>/, the only place the broker lets a player answer.
void tst_Controller::festctlPlayerCommandReachesTheScreensPlayer()
{
    auto player = client(QStringLiteral("player-A1"));
    QList<MqttMessage> requests;
    connect(player.get(), &MqttClient::messageReceived, this, [&](const MqttMessage &m) {
        requests << m;
        MqttMessage reply;
        reply.topic = m.responseTopic;
        reply.correlationData = m.correlationData;
        reply.qos = 1;
        reply.payload = Reply::success({{"delayMs", 90000}}).encode();
        player->publish(reply);
    });
    player->subscribe(Topics::nodeRequest(QStringLiteral("player-A1")));
    player->open();
    QTRY_COMPARE(player->state(), MqttClient::State::Connected);

    const Run run = festctl({QStringLiteral("player"), QStringLiteral("A1"), QStringLiteral("resume")}, QStringLiteral("booth"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("90 s behind schedule")), qPrintable(run.out));
    QCOMPARE(requests.size(), 1);
    QVERIFY2(requests.first().responseTopic.startsWith(QStringLiteral("fest/v1/reply/booth/player-A1/")), qPrintable(requests.first().responseTopic));
    QCOMPARE(Request::decode(requests.first().payload)->op, QStringLiteral("player.resume"));

    const Run bad = festctl({QStringLiteral("player"), QStringLiteral("A1"), QStringLiteral("volume"), QStringLiteral("11")}, QStringLiteral("booth"));
    QCOMPARE(bad.exitCode, 2);
    QCOMPARE(requests.size(), 1);
}

// A request sent while the controller is away (stopped, restarting) reached nobody and
// ended in "no answer"; it now waits for the controller within --timeout, or says that
// the controller is offline.
void tst_Controller::festctlWaitsForAControllerThatIsAway()
{
    stopController();   // a clean stop: its retained status says offline
    const Run away = festctl({QStringLiteral("--timeout"), QStringLiteral("2"), QStringLiteral("nodes")});
    QCOMPARE(away.exitCode, 3);
    QVERIFY2(away.err.contains(QStringLiteral("controller stayed offline")), qPrintable(away.err));

    QProcess waiting;
    waiting.start(projectBinary(QStringLiteral("festctl")),
                  {QStringLiteral("--broker"), m_broker->url(), QStringLiteral("--user"), QStringLiteral("organiser"),
                   QStringLiteral("--timeout"), QStringLiteral("30"), QStringLiteral("nodes")});
    QVERIFY(waiting.waitForStarted());
    QByteArray said;
    QTRY_VERIFY2_WITH_TIMEOUT((said += waiting.readAllStandardError()).contains("waiting up to 30 s"), said.constData(), 10000);
    QVERIFY(startController());
    QTRY_COMPARE_WITH_TIMEOUT(waiting.state(), QProcess::NotRunning, 30000);
    QCOMPARE(waiting.exitCode(), 0);
    QVERIFY(waiting.readAllStandardOutput().contains("Controller: programme version"));
}

void tst_Controller::festctlExplainsUnreachableBroker()
{
    QProcess p;
    p.start(projectBinary(QStringLiteral("festctl")), {QStringLiteral("--broker"), QStringLiteral("mqtt://127.0.0.1:1"),
                                                       QStringLiteral("--timeout"), QStringLiteral("2"), QStringLiteral("nodes")});
    QVERIFY(p.waitForFinished(15000));
    QCOMPARE(p.exitCode(), 3);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("127.0.0.1:1")), qPrintable(err));

    QProcess usage;
    usage.start(projectBinary(QStringLiteral("festctl")), {QStringLiteral("screening"), QStringLiteral("teleport")});
    QVERIFY(usage.waitForFinished(15000));
    QCOMPARE(usage.exitCode(), 2);
}

QTEST_GUILESS_MAIN(tst_Controller)
#include "tst_controller.moc"
