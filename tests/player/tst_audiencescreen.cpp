// What the audience sees on a screen, from the real player window (PlayerWindow.qml with
// its ceremony overlay, qml6glsink on Xvfb + Mesa at 1920x1080), a real player node and a
// real broker: the slate names the festival, the screen and the next screening with its
// time; a film that fails shows the slate, never the staff's error (which the status on
// the bus still carries); after the last screening of the day a thank-you slate; the
// ceremony's reveal as a full-screen card. Each state is checked on the QML items by
// objectName and kept as a screenshot in <build>/player-screenshots/ to look at.
#include "ceremonydirector.h"
#include "ceremonystate.h"
#include "mediagenerator.h"
#include "mosquittoprocess.h"
#include "playernode.h"
#include "playerview.h"
#include "projectbinaries.h"
#include "screenbus.h"
#include "showclock.h"
#include "showclockprovider.h"
#include "xvfbdisplay.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QtQml/qqmlextensionplugin.h>

#include <memory>

#include <gst/gst.h>

Q_IMPORT_QML_PLUGIN(Festival_PlayerPlugin)
Q_IMPORT_QML_PLUGIN(Festival_CeremonyPlugin)

using namespace fest;

namespace {
const QString kScreen = QStringLiteral("CINE-1");
const QSize kOutput(1920, 1080);

// White or the festival's gold: the slates' and cards' type.
bool isBright(QRgb c) { return qRed(c) > 200 && qGreen(c) > 180; }

// Rows of the picture with bright (text) pixels.
int brightRows(const QImage &image)
{
    int rows = 0;
    for (int y = 0; y < image.height(); ++y) {
        int bright = 0;
        for (int x = 0; x < image.width(); x += 2)
            bright += isBright(image.pixel(x, y)) ? 1 : 0;
        rows += bright >= 3 ? 1 : 0;
    }
    return rows;
}
} // namespace

class tst_AudienceScreen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void slateNamesTheScreenAndTheNextScreening();
    void failedFilmShowsTheSlateNotTheError();
    void endOfDaySlateAfterTheLastScreening();
    void festivalEndedSlate();
    void blackoutStaysBlack();
    void ceremonyRevealReadsFromTheBackRow();

private:
    // A playlist of this screen with the festival's and the screen's names; items are
    // (screening, media file, start, duration, screening title).
    struct Entry { QString screening, media; qint64 startUs, durationUs; QString blockEn, blockZh; };
    Playlist playlist(const QList<Entry> &entries) const;
    QString text(const char *objectName) const;
    bool shown(const char *objectName) const;
    // The window as the audience sees it, kept as <name>.png.
    QImage shoot(const QString &name);
    // Every visible text in the window, for what must never be there.
    QStringList visibleTexts() const;
    qint64 nowUs() const { return m_clock->nowUs(); }
    // A time zone in which `us` falls on the same day as now (Hong Kong, unless its
    // midnight lies between them).
    QString zoneKeepingTheDay(qint64 us) const;

    QTemporaryDir m_dir;
    QString m_shots;
    MosquittoProcess m_broker;
    std::unique_ptr<ShowClockProvider> m_provider;
    std::unique_ptr<ShowClock> m_clock;
    std::unique_ptr<ScreenBus> m_bus;
    std::unique_ptr<PlayerView> m_view;
    std::unique_ptr<PlayerNode> m_node;
    std::unique_ptr<CeremonyDirector> m_ceremony;
    std::unique_ptr<QQmlApplicationEngine> m_qml;
    QQuickWindow *m_window = nullptr;
    QString m_zone = QStringLiteral("Asia/Hong_Kong");
};

