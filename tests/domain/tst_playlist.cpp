#include "playlist.h"
#include "playlistjson.h"
#include "programme.h"
#include "programmejson.h"

#include <QJsonArray>

#include <QTest>

using namespace fest;

class tst_Playlist : public QObject
{
    Q_OBJECT

private slots:
    void blockItemsPlayBackToBack();
    void screeningsInStartOrder();
    void cancelledScreeningsAreSkipped();
    void otherScreensAreLeftOut();
    void unknownFilmIsSkippedNotFatal();
    void allScreensInOnePassMatchEachScreen();
    void microsecondsSinceEpoch_data();
    void microsecondsSinceEpoch();
    void screeningChoosesSubtitleLanguages();
    void subtitlesSurviveJsonBothWays();
};

static QDateTime hk(int day, int hour, int minute)
{
    return QDateTime(QDate(2026, 12, day), QTime(hour, minute), Qt::OffsetFromUTC, 8 * 3600);
}

static Film film(const QString &id, int seconds)
{
    Film f;
    f.id = id;
    f.originalTitle = id + QStringLiteral(" original");
    f.title = {id + QStringLiteral(" en"), id + QStringLiteral(" 中")};
    f.runtimeSeconds = seconds;
    f.media = QStringLiteral("films/%1.webm").arg(id);
    f.sha256 = QString(64, 'a');
    return f;
}

// Screen A: a block of three films at 14:30 and a single film at 11:00, listed out of order.
static Programme programme()
{
    Programme p;
    p.timeZone = QStringLiteral("Asia/Hong_Kong");
    p.festivalName = {"AI Film Festival", "AI電影節"};
    p.screens = {{"A", "V-1", {"Cinema A", "甲廳"}}, {"B", "V-1", {"Cinema B", "乙廳"}}};
    p.films = {film("F-1", 600), film("F-2", 90), film("F-3", 1201), film("F-4", 300)};
    p.screenings = {
        {"S-2", "A", hk(5, 14, 30), hk(5, 15, 30), {"F-1", "F-2", "F-3"}, {"Block", "組"}, Screening::Status::Scheduled},
        {"S-1", "A", hk(5, 11, 0), hk(5, 11, 10), {"F-4"}, {}, Screening::Status::Scheduled},
        {"S-3", "B", hk(5, 11, 0), hk(5, 11, 10), {"F-4"}, {}, Screening::Status::Scheduled},
    };
    return p;
}

void tst_Playlist::blockItemsPlayBackToBack()
{
    const Playlist playlist = Playlist::forScreen(programme(), "A", 7);
    QCOMPARE(playlist.screenId, QStringLiteral("A"));
    QCOMPARE(playlist.programmeVersion, 7);
    QCOMPARE(playlist.items.size(), 4);
    const qint64 blockStart = Playlist::toUs(hk(5, 14, 30));
    QCOMPARE(playlist.items[1].startUs, blockStart);
    QCOMPARE(playlist.items[1].durationUs, 600 * qint64(1000000));
    QCOMPARE(playlist.items[2].startUs, blockStart + 600 * qint64(1000000));
    QCOMPARE(playlist.items[3].startUs, blockStart + 690 * qint64(1000000));
    QCOMPARE(playlist.items[3].durationUs, 1201 * qint64(1000000));
    for (const PlaylistItem &item : playlist.items.mid(1))
        QCOMPARE(item.screeningId, QStringLiteral("S-2"));
    QCOMPARE(playlist.items[2].filmId, QStringLiteral("F-2"));
    QCOMPARE(playlist.items[2].media, QStringLiteral("films/F-2.webm"));
    QCOMPARE(playlist.items[2].sha256, QString(64, 'a'));
    QCOMPARE(playlist.items[2].originalTitle, QStringLiteral("F-2 original"));
    QCOMPARE(playlist.items[2].title.zh, QStringLiteral("F-2 中"));
    // The audience's slates: the block's title on each of its films, none on a single
    // film; the festival's and the screen's names and the time zone of their times.
    QCOMPARE(playlist.items[2].screeningTitle, (LocalizedText{"Block", "組"}));
    QVERIFY(playlist.items[0].screeningTitle.isEmpty());
    QCOMPARE(playlist.festivalName, (LocalizedText{"AI Film Festival", "AI電影節"}));
    QCOMPARE(playlist.screenName, (LocalizedText{"Cinema A", "甲廳"}));
    QCOMPARE(playlist.timeZone, QStringLiteral("Asia/Hong_Kong"));
}

