// The kiosk's camera reads a ticket's QR code: a real GStreamer pipeline with zbar, shown
// the very image printed on tickets (TicketQr, as `festctl tickets issue` writes it).
// A missing camera is an error with words for staff, and the kiosk is tried again.
#include "ticketcamera.h"
#include "ticketissuer.h"
#include "ticketqr.h"

#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;

class tst_TicketCamera : public QObject
{
    Q_OBJECT
private slots:
    void readsTheTicketsQrCode_data()
    {
        QTest::addColumn<QString>("printed");
        QTest::addColumn<int>("modulePixels");
        QTest::addColumn<QString>("code");
        const QString code = TicketIssuer(4, QByteArray(32, 'c')).issueOne();
        QString plain = code;
        plain.remove(u'-');
        QTest::newRow("ticket") << code << 8 << code;
        QTest::newRow("small print") << code << 3 << code;
        QTest::newRow("link") << "https://vote.example/t/" + plain << 6 << code;
    }
    void readsTheTicketsQrCode()
    {
        QFETCH(QString, printed);
        QFETCH(int, modulePixels);
        QFETCH(QString, code);
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("ticket.png"));
        // On a grey card, as a camera would see a ticket on a counter.
        const QImage qr = TicketQr::image(printed, modulePixels);
        QVERIFY(!qr.isNull());
        QImage card(640, 480, QImage::Format_RGB32);
        card.fill(QColor(120, 120, 120));
        {
            QPainter p(&card);
            p.drawImage((card.width() - qr.width()) / 2, (card.height() - qr.height()) / 2, qr);
        }
        QVERIFY(card.save(png));

        TicketCamera camera;
        QSignalSpy scanned(&camera, &TicketCamera::scanned);
        camera.start(QStringLiteral("filesrc location=\"%1\" ! pngdec ! imagefreeze").arg(png));
        QVERIFY2(camera.errorString().isEmpty(), qPrintable(camera.errorString()));
        QVERIFY(scanned.wait(15000));
        QCOMPARE(scanned.at(0).at(0).toString(), code);
        // Held in front of the lens, a ticket is one scan.
        QVERIFY(!scanned.wait(1000));
        QCOMPARE(scanned.count(), 1);
    }

    void missingCameraSaysWhatToDo()
    {
        TicketCamera camera;
        QSignalSpy errors(&camera, &TicketCamera::errorChanged);
        camera.setRetryMs(200);
        camera.start(QStringLiteral("/dev/video-not-here"));
        QCOMPARE(camera.error(), TicketCamera::Error::NoSuchDevice);
        QVERIFY(camera.errorString().contains(QLatin1String("/dev/video-not-here")));
        QVERIFY(camera.errorString().contains(QLatin1String("[scanner] camera")));
        QVERIFY(!camera.running());
        camera.stop();
        QCOMPARE(camera.error(), TicketCamera::Error::None);
    }

    void unusableSourceIsAnError()
    {
        TicketCamera camera;
        camera.start(QStringLiteral("no-such-element-anywhere"));
        QCOMPARE(camera.error(), TicketCamera::Error::NotPlaying);
        QVERIFY(camera.errorString().contains(QLatin1String("no-such-element-anywhere")));
        QVERIFY(!camera.running());
    }
};

QTEST_MAIN(tst_TicketCamera)
#include "tst_ticketcamera.moc"
