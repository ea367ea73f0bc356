// One ballot rates the films of a block of shorts, through every real part: a headless
// kiosk (festival-ballot-client and its outbox) -> mosquitto -> festival-controller ->
// the votes database, and festctl results as organisers read them. Each rated film gets
// its vote; the ticket cannot vote for the block again; a ballot naming a film the block
// did not show is refused with that film named; a one-film ballot still counts.
#include "ballotclientprocess.h"
#include "festctlrun.h"
#include "mosquittoprocess.h"
#include "scenariocontroller.h"
#include "scenarioprogramme.h"
#include "scenarioreport.h"
#include "scenariotickets.h"
#include "votesinspector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;

class tst_BlockBallot : public QObject
{
    Q_OBJECT
private slots:
    void blockBallotCountsEachFilmOnce();

private:
    // film -> votes, from `festctl --json results`.
    static QMap<QString, qint64> resultVotes(const FestctlRun &run);
};

QMap<QString, qint64> tst_BlockBallot::resultVotes(const FestctlRun &run)
{
    QMap<QString, qint64> votes;
    const QJsonObject reply = QJsonDocument::fromJson(run.out.toUtf8()).object();
    for (const QJsonValue &f : reply.value(QStringLiteral("films")).toArray())
        votes.insert(f.toObject().value(QStringLiteral("film")).toString(), f.toObject().value(QStringLiteral("votes")).toInteger());
    return votes;
}

void tst_BlockBallot::blockBallotCountsEachFilmOnce()
{
    QVERIFY2(!ScenarioController::binary().isEmpty(), "festival-controller was not built");
    QVERIFY2(!BallotClientProcess::binary().isEmpty(), "festival-ballot-client was not built");
    QVERIFY2(!FestctlRun::binary().isEmpty(), "festctl was not built");

    QTemporaryDir dir;
    MosquittoProcess broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    // S-1 is a block of F-1, F-2 and F-3, its voting window open.
    const QString programme = dir.filePath(QStringLiteral("programme.json"));
    QVERIFY2(ScenarioProgramme::votingOpen().write(programme, &error), qPrintable(error));
    ScenarioController controller({broker.url(), dir.path(), {}, programme, 0, {QStringLiteral("organiser")},
                                   {QStringLiteral("[votes]"), QStringLiteral("minimum_votes=1")}});
    const QStringList tickets = ScenarioTickets::issue(controller.ticketKeys(), 3, &error);
    QVERIFY2(tickets.size() == 3, qPrintable(error));
    QVERIFY2(controller.start(&error), qPrintable(error));

    // 1. One ballot rating the block's three films.
    BallotClientProcess kiosk(QStringLiteral("kiosk-01"), dir.filePath(QStringLiteral("kiosk-01.sqlite")));
    QVERIFY(kiosk.startCast(broker.url(), tickets[0], QStringLiteral("S-1"),
                            {QStringLiteral("F-1=5"), QStringLiteral("F-2=3"), QStringLiteral("F-3=4")}, 60000));
    QVERIFY(kiosk.waitFinished(90000));
    QVERIFY2(kiosk.exitCode() == 0, qPrintable(kiosk.output()));
    QCOMPARE(kiosk.summary().accepted, 1);
    QCOMPARE(BallotClientProcess::pendingIn(kiosk.outbox()), 0);

    std::optional<VotesInspector> votes = VotesInspector::open(controller.votesDatabase(), &error);
    QVERIFY2(votes, qPrintable(error));
    const QMap<QString, VotesInspector::FilmCount> perFilm{{QStringLiteral("F-1"), {1, 5}}, {QStringLiteral("F-2"), {1, 3}},
                                                           {QStringLiteral("F-3"), {1, 4}}};
    QCOMPARE(votes->perFilm(), perFilm);
    QCOMPARE(votes->voteIds().size(), 1);

    const FestctlRun results = FestctlRun::run(broker.url(), {QStringLiteral("--json"), QStringLiteral("results")});
    QVERIFY2(results.exitCode == 0, qPrintable(results.err));
    const QMap<QString, qint64> eachOnce{{QStringLiteral("F-1"), 1}, {QStringLiteral("F-2"), 1}, {QStringLiteral("F-3"), 1}};
    QCOMPARE(resultVotes(results), eachOnce);
    // The table organisers read: a row per film of the block, one vote each.
    const FestctlRun table = FestctlRun::run(broker.url(), {QStringLiteral("results")});
    QVERIFY2(table.exitCode == 0, qPrintable(table.err));
    QVERIFY2(table.out.startsWith(QStringLiteral("3 votes counted")), qPrintable(table.out));
    for (const QString film : {"F-1", "F-2", "F-3"}) {
        const QRegularExpression row(QStringLiteral(R"(\n\s*\d+\s+%1\s+1\s)").arg(film));
        QVERIFY2(row.match(table.out).hasMatch(), qPrintable(table.out));
    }

    // 2. The same ticket again from another kiosk, rating one film differently: a ticket
    // votes once per screening.
    BallotClientProcess other(QStringLiteral("kiosk-02"), dir.filePath(QStringLiteral("kiosk-02.sqlite")));
    QVERIFY(other.startCast(broker.url(), tickets[0], QStringLiteral("S-1"), {QStringLiteral("F-2=1")}, 60000));
    QVERIFY(other.waitFinished(90000));
    QCOMPARE(other.exitCode(), 1);
    QVERIFY2(other.output().contains(QStringLiteral("ticket_used")), qPrintable(other.output()));

    // 3. A ballot rating a film the block did not show: refused whole, the film named.
    QVERIFY(other.startCast(broker.url(), tickets[1], QStringLiteral("S-1"), {QStringLiteral("F-1=4"), QStringLiteral("F-9=5")}, 60000));
    QVERIFY(other.waitFinished(90000));
    QCOMPARE(other.exitCode(), 1);
    QVERIFY2(other.output().contains(QStringLiteral("unknown_film")) && other.output().contains(QStringLiteral("F-9")),
             qPrintable(other.output()));
    QCOMPARE(votes->perFilm(), perFilm);

    // 4. A one-film ballot (the form kiosks have always sent) still counts.
    QVERIFY(other.startCast(broker.url(), tickets[2], QStringLiteral("S-1"), {QStringLiteral("F-2=5")}, 60000));
    QVERIFY(other.waitFinished(90000));
    QVERIFY2(other.exitCode() == 0, qPrintable(other.output()));
    const FestctlRun after = FestctlRun::run(broker.url(), {QStringLiteral("--json"), QStringLiteral("results")});
    QVERIFY2(after.exitCode == 0, qPrintable(after.err));
    QCOMPARE(resultVotes(after), (QMap<QString, qint64>{{QStringLiteral("F-1"), 1}, {QStringLiteral("F-2"), 2}, {QStringLiteral("F-3"), 1}}));
    QCOMPARE(votes->rejectionsByReason(),
             (QMap<QString, qint64>{{QStringLiteral("ticket_used"), 1}, {QStringLiteral("unknown_film"), 1}}));

    ScenarioReport(QStringLiteral("a block ballot"))
        .set(QStringLiteral("films rated in one ballot"), 3)
        .set(QStringLiteral("votes counted"), votes->votes())
        .set(QStringLiteral("second ballot of the ticket (rejected)"), 1)
        .write();
}

QTEST_GUILESS_MAIN(tst_BlockBallot)
#include "tst_blockballot.moc"