void tst_AudienceScreen::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_shots = QDir(projectBinaryDir()).absoluteFilePath(QStringLiteral("../player-screenshots"));
    QDir(m_shots).removeRecursively();
    QVERIFY(QDir().mkpath(m_shots));
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("media/films")));
    MediaGenerator::Options o;
    o.seconds = 3;
    o.label = QStringLiteral("F-1");
    QCOMPARE(MediaGenerator::generate(m_dir.filePath(QStringLiteral("media/films/F-1.webm")), o), QString());
    // A film that stops in its first cluster: the file a disk left half-copied.
    QFile good(m_dir.filePath(QStringLiteral("media/films/F-1.webm")));
    QVERIFY(good.open(QIODevice::ReadOnly));
    QFile broken(m_dir.filePath(QStringLiteral("media/films/F-013.webm")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(good.read(300));
    broken.close();

    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error));
    m_provider = std::make_unique<ShowClockProvider>(0, QStringLiteral("127.0.0.1"));
    QVERIFY2(m_provider->isValid(), qPrintable(m_provider->errorString()));
    m_clock = std::make_unique<ShowClock>(QStringLiteral("127.0.0.1"), m_provider->port());
    QVERIFY(m_clock->waitForSync(5000));
    m_bus = std::make_unique<ScreenBus>(m_broker, kScreen);
    QVERIFY(m_bus->connectToBroker());

    // Wired as festival-player's window mode (player/app/main.cpp) wires it.
    PlayerSettings s;
    s.screen = kScreen;
    s.account = PlayerStatus::accountForScreen(kScreen);
    s.broker.host = m_broker.host();
    s.broker.port = m_broker.port();
    s.broker.username = s.account;
    s.broker.clientId = s.account;
    s.mediaFolder = m_dir.filePath(QStringLiteral("media"));
    s.cachePath = m_dir.filePath(QStringLiteral("cache.json"));
    s.clockPort = m_provider->port();
    s.prerollLeadMs = 1500;
    s.fullScreen = false;
    s.targetLufs.reset();
    s.audioSink = QStringLiteral("fakesink sync=true");
    m_view = std::make_unique<PlayerView>(s.screen);
    PlaybackEngine::Options options = PlayerNode::engineOptions(s);
    PlayerView *view = m_view.get();
    options.videoSinkFactory = [view](const PlaybackItem &item) { return view->makeVideoSink(item.id); };
    options.stateChangeRunner = [view](std::function<void()> job) { view->runOnRenderThread(std::move(job)); };
    m_node = std::make_unique<PlayerNode>(s, options);
    m_view->follow(m_node.get());
    PlayerView::setInstance(m_view.get());
    CeremonyDirector::Options c;
    c.mediaFolder = s.mediaFolder;
    c.audioSink = s.audioSink;
    c.videoSinkFactory = [this](int video) {
        return CeremonyDirector::makeQmlVideoSink(
            m_window->findChild<QObject *>(video == 0 ? QStringLiteral("ceremonyVideo0") : QStringLiteral("ceremonyVideo1")));
    };
    m_ceremony = std::make_unique<CeremonyDirector>(nullptr, m_node->clock(), m_node->engine(), c);
    CeremonyDirector::setInstance(m_ceremony.get());

    GstElement *probe = gst_element_factory_make("qml6glsink", nullptr);
    QVERIFY2(probe, "qml6glsink is missing: install gstreamer1.0-qt6");
    gst_object_unref(probe);
    m_qml = std::make_unique<QQmlApplicationEngine>();
    m_qml->addImportPath(QStringLiteral("qrc:/"));
    m_qml->load(QUrl(QStringLiteral("qrc:/Festival/Player/PlayerWindow.qml")));
    QVERIFY(!m_qml->rootObjects().isEmpty());
    m_window = qobject_cast<QQuickWindow *>(m_qml->rootObjects().first());
    QVERIFY(m_window);
    m_view->setVideoItems(m_window->findChild<QObject *>(QStringLiteral("video0")),
                          m_window->findChild<QObject *>(QStringLiteral("video1")));
    m_window->setFlags(m_window->flags() | Qt::FramelessWindowHint);
    m_window->setGeometry(QRect(QPoint(0, 0), kOutput));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_node->start();
}