void tst_Playlist::screeningsInStartOrder()
{
    const Playlist playlist = Playlist::forScreen(programme(), "A", 1);
    QCOMPARE(playlist.items[0].screeningId, QStringLiteral("S-1"));
    QCOMPARE(playlist.items[0].startUs, Playlist::toUs(hk(5, 11, 0)));
    for (qsizetype i = 1; i < playlist.items.size(); ++i)
        QVERIFY(playlist.items[i - 1].endUs() <= playlist.items[i].startUs);
}

void tst_Playlist::cancelledScreeningsAreSkipped()
{
    Programme p = programme();
    p.screenings[0].status = Screening::Status::Cancelled;
    const Playlist playlist = Playlist::forScreen(p, "A", 2);
    QCOMPARE(playlist.items.size(), 1);
    QCOMPARE(playlist.items[0].screeningId, QStringLiteral("S-1"));
}

void tst_Playlist::otherScreensAreLeftOut()
{
    QCOMPARE(Playlist::forScreen(programme(), "B", 1).items.size(), 1);
    QVERIFY(Playlist::forScreen(programme(), "C", 1).items.isEmpty());
}

void tst_Playlist::unknownFilmIsSkippedNotFatal()
{
    Programme p = programme();
    p.screenings[0].filmIds.insert(1, "F-404");
    const Playlist playlist = Playlist::forScreen(p, "A", 1);
    QCOMPARE(playlist.items.size(), 4);
    QCOMPARE(playlist.items[2].startUs, Playlist::toUs(hk(5, 14, 30)) + 600 * qint64(1000000));
}

void tst_Playlist::allScreensInOnePassMatchEachScreen()
{
    Programme p = programme();
    p.screenings[0].status = Screening::Status::Cancelled;
    const QHash<QString, Playlist> all = Playlist::forAllScreens(p, 9);
    QCOMPARE(all.size(), p.screens.size());
    for (const Screen &screen : p.screens)
        QCOMPARE(all.value(screen.id), Playlist::forScreen(p, screen.id, 9));
}

void tst_Playlist::microsecondsSinceEpoch_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<qint64>("us");
    QTest::newRow("hong kong") << hk(5, 14, 30) << qint64(1796452200) * 1000000;
    QTest::newRow("same instant in utc") << QDateTime(QDate(2026, 12, 5), QTime(6, 30), Qt::UTC) << qint64(1796452200) * 1000000;
    QTest::newRow("milliseconds kept") << QDateTime(QDate(1970, 1, 1), QTime(0, 0, 1, 250), Qt::UTC) << qint64(1250000);
}

void tst_Playlist::microsecondsSinceEpoch()
{
    QFETCH(QDateTime, time);
    QFETCH(qint64, us);
    QCOMPARE(Playlist::toUs(time), us);
}


// A screening shows the films' first two subtitle files unless it names its languages:
// none, one, or two in the order of its lines; a film without a language shows no line.
void tst_Playlist::screeningChoosesSubtitleLanguages()
{
    Programme p = programme();
    p.films[0].subtitleFiles = {{"zh-Hant", "films/F-1.zh-Hant.srt"}, {"en", "films/F-1.en.srt"}, {"fr", "films/F-1.fr.vtt"}};
    p.films[1].subtitleFiles = {{"en", "films/F-2.en.vtt"}};
    auto filesOf = [](const Programme &programme, const QString &film) {
        const Playlist playlist = Playlist::forScreen(programme, "A", 1);
        for (const PlaylistItem &i : playlist.items) {
            if (i.filmId == film)
                return i.subtitles;
        }
        return SubtitleFiles{};
    };
    QCOMPARE(filesOf(p, "F-1"), (SubtitleFiles{{"zh-Hant", "films/F-1.zh-Hant.srt"}, {"en", "films/F-1.en.srt"}}));
    QCOMPARE(filesOf(p, "F-2"), (SubtitleFiles{{"en", "films/F-2.en.vtt"}}));
    QCOMPARE(filesOf(p, "F-3"), SubtitleFiles{});

    p.screenings[0].subtitleLanguages = QStringList{"en", "fr"};
    QCOMPARE(filesOf(p, "F-1"), (SubtitleFiles{{"en", "films/F-1.en.srt"}, {"fr", "films/F-1.fr.vtt"}}));
    QCOMPARE(filesOf(p, "F-2"), (SubtitleFiles{{"en", "films/F-2.en.vtt"}}));
    p.screenings[0].subtitleLanguages = QStringList{};
    QCOMPARE(filesOf(p, "F-1"), SubtitleFiles{});
}

