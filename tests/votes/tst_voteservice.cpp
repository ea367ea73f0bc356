#include "ballot.h"
#include "mosquittoprocess.h"
#include "mqttclient.h"
#include "ticketissuer.h"
#include "topics.h"
#include "voteservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QLoggingCategory>
#include <QTest>
#include <QTimer>

using fest::Ballot;
using fest::BallotReply;
using fest::MqttClient;
using fest::MqttMessage;
using fest::VoteService;
using fest::VotingWindows;

namespace {
const QByteArray Secret(32, 's');
const QString Kiosk = QStringLiteral("kiosk-07");
const QString ReplyTopic = QStringLiteral("fest/v1/reply/kiosk-07/controller/votes");

QString ticket()
{
    return fest::TicketIssuer(0, Secret).issueOne();
}

Ballot ballot(const QString &screening = QStringLiteral("S-OPEN"), const QString &film = QStringLiteral("F-1"), int score = 5)
{
    Ballot b;
    b.voteId = Ballot::newVoteId();
    b.ticket = ticket();
    b.screening = screening;
    b.ratings = {{film, score}};
    b.castAt = QDateTime::currentDateTimeUtc();
    return b;
}

// A ballot for block S-BLOCK rating the given films.
Ballot blockBallot(const QList<Ballot::Rating> &ratings)
{
    Ballot b = ballot(QStringLiteral("S-BLOCK"));
    b.ratings = ratings;
    return b;
}

const QList<Ballot::Rating> ThreeShorts{{QStringLiteral("F-S1"), 5}, {QStringLiteral("F-S2"), 2}, {QStringLiteral("F-S3"), 4}};

fest::TicketKeyring keys()
{
    fest::TicketKeyring ring;
    ring.add(0, Secret);
    return ring;
}

fest::MqttOptions options(const fest::MosquittoProcess &broker, const QString &user)
{
    fest::MqttOptions o;
    o.host = broker.host();
    o.port = broker.port();
    o.username = user;
    o.clientId = user + QStringLiteral("-test");
    return o;
}
} // namespace

class tst_VoteService : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void outcome_data();
    void outcome();
    void replayedBallotCountsOnce();
    void burstBeyondTheDefaultWindowIsAnsweredOnce();
    void secondBallotWithSameTicketRejected();
    void blockBallotCountsEachFilmOnce();
    void blockBallotWithAFilmNotInTheScreeningIsRefusedNamingIt();
    void blockBallotWithAScoreOutOfRangeIsRefusedNamingTheFilm();
    void malformedBlockBallotIsRefusedWithItsVoteId();
    void undecodableBallotIsRefusedWithItsCorrelation();
    void foreignResponseTopicIsDroppedWithoutReply();
    void closingByHandRejectsAndIsRetained();
    void resultsArePublishedRetained();
    void organiserOperations();

private:
    std::optional<BallotReply> send(const QByteArray &payload, const QString &responseTopic = ReplyTopic,
                                    const QString &kiosk = Kiosk);
    qint64 votes() const
    {
        // The controller's own connection: what the writer committed is visible to it.
        fest::Statement s = m_db->prepare(QStringLiteral("SELECT COUNT(*) FROM votes"));
        return s.step() == fest::Statement::Step::Row ? s.columnInt(0) : -1;
    }

    fest::MosquittoProcess m_broker;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::optional<fest::Database> m_db;
    std::unique_ptr<fest::TicketVerifier> m_verifier;
    std::unique_ptr<VotingWindows> m_windows;
    std::unique_ptr<MqttClient> m_controller;
    std::unique_ptr<VoteService> m_service;
    std::unique_ptr<MqttClient> m_kiosk;
    int m_correlation = 0;
};

