// The player's status as the player writes it and as every reader reads it: one encoder,
// one decoder (core/protocol). The seam itself (a real player read by a real controller
// and a real kiosk) is tested in tests/scenarios/tst_screeningends.
#include "envelope.h"
#include "playerstatus.h"

#include <QJsonDocument>
#include <QTest>

using namespace fest;

class tst_PlayerStatus : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void theWillCarriesOnlyWhoIsGone();
    void screeningShownOnlyWhilePlayingOrHeld_data();
    void screeningShownOnlyWhilePlayingOrHeld();
    void refused_data();
    void refused();
    void accountsOfPlayers_data();
    void accountsOfPlayers();
    void lateMinutes_data();
    void lateMinutes();
};

static PlayerStatus playing()
{
    PlayerStatus s;
    s.screen = QStringLiteral("HALL-1");
    s.state = PlayerStatus::State::Playing;
    s.programmeVersion = 7;
    s.playlistSource = QStringLiteral("bus");
    s.clock = {true, -42, 180};
    s.droppedFrames = 3;
    s.volume = 0.5;
    s.sentAt = QDateTime(QDate(2026, 12, 5), QTime(14, 2, 3, 250), Qt::UTC);
    s.item = PlayerStatus::Item{QStringLiteral("S-0101/0"), QStringLiteral("S-0101"), QStringLiteral("F-005"),
                                QStringLiteral("The Library in the Fog"), QStringLiteral("霧中圖書館"),
                                QStringLiteral("霧の図書館"), 1796443200000000, 555000};
    s.positionMs = 61000;
    s.lateMs = 600000;
    s.next = PlayerStatus::Item{QStringLiteral("S-0101/1"), QStringLiteral("S-0101"), QStringLiteral("F-006"),
                                QStringLiteral("Next"), QString(), QString(), 1796443755000000, 60000};
    s.ended = PlayerStatus::Ended{QStringLiteral("S-0100"), 1796443100000000};
    s.lastError = PlayerStatus::Error{QStringLiteral("media_missing"), QStringLiteral("gone"), QStringLiteral("S-0100/0")};
    s.audio = PlayerStatus::Audio{QStringLiteral("5.1"), -23.0, -35.2, 12.2};
    s.video = PlayerStatus::Video{QStringLiteral("auto"), {QStringLiteral("vah264dec"), QStringLiteral("vah265dec")},
                                  QStringLiteral("vah265dec"), true};
    s.sections.insert(QStringLiteral("ceremony"), QJsonObject{{"seq", 4}, {"appliedAtUs", qint64(1796443200000001)}});
    return s;
}

void tst_PlayerStatus::roundTrip()
{
    const PlayerStatus s = playing();
    DecodeError error;
    const std::optional<PlayerStatus> back = PlayerStatus::decode(s.encode(), error);
    QVERIFY2(back, qPrintable(error.message));
    QCOMPARE(*back, s);
    // The field names of docs/protocol.md: item.screening and item.film.
    const QJsonObject body = QJsonDocument::fromJson(s.encode()).object();
    QCOMPARE(body.value("item").toObject().value("screening").toString(), QStringLiteral("S-0101"));
    QCOMPARE(body.value("item").toObject().value("film").toString(), QStringLiteral("F-005"));
    QCOMPARE(body.value("lateMs").toInteger(), 600000);
}

void tst_PlayerStatus::theWillCarriesOnlyWhoIsGone()
{
    const QJsonObject body = QJsonDocument::fromJson(PlayerStatus::offline(QStringLiteral("CINE-1")).encode()).object();
    QCOMPARE(body, (QJsonObject{{"type", "status"}, {"v", 1}, {"role", "player"}, {"screen", "CINE-1"}, {"state", "offline"}}));
    DecodeError error;
    const auto back = PlayerStatus::decode(PlayerStatus::offline(QStringLiteral("CINE-1")).encode(), error);
    QVERIFY(back && back->isOffline());
    QCOMPARE(back->screeningShown(), QString());
}

void tst_PlayerStatus::screeningShownOnlyWhilePlayingOrHeld_data()
{
    QTest::addColumn<PlayerStatus::State>("state");
    QTest::addColumn<QString>("shown");
    QTest::newRow("playing") << PlayerStatus::State::Playing << "S-0101";
    QTest::newRow("held") << PlayerStatus::State::Held << "S-0101";
    QTest::newRow("error") << PlayerStatus::State::Error << "";
    QTest::newRow("countdown") << PlayerStatus::State::Countdown << "";
    QTest::newRow("idle") << PlayerStatus::State::Idle << "";
}

