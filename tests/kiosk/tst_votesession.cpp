#include "database.h"
#include "ticketcode.h"
#include "ticketissuer.h"
#include "voteoutbox.h"
#include "votesession.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;

// The vote flow against a real outbox (SQLite in a temporary folder) without a broker:
// the offline kiosk. Controller verdicts are fed through the outbox's settled signal.
class tst_VoteSession : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void codeStates_data();
    void codeStates();
    void offlineVoteIsStoredThenThanked();
    void codeIsClearedOnceStored();
    void cannotSkipSteps();
    void incompleteCodeSubmittedIsMalformed();
    void backAndReset();
    void blockIsRatedFilmByFilmInOneBallot();
    void blockNeedsOneRatedFilmToConfirm();
    void ratingsNotifyOnlyOnChange();
    void singleFilmRatingShowsInRatings();
    void verdictsBecomeOutcomes_data();
    void verdictsBecomeOutcomes();
    void onlineWaitsForVerdictThenFallsBackToSaved();
    void losingConnectionWhileWaitingThanksAtOnce();

private:
    QString validCode() const { return TicketIssuer(0, QByteArray(32, 'k')).issueOne(); }
    void walkToConfirm(VoteSession &session, const QString &code);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<VoteOutbox> m_outbox;
};

void tst_VoteSession::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    auto db = VoteOutbox::openDatabase(m_dir->filePath("outbox.db"), &error);
    QVERIFY2(db, qPrintable(error));
    m_db = std::make_unique<Database>(std::move(*db));
    m_outbox = std::make_unique<VoteOutbox>(*m_db, nullptr, QStringLiteral("kiosk-1"));
}

void tst_VoteSession::cleanup()
{
    m_outbox.reset();
    m_db.reset();
    m_dir.reset();
}

void tst_VoteSession::walkToConfirm(VoteSession &session, const QString &code)
{
    session.choose(QStringLiteral("S-0103"), QStringLiteral("F-017"));
    QCOMPARE(session.step(), VoteSession::Step::Code);
    session.setCode(code);
    QVERIFY(session.submitCode());
    QCOMPARE(session.step(), VoteSession::Step::Rate);
    session.rate(4);
    QCOMPARE(session.step(), VoteSession::Step::Confirm);
}

void tst_VoteSession::codeStates_data()
{
    const QString good = validCode();
    QString mistyped = good;
    const qsizetype last = mistyped.size() - 1;
    mistyped[last] = TicketCode::symbol((TicketCode::value(good[last]) + 1) % 32);
    QTest::addColumn<QString>("code");
    QTest::addColumn<VoteSession::CodeState>("state");
    QTest::newRow("empty") << "" << VoteSession::CodeState::Empty;
    QTest::newRow("dashes only") << "--" << VoteSession::CodeState::Empty;
    QTest::newRow("half typed") << good.left(7) << VoteSession::CodeState::Incomplete;
    QTest::newRow("valid") << good << VoteSession::CodeState::Ok;
    QTest::newRow("lower case, no dashes") << good.toLower().remove(u'-') << VoteSession::CodeState::Ok;
    QTest::newRow("scanner trailing newline") << good + "\n" << VoteSession::CodeState::Ok;
    QTest::newRow("check character wrong") << mistyped << VoteSession::CodeState::Mistyped;
    QTest::newRow("symbol outside alphabet") << "K7QF-4M9X-R2DA-BC3!" << VoteSession::CodeState::Malformed;
    QTest::newRow("too long") << good + "A" << VoteSession::CodeState::Malformed;
}

void tst_VoteSession::codeStates()
{
    QFETCH(QString, code);
    QFETCH(VoteSession::CodeState, state);
    VoteSession session(m_outbox.get(), 0);
    session.choose(QStringLiteral("S-1"), QStringLiteral("F-1"));
    session.setCode(code);
    QCOMPARE(session.codeState(), state);
    QCOMPARE(session.submitCode(), state == VoteSession::CodeState::Ok);
}

