// A film page's QR code takes the film to the visitor's phone: [kiosk] film_link is
// checked when the kiosk starts, and the code on screen, read back by a real zbar
// pipeline, is the film's address.
#include "config.h"
#include "gstreamerinit.h"
#include "kiosk.h"
#include "sampleprogramme.h"

#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

#include <gst/gst.h>

using namespace fest;

namespace {

// What a phone's camera would read from `png`: zbar's first symbol, empty when none.
QString readQr(const QString &png)
{
    GStreamerInit::ensure();
    GError *error = nullptr;
    const QString description = QStringLiteral("filesrc location=\"%1\" ! pngdec ! videoconvert ! zbar ! fakesink").arg(png);
    GstElement *pipeline = gst_parse_launch(description.toUtf8().constData(), &error);
    if (!pipeline) {
        qWarning("%s", error ? error->message : "no pipeline");
        g_clear_error(&error);
        return {};
    }
    gst_element_set_state(pipeline, GST_STATE_PLAYING);
    GstBus *bus = gst_element_get_bus(pipeline);
    QString symbol;
    for (;;) {
        GstMessage *m = gst_bus_timed_pop_filtered(bus, 10 * GST_SECOND,
            GstMessageType(GST_MESSAGE_ELEMENT | GST_MESSAGE_EOS | GST_MESSAGE_ERROR));
        if (!m)
            break;
        const GstStructure *s = gst_message_get_structure(m);
        const bool barcode = GST_MESSAGE_TYPE(m) == GST_MESSAGE_ELEMENT && s && gst_structure_has_name(s, "barcode");
        if (barcode)
            symbol = QString::fromUtf8(gst_structure_get_string(s, "symbol"));
        const bool done = barcode || GST_MESSAGE_TYPE(m) != GST_MESSAGE_ELEMENT;
        gst_message_unref(m);
        if (done)
            break;
    }
    gst_object_unref(bus);
    gst_element_set_state(pipeline, GST_STATE_NULL);
    gst_object_unref(pipeline);
    return symbol;
}

} // namespace

class tst_FilmLink : public QObject
{
    Q_OBJECT
private slots:
    void patternIsChecked_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("usable");
        QTest::newRow("https") << "https://festival.example/films/{film}" << true;
        QTest::newRow("query") << "http://festival.example/film?id={film}&lang=en" << true;
        QTest::newRow("no placeholder") << "https://festival.example/films/" << false;
        QTest::newRow("no host") << "https:///films/{film}" << false;
        QTest::newRow("not the web") << "file:///etc/{film}" << false;
        QTest::newRow("not an address") << "festival films {film}" << false;
    }
    void patternIsChecked()
    {
        QFETCH(QString, pattern);
        QFETCH(bool, usable);
        QCOMPARE(KioskConfig::filmLinkUsable(pattern), usable);
    }

    void badPatternStopsTheKioskWithTheKey()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("kiosk.ini"));
        QFile f(ini);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[kiosk]\nid=kiosk-1\nprogramme=" + SampleProgramme::path().toUtf8() + "\nfilm_link=https://festival.example/films/\n");
        f.close();
        const KioskConfig config = KioskConfig::fromConfig(Config::fromFile(ini));
        QVERIFY(!config.ok());
        QVERIFY2(config.errors.join(u'\n').contains(QLatin1String("film_link")), qPrintable(config.errors.join(u'\n')));
        QVERIFY(config.errors.join(u'\n').contains(QLatin1String("{film}")));
    }

    void codeOnScreenIsTheFilmsAddress()
    {
        QTemporaryDir dir;
        KioskConfig config;
        config.kioskId = QStringLiteral("kiosk-test");
        config.programmeFile = SampleProgramme::path();
        config.outboxPath = dir.filePath(QStringLiteral("outbox.db"));
        config.filmLink = QStringLiteral("https://festival.example/films/{film}?from=kiosk");
        Kiosk kiosk(config);
        QString error;
        QVERIFY2(kiosk.start(&error), qPrintable(error));

        const QString link = kiosk.filmLink(QStringLiteral("F-001"));
        QCOMPARE(link, QStringLiteral("https://festival.example/films/F-001?from=kiosk"));
        QCOMPARE(kiosk.filmLink(QStringLiteral("F-999")), QString());   // not in the programme

        const QString url = kiosk.qrImage(link);
        QVERIFY(url.startsWith(QLatin1String("data:image/png;base64,")));
        const QByteArray png = QByteArray::fromBase64(url.section(u',', 1).toLatin1());
        QImage image;
        QVERIFY(image.loadFromData(png, "PNG"));
        // On a grey card, as a phone sees the kiosk's screen.
        QImage card(640, 480, QImage::Format_RGB32);
        card.fill(QColor(40, 44, 52));
        {
            QPainter p(&card);
            p.drawImage((card.width() - image.width()) / 2, (card.height() - image.height()) / 2, image);
        }
        const QString file = dir.filePath(QStringLiteral("screen.png"));
        QVERIFY(card.save(file));
        QCOMPARE(readQr(file), link);
    }

    void withoutAPatternNoCode()
    {
        QTemporaryDir dir;
        KioskConfig config;
        config.programmeFile = SampleProgramme::path();
        config.outboxPath = dir.filePath(QStringLiteral("outbox.db"));
        Kiosk kiosk(config);
        QString error;
        QVERIFY2(kiosk.start(&error), qPrintable(error));
        QCOMPARE(kiosk.filmLink(QStringLiteral("F-001")), QString());
    }
};

QTEST_MAIN(tst_FilmLink)
#include "tst_filmlink.moc"