void tst_AudienceScreen::cleanupTestCase()
{
    if (m_node)
        m_node->shutdown();
    m_qml.reset();
    m_ceremony.reset();
    m_node.reset();
    m_view.reset();
}

Playlist tst_AudienceScreen::playlist(const QList<Entry> &entries) const
{
    static qint64 version = 0;
    Playlist p;
    p.screenId = kScreen;
    p.programmeVersion = ++version;
    p.festivalName = {QStringLiteral("AI Film Festival 2026"), QStringLiteral("AI 電影節 2026")};
    p.screenName = {QStringLiteral("Cinema 1"), QStringLiteral("一號影院")};
    p.timeZone = m_zone;
    for (const Entry &e : entries) {
        PlaylistItem item;
        item.screeningId = e.screening;
        item.filmId = QFileInfo(e.media).baseName();
        item.media = QStringLiteral("films/") + e.media;
        item.title = {QStringLiteral("The Afterlife of Aphrodite"), QStringLiteral("阿芙蘿黛蒂的來世")};
        item.screeningTitle = {e.blockEn, e.blockZh};
        item.startUs = e.startUs;
        item.durationUs = e.durationUs;
        p.items << item;
    }
    return p;
}

QString tst_AudienceScreen::zoneKeepingTheDay(qint64 us) const
{
    const auto day = [](qint64 at, const char *zone) {
        return QDateTime::fromMSecsSinceEpoch(at / 1000, QTimeZone(zone)).date();
    };
    return day(nowUs(), "Asia/Hong_Kong") == day(us, "Asia/Hong_Kong") ? QStringLiteral("Asia/Hong_Kong") : QStringLiteral("UTC");
}

QString tst_AudienceScreen::text(const char *objectName) const
{
    auto *item = m_window->findChild<QQuickItem *>(QString::fromLatin1(objectName));
    return item ? item->property("text").toString() : QStringLiteral("<no %1>").arg(QString::fromLatin1(objectName));
}

bool tst_AudienceScreen::shown(const char *objectName) const
{
    auto *item = m_window->findChild<QQuickItem *>(QString::fromLatin1(objectName));
    return item && item->isVisible() && item->opacity() > 0;
}

QStringList tst_AudienceScreen::visibleTexts() const
{
    QStringList texts;
    const auto items = m_window->findChildren<QQuickItem *>();
    for (QQuickItem *item : items) {
        const QVariant t = item->property("text");
        if (item->isVisible() && t.isValid() && !t.toString().isEmpty())
            texts << t.toString();
    }
    return texts;
}

QImage tst_AudienceScreen::shoot(const QString &name)
{
    QTest::qWait(100);   // the frame after the last change
    const QImage image = m_window->grabWindow();
    image.save(QDir(m_shots).filePath(name + QStringLiteral(".png")));
    const QString extra = qEnvironmentVariable("FEST_TEST_SCREENSHOTS");
    if (!extra.isEmpty())
        image.save(extra + QLatin1Char('/') + name + QStringLiteral(".png"));
    return image;
}

