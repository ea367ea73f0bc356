#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace fest {

// Broker accounts for a test, made the way an operator makes them: with
// packaging/festival-accounts (password file, generated ACL, accounts list) from the
// shipped per-role ACL templates, and certificates from config/mosquitto/make-test-ca.
// Everything lives in one folder, which takes the place of /etc/festival/mosquitto.
class BrokerAccounts
{
public:
    explicit BrokerAccounts(const QString &folder);

    // Copies the shipped templates (config/mosquitto/acl.d) into the folder; a test may
    // then add roles of its own (an observer that reads everything).
    bool installTemplates(QString *error);
    bool addTestRole(const QString &role, const QStringList &aclLines, QString *error);

    bool add(const QString &role, const QString &name, QString *error);
    bool remove(const QString &name, QString *error);
    // Runs festival-accounts with these arguments; its exit code, output in *output.
    int run(const QStringList &arguments, QString *output) const;
    QString password(const QString &name) const { return m_passwords.value(name); }

    // An account festival-accounts would refuse (a name with '+' or '#'), put straight
    // into the password file with mosquitto_passwd, then the ACL regenerated: what an
    // administrator bypassing the tool could produce.
    bool addPasswordOnly(const QString &name, const QString &password, QString *error);

    // make-test-ca into <folder>/certs (ca.crt, server.crt, server.key).
    bool makeCertificates(QString *error);
    QString caFile() const;
    QString folder() const { return m_folder; }

private:
    bool runTool(const QString &program, const QStringList &arguments, QString *error) const;

    QString m_folder;
    QHash<QString, QString> m_passwords;
};

} // namespace fest
