// Failure model, "disk full on controller": the controller's databases on a size-limited
// tmpfs that fills up during a vote burst. No ballot is acknowledged without its COMMIT
// (every ack the kiosk got is in the database, read by a second connection), the
// controller raises a clear alarm (log and retained status) and keeps serving the
// playback state, and once the filesystem grows every ballot is ingested, once.
// Mounting needs root: without it (or when mount is refused) the test is skipped with the
// reason; CI runs as root.
#include "ballot.h"
#include "envelope.h"
#include "festctlrun.h"
#include "mosquittoprocess.h"
#include "mqttclient.h"
#include "scenariocontroller.h"
#include "scenarioprogramme.h"
#include "scenarioreport.h"
#include "scenariosize.h"
#include "scenariotickets.h"
#include "statuswatcher.h"
#include "topics.h"
#include "voteoutbox.h"
#include "votesinspector.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace fest;

namespace {
// A tmpfs mounted for the test's lifetime (lazily unmounted however the test ends).
class SmallFilesystem
{
public:
    bool mount(const QString &path, const QString &size, QString *error)
    {
        if (!run({QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"), QStringLiteral("size=") + size,
                  QStringLiteral("tmpfs"), path}, error))
            return false;
        m_path = path;
        return true;
    }
    bool grow(const QString &size, QString *error)
    {
        return run({QStringLiteral("-o"), QStringLiteral("remount,size=") + size, m_path}, error);
    }
    ~SmallFilesystem()
    {
        if (!m_path.isEmpty())
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), m_path});
    }

private:
    static bool run(const QStringList &args, QString *error)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("mount"), args);
        if (p.waitForFinished(20000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
            return true;
        *error = QStringLiteral("mount %1: %2").arg(args.join(u' '), QString::fromLocal8Bit(p.readAll()).trimmed() + p.errorString());
        return false;
    }
    QString m_path;
};

// Fills the filesystem holding folder; returns the bytes written.
qint64 fill(const QString &folder)
{
    QFile filler(QDir(folder).filePath(QStringLiteral("filler")));
    if (!filler.open(QIODevice::WriteOnly))
        return 0;
    const QByteArray chunk(4096, 'f');
    qint64 written = 0;
    while (filler.write(chunk) == chunk.size() && filler.flush())
        written += chunk.size();
    return written;
}
} // namespace

class tst_DiskFull : public QObject
{
    Q_OBJECT
private slots:
    void fullDiskAcknowledgesNothingUncommittedAndRecovers();
};

