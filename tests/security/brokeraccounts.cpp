#include "brokeraccounts.h"
#include "shippedbrokerconfig.h"

#include <QDir>
#include <QFile>
#include <QProcess>

namespace fest {

namespace {
constexpr int toolTimeoutMs = 30000;

bool appendToFile(const QString &path, const QByteArray &text, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::Append) || file.write(text) != text.size()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
} // namespace

BrokerAccounts::BrokerAccounts(const QString &folder)
    : m_folder(folder)
{
}

QString BrokerAccounts::caFile() const
{
    return QDir(m_folder).filePath(QStringLiteral("certs/ca.crt"));
}

bool BrokerAccounts::runTool(const QString &program, const QStringList &arguments, QString *error) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(toolTimeoutMs) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        *error = QStringLiteral("%1 %2 failed (%3): %4")
                     .arg(program, arguments.join(QLatin1Char(' ')), process.errorString(),
                          QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

bool BrokerAccounts::installTemplates(QString *error)
{
    const QDir shipped(ShippedBrokerConfig::sourceFile(QStringLiteral("config/mosquitto/acl.d")));
    const QDir target(QDir(m_folder).filePath(QStringLiteral("templates")));
    if (!QDir().mkpath(target.path())) {
        *error = QStringLiteral("cannot create %1").arg(target.path());
        return false;
    }
    const QStringList templates = shipped.entryList({QStringLiteral("*.acl")}, QDir::Files);
    if (templates.isEmpty()) {
        *error = QStringLiteral("no ACL templates in %1").arg(shipped.path());
        return false;
    }
    for (const QString &name : templates) {
        if (!QFile::copy(shipped.filePath(name), target.filePath(name))) {
            *error = QStringLiteral("cannot copy %1 to %2").arg(shipped.filePath(name), target.path());
            return false;
        }
    }
    return true;
}

bool BrokerAccounts::addTestRole(const QString &role, const QStringList &aclLines, QString *error)
{
    const QString path = QDir(m_folder).filePath(QStringLiteral("templates/%1.acl").arg(role));
    return appendToFile(path, aclLines.join(QLatin1Char('\n')).toUtf8() + '\n', error);
}

int BrokerAccounts::run(const QStringList &arguments, QString *output) const
{
    QProcess process;
    process.start(ShippedBrokerConfig::sourceFile(QStringLiteral("packaging/festival-accounts")),
                  QStringList{QStringLiteral("--dir"), m_folder, QStringLiteral("--templates"),
                              QDir(m_folder).filePath(QStringLiteral("templates"))}
                      + arguments);
    if (!process.waitForFinished(toolTimeoutMs))
        return -1;
    if (output)
        *output = QString::fromLocal8Bit(process.readAllStandardOutput() + process.readAllStandardError());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

bool BrokerAccounts::add(const QString &role, const QString &name, QString *error)
{
    const QString passwordFile = QDir(m_folder).filePath(name + QStringLiteral(".password"));
    QString output;
    if (run({QStringLiteral("add"), role, name, QStringLiteral("--password-file"), passwordFile}, &output) != 0) {
        *error = QStringLiteral("festival-accounts add %1 %2 failed: %3").arg(role, name, output);
        return false;
    }
    QFile file(passwordFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("festival-accounts wrote no password file %1").arg(passwordFile);
        return false;
    }
    m_passwords.insert(name, QString::fromUtf8(file.readAll()).trimmed());
    return true;
}

bool BrokerAccounts::remove(const QString &name, QString *error)
{
    QString output;
    if (run({QStringLiteral("remove"), name}, &output) != 0) {
        *error = QStringLiteral("festival-accounts remove %1 failed: %2").arg(name, output);
        return false;
    }
    m_passwords.remove(name);
    return true;
}

bool BrokerAccounts::addPasswordOnly(const QString &name, const QString &password, QString *error)
{
    if (!runTool(QStringLiteral("mosquitto_passwd"),
                 {QStringLiteral("-b"), QDir(m_folder).filePath(QStringLiteral("passwd")), name, password}, error))
        return false;
    m_passwords.insert(name, password);
    QString output;
    if (run({QStringLiteral("acl")}, &output) != 0) {
        *error = QStringLiteral("festival-accounts acl failed: %1").arg(output);
        return false;
    }
    return true;
}

bool BrokerAccounts::makeCertificates(QString *error)
{
    return runTool(ShippedBrokerConfig::sourceFile(QStringLiteral("config/mosquitto/make-test-ca")),
                   {QDir(m_folder).filePath(QStringLiteral("certs"))}, error);
}

} // namespace fest
