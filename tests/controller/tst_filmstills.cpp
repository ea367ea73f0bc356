// Films' stills end to end: a real broker, the real festival-controller and festctl, and
// the kiosk's own StillCache as the subscriber (docs/festctl.md "film still",
// docs/protocol.md "still", docs/kiosk.md "Stills").
#include "envelope.h"
#include "ffmpegmedia.h"
#include "messagetype.h"
#include "mosquittoprocess.h"
#include "mqttclient.h"
#include "mqttrequester.h"
#include "programmejson.h"
#include "projectbinaries.h"
#include "reply.h"
#include "request.h"
#include "stillcache.h"
#include "stillmessage.h"
#include "topics.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;

class tst_FilmStills : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void stillFromAPictureReachesTheKiosks();
    void stillFromAnH264FilmReachesTheKiosks();
    void clearedStillLeavesTheFilmAndTheBroker();
    void stillsComeBackAfterTheBrokerLostThem();
    void refusedStillsSayWhyAndChangeNothing_data();
    void refusedStillsSayWhyAndChangeNothing();
    void filmEditCannotNameAStill();
    void festctlRefusesWhatItCannotSend_data();
    void festctlRefusesWhatItCannotSend();

private:
    struct Run {
        int exitCode;
        QString out;
        QString err;
    };
    Run festctl(const QStringList &args, const QString &user = QStringLiteral("organiser"));
    bool startController();
    void stopController();
    // The kiosk's side: the programme and every still, as a kiosk subscribes to them.
    void subscribeKiosk();
    // film.still as another client than festctl could send it: any bytes at all.
    Reply requestStill(const QJsonObject &args, const QString &user = QStringLiteral("organiser"),
                       const QString &op = QStringLiteral("film.still"));
    QString writeFile(const QString &name, const QByteArray &data);
    static QByteArray jpeg(const QImage &image, int quality = 90);
    static QImage gradient(const QSize &size);
    static QImage noise(const QSize &size);
    static QString shaIn(const QString &festctlOutput);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MosquittoProcess> m_broker;
    std::unique_ptr<QProcess> m_controller;
    std::unique_ptr<MqttClient> m_kiosk;
    std::unique_ptr<StillCache> m_cache;
    Programme m_programme;      // as the kiosk last received it
    qint64 m_version = 0;
    QStringList m_dropped;      // why the cache refused messages
    QHash<QString, QByteArray> m_retained;   // still topic -> last payload seen
};

void tst_FilmStills::initTestCase()
{
    QVERIFY2(!projectBinary(QStringLiteral("festival-controller")).isEmpty(), "festival-controller was not built");
    QVERIFY2(!projectBinary(QStringLiteral("festctl")).isEmpty(), "festctl was not built");
}

void tst_FilmStills::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_broker = std::make_unique<MosquittoProcess>();
    QString error;
    QVERIFY2(m_broker->start(&error), qPrintable(error));
    QVERIFY(startController());
    subscribeKiosk();
    QTRY_VERIFY_WITH_TIMEOUT(m_version > 0, 10000);
}

void tst_FilmStills::cleanup()
{
    m_kiosk.reset();
    m_cache.reset();
    m_programme = {};
    m_version = 0;
    m_dropped.clear();
    m_retained.clear();
    stopController();
    m_broker.reset();
}

