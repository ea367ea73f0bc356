#include "envelope.h"
#include "mediagenerator.h"
#include "mosquittoprocess.h"
#include "mqttclient.h"
#include "mqttrequester.h"
#include "playernode.h"
#include "playlistjson.h"
#include "reply.h"
#include "request.h"
#include "showclockprovider.h"
#include "topics.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace fest;
using State = PlaybackEngine::State;

namespace {
constexpr qint64 kFrameNs = 40'000'000;
const QString kScreen = QStringLiteral("CINE-1");
const QString kAccount = QStringLiteral("player-CINE-1");
} // namespace

class tst_PlayerNode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void startsOnTimeAndReportsStatus();
    void playlistChangeAppliesWithoutInterrupting();
    void restartedMidItemRejoinsFromTheCache();
    void brokerStoppedDuringPlaybackDoesNotInterrupt();
    void corruptFileGivesErrorStatusAndNextItemPlaysOnTime();
    void staffCommandsGetTypedReplies();
    void requestWithForeignResponseTopicIsDropped();
    void hostilePlaylistsAreRejected_data();
    void hostilePlaylistsAreRejected();

private:
    PlayerSettings settings() const;
    std::unique_ptr<PlayerNode> makeNode();
    Playlist playlist(qint64 version, const QList<std::pair<QString, qint64>> &filmsAtMs);
    void publishPlaylist(const QByteArray &payload);
    QByteArray encode(const Playlist &p) const { return Envelope::encode(QStringLiteral("playlist"), PlaylistJson::toJson(p)); }
    std::optional<Reply> call(const QString &op, const QJsonObject &args = {}, int timeoutMs = 5000);
    QJsonObject lastStatus() const;

    QTemporaryDir m_dir;
    std::unique_ptr<ShowClockProvider> m_provider;
    std::unique_ptr<MosquittoProcess> m_broker;
    std::unique_ptr<MqttClient> m_staff;   // controller and booth side of the bus
    std::unique_ptr<MqttRequester> m_requester;
    QList<QJsonObject> m_statuses;
    qint64 m_nowUsAtPlaylist = 0;
};

void tst_PlayerNode::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QDir(m_dir.path()).mkpath(QStringLiteral("media/films"));
    MediaGenerator::Options o;
    o.seconds = 4;
    QCOMPARE(MediaGenerator::generate(m_dir.filePath("media/films/F-1.webm"), o), QString());
    o.seconds = 2;
    o.pattern = QStringLiteral("ball");
    QCOMPARE(MediaGenerator::generate(m_dir.filePath("media/films/F-2.webm"), o), QString());
    QFile garbage(m_dir.filePath("media/films/F-BAD.webm"));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(64 * 1024, '\x33'));
    garbage.close();
    m_provider = std::make_unique<ShowClockProvider>(0, QStringLiteral("127.0.0.1"));
    QVERIFY(m_provider->isValid());
}

void tst_PlayerNode::init()
{
    QFile::remove(m_dir.filePath("cache.json"));
    m_broker = std::make_unique<MosquittoProcess>();
    QString error;
    QVERIFY2(m_broker->start(&error), qPrintable(error));
    MqttOptions o;
    o.host = m_broker->host();
    o.port = m_broker->port();
    o.username = QStringLiteral("booth");
    m_staff = std::make_unique<MqttClient>(o);
    m_statuses.clear();
    connect(m_staff.get(), &MqttClient::messageReceived, this, [this](const MqttMessage &m) {
        if (m.topic == Topics::nodeStatus(kAccount)) {
            if (const auto body = Envelope::decode(m.payload, QStringLiteral("status")))
                m_statuses.append(*body);
        }
    });
    m_staff->subscribe(Topics::nodeStatus(kAccount), 1);
    m_requester = std::make_unique<MqttRequester>(m_staff.get(), Topics::replyPrefix(QStringLiteral("booth"), kAccount));
    m_staff->open();
    QTRY_COMPARE_WITH_TIMEOUT(m_staff->state(), MqttClient::State::Connected, 5000);
}

void tst_PlayerNode::cleanup()
{
    m_requester.reset();
    m_staff.reset();
    m_broker.reset();
}

PlayerSettings tst_PlayerNode::settings() const
{
    PlayerSettings s;
    s.screen = kScreen;
    s.account = kAccount;
    s.broker.host = m_broker->host();
    s.broker.port = m_broker->port();
    s.broker.username = kAccount;
    s.broker.clientId = kAccount;
    s.broker.reconnectMaxMs = 500;
    s.mediaFolder = m_dir.filePath("media");
    s.cachePath = m_dir.filePath("cache.json");
    s.clockHost = QStringLiteral("127.0.0.1");
    s.clockPort = m_provider->port();
    s.prerollLeadMs = 1000;
    s.headless = true;
    s.videoSink = QStringLiteral("fakesink sync=true");
    s.audioSink = QStringLiteral("fakesink sync=true");
    return s;
}

