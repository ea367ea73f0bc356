// packaging/festival-accounts: the only way accounts should be made. It must refuse
// names that would act as topic wildcards, keep the password out of files others can
// read, and regenerate the ACL from the role templates on every change.
#include "brokeraccounts.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;

namespace {
QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}
} // namespace

class tst_FestivalAccounts : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void addWritesPasswordAclAndList();
    void refusesBadNames_data();
    void refusesBadNames();
    void refusesBadRolesAndDuplicates_data();
    void refusesBadRolesAndDuplicates();
    void resetChangesOnlyThePassword();
    void removeDeletesEverywhere();
    void removeTakesTheNameLiterally();
    void rolesPrintsTheControllerSection();
    void handEditedWildcardAccountBlocksTheAcl();

private:
    QString file(const QString &name) const { return QDir(m_dir->path()).filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<BrokerAccounts> m_accounts;
};

void tst_FestivalAccounts::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_accounts = std::make_unique<BrokerAccounts>(m_dir->path());
    QString error;
    QVERIFY2(m_accounts->installTemplates(&error), qPrintable(error));
}

void tst_FestivalAccounts::addWritesPasswordAclAndList()
{
    QString error;
    QVERIFY2(m_accounts->add(QStringLiteral("kiosk"), QStringLiteral("kiosk-01"), &error), qPrintable(error));
    const QString password = m_accounts->password(QStringLiteral("kiosk-01"));
    QVERIFY(password.size() >= 20);

    // Hashed (PBKDF2-SHA512), never the password itself.
    const QString passwd = readFile(file(QStringLiteral("passwd")));
    QVERIFY(passwd.startsWith(QStringLiteral("kiosk-01:$7$")));
    QVERIFY(!passwd.contains(password));
    QCOMPARE(QFile::permissions(file(QStringLiteral("kiosk-01.password"))),
             QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
    QVERIFY(!(QFile::permissions(file(QStringLiteral("passwd"))) & QFile::ReadOther));

    const QStringList acl = readFile(file(QStringLiteral("acl"))).split(QLatin1Char('\n'));
    QVERIFY(acl.contains(QStringLiteral("user kiosk-01")));
    QVERIFY(acl.contains(QStringLiteral("topic write fest/v1/vote/kiosk-01")));
    QVERIFY(acl.contains(QStringLiteral("topic read fest/v1/reply/kiosk-01/#")));
    QVERIFY(!readFile(file(QStringLiteral("acl"))).contains(QStringLiteral("%u")));
    QVERIFY(!readFile(file(QStringLiteral("acl"))).contains(QStringLiteral("fest/v1/results")));

    QString output;
    QCOMPARE(m_accounts->run({QStringLiteral("list")}, &output), 0);
    QVERIFY(output.contains(QStringLiteral("kiosk-01 kiosk")));
}

void tst_FestivalAccounts::refusesBadNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("plus") << "+";
    QTest::newRow("hash") << "#";
    QTest::newRow("plus inside") << "kiosk+1";
    QTest::newRow("slash") << "kiosk/01";
    QTest::newRow("colon (password file separator)") << "kiosk:01";
    QTest::newRow("space") << "kiosk 01";
    QTest::newRow("empty") << "";
    QTest::newRow("65 characters") << QString(65, QLatin1Char('k'));
    QTest::newRow("non-ASCII") << QStringLiteral("kiosk-é");
    QTest::newRow("dollar (ACL topic)") << "$SYS";
}

void tst_FestivalAccounts::refusesBadNames()
{
    QFETCH(QString, name);
    QString output;
    QVERIFY(m_accounts->run({QStringLiteral("add"), QStringLiteral("kiosk"), name}, &output) != 0);
    QVERIFY2(output.contains(QStringLiteral("name"), Qt::CaseInsensitive), qPrintable(output));
    QVERIFY(!readFile(file(QStringLiteral("passwd"))).contains(QLatin1Char(':')));
    QVERIFY(readFile(file(QStringLiteral("accounts"))).isEmpty());
}

void tst_FestivalAccounts::refusesBadRolesAndDuplicates_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("says");
    QTest::newRow("unknown role") << "admin" << "ana" << "roles are";
    QTest::newRow("controller under another name") << "controller" << "ctl" << "must be named";
    QTest::newRow("a kiosk named controller") << "kiosk" << "controller" << "reserved";
    QTest::newRow("same name twice") << "organiser" << "kiosk-01" << "already exists";
    QTest::newRow("a player named votes") << "player" << "votes" << "reserved";
    QTest::newRow("a kiosk named votes") << "kiosk" << "votes" << "reserved";
    QTest::newRow("a player not named after its screen") << "player" << "hall-projector" << "player-<SCREEN>";
    QTest::newRow("a kiosk named like a screen's player") << "kiosk" << "player-HALL-1" << "reserved for the players";
}

void tst_FestivalAccounts::refusesBadRolesAndDuplicates()
{
    QFETCH(QString, role);
    QFETCH(QString, name);
    QFETCH(QString, says);
    QString error;
    QVERIFY2(m_accounts->add(QStringLiteral("kiosk"), QStringLiteral("kiosk-01"), &error), qPrintable(error));
    const QString before = readFile(file(QStringLiteral("passwd")));
    QString output;
    QVERIFY(m_accounts->run({QStringLiteral("add"), role, name}, &output) != 0);
    QVERIFY2(output.contains(says), qPrintable(output));
    QCOMPARE(readFile(file(QStringLiteral("passwd"))), before);
}