QString tst_FilmStills::writeFile(const QString &name, const QByteArray &data)
{
    const QString path = m_dir->filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

bool tst_FilmStills::startController()
{
    const QString ini = writeFile(QStringLiteral("controller.ini"),
                                  QStringLiteral("[broker]\nurl=%1\n[database]\npath=%2\n[clock]\nport=0\n"
                                                 "[programme]\nseed=%3/config/programme.sample.json\n"
                                                 "[roles]\norganiser=organiser\nstaff=booth\n")
                                      .arg(m_broker->url(), m_dir->filePath(QStringLiteral("controller.db")),
                                           qEnvironmentVariable("FEST_SOURCE_DIR"))
                                      .toUtf8());
    m_controller = std::make_unique<QProcess>();
    m_controller->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_controller->start(projectBinary(QStringLiteral("festival-controller")), {QStringLiteral("--config"), ini});
    if (!m_controller->waitForStarted())
        return false;
    MqttOptions options = *MqttOptions::fromUrl(m_broker->url(), nullptr);
    options.clientId = QStringLiteral("stills-ready");
    MqttClient observer(options);
    observer.subscribe(Topics::nodeStatus(Topics::controllerAccount()));
    bool online = false;
    connect(&observer, &MqttClient::messageReceived, this, [&](const MqttMessage &m) { online = m.payload.contains("\"online\""); });
    observer.open();
    return QTest::qWaitFor([&] { return online; }, 10000);
}

void tst_FilmStills::stopController()
{
    if (m_controller && m_controller->state() != QProcess::NotRunning) {
        m_controller->terminate();
        if (!m_controller->waitForFinished(5000))
            m_controller->kill();
        m_controller->waitForFinished();
    }
    m_controller.reset();
}

void tst_FilmStills::subscribeKiosk()
{
    m_cache = std::make_unique<StillCache>();
    QVERIFY(m_cache->setFolder(m_dir->filePath(QStringLiteral("kiosk/stills"))));
    MqttOptions options = *MqttOptions::fromUrl(m_broker->url(), nullptr);
    options.clientId = QStringLiteral("stills-kiosk");
    options.username = QStringLiteral("kiosk-01");
    m_kiosk = std::make_unique<MqttClient>(options);
    m_kiosk->subscribe(Topics::programme());
    m_kiosk->subscribe(Topics::still(QStringLiteral("+")));
    connect(m_kiosk.get(), &MqttClient::messageReceived, this, [this](const MqttMessage &m) {
        if (m.topic == Topics::programme()) {
            const std::optional<QJsonObject> body = Envelope::decode(m.payload, MessageType::programme(), JsonLimits::programme());
            QList<ProgrammeError> errors;
            const std::optional<Programme> p = body ? ProgrammeJson::fromJson(body->value(QStringLiteral("programme")).toObject(), &errors)
                                                    : std::nullopt;
            if (p) {
                m_programme = *p;
                m_version = body->value(QStringLiteral("version")).toInteger();
                m_cache->setProgramme(m_programme);
            }
            return;
        }
        m_retained.insert(m.topic, m.payload);
        QString why;
        if (!m_cache->applyMessage(m.topic, m.payload, &why))
            m_dropped << why;
    });
    m_kiosk->open();
}

tst_FilmStills::Run tst_FilmStills::festctl(const QStringList &args, const QString &user)
{
    QProcess p;
    p.start(projectBinary(QStringLiteral("festctl")),
            QStringList{QStringLiteral("--broker"), m_broker->url(), QStringLiteral("--user"), user} + args);
    if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 60000))
        p.kill();
    p.waitForFinished();
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

Reply tst_FilmStills::requestStill(const QJsonObject &args, const QString &user, const QString &op)
{
    MqttOptions options = *MqttOptions::fromUrl(m_broker->url(), nullptr);
    options.clientId = QStringLiteral("stills-") + user;
    options.username = user;
    MqttClient client(options);
    MqttRequester requester(&client, Topics::controllerReplyPrefix(user));
    client.open();
    std::optional<RequesterResult> result;
    requester.request(Topics::controllerRequest(user), Request{op, args}.encode(), 10000,
                      [&](const RequesterResult &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000) || !result->ok())
        return Reply::failure(ErrorCode::BadRequest, QStringLiteral("no reply"));
    QString error;
    const std::optional<Reply> reply = Reply::decode(result->payload, {}, &error);
    return reply ? *reply : Reply::failure(ErrorCode::BadRequest, error);
}

QByteArray tst_FilmStills::jpeg(const QImage &image, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", quality);
    return bytes;
}

QImage tst_FilmStills::gradient(const QSize &size)
{
    QImage image(size, QImage::Format_RGB32);
    QPainter painter(&image);
    QLinearGradient g(0, 0, size.width(), size.height());
    g.setColorAt(0, QColor(0x20, 0x40, 0x80));
    g.setColorAt(1, QColor(0xf5, 0xb8, 0x3d));
    painter.fillRect(image.rect(), g);
    painter.fillRect(QRect(size.width() / 4, size.height() / 4, size.width() / 2, size.height() / 2), Qt::white);
    return image;
}