// Before a screening: the festival, the screen, the screening's title (a block's) and its
// time, and the countdown in the last hour.
void tst_AudienceScreen::slateNamesTheScreenAndTheNextScreening()
{
    const qint64 start = nowUs() + 20 * 60 * 1'000'000LL;
    m_zone = zoneKeepingTheDay(start);
    QVERIFY(m_bus->publish(playlist({{"S-0101", "F-1.webm", start, 3'000'000, "Shorts: Hong Kong Fantasia", "短片：香港的奇想"}})));
    QTRY_COMPARE_WITH_TIMEOUT(m_view->slate(), QStringLiteral("next"), 10000);
    QTRY_VERIFY(shown("slate"));
    QCOMPARE(text("slateFestivalEn"), QStringLiteral("AI Film Festival 2026"));
    QCOMPARE(text("slateFestivalZh"), QStringLiteral("AI 電影節 2026"));
    QCOMPARE(text("slateScreenEn"), QStringLiteral("Cinema 1"));
    QCOMPARE(text("slateScreenZh"), QStringLiteral("一號影院"));
    QCOMPARE(text("slateNextTitleEn"), QStringLiteral("Shorts: Hong Kong Fantasia"));
    QCOMPARE(text("slateNextTitleZh"), QStringLiteral("短片：香港的奇想"));
    const QString at = QDateTime::fromMSecsSinceEpoch(start / 1000, QTimeZone(m_zone.toUtf8())).toString(QStringLiteral("HH:mm"));
    QCOMPARE(text("slateWhenEn"), QStringLiteral("Starts at %1").arg(at));
    QCOMPARE(text("slateWhenZh"), QStringLiteral("%1 開始").arg(at));
    QVERIFY(shown("slateCountdown"));
    QVERIFY2(text("slateCountdown").startsWith(QStringLiteral("19:")) || text("slateCountdown").startsWith(QStringLiteral("20:")),
             qPrintable(text("slateCountdown")));
    const QImage shot = shoot(QStringLiteral("slate-next"));
    QCOMPARE(shot.size(), kOutput);
    QVERIFY(brightRows(shot) > 200);   // large white type: the titles, the screen's name
}

// A film of a block that cannot be played: the audience sees "The screening will
// continue shortly" (EN + 繁中) on the slate, no error, file or code; the player's status
// on the bus still carries the error for staff.
void tst_AudienceScreen::failedFilmShowsTheSlateNotTheError()
{
    const qint64 start = nowUs() + 2'500'000;
    m_zone = zoneKeepingTheDay(start + 600'000'000);
    QVERIFY(m_bus->publish(playlist({{"S-0102", "F-1.webm", start, 2'500'000, "Shorts 2", "短片二"},
                                     {"S-0102", "F-013.webm", start + 2'500'000, 8'000'000, "Shorts 2", "短片二"},
                                     {"S-0103", "F-1.webm", start + 600'000'000, 3'000'000, {}, {}}})));
    // The first film plays, then the second fails in the middle of the screening.
    QTRY_COMPARE_WITH_TIMEOUT(m_bus->status().value("state").toString(), QStringLiteral("playing"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_bus->status().value("state").toString(), QStringLiteral("error"), 10000);
    const QJsonObject lastError = m_bus->status().value("lastError").toObject();
    const QString message = lastError.value("message").toString();
    const QString code = lastError.value("code").toString();
    qInfo("status: %s: %s", qPrintable(code), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("F-013.webm")), qPrintable(message));
    QCOMPARE(lastError.value("itemId").toString(), QStringLiteral("S-0102/F-013"));

    QTRY_COMPARE(m_view->slate(), QStringLiteral("interrupted"));
    QTRY_VERIFY(shown("slate"));
    QCOMPARE(text("slateHeadlineEn"), QStringLiteral("The screening will continue shortly"));
    QCOMPARE(text("slateHeadlineZh"), QStringLiteral("放映將於稍後繼續"));
    QCOMPARE(text("slateScreenEn"), QStringLiteral("Cinema 1"));
    const QImage shot = shoot(QStringLiteral("slate-interrupted"));
    QVERIFY(brightRows(shot) > 100);   // the slate, not a black screen
    // Nothing for staff anywhere on the audience's picture.
    const QStringList texts = visibleTexts();
    QVERIFY(texts.contains(QStringLiteral("Cinema 1")));   // the check sees the window's texts
    for (const QString &t : texts) {
        QVERIFY2(!t.contains(QStringLiteral("F-013")) && !t.contains(m_dir.path()) && !t.contains(code)
                     && !t.contains(message.left(30)),
                 qPrintable(QStringLiteral("staff text on the audience's screen: %1").arg(t)));
    }
    // ... and no red error line (the old error text was #ff8080 at the bottom).
    int reddish = 0;
    for (int y = shot.height() * 3 / 4; y < shot.height(); y += 2) {
        for (int x = 0; x < shot.width(); x += 2) {
            const QRgb c = shot.pixel(x, y);
            reddish += qRed(c) > 200 && qGreen(c) < 160 && qBlue(c) < 160 ? 1 : 0;
        }
    }
    QCOMPARE(reddish, 0);
}