std::unique_ptr<PlayerNode> tst_PlayerNode::makeNode()
{
    const PlayerSettings s = settings();
    PlaybackEngine::Options o = PlayerNode::engineOptions(s);
    o.recordFrames = true;
    auto node = std::make_unique<PlayerNode>(s, o);
    node->start();
    return node;
}

Playlist tst_PlayerNode::playlist(qint64 version, const QList<std::pair<QString, qint64>> &filmsAtMs)
{
    ShowClock clock(QStringLiteral("127.0.0.1"), m_provider->port());
    clock.waitForSync(5000);
    m_nowUsAtPlaylist = clock.nowUs();
    Playlist p;
    p.screenId = kScreen;
    p.programmeVersion = version;
    for (const auto &[film, atMs] : filmsAtMs) {
        PlaylistItem item;
        item.screeningId = QStringLiteral("S-") + film;
        item.filmId = film;
        item.media = QStringLiteral("films/%1.webm").arg(film);
        item.title = {QStringLiteral("Film ") + film, QStringLiteral("電影 ") + film};
        item.startUs = m_nowUsAtPlaylist + atMs * 1000;
        item.durationUs = film == QLatin1String("F-1") ? 4'000'000 : 2'000'000;
        p.items.append(item);
    }
    return p;
}

void tst_PlayerNode::publishPlaylist(const QByteArray &payload)
{
    QVERIFY(m_staff->publish({Topics::playlist(kScreen), payload, 1, true}) > 0);
    QVERIFY(m_staff->waitForPublished(5000));
}

std::optional<Reply> tst_PlayerNode::call(const QString &op, const QJsonObject &args, int timeoutMs)
{
    std::optional<Reply> reply;
    bool done = false;
    m_requester->request(Topics::nodeRequest(kAccount), Request{op, args}.encode(), timeoutMs,
                         [&](const RequesterResult &r) {
                             done = true;
                             if (r.ok())
                                 reply = Reply::decode(r.payload);
                         });
    if (!QTest::qWaitFor([&] { return done; }, timeoutMs + 2000))
        return std::nullopt;
    return reply;
}

QJsonObject tst_PlayerNode::lastStatus() const
{
    return m_statuses.isEmpty() ? QJsonObject() : m_statuses.last();
}

void tst_PlayerNode::startsOnTimeAndReportsStatus()
{
    const Playlist p = playlist(7, {{"F-1", 2000}});
    publishPlaylist(encode(p));
    auto node = makeNode();
    QSignalSpy applied(node.get(), &PlayerNode::playlistApplied);
    QSignalSpy started(node->engine(), &PlaybackEngine::itemStarted);
    QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, 5000);
    QCOMPARE(applied.first().at(0).toLongLong(), 7);
    QCOMPARE(applied.first().at(1).toString(), QStringLiteral("broker"));
    QTRY_COMPARE_WITH_TIMEOUT(lastStatus().value("state").toString(), QStringLiteral("countdown"), 5000);
    QCOMPARE(lastStatus().value("next").toObject().value("screening").toString(), QStringLiteral("S-F-1"));
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 5000);
    const qint64 error = started.first().at(1).toLongLong() - p.items.first().startUs * 1000;
    QVERIFY2(qAbs(error) < kFrameNs, qPrintable(QString::number(error / 1000)));
    QTRY_COMPARE_WITH_TIMEOUT(lastStatus().value("state").toString(), QStringLiteral("playing"), 3000);
    const QJsonObject status = lastStatus();
    QCOMPARE(status.value("role").toString(), QStringLiteral("player"));
    QCOMPARE(status.value("screen").toString(), kScreen);
    QCOMPARE(status.value("programmeVersion").toInteger(), 7);
    QCOMPARE(status.value("item").toObject().value("film").toString(), QStringLiteral("F-1"));
    QCOMPARE(status.value("item").toObject().value("title").toObject().value("zh").toString(), QStringLiteral("電影 F-1"));
    QCOMPARE(status.value("durationMs").toInteger(), 4000);
    QVERIFY(status.value("clock").toObject().value("synced").toBool());
    QVERIFY(qAbs(status.value("clock").toObject().value("offsetUs").toInteger()) < 5000);
    QVERIFY(!status.contains("lastError"));
    // How the picture is decoded: the test film is VP8, decoded in software (no VA device here).
    const QJsonObject video = status.value("video").toObject();
    QCOMPARE(video.value("decoding").toString(), QStringLiteral("auto"));
    QCOMPARE(video.value("decoder").toString(), QStringLiteral("vp8dec"));
    QCOMPARE(video.value("hardware").toBool(true), false);
    // Once a second while playing, with the position moving.
    const int before = int(m_statuses.size());
    QTRY_VERIFY_WITH_TIMEOUT(m_statuses.size() >= before + 2, 3500);
    QVERIFY(lastStatus().value("positionMs").toInteger() > 500);
    // The cache holds what was applied.
    QVERIFY(QFile::exists(m_dir.filePath("cache.json")));
    node->shutdown();
    QTRY_COMPARE_WITH_TIMEOUT(lastStatus().value("state").toString(), QStringLiteral("offline"), 3000);
}

