#include "sampleprogramme.h"
#include "stillcache.h"
#include "stillmessage.h"
#include "topics.h"

#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;

class tst_StillCache : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void namedStillIsShown();
    void bytesThatDoNotMatchTheirTopicAreDropped_data();
    void bytesThatDoNotMatchTheirTopicAreDropped();
    void stillBeforeItsProgrammeWaitsUnshown();
    void cachedStillSurvivesARestartWithoutBroker();
    void tamperedCacheFileIsNeverShown();
    void stillNoFilmNamesLeavesTheDisk();

private:
    static QByteArray jpeg(QColor colour);
    Programme naming(const QString &filmId, const QString &sha256) const;
    QString folder() const { return m_dir->filePath(QStringLiteral("stills")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    Programme m_sample = SampleProgramme::load();
};

QByteArray tst_StillCache::jpeg(QColor colour)
{
    QImage image(160, 90, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 85);
    return bytes;
}

Programme tst_StillCache::naming(const QString &filmId, const QString &sha256) const
{
    Programme p = m_sample;
    for (Film &f : p.films)
        if (f.id == filmId)
            f.still = sha256;
    return p;
}

void tst_StillCache::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void tst_StillCache::namedStillIsShown()
{
    const StillMessage still = StillMessage::of(jpeg(Qt::red));
    StillCache cache;
    QVERIFY(cache.setFolder(folder()));
    cache.setProgramme(naming(QStringLiteral("F-001"), still.sha256));
    QVERIFY(cache.stillOf(QStringLiteral("F-001")).isEmpty());   // named, not yet received
    QSignalSpy changed(&cache, &StillCache::changed);
    QString error;
    QVERIFY2(cache.applyMessage(Topics::still(still.sha256), still.encode(), &error), qPrintable(error));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(cache.stillOf(QStringLiteral("F-001")), still.sha256);
    QVERIFY(cache.stillOf(QStringLiteral("F-002")).isEmpty());
    QCOMPARE(cache.image(still.sha256).size(), QSize(160, 90));
    QVERIFY(QFile::exists(QDir(folder()).filePath(still.sha256 + ".jpg")));
}

void tst_StillCache::bytesThatDoNotMatchTheirTopicAreDropped_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("reason");
    const StillMessage red = StillMessage::of(jpeg(Qt::red));
    const StillMessage blue = StillMessage::of(jpeg(Qt::blue));
    QTest::newRow("another still's bytes") << Topics::still(red.sha256) << blue.encode() << "not to the " + red.sha256;
    StillMessage lying = blue;
    lying.sha256 = red.sha256;   // says it is the red one
    QTest::newRow("bytes that lie about their hash") << Topics::still(red.sha256) << lying.encode() << "its sha256 is " + blue.sha256;
    QTest::newRow("not a still") << Topics::still(red.sha256) << QByteArray("{\"type\":\"still\",\"v\":1}") << "sha256";
    QTest::newRow("upper-case topic") << Topics::still(red.sha256.toUpper()) << red.encode() << "not a still's topic";
}

void tst_StillCache::bytesThatDoNotMatchTheirTopicAreDropped()
{
    QFETCH(QString, topic);
    QFETCH(QByteArray, payload);
    QFETCH(QString, reason);
    const QString red = StillMessage::sha256Of(jpeg(Qt::red));
    StillCache cache;
    QVERIFY(cache.setFolder(folder()));
    cache.setProgramme(naming(QStringLiteral("F-001"), red));
    QString error;
    QVERIFY(!cache.applyMessage(topic, payload, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY(cache.stillOf(QStringLiteral("F-001")).isEmpty());
    QVERIFY(cache.image(red).isNull());
    QVERIFY(QDir(folder()).isEmpty());
}

// Both are retained: a kiosk may get a still before the programme that names it.
void tst_StillCache::stillBeforeItsProgrammeWaitsUnshown()
{
    const StillMessage still = StillMessage::of(jpeg(Qt::green));
    StillCache cache;
    QVERIFY(cache.setFolder(folder()));
    cache.setProgramme(m_sample);
    QVERIFY(cache.applyMessage(Topics::still(still.sha256), still.encode()));
    for (const Film &f : m_sample.films)
        QVERIFY(cache.stillOf(f.id).isEmpty());
    QVERIFY(QDir(folder()).isEmpty());   // nothing unnamed on disk
    cache.setProgramme(naming(QStringLiteral("F-004"), still.sha256));
    QCOMPARE(cache.stillOf(QStringLiteral("F-004")), still.sha256);
    QVERIFY(QFile::exists(QDir(folder()).filePath(still.sha256 + ".jpg")));
}

void tst_StillCache::cachedStillSurvivesARestartWithoutBroker()
{
    const StillMessage still = StillMessage::of(jpeg(Qt::yellow));
    const Programme programme = naming(QStringLiteral("F-002"), still.sha256);
    {
        StillCache cache;
        QVERIFY(cache.setFolder(folder()));
        cache.setProgramme(programme);
        QVERIFY(cache.applyMessage(Topics::still(still.sha256), still.encode()));
    }
    StillCache restarted;   // no broker: only the folder and the kept programme
    QVERIFY(restarted.setFolder(folder()));
    QVERIFY(restarted.stillOf(QStringLiteral("F-002")).isEmpty());   // no programme yet
    restarted.setProgramme(programme);
    QCOMPARE(restarted.stillOf(QStringLiteral("F-002")), still.sha256);
    const QColor shown = restarted.image(still.sha256).pixel(80, 45);
    QVERIFY(shown.red() > 245 && shown.green() > 245 && shown.blue() < 10);   // yellow, give or take JPEG
}

void tst_StillCache::tamperedCacheFileIsNeverShown()
{
    const QString sha256 = StillMessage::sha256Of(jpeg(Qt::red));
    QVERIFY(QDir().mkpath(folder()));
    QFile file(QDir(folder()).filePath(sha256 + ".jpg"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(jpeg(Qt::blue));   // another picture under the red one's name
    file.close();
    StillCache cache;
    QVERIFY(cache.setFolder(folder()));
    cache.setProgramme(naming(QStringLiteral("F-001"), sha256));
    QVERIFY(cache.stillOf(QStringLiteral("F-001")).isEmpty());
    QVERIFY(!file.exists());
}

void tst_StillCache::stillNoFilmNamesLeavesTheDisk()
{
    const StillMessage still = StillMessage::of(jpeg(Qt::cyan));
    StillCache cache;
    QVERIFY(cache.setFolder(folder()));
    cache.setProgramme(naming(QStringLiteral("F-003"), still.sha256));
    QVERIFY(cache.applyMessage(Topics::still(still.sha256), still.encode()));
    QVERIFY(!QDir(folder()).isEmpty());
    cache.setProgramme(m_sample);   // a new version: F-003 has no still any more
    QVERIFY(cache.stillOf(QStringLiteral("F-003")).isEmpty());
    QVERIFY(QDir(folder()).isEmpty());
}

QTEST_MAIN(tst_StillCache)
#include "tst_stillcache.moc"