void tst_VoteService::initTestCase()
{
    // Per-packet client chatter would drown the test log.
    QLoggingCategory::setFilterRules(QStringLiteral("fest.mqtt.debug=false"));
    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error));
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = fest::VoteStore::openDatabase(m_dir->filePath(QStringLiteral("votes.sqlite")), &error);
    QVERIFY2(m_db, qPrintable(error));
    m_verifier = std::make_unique<fest::TicketVerifier>(keys());
    m_windows = std::make_unique<VotingWindows>(*m_db);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_windows->setScreenings({
        {QStringLiteral("S-OPEN"), {QStringLiteral("F-1"), QStringLiteral("F-2")}, now.addSecs(-600), now.addSecs(3600)},
        {QStringLiteral("S-PAST"), {QStringLiteral("F-1")}, now.addDays(-1), now.addDays(-1).addSecs(3600)},
        {QStringLiteral("S-FUTURE"), {QStringLiteral("F-1")}, now.addDays(1), now.addDays(1).addSecs(3600)},
        {QStringLiteral("S-HAND"), {QStringLiteral("F-3")}, now.addSecs(-600), now.addSecs(3600)},
        {QStringLiteral("S-BLOCK"), {QStringLiteral("F-S1"), QStringLiteral("F-S2"), QStringLiteral("F-S3"), QStringLiteral("F-S4")},
         now.addSecs(-600), now.addSecs(3600)},
    });
    // The connection settings the controller gives the vote stream (receive maximum,
    // coalesced writes): every test below runs through them.
    m_controller = std::make_unique<MqttClient>(VoteService::ingestOptions(options(m_broker, QStringLiteral("controller"))));
    VoteService::Options serviceOptions;
    serviceOptions.resultsIntervalMs = 50;
    serviceOptions.minimumVotes = 1;
    m_service = VoteService::create(m_controller.get(), *m_db, *m_verifier, *m_windows, serviceOptions, &error);
    QVERIFY2(m_service, qPrintable(error));
    m_kiosk = std::make_unique<MqttClient>(options(m_broker, Kiosk));
    m_kiosk->subscribe(QStringLiteral("fest/v1/reply/#"), 1);
    m_controller->open();
    m_kiosk->open();
    QTRY_COMPARE(m_controller->state(), MqttClient::State::Connected);
    QTRY_COMPARE(m_kiosk->state(), MqttClient::State::Connected);
    // Both subscriptions are live once a ballot gets an answer.
    std::optional<BallotReply> first;
    for (int attempt = 0; attempt < 50 && !first; ++attempt)
        first = send(QByteArrayLiteral("warm-up"));
    QVERIFY(first);
}

void tst_VoteService::cleanupTestCase()
{
    m_kiosk.reset();
    m_service.reset();
    m_controller.reset();
    m_windows.reset();
    m_db.reset();
}

std::optional<BallotReply> tst_VoteService::send(const QByteArray &payload, const QString &responseTopic, const QString &kiosk)
{
    const QByteArray correlation = QByteArray::number(++m_correlation);
    std::optional<BallotReply> reply;
    auto c = connect(m_kiosk.get(), &MqttClient::messageReceived, this, [&](const MqttMessage &m) {
        if (m.correlationData == correlation && m.topic == responseTopic)
            reply = BallotReply::fromJson(m.payload, nullptr);
    });
    MqttMessage message;
    message.topic = QStringLiteral("fest/v1/vote/") + kiosk;
    message.payload = payload;
    message.qos = 1;
    message.responseTopic = responseTopic;
    message.correlationData = correlation;
    m_kiosk->publish(message);
    QElapsedTimer waited;
    waited.start();
    while (!reply && waited.elapsed() < 2000)
        QTest::qWait(5);
    disconnect(c);
    return reply;
}

