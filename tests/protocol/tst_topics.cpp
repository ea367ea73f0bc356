#include "topics.h"

#include <QTest>
#include <functional>

using fest::Topics;

using Builder = std::function<QString(const QString &)>;
using Parser = std::function<std::optional<QString>(const QString &)>;
Q_DECLARE_METATYPE(Builder)
Q_DECLARE_METATYPE(Parser)

class tst_Topics : public QObject
{
    Q_OBJECT
private slots:
    void fixedTopics_data();
    void fixedTopics();
    void builders_data();
    void builders();
    void nodeReplies();
    void parsers_data();
    void parsers();
    void isValidId_data();
    void isValidId();
    void isReplyTopicFor_data();
    void isReplyTopicFor();
    void parseReply_data();
    void parseReply();
};

void tst_Topics::fixedTopics_data()
{
    QTest::addColumn<QString>("built");
    QTest::addColumn<QString>("expected");
    QTest::newRow("root") << Topics::root() << "fest/v1";
    QTest::newRow("programme") << Topics::programme() << "fest/v1/programme";
    QTest::newRow("voting") << Topics::voting() << "fest/v1/voting";
    QTest::newRow("results") << Topics::results() << "fest/v1/results";
    QTest::newRow("ceremony") << Topics::ceremony() << "fest/v1/ceremony";
}

void tst_Topics::fixedTopics()
{
    QFETCH(QString, built);
    QFETCH(QString, expected);
    QCOMPARE(built, expected);
}

void tst_Topics::builders_data()
{
    QTest::addColumn<Builder>("build");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("expected");
    QTest::newRow("playlist") << Builder(&Topics::playlist) << "A1" << "fest/v1/screen/A1/playlist";
    QTest::newRow("playlist filter") << Builder(&Topics::playlist) << "+" << "fest/v1/screen/+/playlist";
    QTest::newRow("node status") << Builder(&Topics::nodeStatus) << "player-a1" << "fest/v1/node/player-a1/status";
    QTest::newRow("node request") << Builder(&Topics::nodeRequest) << "kiosk.2" << "fest/v1/node/kiosk.2/request";
    QTest::newRow("controller request") << Builder(&Topics::controllerRequest) << "organiser_1" << "fest/v1/controller/request/organiser_1";
    QTest::newRow("controller replies") << Builder(&Topics::controllerReplyPrefix) << "staff-3" << "fest/v1/reply/staff-3/controller";
    QTest::newRow("all replies") << Builder(&Topics::replyFilterPrefix) << "staff-3" << "fest/v1/reply/staff-3";
    QTest::newRow("vote") << Builder(&Topics::vote) << "kiosk-1" << "fest/v1/vote/kiosk-1";
    QTest::newRow("ballot replies") << Builder(&Topics::ballotReplyPrefix) << "kiosk-1" << "fest/v1/reply/kiosk-1/controller/votes";
    QTest::newRow("still") << Builder(&Topics::still) << QString(64, u'a') << "fest/v1/still/" + QString(64, u'a');
    QTest::newRow("still filter") << Builder(&Topics::still) << "+" << "fest/v1/still/+";
}

// A node's replies: the only prefix its ACL (reply/+/<itself>/#) lets it write under.
void tst_Topics::nodeReplies()
{
    const QString booth = QStringLiteral("booth"), player = QStringLiteral("player-HALL-1");
    QCOMPARE(Topics::replyPrefix(booth, player), QStringLiteral("fest/v1/reply/booth/player-HALL-1"));
    QVERIFY(Topics::isReplyTopicFor(booth, player, Topics::replyPrefix(booth, player) + QStringLiteral("/r1")));
    // The same topic is not the controller's, nor another player's.
    QVERIFY(!Topics::isReplyTopicFor(booth, Topics::controllerAccount(), Topics::replyPrefix(booth, player) + QStringLiteral("/r1")));
    QVERIFY(!Topics::isReplyTopicFor(booth, QStringLiteral("player-HALL-2"), Topics::replyPrefix(booth, player) + QStringLiteral("/r1")));
}

void tst_Topics::builders()
{
    QFETCH(Builder, build);
    QFETCH(QString, id);
    QFETCH(QString, expected);
    QCOMPARE(build(id), expected);
}