void tst_PlayerNode::playlistChangeAppliesWithoutInterrupting()
{
    Playlist p = playlist(1, {{"F-1", 700}});
    publishPlaylist(encode(p));
    auto node = makeNode();
    QSignalSpy applied(node.get(), &PlayerNode::playlistApplied);
    QSignalSpy started(node->engine(), &PlaybackEngine::itemStarted);
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 5000);
    ItemPipeline *running = node->engine()->pipeline(QStringLiteral("S-F-1/F-1"));
    QVERIFY(running);
    // Version 2 adds a film after the current one.
    PlaylistItem extra = p.items.first();
    extra.screeningId = QStringLiteral("S-F-2");
    extra.filmId = QStringLiteral("F-2");
    extra.media = QStringLiteral("films/F-2.webm");
    extra.startUs = p.items.first().endUs();
    extra.durationUs = 2'000'000;
    p.items.append(extra);
    p.programmeVersion = 2;
    publishPlaylist(encode(p));
    QTRY_VERIFY_WITH_TIMEOUT(!applied.isEmpty() && applied.last().at(0).toLongLong() == 2, 5000);
    QCOMPARE(node->engine()->pipeline(QStringLiteral("S-F-1/F-1")), running);
    QCOMPARE(node->engine()->state(), State::Playing);
    QTRY_COMPARE_WITH_TIMEOUT(lastStatus().value("programmeVersion").toInteger(), 2, 3000);
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 2, 8000);
    QCOMPARE(started.last().at(0).toString(), QStringLiteral("S-F-2/F-2"));
    // F-1 played as one run: frames of F-1 strictly increasing.
    qint64 previous = -1;
    for (const auto &f : node->engine()->takeFrames()) {
        if (f.itemId != QStringLiteral("S-F-1/F-1"))
            continue;
        QVERIFY(f.ptsNs > previous);
        previous = f.ptsNs;
    }
    QVERIFY(previous > 3000 * 1'000'000LL);
}