void tst_VoteService::outcome_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<BallotReply::Result>("result");
    QTest::addColumn<BallotReply::Reason>("reason");
    QTest::addColumn<int>("counted");
    QTest::newRow("accepted") << ballot().toJson() << BallotReply::Result::Accepted << BallotReply::Reason::None << 1;
    QTest::newRow("block film") << ballot("S-OPEN", "F-2").toJson() << BallotReply::Result::Accepted << BallotReply::Reason::None << 1;
    Ballot forged = ballot();
    forged.ticket = fest::TicketIssuer(0, QByteArray(32, 'z')).issueOne();
    QTest::newRow("forged ticket") << forged.toJson() << BallotReply::Result::Rejected << BallotReply::Reason::TicketForged << 0;
    Ballot unknownKey = ballot();
    unknownKey.ticket = fest::TicketIssuer(9, Secret).issueOne();
    QTest::newRow("unknown key") << unknownKey.toJson() << BallotReply::Result::Rejected << BallotReply::Reason::TicketForged << 0;
    Ballot mistyped = ballot();
    mistyped.ticket[0] = mistyped.ticket[0] == u'7' ? u'8' : u'7';
    QTest::newRow("mistyped ticket") << mistyped.toJson() << BallotReply::Result::Rejected << BallotReply::Reason::TicketMalformed << 0;
    Ballot malformed = ballot();
    malformed.ticket = QStringLiteral("HELLO");
    QTest::newRow("malformed ticket") << malformed.toJson() << BallotReply::Result::Rejected << BallotReply::Reason::TicketMalformed << 0;
    QTest::newRow("window closed") << ballot("S-PAST").toJson() << BallotReply::Result::Rejected << BallotReply::Reason::WindowClosed << 0;
    QTest::newRow("not open yet") << ballot("S-FUTURE").toJson() << BallotReply::Result::Rejected << BallotReply::Reason::WindowNotOpen << 0;
    QTest::newRow("unknown screening") << ballot("S-NONE").toJson() << BallotReply::Result::Rejected << BallotReply::Reason::UnknownScreening << 0;
    QTest::newRow("film not in screening") << ballot("S-OPEN", "F-9").toJson() << BallotReply::Result::Rejected << BallotReply::Reason::UnknownFilm << 0;
    QTest::newRow("score 0") << ballot("S-OPEN", "F-1", 0).toJson() << BallotReply::Result::Rejected << BallotReply::Reason::BadScore << 0;
    QTest::newRow("score 6") << ballot("S-OPEN", "F-1", 6).toJson() << BallotReply::Result::Rejected << BallotReply::Reason::BadScore << 0;
}

void tst_VoteService::outcome()
{
    QFETCH(QByteArray, payload);
    QFETCH(BallotReply::Result, result);
    QFETCH(BallotReply::Reason, reason);
    QFETCH(int, counted);
    const qint64 before = votes();
    const std::optional<BallotReply> reply = send(payload);
    QVERIFY(reply);
    QCOMPARE(reply->result, result);
    QCOMPARE(reply->reason, reason);
    QCOMPARE(reply->voteId, Ballot::fromJson(payload, nullptr)->voteId);
    QVERIFY(!reply->message.isEmpty());
    QCOMPARE(votes(), before + counted);
}

// 300 ballots at once: far more than libmosquitto's default window of 20 unacknowledged
// messages, so the controller's receive maximum and its coalesced reply writes carry a
// real burst. Each ballot is answered exactly once, with the service's reply QoS.
void tst_VoteService::burstBeyondTheDefaultWindowIsAnsweredOnce()
{
    constexpr int Burst = 300;
    const qint64 before = votes();
    QHash<QByteArray, int> answers;
    int wrongQos = 0;
    auto c = connect(m_kiosk.get(), &MqttClient::messageReceived, this, [&](const MqttMessage &m) {
        if (!m.correlationData.startsWith("burst-"))
            return;
        const std::optional<BallotReply> reply = BallotReply::fromJson(m.payload, nullptr);
        if (reply && reply->result == BallotReply::Result::Accepted)
            ++answers[m.correlationData];
        wrongQos += m.qos != VoteService::Options{}.replyQos;
    });
    for (int i = 0; i < Burst; ++i) {
        MqttMessage message;
        message.topic = QStringLiteral("fest/v1/vote/") + Kiosk;
        message.payload = ballot().toJson();
        message.qos = 1;
        message.responseTopic = ReplyTopic;
        message.correlationData = "burst-" + QByteArray::number(i);
        QVERIFY(m_kiosk->publish(message) > 0);
    }
    QTRY_COMPARE_WITH_TIMEOUT(answers.size(), Burst, 20000);
    disconnect(c);
    for (auto it = answers.cbegin(); it != answers.cend(); ++it)
        QCOMPARE(it.value(), 1);
    QCOMPARE(wrongQos, 0);
    QCOMPARE(votes(), before + Burst);
}