QImage tst_FilmStills::noise(const QSize &size)
{
    QImage image(size, QImage::Format_RGB32);
    QRandomGenerator random(42);
    for (int y = 0; y < size.height(); ++y) {
        auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
        for (int x = 0; x < size.width(); ++x)
            line[x] = 0xff000000u | (random.generate() & 0xffffffu);
    }
    return image;
}

QString tst_FilmStills::shaIn(const QString &festctlOutput)
{
    return QRegularExpression(QStringLiteral("sha256 ([0-9a-f]{64})")).match(festctlOutput).captured(1);
}

void tst_FilmStills::stillFromAPictureReachesTheKiosks()
{
    const qint64 before = m_version;
    const QString picture = writeFile(QStringLiteral("still.png"), QByteArray());
    QVERIFY(gradient(QSize(1920, 1080)).save(picture, "PNG"));
    QElapsedTimer timer;
    timer.start();
    const Run run = festctl({QStringLiteral("film"), QStringLiteral("still"), QStringLiteral("F-001"), picture});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QString sha256 = shaIn(run.out);
    QVERIFY2(!sha256.isEmpty(), qPrintable(run.out));
    qInfo().noquote() << QStringLiteral("still from a 1920x1080 PNG: %1 ms in festctl, %2").arg(timer.elapsed()).arg(run.out.trimmed());

    QTRY_COMPARE_WITH_TIMEOUT(m_cache->stillOf(QStringLiteral("F-001")), sha256, 10000);
    QCOMPARE(m_programme.film(QStringLiteral("F-001"))->still, sha256);
    QCOMPARE(m_version, before + 1);
    const QImage shown = m_cache->image(sha256);
    QCOMPARE(shown.size(), QSize(960, 540));   // scaled to fit, the aspect kept
    QVERIFY(qGray(shown.pixel(480, 270)) > 240);   // the white box in the middle
    QVERIFY(m_cache->stillOf(QStringLiteral("F-002")).isEmpty());
    QVERIFY2(m_dropped.isEmpty(), qPrintable(m_dropped.join(u'\n')));

    const Run audit = festctl({QStringLiteral("--json"), QStringLiteral("audit")});
    QVERIFY2(audit.out.contains("\"film.still\"") && audit.out.contains(sha256), qPrintable(audit.out));
    QVERIFY2(!audit.out.contains("\"jpeg\""), "the audit keeps the sha256, not the picture");
}

void tst_FilmStills::stillFromAnH264FilmReachesTheKiosks()
{
    if (FfmpegMedia::executable().isEmpty())
        QFAIL(qPrintable(FfmpegMedia::missingMessage()));
    const QString film = m_dir->filePath(QStringLiteral("film.mp4"));
    const QString made = FfmpegMedia::encode(film, {"-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25"},
                                             {"-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"}, 6);
    QVERIFY2(made.isEmpty(), qPrintable(made));
    QElapsedTimer timer;
    timer.start();
    const Run run = festctl({QStringLiteral("film"), QStringLiteral("still"), QStringLiteral("F-002"), film, QStringLiteral("--at"),
                             QStringLiteral("2.5")});
    const qint64 ms = timer.elapsed();
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QString sha256 = shaIn(run.out);
    QTRY_COMPARE_WITH_TIMEOUT(m_cache->stillOf(QStringLiteral("F-002")), sha256, 10000);
    QCOMPARE(m_programme.film(QStringLiteral("F-002"))->still, sha256);
    const QImage shown = m_cache->image(sha256);
    QCOMPARE(shown.size(), QSize(960, 540));
    qInfo().noquote() << QStringLiteral("still from a 6 s 1280x720 H.264 film: %1 ms in festctl, %2").arg(ms).arg(run.out.trimmed());

    // Without --at: at 10% of its length. A different frame, so a different still.
    const Run byDefault = festctl({QStringLiteral("film"), QStringLiteral("still"), QStringLiteral("F-002"), film});
    QVERIFY2(byDefault.exitCode == 0, qPrintable(byDefault.err));
    QVERIFY(shaIn(byDefault.out) != sha256);
    QTRY_COMPARE_WITH_TIMEOUT(m_cache->stillOf(QStringLiteral("F-002")), shaIn(byDefault.out), 10000);
}

