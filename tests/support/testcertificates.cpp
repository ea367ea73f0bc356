#include "testcertificates.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcess>

namespace fest {

namespace {

bool openssl(const QString &directory, const QStringList &arguments, QString *error)
{
    QProcess process;
    process.setWorkingDirectory(directory);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("openssl %1 failed (install the openssl package): %2")
                         .arg(arguments.join(QLatin1Char(' ')), QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

// EC keys: quick to make, and every TLS stack here accepts them.
QStringList newKey(const QString &keyFile)
{
    return {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), keyFile};
}

bool makeCa(const QString &directory, const QString &name, QString *error)
{
    return openssl(directory, QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + newKey(name + QStringLiteral(".key"))
                                  + QStringList{QStringLiteral("-out"), name + QStringLiteral(".crt"), QStringLiteral("-days"),
                                                QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=%1").arg(name)},
                   error);
}

bool makeSigned(const QString &directory, const QString &name, const QString &commonName, const QString &extensions, QString *error)
{
    const QString extFile = name + QStringLiteral(".ext");
    QFile ext(QDir(directory).filePath(extFile));
    if (!ext.open(QIODevice::WriteOnly) || ext.write(extensions.toUtf8()) < 0) {
        if (error)
            *error = QStringLiteral("cannot write %1").arg(ext.fileName());
        return false;
    }
    ext.close();
    return openssl(directory, QStringList{QStringLiteral("req")} + newKey(name + QStringLiteral(".key"))
                                  + QStringList{QStringLiteral("-out"), name + QStringLiteral(".csr"), QStringLiteral("-subj"),
                                                QStringLiteral("/CN=%1").arg(commonName)},
                   error)
        && openssl(directory, {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), name + QStringLiteral(".csr"),
                               QStringLiteral("-CA"), QStringLiteral("ca.crt"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                               QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), name + QStringLiteral(".crt"),
                               QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), extFile},
                   error);
}

} // namespace

bool TestCertificates::create(const QString &directory, const QString &host, QString *error, const QString &clientName)
{
    const bool isIp = !QHostAddress(host).isNull();
    const QString serverSan = QStringLiteral("subjectAltName=%1:%2\n").arg(isIp ? QStringLiteral("IP") : QStringLiteral("DNS"), host);
    return makeCa(directory, QStringLiteral("ca"), error)
        && makeCa(directory, QStringLiteral("other-ca"), error)
        && makeSigned(directory, QStringLiteral("server"), host, serverSan, error)
        && makeSigned(directory, QStringLiteral("client"), clientName, QStringLiteral("extendedKeyUsage=clientAuth\n"), error);
}

} // namespace fest