void tst_VoteService::replayedBallotCountsOnce()
{
    const QByteArray payload = ballot().toJson();
    const qint64 before = votes();
    QCOMPARE(send(payload)->result, BallotReply::Result::Accepted);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(send(payload)->result, BallotReply::Result::Duplicate);
    QCOMPARE(votes(), before + 1);
}

void tst_VoteService::secondBallotWithSameTicketRejected()
{
    Ballot first = ballot();
    Ballot second = ballot();
    second.ticket = first.ticket.toLower().remove(u'-'); // typed differently, same ticket
    QCOMPARE(send(first.toJson())->result, BallotReply::Result::Accepted);
    const std::optional<BallotReply> reply = send(second.toJson());
    QCOMPARE(reply->result, BallotReply::Result::Rejected);
    QCOMPARE(reply->reason, BallotReply::Reason::TicketUsed);
}

void tst_VoteService::blockBallotCountsEachFilmOnce()
{
    const auto filmVotes = [this](const QString &film) {
        const fest::Reply r = m_service->results({});
        for (const QJsonValue &f : r.result.value(QStringLiteral("films")).toArray()) {
            if (f.toObject().value(QStringLiteral("film")).toString() == film)
                return f.toObject().value(QStringLiteral("votes")).toInteger();
        }
        return qint64(0);
    };
    const Ballot block = blockBallot(ThreeShorts);
    const qint64 before = votes();
    const std::optional<BallotReply> reply = send(block.toJson());
    QVERIFY(reply);
    QCOMPARE(reply->result, BallotReply::Result::Accepted);
    QCOMPARE(votes(), before + 3);
    for (const QString film : {"F-S1", "F-S2", "F-S3"})
        QCOMPARE(filmVotes(film), 1);
    QCOMPARE(filmVotes(QStringLiteral("F-S4")), 0);
    // Re-sent (the reply was lost): a duplicate, nothing more counted.
    for (int i = 0; i < 2; ++i)
        QCOMPARE(send(block.toJson())->result, BallotReply::Result::Duplicate);
    // The same ticket again for this block, now rating the film it left out: a ticket
    // votes once per screening.
    Ballot again = blockBallot({{QStringLiteral("F-S4"), 5}});
    again.ticket = block.ticket;
    const std::optional<BallotReply> used = send(again.toJson());
    QCOMPARE(used->result, BallotReply::Result::Rejected);
    QCOMPARE(used->reason, BallotReply::Reason::TicketUsed);
    QCOMPARE(votes(), before + 3);
    QCOMPARE(filmVotes(QStringLiteral("F-S1")), 1);
    QCOMPARE(filmVotes(QStringLiteral("F-S4")), 0);
}

