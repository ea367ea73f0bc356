// The night before, both programs real: subtitles from the programme to the screen's
// player (a film with good English and 繁中 files plays with no complaint; a malformed file
// and a missing one reach staff in the player's status, subtitle_invalid with file and
// line, subtitle_missing with the file, before the screening, and those films still start
// on their instants), and `festctl media check` lists every scheduled film as the player
// checked it, worst first (a file longer than its slot first).
#include "festctlrun.h"
#include "mediagenerator.h"
#include "mosquittoprocess.h"
#include "playerprocess.h"
#include "scenariocontroller.h"
#include "scenarioprogramme.h"
#include "scenarioreport.h"
#include "statuswatcher.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace fest;

class tst_MediaCheck : public QObject
{
    Q_OBJECT
private slots:
    void subtitleProblemsReachStaffBeforeTheScreening();
};

void tst_MediaCheck::subtitleProblemsReachStaffBeforeTheScreening()
{
    QVERIFY2(!ScenarioController::binary().isEmpty(), "festival-controller was not built");
    QVERIFY2(!PlayerProcess::binary().isEmpty(), "festival-player was not built");
    QTemporaryDir dir;
    const QString media = dir.filePath(QStringLiteral("media"));
    QVERIFY(QDir().mkpath(media + QStringLiteral("/films")));
    MediaGenerator::Options options;
    options.seconds = 2;
    auto write = [&](const QString &relative, const QByteArray &bytes) {
        QFile f(media + u'/' + relative);
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    };
    ScenarioProgramme programme = ScenarioProgramme::votingOpen();
    programme.addScreen(QStringLiteral("CINE-1"));
    const QStringList films{QStringLiteral("SUB-GOOD"), QStringLiteral("SUB-BIG5"), QStringLiteral("SUB-GONE")};
    for (const QString &id : films) {
        const QString file = QStringLiteral("films/%1.webm").arg(id);
        QCOMPARE(MediaGenerator::generate(media + u'/' + file, options), QString());
        programme.addFilm(id, 2, file);
    }
    // A file of 5 s in a 2 s slot: its end would be cut off.
    options.seconds = 5;
    QCOMPARE(MediaGenerator::generate(media + QStringLiteral("/films/LONG.webm"), options), QString());
    programme.addFilm(QStringLiteral("LONG"), 2, QStringLiteral("films/LONG.webm"));
    QVERIFY(write("films/SUB-GOOD.en.srt", "1\n00:00:00,500 --> 00:00:01,500\nHello\n"));
    QVERIFY(write("films/SUB-GOOD.zh-Hant.vtt", "WEBVTT\n\n00:00.500 --> 00:01.500\n你好\n"));
    QVERIFY(write("films/SUB-BIG5.en.srt", "1\n00:00:00,500 --> 00:00:01,500\nHello\n"));
    QVERIFY(write("films/SUB-BIG5.zh-Hant.srt", "1\n00:00:00,500 --> 00:00:01,500\nok\n\n2\n00:00:01,600 --> 00:00:01,900\n\xA7\x41\xA6\x6E\n"));
    for (const QString &id : films) {
        const QString base = QStringLiteral("films/") + id;
        programme.setSubtitleFiles(id, {{QStringLiteral("en"), base + QStringLiteral(".en.srt")},
                                        {QStringLiteral("zh-Hant"), base + (id == films[0] ? QStringLiteral(".zh-Hant.vtt")
                                                                                           : QStringLiteral(".zh-Hant.srt"))}});
    }
    const QDateTime start = ScenarioProgramme::at(25);
    programme.addScreening(QStringLiteral("S-SUB"), QStringLiteral("CINE-1"), start, films + QStringList{QStringLiteral("LONG")});
    // Two screens whose players are not installed yet: listed, never waited for.
    for (const char *screen : {"EMPTY-1", "EMPTY-2"}) {
        programme.addScreen(QLatin1String(screen));
        programme.addScreening(QStringLiteral("S-%1").arg(QLatin1String(screen)), QLatin1String(screen), start,
                               {QStringLiteral("LONG")});
    }

    MosquittoProcess broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    const QString programmeFile = dir.filePath(QStringLiteral("programme.json"));
    QVERIFY2(programme.write(programmeFile, &error), qPrintable(error));
    ScenarioController controller({broker.url(), dir.path(), {}, programmeFile, 0, {QStringLiteral("organiser")}, {}});
    QVERIFY2(controller.start(&error), qPrintable(error));
    StatusWatcher watcher(broker.url());
    QVERIFY(watcher.connectToBroker());
    PlayerProcess player({QStringLiteral("CINE-1"), broker.url(), dir.path(), media, controller.clockPort()});
    QVERIFY2(player.start(&error), qPrintable(error));

    // Every status's error, by item: what staff read in festctl nodes and on the console.
    auto errorsSeen = [&] {
        QHash<QString, QJsonObject> seen;
        for (const auto &r : watcher.of(player.account())) {
            const QJsonObject e = r.status.value(QStringLiteral("lastError")).toObject();
            if (!e.isEmpty())
                seen.insert(e.value(QStringLiteral("itemId")).toString(), e);
        }
        return seen;
    };
    const QString big5 = QStringLiteral("S-SUB/SUB-BIG5"), gone = QStringLiteral("S-SUB/SUB-GONE");
    QTRY_VERIFY_WITH_TIMEOUT(errorsSeen().contains(big5) && errorsSeen().contains(gone), 20000);
    QVERIFY2(QDateTime::currentDateTimeUtc() < start, "the problems should be known before the screening");

    // festctl media check, as booth staff run it: every film, worst first, with its facts.
    QJsonArray checked;
    QTRY_VERIFY_WITH_TIMEOUT([&] {
        const FestctlRun run = FestctlRun::run(broker.url(), {"--json", "media", "check", "--screen", "CINE-1"}, QStringLiteral("staff"));
        checked = QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("films")).toArray();
        // Every film checked: one still being checked would sort among the unknowns.
        return checked.size() == 4 && std::all_of(checked.begin(), checked.end(), [](const QJsonValue &v) {
                   return v.toObject().value(QStringLiteral("checked")).toBool();
               });
    }(), 20000);
    QCOMPARE(checked.at(0).toObject().value(QStringLiteral("film")).toString(), QStringLiteral("LONG"));
    QCOMPARE(checked.at(0).toObject().value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
    QVERIFY2(checked.at(0).toObject().value(QStringLiteral("problems")).toArray().at(0).toString().contains(
                 QStringLiteral("the end would be cut off")), qPrintable(QJsonDocument(checked.at(0).toObject()).toJson()));
    QStringList order;
    for (const QJsonValue &v : checked)
        order << v.toObject().value(QStringLiteral("film")).toString() + u':' + v.toObject().value(QStringLiteral("severity")).toString();
    QCOMPARE(order, (QStringList{"LONG:error", "SUB-BIG5:warning", "SUB-GONE:warning", "SUB-GOOD:ok"}));
    const QJsonObject good = checked.at(3).toObject();
    QCOMPARE(good.value(QStringLiteral("subtitles")).toArray(), (QJsonArray{"en", "zh-Hant"}));
    QVERIFY(good.value(QStringLiteral("videoCodec")).toString().contains(QStringLiteral("VP8")));
    QCOMPARE(good.value(QStringLiteral("durationMs")).toInteger() / 100, 20);
    QVERIFY(good.value(QStringLiteral("loudnessLufs")).isDouble());
    QVERIFY(good.value(QStringLiteral("decodeSpeed")).toDouble() > 1.0);
    const FestctlRun table = FestctlRun::run(broker.url(), {"media", "check", "--screen", "CINE-1"}, QStringLiteral("staff"));
    QCOMPARE(table.exitCode, 1);   // an error: scripts can tell
    QVERIFY2(table.out.contains(QStringLiteral("4 film(s) checked: 1 with errors, 2 with warnings")), qPrintable(table.out));
    qInfo("%s", qPrintable(table.out));
    // The whole festival: the screens without a player are named at once. (Waiting for
    // each one's status for festctl's --timeout, 10 s here, would outlast the run's 20 s.)
    const FestctlRun all = FestctlRun::run(broker.url(), {"media", "check"}, QStringLiteral("staff"), 20000);
    QCOMPARE(all.exitCode, 1);
    for (const char *screen : {"EMPTY-1", "EMPTY-2"})
        QVERIFY2(all.out.contains(QStringLiteral("Not checked: player-%1 has never been on the bus").arg(QLatin1String(screen))),
                 qPrintable(all.out + all.err));
    QVERIFY2(all.out.contains(QStringLiteral("S-SUB/SUB-GOOD")), qPrintable(all.out));
    const QJsonObject invalid = errorsSeen().value(big5), missing = errorsSeen().value(gone);
    QCOMPARE(invalid.value(QStringLiteral("code")).toString(), QStringLiteral("subtitle_invalid"));
    QVERIFY2(invalid.value(QStringLiteral("message")).toString().contains(QStringLiteral("films/SUB-BIG5.zh-Hant.srt line 7: this line is not UTF-8")),
             qPrintable(invalid.value(QStringLiteral("message")).toString()));
    QCOMPARE(missing.value(QStringLiteral("code")).toString(), QStringLiteral("subtitle_missing"));
    QVERIFY2(missing.value(QStringLiteral("message")).toString().contains(QStringLiteral("films/SUB-GONE.en.srt: subtitle file is missing")),
             qPrintable(missing.value(QStringLiteral("message")).toString()));

    // Every film still starts on its instant, the ones with subtitle problems included.
    const QDateTime over = start.addSecs(8 + 2);
    QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentDateTimeUtc() > over, 60000);
    qint64 worstMs = 0;
    for (const QString &film : films) {
        const QString item = QStringLiteral("S-SUB/") + film;
        const std::optional<qint64> deviation = watcher.startDeviationMs(player.account(), item);
        QVERIFY2(deviation, qPrintable(QStringLiteral("%1 never played:\n%2").arg(item, watcher.timeline(player.account()))));
        QVERIFY2(std::abs(*deviation) <= 250, qPrintable(QStringLiteral("%1 started %2 ms off").arg(item).arg(*deviation)));
        worstMs = std::max(worstMs, std::abs(*deviation));
    }
    QVERIFY2(!errorsSeen().contains(QStringLiteral("S-SUB/SUB-GOOD")),
             qPrintable(QJsonDocument(errorsSeen().value(QStringLiteral("S-SUB/SUB-GOOD"))).toJson()));
    QVERIFY(player.terminate());
    QVERIFY(controller.terminate());
    ScenarioReport(QStringLiteral("subtitle files and media check through controller, player and festctl"))
        .set(QStringLiteral("films"), int(films.size()))
        .set(QStringLiteral("worst start deviation ms"), worstMs)
        .write();
}

QTEST_GUILESS_MAIN(tst_MediaCheck)
#include "tst_mediacheck.moc"
