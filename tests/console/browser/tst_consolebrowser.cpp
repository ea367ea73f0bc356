// The console web app in real headless Chromium against the real system: a broker with
// the shipped per-role ACLs and password accounts, festival-controller with the sample
// programme, a headless festival-player on CINE-1 playing a film generated here, a test
// kiosk that follows the ceremony in this process (CueFollower on the show clock), and
// festival-console. The browser cases live in console.test.mjs (playwright-core driving
// Debian's chromium); this driver starts and stops everything and checks what the
// browser cannot see: that GO in the page fired the cue on the kiosk.
#include "ballot.h"
#include "ballotreply.h"
#include "brokeraccounts.h"
#include "cuefollower.h"
#include "envelope.h"
#include "gstreamerinit.h"
#include "mosquittoprocess.h"
#include "mqttclient.h"
#include "projectbinaries.h"
#include "showclock.h"
#include "topics.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>
#include <memory>

using namespace fest;

namespace {
const QString screen = QStringLiteral("CINE-1");
const QString playerAccount = QStringLiteral("player-CINE-1");
const QString kioskAccount = QStringLiteral("kiosk-stage");
const QString film = QStringLiteral("F-013");
constexpr int filmSeconds = 150;
constexpr int firstStartSeconds = 35;   // the page watches the player count down, then play
constexpr int browserTimeoutMs = 150000;

QString sourcePath(const QString &relative)
{
    return QDir(qEnvironmentVariable("FEST_SOURCE_DIR")).filePath(relative);
}

quint16 freeUdpPort()
{
    QUdpSocket probe;
    return probe.bind(QHostAddress::LocalHost, 0) ? probe.localPort() : quint16(0);
}

void stopProcess(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished(5000);
    }
}
} // namespace

class tst_ConsoleBrowser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void browserCases();

private:
    bool writeFile(const QString &path, const QByteArray &text);
    QString passwordFile(const QString &account) const;
    bool run(const QString &program, const QStringList &arguments, QString *output, int timeoutMs = 60000);
    bool festctl(const QStringList &arguments);
    bool startController();
    bool makeFilm();
    bool startPlayer();
    bool startKiosk();
    bool castBlockBallot();
    bool startConsole();
    QString startAfter(int seconds) const;

    QTemporaryDir m_dir;
    MosquittoProcess m_broker;
    std::unique_ptr<BrokerAccounts> m_accounts;
    quint16 m_clockPort = 0;
    QProcess m_controller;
    QProcess m_player;
    QProcess m_console;
    QString m_consoleUrl;
    QString m_consoleLog;
    std::unique_ptr<MqttClient> m_kioskClient;
    std::unique_ptr<ShowClock> m_kioskClock;
    std::unique_ptr<CueFollower> m_follower;
    std::unique_ptr<QSignalSpy> m_fired;
};