void tst_DiskFull::fullDiskAcknowledgesNothingUncommittedAndRecovers()
{
    if (geteuid() != 0)
        QSKIP("mounting a size-limited tmpfs needs root (CI runs the suite as root)");
    QVERIFY2(!ScenarioController::binary().isEmpty(), "festival-controller was not built");
    QVERIFY2(!FestctlRun::binary().isEmpty(), "festctl was not built");
    const int ballots = ScenarioSize::pick(2000, 5000);

    QTemporaryDir dir;
    const QString dbFolder = dir.filePath(QStringLiteral("db"));
    QVERIFY(QDir().mkpath(dbFolder));
    SmallFilesystem small;
    QString error;
    if (!small.mount(dbFolder, QStringLiteral("3m"), &error))
        QSKIP(qPrintable(QStringLiteral("cannot mount a tmpfs here: ") + error));

    MosquittoProcess broker;
    MosquittoProcess::Limits limits;
    limits.maxQueuedMessages = 100000;
    broker.setLimits(limits);
    QVERIFY2(broker.start(&error), qPrintable(error));
    const QString programme = dir.filePath(QStringLiteral("programme.json"));
    QVERIFY2(ScenarioProgramme::votingOpen().write(programme, &error), qPrintable(error));
    ScenarioController controller({broker.url(), dir.path(), dbFolder, programme});
    const QStringList codes = ScenarioTickets::issue(controller.ticketKeys(), ballots, &error);
    QCOMPARE(codes.size(), ballots);
    QVERIFY2(controller.start(&error), qPrintable(error));
    StatusWatcher watcher(broker.url());
    QVERIFY(watcher.connectToBroker());

    const qint64 filler = fill(dbFolder);
    QVERIFY(filler > 0);

    // A kiosk in this process, so that every acknowledged vote id is known.
    auto outboxDb = VoteOutbox::openDatabase(dir.filePath(QStringLiteral("kiosk.db")), &error);
    QVERIFY2(outboxDb, qPrintable(error));
    MqttOptions options = *MqttOptions::fromUrl(broker.url(), &error);
    options.username = QStringLiteral("kiosk-01");
    MqttClient client(options);
    VoteOutbox::Options outboxOptions;
    outboxOptions.retryMs = 1000;
    VoteOutbox outbox(*outboxDb, &client, QStringLiteral("kiosk-01"), outboxOptions);
    QSet<QString> acked;
    int rejected = 0;
    connect(&outbox, &VoteOutbox::settled, this, [&](const QString &voteId, const BallotReply &r) {
        if (r.result == BallotReply::Result::Rejected)
            ++rejected;
        else
            acked.insert(voteId);
    });
    client.open();
    QTRY_COMPARE(client.state(), MqttClient::State::Connected);
    QList<Ballot> cast;
    for (const QString &code : codes) {
        Ballot b;
        b.voteId = Ballot::newVoteId();
        b.ticket = code;
        b.screening = QStringLiteral("S-1");
        b.ratings = {{QStringLiteral("F-%1").arg(1 + cast.size() % 3), 1 + cast.size() % 5}};
        b.castAt = QDateTime::currentDateTimeUtc();
        cast.append(b);
    }
    for (qsizetype i = 0; i < cast.size(); i += 500)
        QVERIFY(outbox.enqueue(cast.mid(i, 500)));

    // The disk fills: an alarm in the log and in the retained status.
    QTRY_VERIFY2_WITH_TIMEOUT(controller.log().contains(QStringLiteral("ALARM")), "no alarm while the disk is full", 60000);
    QTRY_COMPARE_WITH_TIMEOUT(watcher.latest(QStringLiteral("controller")).value(QStringLiteral("state")).toString(), QStringLiteral("alarm"), 10000);
    const QJsonArray alarms = watcher.latest(QStringLiteral("controller")).value(QStringLiteral("alarms")).toArray();
    QVERIFY(!alarms.isEmpty());
    const QString alarmText = alarms.first()[QStringLiteral("message")].toString();
    qInfo("alarm: %s", qPrintable(alarmText));

    // No ack without COMMIT: every vote acknowledged so far is visible to a second
    // connection (a COMMIT is the only way it could be).
    const QSet<QString> ackedWhileFull = acked;
    std::optional<VotesInspector> votes = VotesInspector::open(controller.votesDatabase(), &error);
    QVERIFY2(votes, qPrintable(error));
    const QSet<QString> committed = votes->voteIds();
    QVERIFY2(ackedWhileFull.size() < ballots, "every ballot was acknowledged although the disk was full");
    for (const QString &id : ackedWhileFull)
        QVERIFY2(committed.contains(id), qPrintable(QStringLiteral("vote %1 was acknowledged but is not in the database").arg(id)));

    // Playback state is still served: the retained playlist, and a request answered.
    MqttOptions fresh = *MqttOptions::fromUrl(broker.url(), &error);
    fresh.username = QStringLiteral("player-CINE-1");
    MqttClient player(fresh);
    QByteArray playlist;
    connect(&player, &MqttClient::messageReceived, this, [&](const MqttMessage &m) { playlist = m.payload; });
    player.subscribe(Topics::playlist(QStringLiteral("HALL-1")), 1);
    player.open();
    QTRY_VERIFY_WITH_TIMEOUT(!playlist.isEmpty(), 10000);
    QVERIFY(Envelope::decode(playlist, QStringLiteral("playlist"), JsonLimits::programme(), &error));
    const FestctlRun nodes = FestctlRun::run(broker.url(), {QStringLiteral("--json"), QStringLiteral("nodes")});
    QVERIFY2(nodes.exitCode == 0, qPrintable(nodes.err));

    // Space again: everything is ingested, once, and the alarm clears.
    QElapsedTimer recovery;
    recovery.start();
    QVERIFY2(small.grow(QStringLiteral("64m"), &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(outbox.pending() == 0, 120000);
    const qint64 recoveredMs = recovery.elapsed();
    QTRY_COMPARE_WITH_TIMEOUT(watcher.latest(QStringLiteral("controller")).value(QStringLiteral("state")).toString(), QStringLiteral("online"), 10000);
    QCOMPARE(rejected, 0);
    QCOMPARE(acked.size(), qsizetype(ballots));
    QCOMPARE(votes->votes(), qint64(ballots));
    QCOMPARE(votes->voteIds(), acked);
    QCOMPARE(votes->integrity(), QStringLiteral("ok"));
    QVERIFY(controller.terminate());

    ScenarioReport(QStringLiteral("disk full under the votes database"))
        .set(QStringLiteral("ballots"), ballots)
        .set(QStringLiteral("acked before the disk filled"), int(ackedWhileFull.size()))
        .set(QStringLiteral("filler bytes"), filler)
        .set(QStringLiteral("alarm"), alarmText.left(120))
        .set(QStringLiteral("counted after growing"), votes->votes())
        .set(QStringLiteral("grow to drained ms"), recoveredMs)
        .write();
}

QTEST_GUILESS_MAIN(tst_DiskFull)
#include "tst_diskfull.moc"
