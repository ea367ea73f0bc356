// Failure model, "bad media file": a playlist in which most films are truncated,
// emptied, bit-flipped or replaced by noise. The headless player neither crashes nor
// hangs, reports each bad item it can detect (status lastError or a warning in its log),
// and every good item still starts at its instant.
#include "mediagenerator.h"
#include "mosquittoprocess.h"
#include "playerprocess.h"
#include "scenariocontroller.h"
#include "scenarioprogramme.h"
#include "scenarioreport.h"
#include "scenariosize.h"
#include "statuswatcher.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;

namespace {
enum class Damage { None, Empty, HeaderOnly, Truncated, FlippedHeader, FlippedBody, Noise };

QByteArray damaged(const QByteArray &good, Damage damage, QRandomGenerator &rng)
{
    QByteArray bytes = good;
    switch (damage) {
    case Damage::None:
        break;
    case Damage::Empty:
        bytes.clear();
        break;
    case Damage::HeaderOnly:
        bytes.truncate(600);
        break;
    case Damage::Truncated:
        bytes.truncate(bytes.size() * (1 + rng.bounded(8)) / 10);
        break;
    case Damage::FlippedHeader:
        for (int i = 0; i < 24; ++i)
            bytes[rng.bounded(qMin<int>(400, bytes.size()))] ^= char(1 << rng.bounded(8));
        break;
    case Damage::FlippedBody:
        for (int i = 0; i < 200; ++i)
            bytes[bytes.size() / 4 + rng.bounded(bytes.size() / 2)] ^= char(1 << rng.bounded(8));
        break;
    case Damage::Noise:
        for (char &c : bytes)
            c = char(rng.bounded(256));
        break;
    }
    return bytes;
}
} // namespace

class tst_BadMedia : public QObject
{
    Q_OBJECT
private slots:
    void badFilesAreReportedAndGoodOnesStartOnTime();
};

