#include "mosquittoprocess.h"

#include <QHostAddress>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>

using fest::MosquittoProcess;

namespace {

bool acceptsConnections(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(2000);
}

// Publishes one message with the stock client and returns its exit code.
int publishWithMosquittoPub(const MosquittoProcess &broker, const QStringList &extra = {})
{
    QProcess pub;
    pub.start(QStringLiteral("mosquitto_pub"),
              QStringList{QStringLiteral("-h"), broker.host(), QStringLiteral("-p"),
                          QString::number(broker.port()), QStringLiteral("-t"),
                          QStringLiteral("fest/test"), QStringLiteral("-m"), QStringLiteral("x")}
                  + extra);
    if (!pub.waitForFinished(10000))
        return -1;
    return pub.exitCode();
}

} // namespace

class tst_MosquittoProcess : public QObject
{
    Q_OBJECT
private slots:
    void startsOnAFreeLoopbackPort();
    void twoBrokersGetDifferentPorts();
    void stopClosesThePort();
    void restartKeepsThePort();
    void killEndsTheBroker();
    void badConfigLineFailsWithTheBrokerLog();
    void anonymousClientsRefusedWhenDisallowed();
    void extraListenerAcceptsConnections();
};

void tst_MosquittoProcess::startsOnAFreeLoopbackPort()
{
    MosquittoProcess broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    QVERIFY(broker.port() != 0);
    QCOMPARE(broker.url(), QStringLiteral("mqtt://127.0.0.1:%1").arg(broker.port()));
    QVERIFY(acceptsConnections(broker.port()));
    QCOMPARE(publishWithMosquittoPub(broker), 0);
    QTRY_VERIFY(broker.logText().contains(QLatin1String("running")));
}

void tst_MosquittoProcess::twoBrokersGetDifferentPorts()
{
    MosquittoProcess a, b;
    QString error;
    QVERIFY2(a.start(&error), qPrintable(error));
    QVERIFY2(b.start(&error), qPrintable(error));
    QVERIFY(a.port() != b.port());
}

void tst_MosquittoProcess::stopClosesThePort()
{
    MosquittoProcess broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    broker.stop();
    QVERIFY(!broker.isRunning());
    QVERIFY(!acceptsConnections(broker.port()));
}

void tst_MosquittoProcess::restartKeepsThePort()
{
    MosquittoProcess broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    const quint16 port = broker.port();
    QVERIFY2(broker.restart(&error), qPrintable(error));
    QCOMPARE(broker.port(), port);
    QVERIFY(acceptsConnections(port));
}

void tst_MosquittoProcess::killEndsTheBroker()
{
    MosquittoProcess broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    broker.kill();
    QVERIFY(!broker.isRunning());
    QVERIFY(!acceptsConnections(broker.port()));
    QVERIFY2(broker.start(&error), qPrintable(error));
}

void tst_MosquittoProcess::badConfigLineFailsWithTheBrokerLog()
{
    MosquittoProcess broker;
    broker.addConfigLines({QStringLiteral("no_such_option 1")});
    QString error;
    QVERIFY(!broker.start(&error));
    QVERIFY2(error.contains(QLatin1String("no_such_option")), qPrintable(error));
}

void tst_MosquittoProcess::anonymousClientsRefusedWhenDisallowed()
{
    MosquittoProcess broker;
    broker.setAllowAnonymous(false);
    QFile passwords(broker.filePath(QStringLiteral("passwords")));
    QVERIFY(passwords.open(QIODevice::WriteOnly));
    passwords.close();
    broker.addConfigLines({QStringLiteral("password_file %1").arg(passwords.fileName())});
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    QVERIFY(publishWithMosquittoPub(broker) != 0);
}

void tst_MosquittoProcess::extraListenerAcceptsConnections()
{
    MosquittoProcess broker;
    const quint16 second = broker.addListener({});
    QVERIFY(second != 0);
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    QVERIFY(second != broker.port());
    QVERIFY(acceptsConnections(second));
}

QTEST_GUILESS_MAIN(tst_MosquittoProcess)
#include "tst_mosquittoprocess.moc"