// After the day's last screening: thank you, see you tomorrow at the first screening's time.
void tst_AudienceScreen::endOfDaySlateAfterTheLastScreening()
{
    const qint64 over = nowUs() - 10 * 60 * 1'000'000LL;
    m_zone = zoneKeepingTheDay(over);
    const QTimeZone zone(m_zone.toUtf8());
    const QDate today = QDateTime::fromMSecsSinceEpoch(over / 1000, zone).date();
    const QDateTime tomorrow(today.addDays(1), QTime(10, 30), zone);
    QVERIFY(m_bus->publish(playlist({{"S-0104", "F-1.webm", over, 3'000'000, {}, {}},
                                     {"S-0201", "F-1.webm", tomorrow.toMSecsSinceEpoch() * 1000, 3'000'000, {}, {}}})));
    QTRY_COMPARE_WITH_TIMEOUT(m_view->slate(), QStringLiteral("dayEnded"), 10000);
    QTRY_VERIFY(shown("slate"));
    QCOMPARE(text("slateHeadlineEn"), QStringLiteral("Thank you for coming"));
    QCOMPARE(text("slateHeadlineZh"), QStringLiteral("多謝光臨"));
    QCOMPARE(text("slateWhenEn"), QStringLiteral("See you tomorrow at 10:30"));
    QCOMPARE(text("slateWhenZh"), QStringLiteral("明天 10:30 再見"));
    QVERIFY(!shown("slateNextTitleEn"));
    QVERIFY(!shown("slateCountdown"));
    QCOMPARE(text("slateScreenEn"), QStringLiteral("Cinema 1"));
    QVERIFY(brightRows(shoot(QStringLiteral("slate-day-ended"))) > 100);
}

// After the festival's last screening on this screen.
void tst_AudienceScreen::festivalEndedSlate()
{
    QVERIFY(m_bus->publish(playlist({{"S-0299", "F-1.webm", nowUs() - 600'000'000, 3'000'000, {}, {}}})));
    QTRY_COMPARE_WITH_TIMEOUT(m_view->slate(), QStringLiteral("festivalEnded"), 10000);
    QTRY_VERIFY(shown("slate"));
    QCOMPARE(text("slateHeadlineEn"), QStringLiteral("Thank you for coming"));
    QCOMPARE(text("slateWhenEn"), QStringLiteral("The festival has ended. See you next time!"));
    QVERIFY(brightRows(shoot(QStringLiteral("slate-festival-ended"))) > 100);
}

// Staff's blackout: black, slate or not.
void tst_AudienceScreen::blackoutStaysBlack()
{
    QVERIFY(m_view->slate() != QString());
    m_node->engine()->setBlackout(true);
    QTRY_VERIFY(m_view->blackout());
    QCOMPARE(brightRows(shoot(QStringLiteral("blackout"))), 0);
    m_node->engine()->setBlackout(false);
    QTRY_VERIFY(!m_view->blackout());
}

