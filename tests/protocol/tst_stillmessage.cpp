#include "envelope.h"
#include "messagetype.h"
#include "stillmessage.h"

#include <QTest>

using namespace fest;

class tst_StillMessage : public QObject
{
    Q_OBJECT

private slots:
    void roundTrips();
    void refuses_data();
    void refuses();
    void largestStillFitsItsLimits();
};

namespace {
const QByteArray jpegStart("\xff\xd8\xff\xe0 still", 10);
} // namespace

void tst_StillMessage::roundTrips()
{
    const StillMessage still = StillMessage::of(jpegStart);
    QCOMPARE(still.sha256.size(), 64);
    QString error;
    const std::optional<StillMessage> back = StillMessage::decode(still.encode(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->jpeg, jpegStart);
    QCOMPARE(back->sha256, still.sha256);
}

void tst_StillMessage::refuses_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("reason");
    const QString digest = StillMessage::sha256Of(jpegStart);
    const QString base64 = QString::fromLatin1(jpegStart.toBase64());
    QTest::newRow("bytes of another still")
        << Envelope::encode(MessageType::still(), {{"sha256", StillMessage::sha256Of("other")}, {"data", base64}})
        << "its sha256 is " + digest;
    QTest::newRow("not base64") << Envelope::encode(MessageType::still(), {{"sha256", digest}, {"data", "*** not base64 ***"}})
                                << "data: not base64";
    QTest::newRow("upper-case digest")
        << Envelope::encode(MessageType::still(), {{"sha256", digest.toUpper()}, {"data", base64}}) << "64 lower-case hex";
    QTest::newRow("no data") << Envelope::encode(MessageType::still(), {{"sha256", digest}}) << "data";
    QTest::newRow("unknown field")
        << Envelope::encode(MessageType::still(), {{"sha256", digest}, {"data", base64}, {"film", "F-001"}}) << "film";
    QTest::newRow("another type") << Envelope::encode(MessageType::programme(), {{"sha256", digest}, {"data", base64}}) << "programme";
    const QByteArray huge(StillMessage::maxJpegBytes + 3000, 'x');
    QTest::newRow("too large") << StillMessage::of(huge).encode() << "";
}

void tst_StillMessage::refuses()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!StillMessage::decode(payload, &error));
    QVERIFY2(!error.isEmpty() && error.contains(reason), qPrintable(error));
}

void tst_StillMessage::largestStillFitsItsLimits()
{
    const QByteArray largest(StillMessage::maxJpegBytes, '\xff');
    QString error;
    QVERIFY2(StillMessage::decode(StillMessage::of(largest).encode(), &error), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_StillMessage)
#include "tst_stillmessage.moc"