void tst_VoteSession::offlineVoteIsStoredThenThanked()
{
    VoteSession session(m_outbox.get(), 4000);
    walkToConfirm(session, validCode());
    QVERIFY(session.confirm());
    // On disk before the thank-you.
    QCOMPARE(m_outbox->pending(), 1);
    QCOMPARE(m_outbox->pendingBallots().constFirst().screening, QStringLiteral("S-0103"));
    QCOMPARE(m_outbox->pendingBallots().constFirst().ratings, (QList<Ballot::Rating>{{QStringLiteral("F-017"), 4}}));
    QCOMPARE(session.step(), VoteSession::Step::Thanks);
    QCOMPARE(session.outcome(), VoteSession::Outcome::Saved);
}

void tst_VoteSession::codeIsClearedOnceStored()
{
    VoteSession session(m_outbox.get(), 0);
    walkToConfirm(session, validCode());
    QSignalSpy code(&session, &VoteSession::codeChanged);
    QVERIFY(session.confirm());
    QCOMPARE(session.code(), QString());
    QCOMPARE(code.size(), 1);
}

void tst_VoteSession::cannotSkipSteps()
{
    VoteSession session(m_outbox.get(), 0);
    QVERIFY(!session.confirm());
    QVERIFY(!session.submitCode());
    session.rate(5);
    QCOMPARE(session.step(), VoteSession::Step::Choose);
    QCOMPARE(m_outbox->pending(), 0);
}

void tst_VoteSession::incompleteCodeSubmittedIsMalformed()
{
    VoteSession session(m_outbox.get(), 0);
    session.choose(QStringLiteral("S-1"), QStringLiteral("F-1"));
    session.setCode(QStringLiteral("K7QF"));
    QCOMPARE(session.codeState(), VoteSession::CodeState::Incomplete);
    QVERIFY(!session.submitCode());
    QCOMPARE(session.codeState(), VoteSession::CodeState::Malformed);
    QCOMPARE(session.step(), VoteSession::Step::Code);
}

void tst_VoteSession::backAndReset()
{
    VoteSession session(m_outbox.get(), 0);
    walkToConfirm(session, validCode());
    session.back();
    QCOMPARE(session.step(), VoteSession::Step::Rate);
    session.back();
    QCOMPARE(session.step(), VoteSession::Step::Code);
    QVERIFY(!session.code().isEmpty());
    session.reset();
    QCOMPARE(session.step(), VoteSession::Step::Choose);
    QCOMPARE(session.code(), QString());
    QCOMPARE(session.screeningId(), QString());
    QCOMPARE(session.score(), 0);
}

void tst_VoteSession::blockIsRatedFilmByFilmInOneBallot()
{
    VoteSession session(m_outbox.get(), 0);
    session.choose(QStringLiteral("S-0412"), QString());   // a block: no one film chosen
    session.setCode(validCode());
    QVERIFY(session.submitCode());
    QCOMPARE(session.step(), VoteSession::Step::Rate);
    QVERIFY(session.rateFilm(QStringLiteral("F-017"), 5));
    QCOMPARE(session.step(), VoteSession::Step::Confirm);
    QVERIFY(session.rateFilm(QStringLiteral("F-018"), 2));
    QVERIFY(session.rateFilm(QStringLiteral("F-019"), 3));
    QVERIFY(session.rateFilm(QStringLiteral("F-018"), 4));   // changed their mind
    QVERIFY(session.rateFilm(QStringLiteral("F-019"), 0));   // took it back
    QVERIFY(session.rateFilm(QStringLiteral("F-020"), 9));   // clamped to 5 stars
    QCOMPARE(session.ratedCount(), 3);
    const QVariantMap expected{{QStringLiteral("F-017"), 5}, {QStringLiteral("F-018"), 4}, {QStringLiteral("F-020"), 5}};
    QCOMPARE(session.ratings(), expected);
    QCOMPARE(session.score(), 0);   // no chosen film
    QVERIFY(session.confirm());
    QCOMPARE(session.step(), VoteSession::Step::Thanks);
    // One ballot, every rating, in the order rated.
    QCOMPARE(m_outbox->pending(), 1);
    const Ballot stored = m_outbox->pendingBallots().constFirst();
    QCOMPARE(stored.screening, QStringLiteral("S-0412"));
    const QList<Ballot::Rating> ratings{{QStringLiteral("F-017"), 5}, {QStringLiteral("F-018"), 4}, {QStringLiteral("F-020"), 5}};
    QCOMPARE(stored.ratings, ratings);
}