void tst_ConsoleBrowser::initTestCase()
{
    const QString browserDir = sourcePath(QStringLiteral("tests/console/browser"));
    QVERIFY2(QFileInfo::exists(browserDir + QStringLiteral("/node_modules/playwright-core/package.json")),
             "playwright-core is missing: run `npm ci` in tests/console/browser (./run test does it)");
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty(), "node is missing: apt-get install nodejs");
    QVERIFY2(QFileInfo(QStringLiteral("/usr/bin/chromium")).isExecutable(), "chromium is missing: apt-get install chromium");
    for (const char *name : {"festival-controller", "festival-player", "festctl", "festival-console"})
        QVERIFY2(!projectBinary(QLatin1String(name)).isEmpty(), qPrintable(QStringLiteral("%1 was not built").arg(QLatin1String(name))));

    QString error;
    m_accounts = std::make_unique<BrokerAccounts>(m_broker.filePath(QStringLiteral("festival")));
    QVERIFY2(m_accounts->installTemplates(&error), qPrintable(error));
    const QList<std::pair<QString, QString>> accounts = {
        {QStringLiteral("controller"), QStringLiteral("controller")}, {QStringLiteral("organiser"), QStringLiteral("organiser")},
        {QStringLiteral("staff"), QStringLiteral("booth")}, {QStringLiteral("player"), playerAccount},
        {QStringLiteral("kiosk"), kioskAccount}};
    for (const auto &[role, name] : accounts)
        QVERIFY2(m_accounts->add(role, name, &error), qPrintable(error));
    m_broker.setAllowAnonymous(false);
    MosquittoProcess::Limits limits;
    limits.maxPacketSize = 16 * 1024 * 1024 + 65536;
    m_broker.setLimits(limits);
    m_broker.addConfigLines({QStringLiteral("password_file %1/passwd").arg(m_accounts->folder()),
                             QStringLiteral("acl_file %1/acl").arg(m_accounts->folder())});
    QVERIFY2(m_broker.start(&error), qPrintable(error));

    QVERIFY(startController());
    QVERIFY(startKiosk());
    QVERIFY(makeFilm());
    QVERIFY(festctl({QStringLiteral("film"), QStringLiteral("edit"), film, QStringLiteral("--runtime"), QString::number(filmSeconds),
                     QStringLiteral("--media"), QStringLiteral("films/%1.webm").arg(film)}));
    // R-1 plays soon (the page follows the player into playing); R-2 is the one the page moves.
    for (const auto &[id, seconds] : {std::pair{QStringLiteral("R-1"), firstStartSeconds}, std::pair{QStringLiteral("R-2"), 1800}}) {
        QVERIFY(festctl({QStringLiteral("screening"), QStringLiteral("add"), QStringLiteral("--id"), id, QStringLiteral("--screen"), screen,
                         QStringLiteral("--start"), startAfter(seconds), QStringLiteral("--films"), film,
                         QStringLiteral("--title-en"), QStringLiteral("Console rehearsal %1").arg(id),
                         QStringLiteral("--title-zh"), QStringLiteral("控制台綵排 %1").arg(id)}));
    }
    // R-3, a block of five shorts (films of the sample programme) on a screen without a
    // player, so that the player's own playlist stays; voting held open by hand
    // so that the voting page lists it whatever the day: each of its films shows its votes,
// F-017 and F-019 one each from the test kiosk's ballot.
    QVERIFY(festctl({QStringLiteral("screening"), QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("R-3"),
                     QStringLiteral("--screen"), QStringLiteral("CINE-2"), QStringLiteral("--start"), startAfter(6 * 3600),
                     QStringLiteral("--films"), QStringLiteral("F-016,F-017,F-018,F-019,F-020"),
                     QStringLiteral("--title-en"), QStringLiteral("Console rehearsal block"),
                     QStringLiteral("--title-zh"), QStringLiteral("控制台綵排短片組合")}));
    QVERIFY(festctl({QStringLiteral("voting"), QStringLiteral("open"), QStringLiteral("R-3")}));
    QVERIFY(castBlockBallot());
    QVERIFY(startPlayer());
    QVERIFY(startConsole());
}

void tst_ConsoleBrowser::cleanupTestCase()
{
    stopProcess(m_console);
    stopProcess(m_player);
    m_follower.reset();
    if (m_kioskClient)
        m_kioskClient->close();
    stopProcess(m_controller);
    m_broker.stop();
}