void tst_PlayerNode::restartedMidItemRejoinsFromTheCache()
{
    const Playlist p = playlist(3, {{"F-1", 300}});
    publishPlaylist(encode(p));
    {
        auto first = makeNode();
        QSignalSpy started(first->engine(), &PlaybackEngine::itemStarted);
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(first->engine()->positionNs() > 1000 * 1'000'000LL, 3000);
    }  // the player is gone mid-film
    m_broker->stop();  // and the broker too: the restart must manage from its cache
    auto second = makeNode();
    QSignalSpy started(second->engine(), &PlaybackEngine::itemStarted);
    QCOMPARE(second->playlistSource(), QStringLiteral("cache"));
    QCOMPARE(second->programmeVersion(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 5000);
    const qint64 pts = started.first().at(2).toLongLong();
    const qint64 renderNs = started.first().at(1).toLongLong();
    QVERIFY2(pts > 1000 * 1'000'000LL, qPrintable(QString::number(pts)));
    const qint64 error = renderNs - (p.items.first().startUs * 1000 + pts);
    QVERIFY2(qAbs(error) < kFrameNs, qPrintable(QStringLiteral("rejoined %1 us off").arg(error / 1000)));
}

void tst_PlayerNode::brokerStoppedDuringPlaybackDoesNotInterrupt()
{
    const Playlist p = playlist(4, {{"F-1", 300}});
    publishPlaylist(encode(p));
    auto node = makeNode();
    QSignalSpy started(node->engine(), &PlaybackEngine::itemStarted);
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(node->client()->state(), MqttClient::State::Connected, 3000);
    m_broker->stop();
    QTRY_VERIFY_WITH_TIMEOUT(node->client()->state() != MqttClient::State::Connected, 5000);
    QList<PlaybackEngine::RenderedFrame> frames = node->engine()->takeFrames();  // from before the outage
    const qsizetype before = frames.size();
    QTRY_VERIFY2_WITH_TIMEOUT((frames += node->engine()->takeFrames()).size() > before + 10,
                              qPrintable(QStringLiteral("%1 frames, position %2 ms").arg(frames.size()).arg(node->engine()->positionNs() / 1000000)),
                              2000);
    QCOMPARE(node->engine()->state(), State::Playing);
    QString error;
    QVERIFY2(m_broker->restart(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(node->client()->state(), MqttClient::State::Connected, 8000);
    QTRY_COMPARE_WITH_TIMEOUT(m_staff->state(), MqttClient::State::Connected, 8000);
    m_statuses.clear();
    QTRY_VERIFY_WITH_TIMEOUT(!m_statuses.isEmpty(), 5000);
    QCOMPARE(lastStatus().value("state").toString(), QStringLiteral("playing"));
    // No frame was lost to the outage: F-1's frames form one continuous run, each on its
    // slot of the timeline.
    QCOMPARE(started.count(), 1);
    frames += node->engine()->takeFrames();
    const qint64 startNs = p.items.first().startUs * 1000;
    for (qsizetype i = 0; i < frames.size(); ++i) {
        const qint64 off = frames[i].renderNs - (startNs + frames[i].ptsNs);
        QVERIFY2(qAbs(off) < kFrameNs, qPrintable(QStringLiteral("pts %1 ms %2 us off").arg(frames[i].ptsNs / 1000000).arg(off / 1000)));
        if (i > 0)
            QCOMPARE(frames[i].ptsNs - frames[i - 1].ptsNs, kFrameNs);
    }
}

void tst_PlayerNode::corruptFileGivesErrorStatusAndNextItemPlaysOnTime()
{
    const Playlist p = playlist(5, {{"F-BAD", 1200}, {"F-2", 3400}});
    publishPlaylist(encode(p));
    auto node = makeNode();
    QSignalSpy started(node->engine(), &PlaybackEngine::itemStarted);
    // Reported as soon as readiness finds it (before its start), then as the state.
    QTRY_COMPARE_WITH_TIMEOUT(lastStatus().value("lastError").toObject().value("code").toString(),
                              QStringLiteral("media_undecodable"), 5000);
    const QJsonObject lastError = lastStatus().value("lastError").toObject();
    QCOMPARE(lastError.value("itemId").toString(), QStringLiteral("S-F-BAD/F-BAD"));
    QVERIFY(lastError.value("message").toString().contains(QStringLiteral("F-BAD.webm")));
    QTRY_COMPARE_WITH_TIMEOUT(lastStatus().value("state").toString(), QStringLiteral("error"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 6000);
    QCOMPARE(started.first().at(0).toString(), QStringLiteral("S-F-2/F-2"));
    const qint64 error = started.first().at(1).toLongLong() - p.items.at(1).startUs * 1000;
    QVERIFY2(qAbs(error) < kFrameNs, qPrintable(QStringLiteral("next item %1 us off").arg(error / 1000)));
    QTRY_COMPARE_WITH_TIMEOUT(lastStatus().value("state").toString(), QStringLiteral("playing"), 3000);
    QCOMPARE(lastStatus().value("item").toObject().value("film").toString(), QStringLiteral("F-2"));
}

void tst_PlayerNode::staffCommandsGetTypedReplies()
{
    const Playlist p = playlist(5, {{"F-1", 300}});
    publishPlaylist(encode(p));
    auto node = makeNode();
    QSignalSpy started(node->engine(), &PlaybackEngine::itemStarted);
    // The first status comes after the player subscribed to its request topic.
    QTRY_VERIFY_WITH_TIMEOUT(!m_statuses.isEmpty(), 5000);
    auto reply = call(QStringLiteral("player.hold"));
    QVERIFY(reply);
    QVERIFY(!reply->ok);
    QCOMPARE(reply->code, QStringLiteral("not_playing"));
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 5000);

    reply = call(QStringLiteral("player.hold"));
    QVERIFY(reply && reply->ok);
    QTRY_COMPARE_WITH_TIMEOUT(lastStatus().value("state").toString(), QStringLiteral("held"), 3000);
    QTest::qWait(300);
    reply = call(QStringLiteral("player.resume"));
    QVERIFY(reply && reply->ok);
    QVERIFY(reply->result.value("delayMs").toInteger() >= 300);
    QTRY_COMPARE_WITH_TIMEOUT(lastStatus().value("state").toString(), QStringLiteral("playing"), 3000);

    reply = call(QStringLiteral("player.volume"), {{"level", 0.5}});
    QVERIFY(reply && reply->ok);
    QCOMPARE(node->engine()->volume(), 0.5);
    reply = call(QStringLiteral("player.volume"), {{"level", 1.5}});
    QVERIFY(reply && !reply->ok);
    QCOMPARE(reply->code, QStringLiteral("invalid_args"));
    reply = call(QStringLiteral("player.blackout"), {{"on", true}});
    QVERIFY(reply && reply->ok);
    QTRY_VERIFY_WITH_TIMEOUT(lastStatus().value("blackout").toBool(), 3000);
    reply = call(QStringLiteral("player.seek"), {{"positionMs", 99999}});
    QVERIFY(reply && !reply->ok);
    QCOMPARE(reply->code, QStringLiteral("invalid_args"));
    reply = call(QStringLiteral("player.seek"), {{"positionMs", 500}});
    QVERIFY(reply && reply->ok);
    // Holding, resuming and seeking re-base the film; the screening goes on: no status
    // so far says it ended (the controller would close its voting window early).
    QTest::qWait(500);
    for (const QJsonObject &status : std::as_const(m_statuses))
        QVERIFY2(!status.contains("ended"), QJsonDocument(status).toJson().constData());
    reply = call(QStringLiteral("player.dance"));
    QVERIFY(reply && !reply->ok);
    QCOMPARE(reply->code, QStringLiteral("unknown_op"));
    reply = call(QStringLiteral("player.skip"));
    QVERIFY(reply && reply->ok);
    QCOMPARE(reply->result.value("skipped").toString(), QStringLiteral("S-F-1/F-1"));
    QTRY_VERIFY_WITH_TIMEOUT(lastStatus().value("state").toString() != QStringLiteral("playing"), 3000);
    // Skipped, it did end.
    QTRY_COMPARE_WITH_TIMEOUT(lastStatus().value("ended").toObject().value("screening").toString(), QStringLiteral("S-F-1"), 3000);
}

void tst_PlayerNode::requestWithForeignResponseTopicIsDropped()
{
    auto node = makeNode();
    QTRY_VERIFY_WITH_TIMEOUT(!m_statuses.isEmpty(), 5000);
    // A requester whose response topic does not name this player: the ACL would not let
    // the player answer there, so it must not try.
    MqttRequester foreign(m_staff.get(), Topics::replyPrefix(QStringLiteral("booth"), QStringLiteral("someone-else")));
    bool done = false;
    RequesterResult result;
    foreign.request(Topics::nodeRequest(kAccount), Request{QStringLiteral("player.stop"), {}}.encode(), 1500,
                    [&](const RequesterResult &r) { done = true; result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
    QVERIFY(result.timedOut);
    QVERIFY(!node->engine()->isStopped());
}

void tst_PlayerNode::hostilePlaylistsAreRejected_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("not json") << QByteArray("{{{{");
    QTest::newRow("wrong type") << Envelope::encode(QStringLiteral("status"), {{"screen", kScreen}});
    QTest::newRow("other screen") << Envelope::encode(QStringLiteral("playlist"),
                                                      {{"screen", "HALL-1"}, {"programmeVersion", 9}, {"items", QJsonArray()}});
    QTest::newRow("items not an array") << Envelope::encode(QStringLiteral("playlist"),
                                                            {{"screen", kScreen}, {"programmeVersion", 9}, {"items", 5}});
    QTest::newRow("deep nesting") << QByteArray(5000, '[') + QByteArray(5000, ']');
}

void tst_PlayerNode::hostilePlaylistsAreRejected()
{
    QFETCH(QByteArray, payload);
    const Playlist good = playlist(1, {{"F-2", 60000}});
    publishPlaylist(encode(good));
    auto node = makeNode();
    QSignalSpy applied(node.get(), &PlayerNode::playlistApplied);
    QSignalSpy rejected(node.get(), &PlayerNode::playlistRejected);
    QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, 5000);
    const QByteArray cached = [&] { QFile f(m_dir.filePath("cache.json")); f.open(QIODevice::ReadOnly); return f.readAll(); }();
    publishPlaylist(payload);
    QTRY_COMPARE_WITH_TIMEOUT(rejected.count(), 1, 5000);
    QCOMPARE(applied.count(), 1);
    QCOMPARE(node->programmeVersion(), 1);
    QCOMPARE(node->engine()->items().size(), 1);
    QFile f(m_dir.filePath("cache.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), cached);  // the cache keeps the last good playlist
}

QTEST_GUILESS_MAIN(tst_PlayerNode)
#include "tst_playernode.moc"