void tst_VoteSession::blockNeedsOneRatedFilmToConfirm()
{
    VoteSession session(m_outbox.get(), 0);
    session.choose(QStringLiteral("S-0412"), QString());
    QVERIFY(!session.rateFilm(QStringLiteral("F-017"), 5));   // before the ticket
    session.setCode(validCode());
    QVERIFY(session.submitCode());
    session.rate(4);   // no film chosen: nothing to rate
    QCOMPARE(session.step(), VoteSession::Step::Rate);
    QVERIFY(!session.confirm());
    QVERIFY(!session.rateFilm(QString(), 4));
    QVERIFY(session.rateFilm(QStringLiteral("F-017"), 5));
    QCOMPARE(session.step(), VoteSession::Step::Confirm);
    QVERIFY(session.rateFilm(QStringLiteral("F-017"), 0));
    QCOMPARE(session.step(), VoteSession::Step::Rate);
    QVERIFY(!session.confirm());
    QCOMPARE(m_outbox->pending(), 0);
    for (int i = 0; i < Ballot::MaxRatings; ++i)
        QVERIFY(session.rateFilm(QStringLiteral("F-%1").arg(i), 3));
    QVERIFY(!session.rateFilm(QStringLiteral("F-ONE-TOO-MANY"), 3));
    QCOMPARE(session.ratedCount(), Ballot::MaxRatings);
    QVERIFY(session.confirm());
    QCOMPARE(m_outbox->pendingBallots().constFirst().ratings.size(), Ballot::MaxRatings);
}

void tst_VoteSession::ratingsNotifyOnlyOnChange()
{
    VoteSession session(m_outbox.get(), 0);
    session.choose(QStringLiteral("S-0412"), QStringLiteral("F-018"));
    session.setCode(validCode());
    QVERIFY(session.submitCode());
    QSignalSpy ratings(&session, &VoteSession::ratingsChanged);
    QSignalSpy score(&session, &VoteSession::scoreChanged);
    QVERIFY(session.rateFilm(QStringLiteral("F-017"), 3));
    QCOMPARE(ratings.size(), 1);
    QCOMPARE(score.size(), 0);   // score is the chosen film's
    QVERIFY(session.rateFilm(QStringLiteral("F-017"), 3));
    QCOMPARE(ratings.size(), 1);
    session.rate(4);
    QCOMPARE(ratings.size(), 2);
    QCOMPARE(score.size(), 1);
    QCOMPARE(session.score(), 4);
    QVERIFY(session.rateFilm(QStringLiteral("F-404"), 0));   // not rated: nothing to take back
    QCOMPARE(ratings.size(), 2);
    session.reset();
    QCOMPARE(ratings.size(), 3);
    QCOMPARE(score.size(), 2);
    QCOMPARE(session.ratedCount(), 0);
    session.reset();
    QCOMPARE(ratings.size(), 3);
}

void tst_VoteSession::singleFilmRatingShowsInRatings()
{
    VoteSession session(m_outbox.get(), 0);
    walkToConfirm(session, validCode());
    QCOMPARE(session.ratings(), (QVariantMap{{QStringLiteral("F-017"), 4}}));
    session.rate(2);
    QCOMPARE(session.score(), 2);
    QCOMPARE(session.ratedCount(), 1);
}