void tst_FestivalAccounts::resetChangesOnlyThePassword()
{
    QString error, output;
    QVERIFY2(m_accounts->add(QStringLiteral("staff"), QStringLiteral("booth-1"), &error), qPrintable(error));
    QVERIFY2(m_accounts->add(QStringLiteral("kiosk"), QStringLiteral("kiosk-01"), &error), qPrintable(error));
    const QString passwd = readFile(file(QStringLiteral("passwd")));
    const QString acl = readFile(file(QStringLiteral("acl")));
    QCOMPARE(m_accounts->run({QStringLiteral("reset"), QStringLiteral("booth-1")}, &output), 0);
    const QString after = readFile(file(QStringLiteral("passwd")));
    QVERIFY(after != passwd);
    auto lineOf = [](const QString &text, const QString &name) {
        for (const QString &l : text.split(QLatin1Char('\n')))
            if (l.startsWith(name + QLatin1Char(':')))
                return l;
        return QString();
    };
    QCOMPARE(lineOf(after, QStringLiteral("kiosk-01")), lineOf(passwd, QStringLiteral("kiosk-01")));
    QVERIFY(lineOf(after, QStringLiteral("booth-1")) != lineOf(passwd, QStringLiteral("booth-1")));
    QCOMPARE(readFile(file(QStringLiteral("acl"))), acl);
    QVERIFY(m_accounts->run({QStringLiteral("reset"), QStringLiteral("nobody")}, &output) != 0);
}

void tst_FestivalAccounts::removeDeletesEverywhere()
{
    QString error;
    QVERIFY2(m_accounts->add(QStringLiteral("player"), QStringLiteral("player-a1"), &error), qPrintable(error));
    QVERIFY2(m_accounts->add(QStringLiteral("kiosk"), QStringLiteral("kiosk-01"), &error), qPrintable(error));
    QVERIFY2(m_accounts->remove(QStringLiteral("player-a1"), &error), qPrintable(error));
    for (const char *name : {"passwd", "acl", "accounts"}) {
        const QString text = readFile(file(QLatin1String(name)));
        QVERIFY2(!text.contains(QStringLiteral("player-a1")), name);
        QVERIFY2(text.contains(QStringLiteral("kiosk-01")), name);
    }
    QString output;
    QVERIFY(m_accounts->run({QStringLiteral("remove"), QStringLiteral("player-a1")}, &output) != 0);
}

// The name is matched literally: removing kiosk.01 once also removed kiosk-01's password
// ('.' taken as a pattern).
void tst_FestivalAccounts::removeTakesTheNameLiterally()
{
    QString error;
    QVERIFY2(m_accounts->add(QStringLiteral("kiosk"), QStringLiteral("kiosk-01"), &error), qPrintable(error));
    QVERIFY2(m_accounts->add(QStringLiteral("kiosk"), QStringLiteral("kiosk.01"), &error), qPrintable(error));
    QVERIFY2(m_accounts->remove(QStringLiteral("kiosk.01"), &error), qPrintable(error));
    const QString passwd = readFile(file(QStringLiteral("passwd")));
    QVERIFY2(passwd.contains(QStringLiteral("kiosk-01:")), qPrintable(passwd));
    QVERIFY(!passwd.contains(QStringLiteral("kiosk.01:")));
}

void tst_FestivalAccounts::rolesPrintsTheControllerSection()
{
    QString error, output;
    for (const auto &[role, name] : {std::pair{"organiser", "ana"}, {"organiser", "wing"}, {"staff", "booth-1"}, {"kiosk", "kiosk-01"}})
        QVERIFY2(m_accounts->add(QLatin1String(role), QLatin1String(name), &error), qPrintable(error));
    QCOMPARE(m_accounts->run({QStringLiteral("roles")}, &output), 0);
    const QStringList lines = output.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines, (QStringList{QStringLiteral("[roles]"), QStringLiteral("organiser=ana,wing"), QStringLiteral("staff=booth-1")}));
}

void tst_FestivalAccounts::handEditedWildcardAccountBlocksTheAcl()
{
    QString error, output;
    QVERIFY2(m_accounts->add(QStringLiteral("kiosk"), QStringLiteral("kiosk-01"), &error), qPrintable(error));
    const QString acl = readFile(file(QStringLiteral("acl")));
    QFile accounts(file(QStringLiteral("accounts")));
    QVERIFY(accounts.open(QIODevice::Append));
    accounts.write("+ kiosk\n");
    accounts.close();
    QVERIFY(m_accounts->run({QStringLiteral("acl")}, &output) != 0);
    QVERIFY2(output.contains(QStringLiteral("not a valid account name")), qPrintable(output));
    QCOMPARE(readFile(file(QStringLiteral("acl"))), acl);   // the old ACL stays in force
}

QTEST_GUILESS_MAIN(tst_FestivalAccounts)
#include "tst_festivalaccounts.moc"