void tst_PlayerStatus::screeningShownOnlyWhilePlayingOrHeld()
{
    QFETCH(PlayerStatus::State, state);
    QFETCH(QString, shown);
    PlayerStatus s = playing();
    s.state = state;
    QCOMPARE(s.screeningShown(), shown);
}

void tst_PlayerStatus::refused_data()
{
    QTest::addColumn<QJsonObject>("change");   // fields replaced in a valid status body
    QTest::addColumn<QString>("reason");
    QTest::newRow("a kiosk's role") << QJsonObject{{"role", "kiosk"}} << "role";
    QTest::newRow("unknown state") << QJsonObject{{"state", "dancing"}} << "state";
    QTest::newRow("screen with a slash") << QJsonObject{{"screen", "../../etc"}} << "screen";
    QTest::newRow("screening id with a slash")
        << QJsonObject{{"item", QJsonObject{{"id", "x"}, {"screening", "../../etc"}, {"film", "F-1"}, {"startUs", 1}}}} << "screening";
    QTest::newRow("absurd lateness") << QJsonObject{{"lateMs", 99999999999LL}} << "lateMs";
    QTest::newRow("volume above 1") << QJsonObject{{"volume", 3}} << "volume";
    QTest::newRow("unknown field") << QJsonObject{{"screeningId", "S-1"}} << "screeningId";
    QTest::newRow("audio without layout") << QJsonObject{{"audio", QJsonObject{{"gainDb", 3}}}} << "layout";
    QTest::newRow("absurd gain") << QJsonObject{{"audio", QJsonObject{{"layout", "stereo"}, {"gainDb", 400}}}} << "gainDb";
    QTest::newRow("video without decoding") << QJsonObject{{"video", QJsonObject{{"decoder", "avdec_h264"}}}} << "decoding";
    QTest::newRow("video decoders not a list") << QJsonObject{{"video", QJsonObject{{"decoding", "auto"}, {"hardwareDecoders", "va"}}}}
                                               << "hardwareDecoders";
    QTest::newRow("ended without its instant") << QJsonObject{{"ended", QJsonObject{{"screening", "S-1"}}}} << "atUs";
}

void tst_PlayerStatus::refused()
{
    QFETCH(QJsonObject, change);
    QFETCH(QString, reason);
    QJsonObject body = playing().toJson();
    for (auto it = change.begin(); it != change.end(); ++it)
        body.insert(it.key(), it.value());
    DecodeError error;
    QVERIFY(!PlayerStatus::decode(Envelope::encode(QStringLiteral("status"), body), error));
    QCOMPARE(error.kind, DecodeError::Kind::InvalidField);
    QVERIFY2(error.message.contains(reason), qPrintable(error.message));
}

void tst_PlayerStatus::accountsOfPlayers_data()
{
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("screen");
    QTest::newRow("player") << "player-HALL-1" << "HALL-1";
    QTest::newRow("kiosk") << "kiosk-01" << "";
    QTest::newRow("prefix only") << "player-" << "";
    QTest::newRow("controller") << "controller" << "";
    QTest::newRow("not at the start") << "x-player-HALL-1" << "";
}

void tst_PlayerStatus::accountsOfPlayers()
{
    QFETCH(QString, account);
    QFETCH(QString, screen);
    QCOMPARE(PlayerStatus::screenOfAccount(account), screen);
    if (!screen.isEmpty())
        QCOMPARE(PlayerStatus::accountForScreen(screen), account);
}

void tst_PlayerStatus::lateMinutes_data()
{
    QTest::addColumn<qint64>("lateMs");
    QTest::addColumn<int>("minutes");
    QTest::newRow("on time") << qint64(0) << 0;
    QTest::newRow("ahead (a chase)") << qint64(-4000) << 0;
    QTest::newRow("a slow start") << qint64(29'999) << 0;
    QTest::newRow("half a minute") << qint64(30'000) << 1;
    QTest::newRow("one minute") << qint64(60'000) << 1;
    QTest::newRow("just over") << qint64(60'001) << 2;
    QTest::newRow("ten minutes") << qint64(9 * 60'000 + 30'000) << 10;
    QTest::newRow("absurd") << qint64(99'999'999'999LL) << 24 * 60;
}

// The one "running N min late" figure of the kiosks, festctl and the voting windows.
void tst_PlayerStatus::lateMinutes()
{
    QFETCH(qint64, lateMs);
    QFETCH(int, minutes);
    QCOMPARE(PlayerStatus::lateMinutes(lateMs), minutes);
}

QTEST_GUILESS_MAIN(tst_PlayerStatus)
#include "tst_playerstatus.moc"