void tst_VoteSession::verdictsBecomeOutcomes_data()
{
    QTest::addColumn<BallotReply::Result>("result");
    QTest::addColumn<BallotReply::Reason>("reason");
    QTest::addColumn<VoteSession::Outcome>("outcome");
    QTest::addColumn<VoteSession::Step>("step");
    using R = BallotReply::Reason;
    QTest::newRow("accepted") << BallotReply::Result::Accepted << R::None << VoteSession::Outcome::Counted << VoteSession::Step::Thanks;
    QTest::newRow("duplicate") << BallotReply::Result::Duplicate << R::None << VoteSession::Outcome::Counted << VoteSession::Step::Thanks;
    QTest::newRow("used") << BallotReply::Result::Rejected << R::TicketUsed << VoteSession::Outcome::TicketUsed << VoteSession::Step::Problem;
    QTest::newRow("forged") << BallotReply::Result::Rejected << R::TicketForged << VoteSession::Outcome::TicketInvalid << VoteSession::Step::Problem;
    QTest::newRow("not open") << BallotReply::Result::Rejected << R::WindowNotOpen << VoteSession::Outcome::NotOpenYet << VoteSession::Step::Problem;
    QTest::newRow("closed") << BallotReply::Result::Rejected << R::WindowClosed << VoteSession::Outcome::Closed << VoteSession::Step::Problem;
    QTest::newRow("unknown screening") << BallotReply::Result::Rejected << R::UnknownScreening << VoteSession::Outcome::Refused << VoteSession::Step::Problem;
}

void tst_VoteSession::verdictsBecomeOutcomes()
{
    QFETCH(BallotReply::Result, result);
    QFETCH(BallotReply::Reason, reason);
    QFETCH(VoteSession::Outcome, outcome);
    QFETCH(VoteSession::Step, step);
    VoteSession session(m_outbox.get(), 60000);
    session.setOnline(true);
    walkToConfirm(session, validCode());
    QVERIFY(session.confirm());
    QCOMPARE(session.step(), VoteSession::Step::Waiting);
    BallotReply reply;
    reply.voteId = session.voteId();
    reply.result = result;
    reply.reason = reason;
    emit m_outbox->settled(QStringLiteral("someone-else"), reply);  // another ballot's verdict
    QCOMPARE(session.step(), VoteSession::Step::Waiting);
    emit m_outbox->settled(session.voteId(), reply);
    QCOMPARE(session.outcome(), outcome);
    QCOMPARE(session.step(), step);
}

void tst_VoteSession::onlineWaitsForVerdictThenFallsBackToSaved()
{
    VoteSession session(m_outbox.get(), 50);
    session.setOnline(true);
    walkToConfirm(session, validCode());
    QVERIFY(session.confirm());
    QCOMPARE(session.step(), VoteSession::Step::Waiting);
    QTRY_COMPARE(session.step(), VoteSession::Step::Thanks);
    QCOMPARE(session.outcome(), VoteSession::Outcome::Saved);
    // A verdict that arrives while the thank-you is up still corrects it.
    BallotReply used = BallotReply::rejected(session.voteId(), BallotReply::Reason::TicketUsed);
    emit m_outbox->settled(session.voteId(), used);
    QCOMPARE(session.outcome(), VoteSession::Outcome::TicketUsed);
}

void tst_VoteSession::losingConnectionWhileWaitingThanksAtOnce()
{
    VoteSession session(m_outbox.get(), 60000);
    session.setOnline(true);
    walkToConfirm(session, validCode());
    QVERIFY(session.confirm());
    session.setOnline(false);
    QCOMPARE(session.step(), VoteSession::Step::Thanks);
    QCOMPARE(session.outcome(), VoteSession::Outcome::Saved);
}

QTEST_GUILESS_MAIN(tst_VoteSession)
#include "tst_votesession.moc"
