#include "topicfilter.h"

#include <QTest>

using namespace fest;

class tst_TopicFilter : public QObject
{
    Q_OBJECT

private slots:
    void problem_data();
    void problem();
    void matches_data();
    void matches();
};

void tst_TopicFilter::problem_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("exact") << "fest/v1/programme" << true;
    QTest::newRow("plus") << "fest/v1/node/+/status" << true;
    QTest::newRow("hash") << "fest/v1/#" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("outside the tree") << "other/topic" << false;
    QTest::newRow("everything") << "#" << false;
    QTest::newRow("system topics") << "$SYS/#" << false;
    QTest::newRow("older version") << "fest/v0/programme" << false;
    QTest::newRow("hash not last") << "fest/v1/#/status" << false;
    QTest::newRow("plus inside a level") << "fest/v1/node/a+/status" << false;
    QTest::newRow("hash inside a level") << "fest/v1/node/a#" << false;
    QTest::newRow("NUL") << QStringLiteral("fest/v1/pro") + QChar(0) << false;
    QTest::newRow("too long") << QStringLiteral("fest/v1/") + QString(TopicFilter::maxLength, QLatin1Char('a')) << false;
}

void tst_TopicFilter::problem()
{
    QFETCH(QString, filter);
    QFETCH(bool, accepted);
    const QString problem = TopicFilter::problem(filter);
    QCOMPARE(problem.isEmpty(), accepted);
}

void tst_TopicFilter::matches_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("match");
    QTest::newRow("same") << "fest/v1/programme" << "fest/v1/programme" << true;
    QTest::newRow("different") << "fest/v1/programme" << "fest/v1/results" << false;
    QTest::newRow("plus one level") << "fest/v1/node/+/status" << "fest/v1/node/player-a/status" << true;
    QTest::newRow("plus is one level only") << "fest/v1/node/+/status" << "fest/v1/node/a/b/status" << false;
    QTest::newRow("hash below") << "fest/v1/#" << "fest/v1/screen/A/playlist" << true;
    QTest::newRow("hash matches parent") << "fest/v1/ceremony/#" << "fest/v1/ceremony" << true;
    QTest::newRow("prefix is not a match") << "fest/v1/node" << "fest/v1/node/a/status" << false;
    QTest::newRow("longer filter") << "fest/v1/node/a/status/x" << "fest/v1/node/a/status" << false;
    QTest::newRow("results under everything") << "fest/v1/#" << "fest/v1/results" << true;
}

void tst_TopicFilter::matches()
{
    QFETCH(QString, filter);
    QFETCH(QString, topic);
    QFETCH(bool, match);
    QCOMPARE(TopicFilter::matches(filter, topic), match);
}

QTEST_APPLESS_MAIN(tst_TopicFilter)
#include "tst_topicfilter.moc"