// The reveal on a cinema screen: a full-screen card (category, nominees, the winner, EN +
// 繁中) in large type, over the winner's clip behind a strong scrim.
void tst_AudienceScreen::ceremonyRevealReadsFromTheBackRow()
{
    auto film = [](const char *id, const char *en, const char *zh) {
        CueFilm f;
        f.id = QString::fromLatin1(id);
        f.title = {QString::fromUtf8(en), QString::fromUtf8(zh)};
        f.media = QStringLiteral("films/F-1.webm");
        return f;
    };
    Cue cue;
    cue.type = Cue::Type::Reveal;
    cue.categoryId = QStringLiteral("best-film");
    cue.heading = {QStringLiteral("Best Film"), QStringLiteral("最佳影片")};
    cue.nominees = {film("F-001", "The Afterlife of Aphrodite", "阿芙蘿黛蒂的來世"), film("F-002", "NeoNature", "NeoNature"),
                    film("F-003", "Project J", "Project J"), film("F-004", "燼舟渡", "燼舟渡")};
    cue.winner = cue.nominees.first();
    CeremonyState state;
    state.seq = 1;
    state.cueSeq = 1;
    state.active = true;
    state.count = 34;
    state.index = 13;
    state.executeAtUs = nowUs() + 300'000;
    state.expiresAtUs = state.executeAtUs + 2'000'000;
    state.sentAtUs = nowUs();
    state.cue = cue;
    m_ceremony->follower()->handlePayload(state.encode());
    QTRY_COMPARE_WITH_TIMEOUT(m_ceremony->follower()->cueType(), QStringLiteral("reveal"), 3000);
    QTRY_VERIFY_WITH_TIMEOUT(m_ceremony->clipVisible(), 5000);   // the winner's clip behind the card
    QTest::qWait(800);
    QVERIFY(shown("ceremonyCard"));
    QVERIFY(shown("ceremonyRevealEn"));
    QCOMPARE(text("ceremonyRevealEn"), QStringLiteral("And the winner is  ·  得獎者"));
    QCOMPARE(text("ceremonyHeadingEn"), QStringLiteral("Best Film"));
    QCOMPARE(text("ceremonyHeadingZh"), QStringLiteral("最佳影片"));
    QCOMPARE(text("ceremonyFilmEn"), QStringLiteral("The Afterlife of Aphrodite"));
    QCOMPARE(text("ceremonyFilmZh"), QStringLiteral("阿芙蘿黛蒂的來世"));
    QVERIFY(shown("ceremonyRevealNominees"));
    QVERIFY(text("ceremonyRevealNominees").contains(QStringLiteral("NeoNature")));
    // Large type: the winner's title at least 9% of the screen's height.
    auto *winner = m_window->findChild<QQuickItem *>(QStringLiteral("ceremonyFilmEn"));
    QVERIFY(winner->property("font").value<QFont>().pixelSize() >= kOutput.height() * 0.09);
    // No cue counter for the audience.
    for (const QString &t : visibleTexts())
        QVERIFY2(!t.contains(QStringLiteral("14 / 34")) && !t.contains(QStringLiteral("/ 34")), qPrintable(t));
    const QImage shot = shoot(QStringLiteral("ceremony-reveal"));
    QCOMPARE(shot.size(), kOutput);
    QVERIFY(brightRows(shot) > 150);

    state.seq = 2;
    state.active = false;
    state.cue.reset();
    state.executeAtUs = nowUs() + 300'000;
    state.expiresAtUs = state.executeAtUs + 2'000'000;
    m_ceremony->follower()->handlePayload(state.encode());
    QTRY_VERIFY_WITH_TIMEOUT(!m_ceremony->follower()->isActive(), 3000);
}

int main(int argc, char **argv)
{
    XvfbDisplay display;
    if (!display.start(10000, QStringLiteral("1920x1080"))) {
        qCritical("%s", qPrintable(display.errorString()));
        return 1;
    }
    qputenv("DISPLAY", display.name());
    qputenv("QT_QPA_PLATFORM", "xcb");
    qunsetenv("QT_QUICK_BACKEND");
    gst_init(&argc, &argv);
    QQuickWindow::setGraphicsApi(QSGRendererInterface::OpenGL);
    QGuiApplication app(argc, argv);
    tst_AudienceScreen test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_audiencescreen.moc"