void tst_ConsoleBrowser::browserCases()
{
    const QString shots = QDir(QStringLiteral(FEST_BROWSER_BINARY_DIR)).filePath(QStringLiteral("screenshots"));
    QDir(shots).removeRecursively();
    QVERIFY(QDir().mkpath(shots));

    QProcess node;
    node.setWorkingDirectory(sourcePath(QStringLiteral("tests/console/browser")));
    node.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CONSOLE_URL"), m_consoleUrl);
    env.insert(QStringLiteral("ORGANISER_PASSWORD"), m_accounts->password(QStringLiteral("organiser")));
    env.insert(QStringLiteral("STAFF_PASSWORD"), m_accounts->password(QStringLiteral("booth")));
    env.insert(QStringLiteral("SCREEN"), screen);
    env.insert(QStringLiteral("PLAYER_ACCOUNT"), playerAccount);
    // The last case kills the player (SIGKILL: its Will marks it offline) and watches the page.
    env.insert(QStringLiteral("PLAYER_PID"), QString::number(m_player.processId()));
    env.insert(QStringLiteral("KIOSK_ACCOUNT"), kioskAccount);
    env.insert(QStringLiteral("MOVED_SCREENING"), QStringLiteral("R-2"));
    env.insert(QStringLiteral("BLOCK_SCREENING"), QStringLiteral("R-3"));
    env.insert(QStringLiteral("SCREENSHOT_DIR"), shots);
    node.setProcessEnvironment(env);
    QString output;
    connect(&node, &QProcess::readyRead, this, [&] {
        const QByteArray chunk = node.readAll();
        output += QString::fromUtf8(chunk);
        qInfo().noquote() << QString::fromUtf8(chunk).trimmed();
    });
    node.start(QStringLiteral("node"), {QStringLiteral("console.test.mjs")});
    QVERIFY2(node.waitForStarted(), qPrintable(node.errorString()));
    // The event loop keeps running meanwhile: the test kiosk must receive the cues.
    QSignalSpy finished(&node, &QProcess::finished);
    QVERIFY2(finished.wait(browserTimeoutMs), "the browser cases did not finish in time");
    const bool passed = node.exitStatus() == QProcess::NormalExit && node.exitCode() == 0;
    if (!passed)
        qWarning().noquote() << "festival-console log:\n" << m_consoleLog;
    QVERIFY2(passed, "browser cases failed (see the lines above)");

    // GO pressed in the page reached the kiosk: its follower fired the cue on the show clock.
    QVERIFY2(m_fired->size() >= 1, "the test kiosk never fired a ceremony cue");
    const QRegularExpression seqLine(QStringLiteral("ceremony seq after GO: (\\d+)"));
    const QRegularExpressionMatch match = seqLine.match(output);
    QVERIFY2(match.hasMatch(), "the browser cases did not report the ceremony seq");
    QCOMPARE(m_fired->constLast().at(0).toLongLong(), match.captured(1).toLongLong());
}

bool tst_ConsoleBrowser::writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
}

QString tst_ConsoleBrowser::passwordFile(const QString &account) const
{
    return QDir(m_accounts->folder()).filePath(account + QStringLiteral(".password"));
}