void tst_VoteService::blockBallotWithAFilmNotInTheScreeningIsRefusedNamingIt()
{
    const qint64 before = votes();
    const Ballot b = blockBallot({{QStringLiteral("F-S1"), 5}, {QStringLiteral("F-1"), 4}, {QStringLiteral("F-S2"), 3}});
    const std::optional<BallotReply> reply = send(b.toJson());
    QVERIFY(reply);
    QCOMPARE(reply->result, BallotReply::Result::Rejected);
    QCOMPARE(reply->reason, BallotReply::Reason::UnknownFilm);
    QVERIFY2(reply->message.contains(QStringLiteral("F-1 ")), qPrintable(reply->message));
    QCOMPARE(votes(), before);   // none of its films counts
    {
        fest::Statement s = m_db->prepare(QStringLiteral("SELECT film_id FROM rejections WHERE vote_id = ?"));
        s.bind(1, b.voteId);
        QCOMPARE(s.step(), fest::Statement::Step::Row);
        QCOMPARE(s.columnText(0), QStringLiteral("F-1"));
    }   // (an open statement would hold this connection's read snapshot)
    // The voter's corrected ballot (a new vote id, the same ticket) counts.
    Ballot corrected = blockBallot({{QStringLiteral("F-S1"), 5}, {QStringLiteral("F-S2"), 3}});
    corrected.ticket = b.ticket;
    QCOMPARE(send(corrected.toJson())->result, BallotReply::Result::Accepted);
    QCOMPARE(votes(), before + 2);
}

void tst_VoteService::blockBallotWithAScoreOutOfRangeIsRefusedNamingTheFilm()
{
    const qint64 before = votes();
    const std::optional<BallotReply> reply = send(blockBallot({{QStringLiteral("F-S1"), 5}, {QStringLiteral("F-S3"), 9}}).toJson());
    QVERIFY(reply);
    QCOMPARE(reply->reason, BallotReply::Reason::BadScore);
    QVERIFY2(reply->message.contains(QStringLiteral("F-S3")), qPrintable(reply->message));
    QCOMPARE(votes(), before);
}

void tst_VoteService::malformedBlockBallotIsRefusedWithItsVoteId()
{
    Ballot twice = blockBallot({{QStringLiteral("F-S1"), 5}, {QStringLiteral("F-S2"), 3}});
    QByteArray payload = twice.toJson().replace("F-S2", "F-S1");
    const std::optional<BallotReply> reply = send(payload);
    QVERIFY(reply);
    QCOMPARE(reply->reason, BallotReply::Reason::BadBallot);
    QCOMPARE(reply->voteId, twice.voteId);
}

void tst_VoteService::undecodableBallotIsRefusedWithItsCorrelation()
{
    for (const QByteArray &junk : {QByteArray("{"), QByteArray(10000, '['), QByteArray("{\"type\":\"ballot\"}")}) {
        const std::optional<BallotReply> reply = send(junk);
        QVERIFY(reply);
        QCOMPARE(reply->result, BallotReply::Result::Rejected);
        QCOMPARE(reply->reason, BallotReply::Reason::BadBallot);
    }
}

void tst_VoteService::foreignResponseTopicIsDroppedWithoutReply()
{
    const qint64 before = votes();
    QSignalSpy anything(m_kiosk.get(), &MqttClient::messageReceived);
    QVERIFY(!send(ballot().toJson(), QStringLiteral("fest/v1/reply/kiosk-08/controller/votes")));
    // Its own reply area but not the controller's level: a player could write there.
    QVERIFY(!send(ballot().toJson(), QStringLiteral("fest/v1/reply/kiosk-07/votes")));
    QVERIFY(!send(ballot().toJson(), QStringLiteral("fest/v1/reply/kiosk-07/player-A1/votes")));
    QVERIFY(!send(ballot().toJson(), QStringLiteral("fest/v1/programme")));
    QVERIFY(!send(ballot().toJson(), QString()));
    // The next well-routed ballot is answered, so the others were really dropped.
    QCOMPARE(send(ballot().toJson())->result, BallotReply::Result::Accepted);
    QCOMPARE(votes(), before + 1);
    for (const QList<QVariant> &args : anything)
        QVERIFY(args.first().value<MqttMessage>().topic.startsWith(ReplyTopic));
}