void tst_Playlist::subtitlesSurviveJsonBothWays()
{
    Programme p = programme();
    p.films[0].subtitleFiles = {{"en", "films/F-1.en.srt"}, {"zh-Hant", "films/F-1.zh-Hant.srt"}};
    p.films[1].subtitleFiles = {{"zh-Hant", {}, true}};   // the film's own 繁中 track
    p.screenings[0].subtitleLanguages = QStringList{"zh-Hant"};
    p.screenings[1].subtitleLanguages = QStringList{};
    QList<ProgrammeError> errors;
    const auto back = ProgrammeJson::decode(ProgrammeJson::encode(p), &errors);
    QVERIFY2(back, qPrintable(errors.value(0).toString()));
    QCOMPARE(back->films[0].subtitleFiles, p.films[0].subtitleFiles);
    QCOMPARE(back->films[1].subtitleFiles, p.films[1].subtitleFiles);
    QCOMPARE(ProgrammeJson::toJson(p.films[1]).value("subtitleFiles").toArray().first().toObject(),
             (QJsonObject{{"language", "zh-Hant"}, {"embedded", true}}));
    QCOMPARE(back->screenings[0].subtitleLanguages, p.screenings[0].subtitleLanguages);
    QCOMPARE(back->screenings[1].subtitleLanguages, std::optional<QStringList>(QStringList{}));  // none, not "default"
    QCOMPARE(back->screenings[2].subtitleLanguages, std::nullopt);

    const Playlist playlist = Playlist::forScreen(p, "A", 1);
    const auto read = PlaylistJson::fromJson(PlaylistJson::toJson(playlist), &errors);
    QVERIFY2(read, qPrintable(errors.value(0).toString()));
    QCOMPARE(read->items, playlist.items);
    QCOMPARE(read->items.at(1).filmId, QStringLiteral("F-1"));
    QCOMPARE(read->items.at(1).subtitles, (SubtitleFiles{{"zh-Hant", "films/F-1.zh-Hant.srt"}}));
    bool embeddedInPlaylist = false;
    for (const PlaylistItem &item : read->items)
        embeddedInPlaylist = embeddedInPlaylist || item.subtitles == SubtitleFiles{{"zh-Hant", {}, true}};
    QVERIFY(embeddedInPlaylist);

    // A language twice, a tag that is not BCP 47, and an unknown field are refused by name.
    QJsonObject film = ProgrammeJson::toJson(p.films[0]);
    film.insert("subtitleFiles", QJsonArray{QJsonObject{{"language", "en"}, {"file", "a.srt"}},
                                            QJsonObject{{"language", "en"}, {"file", "b.srt"}},
                                            QJsonObject{{"language", "english!"}, {"file", "c.srt"}},
                                            QJsonObject{{"language", "fr"}, {"path", "d.srt"}},
                                            QJsonObject{{"language", "de"}, {"file", "e.srt"}, {"embedded", true}}});
    errors.clear();
    QVERIFY(!ProgrammeJson::filmFromJson(film, "films[0]", &errors));
    const QString all = [&] { QStringList l; for (const auto &e : errors) l << e.toString(); return l.join('\n'); }();
    QVERIFY2(all.contains("en is listed twice"), qPrintable(all));
    QVERIFY2(all.contains("BCP 47"), qPrintable(all));
    QVERIFY2(all.contains("path"), qPrintable(all));
    QVERIFY2(all.contains("give either a file or \"embedded\": true"), qPrintable(all));
}

QTEST_GUILESS_MAIN(tst_Playlist)
#include "tst_playlist.moc"