void tst_Topics::parsers_data()
{
    QTest::addColumn<Parser>("parse");
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QString>("expected");   // null: refused

    const Parser playlist = &Topics::parsePlaylist;
    const Parser status = &Topics::parseNodeStatus;
    const Parser nodeRequest = &Topics::parseNodeRequest;
    const Parser controllerRequest = &Topics::parseControllerRequest;
    const Parser vote = &Topics::parseVote;

    QTest::newRow("playlist") << playlist << "fest/v1/screen/A1/playlist" << "A1";
    QTest::newRow("playlist, wildcard id") << playlist << "fest/v1/screen/+/playlist" << QString();
    QTest::newRow("playlist, extra level") << playlist << "fest/v1/screen/A1/playlist/x" << QString();
    QTest::newRow("playlist, missing level") << playlist << "fest/v1/screen/playlist" << QString();
    QTest::newRow("playlist, empty id") << playlist << "fest/v1/screen//playlist" << QString();
    QTest::newRow("playlist, wrong root") << playlist << "fest/v2/screen/A1/playlist" << QString();
    QTest::newRow("playlist, trailing slash") << playlist << "fest/v1/screen/A1/playlist/" << QString();
    QTest::newRow("status") << status << "fest/v1/node/player-a1/status" << "player-a1";
    QTest::newRow("status, wrong leaf") << status << "fest/v1/node/player-a1/request" << QString();
    QTest::newRow("status, hash id") << status << "fest/v1/node/#/status" << QString();
    QTest::newRow("status, 64-char id") << status << QStringLiteral("fest/v1/node/%1/status").arg(QString(64, 'k')) << QString(64, 'k');
    QTest::newRow("status, 65-char id") << status << QStringLiteral("fest/v1/node/%1/status").arg(QString(65, 'k')) << QString();
    QTest::newRow("status, space in id") << status << "fest/v1/node/kiosk 1/status" << QString();
    QTest::newRow("status, non-ASCII id") << status << QStringLiteral("fest/v1/node/kiosk\u00e9/status") << QString();
    QTest::newRow("node request") << nodeRequest << "fest/v1/node/player-b2/request" << "player-b2";
    QTest::newRow("node request, status topic") << nodeRequest << "fest/v1/node/player-b2/status" << QString();
    QTest::newRow("controller request") << controllerRequest << "fest/v1/controller/request/organiser" << "organiser";
    QTest::newRow("controller request, deeper") << controllerRequest << "fest/v1/controller/request/organiser/x" << QString();
    QTest::newRow("controller request, no account") << controllerRequest << "fest/v1/controller/request" << QString();
    QTest::newRow("controller request, empty account") << controllerRequest << "fest/v1/controller/request/" << QString();
    QTest::newRow("vote") << vote << "fest/v1/vote/kiosk-1" << "kiosk-1";
    QTest::newRow("vote, plus") << vote << "fest/v1/vote/+" << QString();
    QTest::newRow("vote, leading slash") << vote << "/fest/v1/vote/kiosk-1" << QString();
    QTest::newRow("vote, empty") << vote << "" << QString();
    const Parser still = &Topics::parseStill;
    const QString digest = QStringLiteral("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    QTest::newRow("still") << still << "fest/v1/still/" + digest << digest;
    QTest::newRow("still, upper case") << still << "fest/v1/still/" + digest.toUpper() << QString();
    QTest::newRow("still, short") << still << "fest/v1/still/" + digest.left(63) << QString();
    QTest::newRow("still, not hex") << still << "fest/v1/still/" + digest.left(63) + u'g' << QString();
    QTest::newRow("still, plus") << still << "fest/v1/still/+" << QString();
    QTest::newRow("still, extra level") << still << "fest/v1/still/" + digest + "/x" << QString();
}

void tst_Topics::parsers()
{
    QFETCH(Parser, parse);
    QFETCH(QString, topic);
    QFETCH(QString, expected);
    const std::optional<QString> id = parse(topic);
    QCOMPARE(id.has_value(), !expected.isNull());
    if (id)
        QCOMPARE(*id, expected);
}

void tst_Topics::isValidId_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("letters") << "kiosk" << true;
    QTest::newRow("all allowed") << "Aa0_.-" << true;
    QTest::newRow("one char") << "a" << true;
    QTest::newRow("64 chars") << QString(64, 'x') << true;
    QTest::newRow("65 chars") << QString(65, 'x') << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("plus") << "a+b" << false;
    QTest::newRow("hash") << "a#" << false;
    QTest::newRow("slash") << "a/b" << false;
    QTest::newRow("space") << "a b" << false;
    QTest::newRow("nul") << QString(QChar(0)) << false;
    QTest::newRow("dollar") << "$SYS" << false;
    QTest::newRow("non-ASCII") << QStringLiteral("\u5f71\u5c55") << false;
}