void tst_VoteService::closingByHandRejectsAndIsRetained()
{
    QCOMPARE(send(ballot("S-HAND", "F-3").toJson())->result, BallotReply::Result::Accepted);
    QCOMPARE(m_service->closeVoting({{"screening", "S-HAND"}}, QStringLiteral("organiser")).ok, true);
    const std::optional<BallotReply> late = send(ballot("S-HAND", "F-3").toJson());
    QCOMPARE(late->reason, BallotReply::Reason::WindowClosed);

    // A kiosk that connects now learns it from the retained message.
    MqttClient reader(options(m_broker, QStringLiteral("kiosk-reader")));
    QJsonObject voting;
    connect(&reader, &MqttClient::messageReceived, this, [&](const MqttMessage &m) {
        if (m.topic == fest::Topics::voting())
            voting = QJsonDocument::fromJson(m.payload).object();
    });
    reader.subscribe(fest::Topics::voting(), 1);
    reader.open();
    QTRY_VERIFY(!voting.isEmpty());
    bool seen = false;
    for (const QJsonValue &v : voting.value("screenings").toArray()) {
        if (v.toObject().value("screening") == QStringLiteral("S-HAND")) {
            seen = true;
            QCOMPARE(v.toObject().value("state").toString(), QStringLiteral("closed"));
        }
    }
    QVERIFY(seen);
    QCOMPARE(m_service->openVoting({{"screening", "S-HAND"}}, QStringLiteral("organiser")).ok, true);
    QCOMPARE(send(ballot("S-HAND", "F-3").toJson())->result, BallotReply::Result::Accepted);
}

void tst_VoteService::resultsArePublishedRetained()
{
    QCOMPARE(send(ballot().toJson())->result, BallotReply::Result::Accepted);
    MqttClient organiser(options(m_broker, QStringLiteral("organiser")));
    QJsonObject results;
    connect(&organiser, &MqttClient::messageReceived, this, [&](const MqttMessage &m) {
        if (m.topic == fest::Topics::results())
            results = QJsonDocument::fromJson(m.payload).object();
    });
    organiser.subscribe(fest::Topics::results(), 1);
    organiser.open();
    QTRY_COMPARE(results.value("votes").toInteger(), votes());
    QCOMPARE(results.value("type").toString(), QStringLiteral("results"));
}

void tst_VoteService::organiserOperations()
{
    const fest::Reply issued = m_service->issueTickets({{"screening", "S-OPEN"}, {"count", 25}}, QStringLiteral("organiser"));
    QVERIFY2(issued.ok, qPrintable(issued.message));
    const QJsonArray codes = issued.result.value("codes").toArray();
    QCOMPARE(codes.size(), 25);
    for (const QJsonValue &code : codes)
        QCOMPARE(m_verifier->verify(code.toString()), fest::TicketVerifier::Result::Valid);
    QVERIFY(!issued.encode().contains(Secret.toHex()));

    const fest::Reply unknown = m_service->issueTickets({{"screening", "S-NONE"}, {"count", 1}}, QStringLiteral("organiser"));
    QCOMPARE(unknown.code, QStringLiteral("unknown_screening"));
    const fest::Reply tooMany = m_service->issueTickets({{"screening", "S-OPEN"}, {"count", 1000000}}, QStringLiteral("organiser"));
    QCOMPARE(tooMany.code, QStringLiteral("invalid_args"));
    QVERIFY(!tooMany.details.isEmpty());
    const fest::Reply closeUnknown = m_service->closeVoting({{"screening", "S-NONE"}}, QStringLiteral("organiser"));
    QCOMPARE(closeUnknown.code, QStringLiteral("unknown_screening"));
    const fest::Reply badArgs = m_service->openVoting({{"screen", "S-OPEN"}}, QStringLiteral("organiser"));
    QCOMPARE(badArgs.code, QStringLiteral("invalid_args"));

    const fest::Reply results = m_service->results({});
    QVERIFY(results.ok);
    QCOMPARE(results.result.value("votes").toInteger(), votes());
}

QTEST_GUILESS_MAIN(tst_VoteService)
#include "tst_voteservice.moc"