bool tst_ConsoleBrowser::run(const QString &program, const QStringList &arguments, QString *output, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    const bool done = process.waitForFinished(timeoutMs);
    *output = QString::fromUtf8(process.readAll());
    return done && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool tst_ConsoleBrowser::festctl(const QStringList &arguments)
{
    QString output;
    const QStringList common = {QStringLiteral("--broker"), m_broker.url(), QStringLiteral("--user"), QStringLiteral("organiser"),
                                QStringLiteral("--password-file"), passwordFile(QStringLiteral("organiser")),
                                QStringLiteral("--timeout"), QStringLiteral("15")};
    if (run(projectBinary(QStringLiteral("festctl")), common + arguments, &output))
        return true;
    qWarning().noquote() << "festctl" << arguments.join(QLatin1Char(' ')) << "failed:" << output;
    return false;
}

QString tst_ConsoleBrowser::startAfter(int seconds) const
{
    return QDateTime::currentDateTimeUtc().addSecs(seconds).toString(Qt::ISODate);
}

bool tst_ConsoleBrowser::startController()
{
    m_clockPort = freeUdpPort();
    const QString ini = m_dir.filePath(QStringLiteral("controller.ini"));
    const QByteArray text = QStringLiteral("[broker]\nurl=%1\nuser=controller\npassword_file=%2\n[database]\npath=%3\n"
                                           "[clock]\nport=%4\n[programme]\nseed=%5\n[roles]\norganiser=organiser\nstaff=booth\n")
                                .arg(m_broker.url(), passwordFile(QStringLiteral("controller")), m_dir.filePath(QStringLiteral("festival.db")))
                                .arg(m_clockPort)
                                .arg(sourcePath(QStringLiteral("config/programme.sample.json")))
                                .toUtf8();
    if (!m_clockPort || !writeFile(ini, text))
        return false;
    m_controller.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_controller.setStandardOutputFile(m_dir.filePath(QStringLiteral("controller.log")));
    m_controller.start(projectBinary(QStringLiteral("festival-controller")), {QStringLiteral("--config"), ini});
    if (!m_controller.waitForStarted())
        return false;
    // Ready when it answers a request (festctl retries the connection itself).
    for (int attempt = 0; attempt < 30; ++attempt) {
        QString output;
        if (run(projectBinary(QStringLiteral("festctl")),
                {QStringLiteral("--broker"), m_broker.url(), QStringLiteral("--user"), QStringLiteral("organiser"),
                 QStringLiteral("--password-file"), passwordFile(QStringLiteral("organiser")), QStringLiteral("--timeout"),
                 QStringLiteral("2"), QStringLiteral("nodes")},
                &output))
            return true;
    }
    qWarning() << "festival-controller did not answer";
    return false;
}

bool tst_ConsoleBrowser::makeFilm()
{
    const QString folder = m_dir.filePath(QStringLiteral("media/films"));
    QDir().mkpath(folder);
    const int frames = filmSeconds * 10;
    const QString pipeline = QStringLiteral(
        "videotestsrc num-buffers=%1 pattern=smpte ! video/x-raw,width=320,height=180,framerate=10/1 "
        "! vp8enc deadline=1 cpu-used=16 ! queue ! webmmux name=mux ! filesink location=%2 "
        "audiotestsrc num-buffers=%3 samplesperbuffer=4800 volume=0.1 ! audio/x-raw,rate=48000,channels=2 "
        "! vorbisenc ! queue ! mux.")
        .arg(frames)
        .arg(QDir(folder).filePath(film + QStringLiteral(".webm")))
        .arg(filmSeconds * 10);
    QString output;
    if (run(QStringLiteral("gst-launch-1.0"), QStringList{QStringLiteral("-q")} + QProcess::splitCommand(pipeline), &output, 120000))
        return true;
    qWarning().noquote() << "gst-launch-1.0 failed:" << output;
    return false;
}

bool tst_ConsoleBrowser::startPlayer()
{
    m_player.setProcessChannelMode(QProcess::MergedChannels);
    m_player.setStandardOutputFile(m_dir.filePath(QStringLiteral("player.log")));
    m_player.start(projectBinary(QStringLiteral("festival-player")),
                   {QStringLiteral("--headless"), QStringLiteral("--broker"), m_broker.url(), QStringLiteral("--screen"), screen,
                    QStringLiteral("--account"), playerAccount, QStringLiteral("--password-file"), passwordFile(playerAccount),
                    QStringLiteral("--media"), m_dir.filePath(QStringLiteral("media")),
                    QStringLiteral("--cache"), m_dir.filePath(QStringLiteral("player.cache.json")),
                    QStringLiteral("--clock"), QStringLiteral("127.0.0.1:%1").arg(m_clockPort)});
    return m_player.waitForStarted();
}

// A kiosk as far as the ceremony goes: the kiosk account, a CueFollower on its own show
// clock, and the node status with the ceremony field (what the console's ceremony page lists).
// One ballot from the test kiosk for block R-3, rating two of its films, on a ticket
// festctl issued; true once the controller counted it.
bool tst_ConsoleBrowser::castBlockBallot()
{
    const QString csv = m_dir.filePath(QStringLiteral("r3-tickets.csv"));
    if (!festctl({QStringLiteral("tickets"), QStringLiteral("issue"), QStringLiteral("--screening"), QStringLiteral("R-3"),
                  QStringLiteral("--count"), QStringLiteral("1"), QStringLiteral("--out"), csv}))
        return false;
    QFile tickets(csv);
    if (!tickets.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    const QString code = QString::fromLatin1(tickets.readAll()).split(u'\n').value(1).section(u',', 0, 0);
    const Ballot ballot{Ballot::newVoteId(), code, QStringLiteral("R-3"), {{QStringLiteral("F-017"), 5}, {QStringLiteral("F-019"), 3}},
                        QDateTime::currentDateTimeUtc()};
    const QString replyTopic = Topics::ballotReplyPrefix(kioskAccount);
    std::optional<BallotReply> reply;
    const auto c = connect(m_kioskClient.get(), &MqttClient::messageReceived, this, [&](const MqttMessage &m) {
        if (m.topic == replyTopic && m.correlationData == ballot.voteId.toLatin1())
            reply = BallotReply::fromJson(m.payload, nullptr);
    });
    m_kioskClient->subscribe(replyTopic, 1);
    MqttMessage message;
    message.topic = Topics::vote(kioskAccount);
    message.payload = ballot.toJson();
    message.qos = 1;
    message.responseTopic = replyTopic;
    message.correlationData = ballot.voteId.toLatin1();
    // Sent again until answered, as a kiosk's outbox does: the reply subscription may not
    // be in place for the first; a re-sent ballot is a duplicate, counted once.
    for (int attempt = 0; attempt < 20 && !reply; ++attempt) {
        m_kioskClient->publish(message);
        (void)QTest::qWaitFor([&] { return reply.has_value(); }, 1000);
    }
    disconnect(c);
    if (!reply || reply->result == BallotReply::Result::Rejected) {
        qWarning().noquote() << "the block ballot was not counted:" << (reply ? reply->message : QStringLiteral("no reply"));
        return false;
    }
    return true;
}

bool tst_ConsoleBrowser::startKiosk()
{
    GStreamerInit::ensure();
    MqttOptions options;
    options.host = m_broker.host();
    options.port = m_broker.port();
    options.username = kioskAccount;
    options.password = m_accounts->password(kioskAccount);
    options.clientId = kioskAccount;
    m_kioskClient = std::make_unique<MqttClient>(options);
    m_kioskClock = std::make_unique<ShowClock>(QStringLiteral("127.0.0.1"), m_clockPort);
    if (!m_kioskClock->waitForSync(10000)) {
        qWarning() << "the test kiosk's show clock did not sync";
        return false;
    }
    m_follower = std::make_unique<CueFollower>(m_kioskClient.get(), m_kioskClock.get());
    m_fired = std::make_unique<QSignalSpy>(m_follower.get(), &CueFollower::cueFired);
    const auto publishStatus = [this] {
        m_kioskClient->publish({Topics::nodeStatus(kioskAccount),
                                Envelope::encode(QStringLiteral("status"),
                                                 {{"role", "kiosk"}, {"state", "online"}, {"venue", "V-CINE"}, {"outboxPending", 0},
                                                  {"ceremony", m_follower->statusJson()}}),
                                1, true});
    };
    connect(m_follower.get(), &CueFollower::appliedChanged, this, publishStatus);
    connect(m_kioskClient.get(), &MqttClient::connected, this, publishStatus);
    QSignalSpy connected(m_kioskClient.get(), &MqttClient::connected);
    m_kioskClient->open();
    return connected.wait(10000);
}

bool tst_ConsoleBrowser::startConsole()
{
    const QString ini = m_dir.filePath(QStringLiteral("console.ini"));
    const QByteArray text = QStringLiteral("[http]\naddress=127.0.0.1\nport=0\nweb_root=%1\n[broker]\nurl=%2\n")
                                .arg(sourcePath(QStringLiteral("console/web")), m_broker.url())
                                .toUtf8();
    if (!writeFile(ini, text))
        return false;
    m_console.setProcessChannelMode(QProcess::MergedChannels);
    // Read its output all along: a full pipe would stop the server mid-test.
    connect(&m_console, &QProcess::readyRead, this, [this] { m_consoleLog += QString::fromUtf8(m_console.readAll()); });
    m_console.start(projectBinary(QStringLiteral("festival-console")), {QStringLiteral("--config"), ini});
    if (!m_console.waitForStarted())
        return false;
    const QRegularExpression serving(QStringLiteral("serving (https?://[^\\s/]+)"));
    for (int waited = 0; waited < 15000 && m_console.state() == QProcess::Running; waited += 50) {
        const QRegularExpressionMatch match = serving.match(m_consoleLog);
        if (match.hasMatch()) {
            m_consoleUrl = match.captured(1);
            return true;
        }
        QTest::qWait(50);
    }
    qWarning().noquote() << "festival-console did not start:" << m_consoleLog;
    return false;
}

QTEST_GUILESS_MAIN(tst_ConsoleBrowser)
#include "tst_consolebrowser.moc"