void tst_Topics::isValidId()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(Topics::isValidId(id), valid);
}

void tst_Topics::isReplyTopicFor_data()
{
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("responseTopic");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("own reply topic") << "organiser" << "fest/v1/reply/organiser/controller/abc123" << true;
    QTest::newRow("deeper levels") << "organiser" << "fest/v1/reply/organiser/controller/festctl/abc" << true;
    QTest::newRow("no responder level") << "organiser" << "fest/v1/reply/organiser/abc123" << false;
    QTest::newRow("another responder") << "organiser" << "fest/v1/reply/organiser/player-A1/abc" << false;
    QTest::newRow("responder prefix trick") << "organiser" << "fest/v1/reply/organiser/controller2/abc" << false;
    QTest::newRow("another account") << "organiser" << "fest/v1/reply/staff/controller/abc" << false;
    QTest::newRow("account prefix trick") << "organiser" << "fest/v1/reply/organiser2/controller/abc" << false;
    QTest::newRow("prefix only") << "organiser" << "fest/v1/reply/organiser/controller" << false;
    QTest::newRow("prefix with slash only") << "organiser" << "fest/v1/reply/organiser/controller/" << false;
    QTest::newRow("empty level") << "organiser" << "fest/v1/reply/organiser/controller//x" << false;
    QTest::newRow("trailing empty level") << "organiser" << "fest/v1/reply/organiser/controller/x/" << false;
    QTest::newRow("plus") << "organiser" << "fest/v1/reply/organiser/controller/+" << false;
    QTest::newRow("hash") << "organiser" << "fest/v1/reply/organiser/controller/#" << false;
    QTest::newRow("state topic") << "organiser" << "fest/v1/programme" << false;
    QTest::newRow("empty") << "organiser" << "" << false;
    QTest::newRow("invalid account") << "+" << "fest/v1/reply/+/controller/x" << false;
    QTest::newRow("too long") << "organiser" << "fest/v1/reply/organiser/controller/" + QString(300, 'x') << false;
    QTest::newRow("nul") << "organiser" << QStringLiteral("fest/v1/reply/organiser/controller/a") + QChar(0) << false;
}

void tst_Topics::isReplyTopicFor()
{
    QFETCH(QString, account);
    QFETCH(QString, responseTopic);
    QFETCH(bool, accepted);
    QCOMPARE(Topics::isReplyTopicFor(account, Topics::controllerAccount(), responseTopic), accepted);
}

void tst_Topics::parseReply_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("responder");
    QTest::newRow("ballot reply") << "fest/v1/reply/kiosk-1/controller/votes" << "kiosk-1" << "controller";
    QTest::newRow("player reply") << "fest/v1/reply/booth/player-A1/r1" << "booth" << "player-A1";
    QTest::newRow("no rest") << "fest/v1/reply/kiosk-1/controller" << QString() << QString();
    QTest::newRow("no responder") << "fest/v1/reply/kiosk-1" << QString() << QString();
    QTest::newRow("bad account") << "fest/v1/reply/kiosk 1/controller/votes" << QString() << QString();
    QTest::newRow("bad responder") << "fest/v1/reply/kiosk-1/con+troller/votes" << QString() << QString();
    QTest::newRow("other topic") << "fest/v1/vote/kiosk-1" << QString() << QString();
}

void tst_Topics::parseReply()
{
    QFETCH(QString, topic);
    QFETCH(QString, account);
    QFETCH(QString, responder);
    const std::optional<Topics::ReplyAddress> parsed = Topics::parseReply(topic);
    QCOMPARE(parsed.has_value(), !account.isNull());
    if (parsed) {
        QCOMPARE(parsed->requester, account);
        QCOMPARE(parsed->responder, responder);
    }
}

QTEST_GUILESS_MAIN(tst_Topics)
#include "tst_topics.moc"