void tst_FilmStills::clearedStillLeavesTheFilmAndTheBroker()
{
    const QString picture = writeFile(QStringLiteral("still.jpg"), jpeg(gradient(QSize(640, 360))));
    const Run set = festctl({QStringLiteral("film"), QStringLiteral("still"), QStringLiteral("F-003"), picture});
    QVERIFY2(set.exitCode == 0, qPrintable(set.err));
    const QString sha256 = shaIn(set.out);
    QTRY_COMPARE_WITH_TIMEOUT(m_cache->stillOf(QStringLiteral("F-003")), sha256, 10000);

    const Run clear = festctl({QStringLiteral("film"), QStringLiteral("still"), QStringLiteral("F-003"), QStringLiteral("--clear")});
    QVERIFY2(clear.exitCode == 0, qPrintable(clear.err));
    QTRY_VERIFY_WITH_TIMEOUT(m_cache->stillOf(QStringLiteral("F-003")).isEmpty(), 10000);
    QVERIFY(m_programme.film(QStringLiteral("F-003"))->still.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(m_retained.value(Topics::still(sha256), "x").isEmpty(), 10000);   // the retained still is gone
}

void tst_FilmStills::stillsComeBackAfterTheBrokerLostThem()
{
    const QString picture = writeFile(QStringLiteral("still.jpg"), jpeg(gradient(QSize(800, 450))));
    const Run set = festctl({QStringLiteral("film"), QStringLiteral("still"), QStringLiteral("F-001"), picture});
    QVERIFY2(set.exitCode == 0, qPrintable(set.err));
    const QString sha256 = shaIn(set.out);

    // A broker restarted without its retained store: the controller puts the stills back.
    QString error;
    QVERIFY2(m_broker->restart(&error), qPrintable(error));
    m_kiosk.reset();
    subscribeKiosk();
    QTRY_COMPARE_WITH_TIMEOUT(m_cache->stillOf(QStringLiteral("F-001")), sha256, 20000);
}

void tst_FilmStills::refusedStillsSayWhyAndChangeNothing_data()
{
    QTest::addColumn<QJsonObject>("args");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    const auto base64 = [](const QByteArray &bytes) { return QString::fromLatin1(bytes.toBase64()); };
    const QByteArray good = jpeg(gradient(QSize(320, 180)));
    QTest::newRow("not a picture") << QJsonObject{{"id", "F-001"}, {"jpeg", base64("GIF89a, or a letter")}} << "organiser"
                                   << "invalid_args" << "jpeg: not a JPEG picture";
    QTest::newRow("a PNG") << QJsonObject{{"id", "F-001"}, {"jpeg", base64(QByteArray("\x89PNG\r\n\x1a\n", 8))}} << "organiser"
                           << "invalid_args" << "jpeg: not a JPEG picture";
    QTest::newRow("a broken JPEG") << QJsonObject{{"id", "F-001"}, {"jpeg", base64(good.left(300))}} << "organiser"
                                   << "invalid_args" << "jpeg: the JPEG cannot be decoded";
    const QByteArray heavy = jpeg(gradient(QSize(320, 180))) + QByteArray(310 * 1024, 'x');   // a JPEG with a tail
    QTest::newRow("too many KB") << QJsonObject{{"id", "F-001"}, {"jpeg", base64(heavy)}} << "organiser" << "invalid_args"
                                 << QStringLiteral("jpeg: the picture is %1 KB; a still may be at most 300 KB").arg((heavy.size() + 1023) / 1024);
    QTest::newRow("too many pixels") << QJsonObject{{"id", "F-001"}, {"jpeg", base64(jpeg(gradient(QSize(2400, 1000)), 30))}}
                                     << "organiser" << "invalid_args" << "the picture is 2400x1000 pixels; a still may be at most 1920x1080";
    QTest::newRow("not base64") << QJsonObject{{"id", "F-001"}, {"jpeg", "**"}} << "organiser" << "invalid_args" << "jpeg: not base64";
    QTest::newRow("unknown film") << QJsonObject{{"id", "F-999"}, {"jpeg", base64(good)}} << "organiser" << "unknown_film"
                                  << "no film \"F-999\" in programme version";
    QTest::newRow("staff") << QJsonObject{{"id", "F-001"}, {"jpeg", base64(good)}} << "booth" << "forbidden"
                           << "account \"booth\" (role staff) may not film.still";
    QTest::newRow("picture and clear") << QJsonObject{{"id", "F-001"}, {"jpeg", base64(good)}, {"clear", true}} << "organiser"
                                       << "invalid_args" << "either the picture";
    QTest::newRow("no film") << QJsonObject{{"jpeg", base64(good)}} << "organiser" << "invalid_args" << "id: expected the film's id";
}

void tst_FilmStills::refusedStillsSayWhyAndChangeNothing()
{
    QFETCH(QJsonObject, args);
    QFETCH(QString, user);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const qint64 before = m_version;
    const Reply reply = requestStill(args, user);
    QVERIFY(!reply.ok);
    QCOMPARE(reply.code, code);
    QVERIFY2(reply.message.contains(message), qPrintable(reply.message));

    // The next change is the next version: the refused one made none, and set no still.
    const QString picture = writeFile(QStringLiteral("ok.jpg"), jpeg(gradient(QSize(320, 180))));
    const Run ok = festctl({QStringLiteral("film"), QStringLiteral("still"), QStringLiteral("F-002"), picture});
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
    QTRY_COMPARE_WITH_TIMEOUT(m_version, before + 1, 10000);
    QVERIFY(m_programme.film(QStringLiteral("F-001"))->still.isEmpty());
    QCOMPARE(m_retained.size(), 1);   // only F-002's still was ever published
}

// A still is named by a picture the controller holds, never by a hash typed in.
void tst_FilmStills::filmEditCannotNameAStill()
{
    const qint64 before = m_version;
    const Reply reply = requestStill({{"id", "F-001"}, {"fields", QJsonObject{{"still", QString(64, u'a')}}}},
                                     QStringLiteral("organiser"), QStringLiteral("film.edit"));
    QVERIFY(!reply.ok);
    QCOMPARE(reply.code, QStringLiteral("invalid_args"));
    QVERIFY2(reply.message.contains("festctl film still F-001 FILE"), qPrintable(reply.message));
    QTest::qWait(200);
    QCOMPARE(m_version, before);
    QVERIFY(m_programme.film(QStringLiteral("F-001"))->still.isEmpty());
}

void tst_FilmStills::festctlRefusesWhatItCannotSend_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("a text file") << "notes.txt" << QStringList() << "organiser" << 2 << "is neither a picture nor a video";
    QTest::newRow("a missing file") << "missing.jpg" << QStringList() << "organiser" << 2 << "cannot read";
    QTest::newRow("too busy a picture") << "noise.png" << QStringList() << "organiser" << 2 << "a still may be at most 300 KB";
    QTest::newRow("--at on a picture") << "small.jpg" << QStringList{"--at", "3"} << "organiser" << 2 << "--at takes a frame from a video";
    QTest::newRow("unknown film") << "small.jpg" << QStringList{"--film", "F-999"} << "organiser" << 1 << "no film \"F-999\"";
    QTest::newRow("staff") << "small.jpg" << QStringList() << "booth" << 1 << "may not film.still";
}

void tst_FilmStills::festctlRefusesWhatItCannotSend()
{
    QFETCH(QString, file);
    QFETCH(QStringList, extra);
    QFETCH(QString, user);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    writeFile(QStringLiteral("notes.txt"), "Not a picture.\n");
    QVERIFY(noise(QSize(960, 540)).save(m_dir->filePath(QStringLiteral("noise.png")), "PNG"));
    writeFile(QStringLiteral("small.jpg"), jpeg(gradient(QSize(320, 180))));
    QString film = QStringLiteral("F-001");
    if (extra.size() == 2 && extra.first() == QLatin1String("--film")) {
        film = extra.last();
        extra.clear();
    }
    const qint64 before = m_version;
    const Run run = festctl(QStringList{QStringLiteral("film"), QStringLiteral("still"), film, m_dir->filePath(file)} + extra, user);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QTest::qWait(200);
    QCOMPARE(m_version, before);
    QVERIFY(m_retained.isEmpty());
}

QTEST_MAIN(tst_FilmStills)
#include "tst_filmstills.moc"