void tst_BadMedia::badFilesAreReportedAndGoodOnesStartOnTime()
{
    QVERIFY2(!ScenarioController::binary().isEmpty(), "festival-controller was not built");
    QVERIFY2(!PlayerProcess::binary().isEmpty(), "festival-player was not built");
    const int count = ScenarioSize::pick(21, 201);
    const int filmSeconds = 2;
    const qint64 toleranceMs = 250;

    QTemporaryDir dir;
    const QString media = dir.filePath(QStringLiteral("media"));
    QVERIFY(QDir().mkpath(media + QStringLiteral("/films")));
    MediaGenerator::Options options;
    options.seconds = filmSeconds;
    const QString goodPath = dir.filePath(QStringLiteral("good.webm"));
    const QString generated = MediaGenerator::generate(goodPath, options);
    QVERIFY2(generated.isEmpty(), qPrintable(generated));
    QFile goodFile(goodPath);
    QVERIFY(goodFile.open(QIODevice::ReadOnly));
    const QByteArray good = goodFile.readAll();
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(good, QCryptographicHash::Sha256).toHex());

    // Every third film is good; the others cycle through the kinds of damage. Half of the
    // damaged films carry the good file's checksum (as a programme from the lab would),
    // the others none, so the decoder meets the damage itself.
    const QList<Damage> kinds{Damage::Empty, Damage::HeaderOnly, Damage::Truncated, Damage::FlippedHeader, Damage::FlippedBody, Damage::Noise};
    QRandomGenerator rng(6);
    ScenarioProgramme programme = ScenarioProgramme::votingOpen();
    programme.addScreen(QStringLiteral("CINE-1"));
    // A screening holds at most 100 films (the programme's rule): the long size plays
    // several one after another, each starting as the one before ends (a screening's end
    // is a minute after its films: ScenarioProgramme).
    const int perScreening = 100;
    const int gapSeconds = 61;
    const auto screeningOf = [&](int i) { return QStringLiteral("S-BAD-%1").arg(i / perScreening + 1); };
    QList<QStringList> films(1 + (count - 1) / perScreening);
    QStringList goodItems, badItems;
    QSet<QString> silentAllowed;   // damage no check can see without a checksum
    QHash<QString, QString> damageOf;   // item -> kind of damage, for failure messages
    for (int i = 0; i < count; ++i) {
        const QString id = QStringLiteral("M-%1").arg(i + 1, 3, 10, QLatin1Char('0'));
        const Damage damage = i % 3 == 0 ? Damage::None : kinds[(i - 1 - i / 3) % kinds.size()];
        const QString relative = QStringLiteral("films/%1.webm").arg(id);
        QFile out(media + u'/' + relative);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(damaged(good, damage, rng));
        out.close();
        const bool withChecksum = damage == Damage::None || i % 2 == 0;
        programme.addFilm(id, filmSeconds, relative, withChecksum ? sha : QString());
        films[i / perScreening] << id;
        const QString item = screeningOf(i) + u'/' + id;
        (damage == Damage::None ? goodItems : badItems) << item;
        // Without a checksum, a film cut short plays until its data ends and one with
        // flipped bits in its frames decodes with glitches: nothing fails, nothing to
        // report (docs/reliability.md, known gaps). Every other damage must be reported.
        if (!withChecksum && (damage == Damage::Truncated || damage == Damage::FlippedBody))
            silentAllowed.insert(item);
        damageOf.insert(item, QStringLiteral("(%1%2)").arg(int(damage)).arg(withChecksum ? ", with checksum" : ""));
    }
    const QDateTime start = ScenarioProgramme::at(20);
    for (int s = 0; s < films.size(); ++s)
        programme.addScreening(screeningOf(s * perScreening), QStringLiteral("CINE-1"),
                               start.addSecs(qint64(s) * (perScreening * filmSeconds + gapSeconds)), films[s]);

    MosquittoProcess broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    const QString programmeFile = dir.filePath(QStringLiteral("programme.json"));
    QVERIFY2(programme.write(programmeFile, &error), qPrintable(error));
    // The screenings follow each other with no changeover time between them.
    ScenarioController controller({broker.url(), dir.path(), {}, programmeFile, 0, {QStringLiteral("organiser")},
                                   {QStringLiteral("[programme]"), QStringLiteral("changeover_minutes=0")}});
    QVERIFY2(controller.start(&error), qPrintable(error));
    StatusWatcher watcher(broker.url());
    QVERIFY(watcher.connectToBroker());
    PlayerProcess player({QStringLiteral("CINE-1"), broker.url(), dir.path(), media, controller.clockPort()});
    QVERIFY2(player.start(&error), qPrintable(error));

    const qint64 playSeconds = qint64(count) * filmSeconds + qint64(films.size() - 1) * gapSeconds;
    const QDateTime over = start.addSecs(playSeconds + 2);
    QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentDateTimeUtc() > over || !player.isRunning(), int(playSeconds + 40) * 1000);
    QVERIFY2(player.isRunning(), qPrintable(QStringLiteral("the player died; its log:\n") + player.log().right(3000)));
    // Not hung: it still reports, and on the last item's schedule.
    const qint64 lastReport = watcher.of(player.account()).isEmpty() ? 0 : watcher.of(player.account()).last().receivedAtMs;
    QTRY_VERIFY_WITH_TIMEOUT(!watcher.of(player.account()).isEmpty() && watcher.of(player.account()).last().receivedAtMs > lastReport, 20000);

    const QString log = player.log();
    dir.setAutoRemove(!QTest::currentTestFailed());
    const QHash<QString, QString> reported = watcher.errorItems(player.account());
    int inStatus = 0, silent = 0;
    QStringList unreported;
    for (const QString &item : badItems) {
        // A warning naming the item (readiness, pipeline error or warning, error code).
        const QRegularExpression warned(QStringLiteral("item \"?%1\"? (is not ready|error from|warning:|refused|[a-z]+_[a-z_]+ )")
                                            .arg(QRegularExpression::escape(item)));
        inStatus += reported.contains(item);
        if (reported.contains(item) || warned.match(log).hasMatch())
            continue;
        if (silentAllowed.contains(item))
            ++silent;
        else
            unreported << item + u' ' + damageOf.value(item);
    }
    QVERIFY2(unreported.isEmpty(), qPrintable(QStringLiteral("bad items never reported: ") + unreported.join(QStringLiteral(", "))));
    qint64 worstMs = 0;
    for (const QString &item : goodItems) {
        QVERIFY2(!reported.contains(item), qPrintable(QStringLiteral("good item %1 reported as %2").arg(item, reported.value(item))));
        const std::optional<qint64> deviation = watcher.startDeviationMs(player.account(), item);
        if (!deviation)
            dir.setAutoRemove(false);
        QVERIFY2(deviation, qPrintable(QStringLiteral("good item %1 never reported playing; the player's log is in %2, its statuses:\n%3").arg(item, dir.path(), watcher.timeline(player.account()))));
        QVERIFY2(std::abs(*deviation) <= toleranceMs, qPrintable(QStringLiteral("good item %1 started %2 ms off its instant").arg(item).arg(*deviation)));
        worstMs = std::max(worstMs, std::abs(*deviation));
    }
    QVERIFY(player.terminate());
    QVERIFY(controller.terminate());

    ScenarioReport(QStringLiteral("bad media files in a playlist"))
        .set(QStringLiteral("items"), count)
        .set(QStringLiteral("bad"), int(badItems.size()))
        .set(QStringLiteral("bad reported in status"), inStatus)
        .set(QStringLiteral("bad played without a report (no checksum, truncated or body bits)"), silent)
        .set(QStringLiteral("good on time"), int(goodItems.size()))
        .set(QStringLiteral("worst good start deviation ms"), worstMs)
        .write();
}

QTEST_GUILESS_MAIN(tst_BadMedia)
#include "tst_badmedia.moc"
