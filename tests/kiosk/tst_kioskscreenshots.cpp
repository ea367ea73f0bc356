#include "projectbinaries.h"

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;

// festival-kiosk --screenshot renders every screen in English and 繁體中文, landscape
// 1920x1080 and portrait 1080x1920, as it is and with the reading help on (larger text,
// high contrast), offscreen with the software renderer. The PNGs are
// kept in the build folder (kiosk-screenshots/) for people to look at.
class tst_KioskScreenshots : public QObject
{
    Q_OBJECT
private slots:
    void rendersEveryScreenInBothLanguagesAndOrientations();
};

void tst_KioskScreenshots::rendersEveryScreenInBothLanguagesAndOrientations()
{
    const QString kiosk = projectBinary(QStringLiteral("festival-kiosk"));
    QVERIFY2(!kiosk.isEmpty(), "festival-kiosk is not built");
    QTemporaryDir work;
    const QString out = QDir(projectBinaryDir()).absoluteFilePath(QStringLiteral("../kiosk-screenshots"));
    QDir(out).removeRecursively();
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedChannels);
    p.start(kiosk, {"--programme", QString::fromLocal8Bit(qgetenv("FEST_SOURCE_DIR")) + "/config/programme.sample.json",
                    "--set", "kiosk/outbox=" + work.filePath("outbox.db"), "--set", "kiosk/venue=V-HALL",
                    "--set", "kiosk/film_link=https://festival.example/films/{film}",
                    "--now", "2026-12-05T14:40:00+08:00", "--screenshot", out});
    QVERIFY(p.waitForFinished(280000));
    QCOMPARE(p.exitCode(), 0);
    const QStringList pngs = QDir(out).entryList({"*.png"});
    QCOMPARE(pngs.size(), 2 * 2 * 2 * 19);
    for (const char *orientation : {"landscape", "portrait"}) {
        for (const char *language : {"en", "zh_HK"}) {
            for (const char *reading : {"", "large-"}) {
                for (const char *screen : {"home", "programme", "film", "screening", "vote-code", "vote-thanks", "staff",
                                           "ceremony-title", "ceremony-nominee", "ceremony-reveal"}) {
                    const QString name = QStringLiteral("%1-%2-%3%4.png").arg(orientation, language, reading, screen);
                    const QImage image(QDir(out).filePath(name));
                    QVERIFY2(!image.isNull(), qPrintable(name));
                    QCOMPARE(image.size(), qstrcmp(orientation, "landscape") == 0 ? QSize(1920, 1080) : QSize(1080, 1920));
                }
            }
        }
    }
    // The reading help really changes the page.
    QVERIFY(QImage(QDir(out).filePath("landscape-en-home.png")) != QImage(QDir(out).filePath("landscape-en-large-home.png")));
    // The ceremony cards show their cue (a title card is not the reveal), the same in both
    // languages (the view is bilingual already).
    QVERIFY(QImage(QDir(out).filePath("landscape-en-ceremony-title.png")) != QImage(QDir(out).filePath("landscape-en-ceremony-reveal.png")));
    QVERIFY(QImage(QDir(out).filePath("landscape-en-ceremony-reveal.png")) != QImage(QDir(out).filePath("landscape-en-ceremony.png")));
    // The two languages really differ on screen (the translation was loaded).
    QVERIFY(QImage(QDir(out).filePath("landscape-en-home.png")) != QImage(QDir(out).filePath("landscape-zh_HK-home.png")));
}

QTEST_GUILESS_MAIN(tst_KioskScreenshots)
#include "tst_kioskscreenshots.moc"
