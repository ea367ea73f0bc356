#include "playbackerror.h"

#include <QTest>

#include <gst/gst.h>

using namespace fest;
using Code = PlaybackError::Code;

class tst_PlaybackError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromGError_data();
    void fromGError();
    void wireName_data();
    void wireName();
    void describeNamesTheFileAndWhatToDo();
};

void tst_PlaybackError::fromGError_data()
{
    QTest::addColumn<quint32>("domain");
    QTest::addColumn<int>("code");
    QTest::addColumn<Code>("expected");
    QTest::newRow("not found") << quint32(GST_RESOURCE_ERROR) << int(GST_RESOURCE_ERROR_NOT_FOUND) << Code::MediaMissing;
    QTest::newRow("open read") << quint32(GST_RESOURCE_ERROR) << int(GST_RESOURCE_ERROR_OPEN_READ) << Code::MediaUnreadable;
    QTest::newRow("read") << quint32(GST_RESOURCE_ERROR) << int(GST_RESOURCE_ERROR_READ) << Code::MediaUnreadable;
    QTest::newRow("type not found") << quint32(GST_STREAM_ERROR) << int(GST_STREAM_ERROR_TYPE_NOT_FOUND) << Code::MediaUndecodable;
    QTest::newRow("decode") << quint32(GST_STREAM_ERROR) << int(GST_STREAM_ERROR_DECODE) << Code::MediaUndecodable;
    QTest::newRow("demux") << quint32(GST_STREAM_ERROR) << int(GST_STREAM_ERROR_DEMUX) << Code::MediaUndecodable;
    QTest::newRow("missing plugin") << quint32(GST_CORE_ERROR) << int(GST_CORE_ERROR_MISSING_PLUGIN) << Code::MediaUndecodable;
    QTest::newRow("stream failed") << quint32(GST_STREAM_ERROR) << int(GST_STREAM_ERROR_FAILED) << Code::MediaUndecodable;
    QTest::newRow("encode") << quint32(GST_STREAM_ERROR) << int(GST_STREAM_ERROR_ENCODE) << Code::PlaybackFailed;
    QTest::newRow("resource busy") << quint32(GST_RESOURCE_ERROR) << int(GST_RESOURCE_ERROR_BUSY) << Code::PlaybackFailed;
    QTest::newRow("core negotiation") << quint32(GST_CORE_ERROR) << int(GST_CORE_ERROR_NEGOTIATION) << Code::PlaybackFailed;
}

void tst_PlaybackError::fromGError()
{
    QFETCH(quint32, domain);
    QFETCH(int, code);
    QFETCH(Code, expected);
    GError *error = g_error_new_literal(GQuark(domain), code, "x");
    QCOMPARE(PlaybackError::fromGError(error), expected);
    g_error_free(error);
}

void tst_PlaybackError::wireName_data()
{
    QTest::addColumn<Code>("code");
    QTest::addColumn<QString>("name");
    QTest::newRow("none") << Code::None << QStringLiteral("none");
    QTest::newRow("missing") << Code::MediaMissing << QStringLiteral("media_missing");
    QTest::newRow("undecodable") << Code::MediaUndecodable << QStringLiteral("media_undecodable");
    QTest::newRow("checksum") << Code::ChecksumMismatch << QStringLiteral("checksum_mismatch");
    QTest::newRow("no buffers") << Code::NoBuffers << QStringLiteral("no_buffers");
    QTest::newRow("clock") << Code::ClockNotSynced << QStringLiteral("clock_not_synced");
}

void tst_PlaybackError::wireName()
{
    QFETCH(Code, code);
    QFETCH(QString, name);
    QCOMPARE(PlaybackError::wireName(code), name);
}

void tst_PlaybackError::describeNamesTheFileAndWhatToDo()
{
    const QString path = QStringLiteral("/media/films/neonature.webm");
    for (Code code : {Code::MediaMissing, Code::MediaUnreadable, Code::MediaUndecodable,
                      Code::ChecksumMismatch, Code::NoBuffers, Code::PlaybackFailed}) {
        const QString text = PlaybackError::describe(code, path);
        QVERIFY2(text.contains(path), qPrintable(text));
        QVERIFY(text.endsWith(QLatin1Char('.')));
    }
    QVERIFY(PlaybackError::describe(Code::None, path).isEmpty());
}

QTEST_GUILESS_MAIN(tst_PlaybackError)
#include "tst_playbackerror.moc"
