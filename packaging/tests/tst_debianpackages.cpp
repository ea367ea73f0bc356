// The Debian packages as an operator gets them: built with CPack from this build tree,
// their contents and control data checked, their systemd units verified and, when the
// test runs as root, installed, run (--version) and purged.
#include "projectbinaries.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace fest;

namespace {
constexpr int cpackTimeoutMs = 240000;
constexpr int toolTimeoutMs = 60000;

struct Result {
    int exitCode = -1;
    QString output;
};

Result runTool(const QString &program, const QStringList &arguments, int timeoutMs = toolTimeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    Result r;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        r.output = QStringLiteral("%1 did not finish: %2").arg(program, process.errorString());
        return r;
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.output = QString::fromLocal8Bit(process.readAll());
    return r;
}

// The packages and what each needs built. festival-broker-config has no binaries.
struct PackageSpec {
    QString package;
    QString component;
    QStringList binaries;
};

const QList<PackageSpec> packageSpecs = {
    {QStringLiteral("festival-broker-config"), QStringLiteral("broker"), {}},
    {QStringLiteral("festival-controller"), QStringLiteral("controller"), {QStringLiteral("festival-controller"), QStringLiteral("festctl")}},
    {QStringLiteral("festival-player"), QStringLiteral("player"), {QStringLiteral("festival-player")}},
    {QStringLiteral("festival-kiosk"), QStringLiteral("kiosk"), {QStringLiteral("festival-kiosk")}},
};

QString unitOf(const QString &package)
{
    return package + QStringLiteral(".service");
}
} // namespace

class tst_DebianPackages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyPackageBuilt_data();
    void everyPackageBuilt();
    void packageContents_data();
    void packageContents();
    void controlData_data();
    void controlData();
    void unitsAreHardened_data();
    void unitsAreHardened();
    void unitsPassSystemdVerify_data();
    void unitsPassSystemdVerify();
    void installRunAndPurge();

private:
    QString debFor(const QString &package) const;
    bool expectApp(const QString &package) const { return m_packages.contains(package); }

    QTemporaryDir m_out;
    QStringList m_packages;   // those this build tree can produce (./run test builds all)
    QStringList m_debs;
};

QString tst_DebianPackages::debFor(const QString &package) const
{
    for (const QString &deb : m_debs) {
        if (QFileInfo(deb).fileName().startsWith(package + QLatin1Char('_')))
            return deb;
    }
    return {};
}

void tst_DebianPackages::initTestCase()
{
    // The player and kiosk build a GUI application even for --version; no display here.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const QString config = QDir(qEnvironmentVariable("FEST_BINARY_DIR")).filePath(QStringLiteral("CPackConfig.cmake"));
    QVERIFY2(QFile::exists(config), qPrintable(config + QStringLiteral(" is missing: configure the project with packaging/")));
    QVERIFY(m_out.isValid());
    QStringList components;
    for (const PackageSpec &spec : packageSpecs) {
        const bool built = std::all_of(spec.binaries.cbegin(), spec.binaries.cend(),
                                       [](const QString &b) { return !projectBinary(b).isEmpty(); });
        if (!built) {
            qWarning("%s: not every binary of it is built here; it is left out", qPrintable(spec.package));
            continue;
        }
        m_packages.append(spec.package);
        components.append(spec.component);
    }
    const Result cpack = runTool(QStringLiteral("cpack"),
                                 {QStringLiteral("--config"), config, QStringLiteral("-B"), m_out.path(),
                                  QStringLiteral("-D"), QStringLiteral("CPACK_COMPONENTS_ALL=") + components.join(QLatin1Char(';'))},
                                 cpackTimeoutMs);
    QVERIFY2(cpack.exitCode == 0, qPrintable(cpack.output));
    for (const QFileInfo &info : QDir(m_out.path()).entryInfoList({QStringLiteral("*.deb")}, QDir::Files))
        m_debs.append(info.absoluteFilePath());
}

void tst_DebianPackages::everyPackageBuilt_data()
{
    QTest::addColumn<QString>("package");
    for (const QString &p : m_packages)
        QTest::newRow(qPrintable(p)) << p;
}

void tst_DebianPackages::everyPackageBuilt()
{
    QFETCH(QString, package);
    QVERIFY2(!debFor(package).isEmpty(), qPrintable(QStringLiteral("no %1_*.deb among: %2").arg(package, m_debs.join(QLatin1Char(' ')))));
}

void tst_DebianPackages::packageContents_data()
{
    QTest::addColumn<QString>("package");
    QTest::addColumn<QString>("path");
    auto row = [](const char *package, const char *path) {
        QTest::addRow("%s %s", package, path) << QString::fromLatin1(package) << QString::fromLatin1(path);
    };
    row("festival-broker-config", "./etc/mosquitto/conf.d/festival.conf");
    row("festival-broker-config", "./usr/sbin/festival-accounts");
    row("festival-broker-config", "./usr/share/festival/mosquitto/make-test-ca");
    for (const char *role : {"controller", "organiser", "staff", "player", "kiosk", "bridge"})
        QTest::addRow("festival-broker-config %s.acl", role)
            << QStringLiteral("festival-broker-config")
            << QStringLiteral("./usr/share/festival/mosquitto/acl.d/%1.acl").arg(QLatin1String(role));
    row("festival-broker-config", "./usr/share/doc/festival-broker-config/examples/bridge-venue.conf");
    row("festival-broker-config", "./usr/share/doc/festival-broker-config/operations.md");
    for (const char *app : {"controller", "player", "kiosk"}) {
        const QString package = QStringLiteral("festival-%1").arg(QLatin1String(app));
        auto appRow = [&](const QString &path) {
            QTest::addRow("%s %s", qPrintable(package), qPrintable(path)) << package << path;
        };
        appRow(QStringLiteral("./usr/bin/") + package);
        appRow(QStringLiteral("./usr/lib/systemd/system/%1.service").arg(package));
        appRow(QStringLiteral("./etc/festival/%1.ini").arg(QLatin1String(app)));
        appRow(QStringLiteral("./usr/lib/sysusers.d/%1.conf").arg(package));
        appRow(QStringLiteral("./usr/share/doc/%1/operations.md").arg(package));
    }
    row("festival-controller", "./usr/bin/festctl");
}

void tst_DebianPackages::packageContents()
{
    QFETCH(QString, package);
    QFETCH(QString, path);
    if (!expectApp(package))
        QSKIP("the app is not built in this tree");
    const Result listing = runTool(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), debFor(package)});
    QCOMPARE(listing.exitCode, 0);
    // dpkg-deb -c: "mode owner/group size date time path"; owners must be root.
    const QRegularExpression line(QStringLiteral("^(\\S+) root/root .* %1$").arg(QRegularExpression::escape(path)),
                                  QRegularExpression::MultilineOption);
    QVERIFY2(line.match(listing.output).hasMatch(), qPrintable(listing.output));
}

void tst_DebianPackages::controlData_data()
{
    QTest::addColumn<QString>("package");
    QTest::addColumn<QString>("dependsOn");
    QTest::addColumn<QString>("conffile");
    QTest::newRow("broker") << "festival-broker-config" << "mosquitto" << "/etc/mosquitto/conf.d/festival.conf";
    QTest::newRow("controller") << "festival-controller" << "libqt6core6" << "/etc/festival/controller.ini";
    QTest::newRow("player") << "festival-player" << "gstreamer1.0-qt6" << "/etc/festival/player.ini";
    QTest::newRow("player's Chinese") << "festival-player" << "fonts-noto-cjk" << "/etc/festival/player.ini";
    QTest::newRow("kiosk") << "festival-kiosk" << "fonts-noto-cjk" << "/etc/festival/kiosk.ini";
    QTest::newRow("kiosk's on-screen keyboard") << "festival-kiosk" << "qt6-virtualkeyboard-plugin" << "/etc/festival/kiosk.ini";
    QTest::newRow("festctl's still from a film") << "festival-controller" << "gstreamer1.0-plugins-base" << "/etc/festival/controller.ini";
    QTest::newRow("kiosk's QR camera") << "festival-kiosk" << "gstreamer1.0-plugins-bad" << "/etc/festival/kiosk.ini";
    QTest::newRow("kiosk's reading aloud: Qt's engine") << "festival-kiosk" << "qt6-speech-speechd-plugin" << "/etc/festival/kiosk.ini";
    QTest::newRow("kiosk's reading aloud: the voices") << "festival-kiosk" << "speech-dispatcher-espeak-ng" << "/etc/festival/kiosk.ini";
    QTest::newRow("kiosk's reading aloud: the speech server") << "festival-kiosk" << "speech-dispatcher," << "/etc/festival/kiosk.ini";
    QTest::newRow("kiosk's reading aloud: its sound settings") << "festival-kiosk" << "speech-dispatcher-espeak-ng"
                                                              << "/etc/festival/kiosk-speech/speech-dispatcher/speechd.conf";
}

void tst_DebianPackages::controlData()
{
    QFETCH(QString, package);
    QFETCH(QString, dependsOn);
    QFETCH(QString, conffile);
    if (!expectApp(package))
        QSKIP("the app is not built in this tree");
    const QString deb = debFor(package);
    const Result fields = runTool(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), deb, QStringLiteral("Package"), QStringLiteral("Depends")});
    QCOMPARE(fields.exitCode, 0);
    QVERIFY2(fields.output.contains(QStringLiteral("Package: ") + package), qPrintable(fields.output));
    QVERIFY2(fields.output.contains(dependsOn), qPrintable(fields.output));

    QTemporaryDir control;
    QCOMPARE(runTool(QStringLiteral("dpkg-deb"), {QStringLiteral("-e"), deb, control.path()}).exitCode, 0);
    QFile conffiles(QDir(control.path()).filePath(QStringLiteral("conffiles")));
    QVERIFY(conffiles.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(conffiles.readAll()).split(QLatin1Char('\n')).contains(conffile));
    for (const char *script : {"postinst", "postrm"}) {
        const QFileInfo info(QDir(control.path()).filePath(QLatin1String(script)));
        QVERIFY2(info.isExecutable(), script);
        QCOMPARE(runTool(QStringLiteral("sh"), {QStringLiteral("-n"), info.filePath()}).exitCode, 0);
    }
}

void tst_DebianPackages::unitsAreHardened_data()
{
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("setting");
    for (const char *app : {"controller", "player", "kiosk"}) {
        const QString unit = QStringLiteral("festival-%1.service").arg(QLatin1String(app));
        for (const char *setting : {"Restart=on-failure", "User=festival", "NoNewPrivileges=yes", "ProtectSystem=strict",
                                    "ProtectHome=yes", "PrivateTmp=yes", "CapabilityBoundingSet=",
                                    "SystemCallFilter=@system-service"})
            QTest::addRow("%s %s", qPrintable(unit), setting) << unit << QString::fromLatin1(setting);
        QTest::addRow("%s StateDirectory", qPrintable(unit))
            << unit << QStringLiteral("StateDirectory=festival-%1").arg(QLatin1String(app));
    }
}

void tst_DebianPackages::unitsAreHardened()
{
    QFETCH(QString, unit);
    QFETCH(QString, setting);
    QFile file(QDir(QStringLiteral(FEST_PACKAGING_DIR)).filePath(QStringLiteral("systemd/") + unit));
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    QVERIFY2(QString::fromUtf8(file.readAll()).split(QLatin1Char('\n')).contains(setting), qPrintable(setting));
}

void tst_DebianPackages::unitsPassSystemdVerify_data()
{
    QTest::addColumn<QString>("package");
    for (const char *app : {"controller", "player", "kiosk"})
        QTest::newRow(app) << QStringLiteral("festival-%1").arg(QLatin1String(app));
}

void tst_DebianPackages::unitsPassSystemdVerify()
{
    // systemd-analyze verify also checks that ExecStart exists: point it at the binary
    // in this build tree (installRunAndPurge verifies the installed units as they are).
    QFETCH(QString, package);
    const QString binary = projectBinary(package);
    if (binary.isEmpty())
        QSKIP("the app is not built in this tree");
    QFile source(QDir(QStringLiteral(FEST_PACKAGING_DIR)).filePath(QStringLiteral("systemd/") + unitOf(package)));
    QVERIFY(source.open(QIODevice::ReadOnly | QIODevice::Text));
    QString text = QString::fromUtf8(source.readAll());
    text.replace(QStringLiteral("ExecStart=/usr/bin/") + package, QStringLiteral("ExecStart=") + binary);
    QTemporaryDir dir;
    QFile unit(QDir(dir.path()).filePath(unitOf(package)));
    QVERIFY(unit.open(QIODevice::WriteOnly));
    unit.write(text.toUtf8());
    unit.close();
    const Result verify = runTool(QStringLiteral("systemd-analyze"), {QStringLiteral("verify"), unit.fileName()});
    QVERIFY2(verify.exitCode == 0 && verify.output.trimmed().isEmpty(), qPrintable(verify.output));
}

void tst_DebianPackages::installRunAndPurge()
{
    if (::geteuid() != 0)
        QSKIP("installing packages needs root");
    const QStringList packages = m_packages;
    QStringList debs;
    for (const QString &p : packages)
        debs.append(debFor(p));
    const Result install = runTool(QStringLiteral("dpkg"), QStringList{QStringLiteral("-i")} + debs, cpackTimeoutMs);
    auto purge = qScopeGuard([&] { runTool(QStringLiteral("dpkg"), QStringList{QStringLiteral("--purge")} + packages); });
    QVERIFY2(install.exitCode == 0, qPrintable(install.output));

    for (const QString &p : packages) {
        if (p == QLatin1String("festival-broker-config"))
            continue;
        const Result version = runTool(QStringLiteral("/usr/bin/") + p, {QStringLiteral("--version")});
        QVERIFY2(version.exitCode == 0 && version.output.contains(QStringLiteral(FEST_VERSION)),
                 qPrintable(p + QStringLiteral(": ") + version.output));
        const Result verify = runTool(QStringLiteral("systemd-analyze"),
                                      {QStringLiteral("verify"), QStringLiteral("/usr/lib/systemd/system/") + unitOf(p)});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.output));
    }
    QVERIFY(runTool(QStringLiteral("getent"), {QStringLiteral("passwd"), QStringLiteral("festival")}).exitCode == 0
            || !packages.contains(QStringLiteral("festival-controller")));

    // The broker package made a certificate and an empty account list; the installed
    // festival-accounts works from its installed templates.
    QVERIFY(QFile::exists(QStringLiteral("/etc/festival/mosquitto/certs/server.crt")));
    QTemporaryDir accounts;
    const Result add = runTool(QStringLiteral("/usr/sbin/festival-accounts"),
                               {QStringLiteral("--dir"), accounts.path(), QStringLiteral("add"), QStringLiteral("kiosk"), QStringLiteral("kiosk-01")});
    QVERIFY2(add.exitCode == 0, qPrintable(add.output));

    purge.dismiss();
    const Result removed = runTool(QStringLiteral("dpkg"), QStringList{QStringLiteral("--purge")} + packages, cpackTimeoutMs);
    QVERIFY2(removed.exitCode == 0, qPrintable(removed.output));
    for (const QString &p : packages)
        QVERIFY2(!QFile::exists(QStringLiteral("/usr/bin/") + p), qPrintable(p));
    QVERIFY(!QFile::exists(QStringLiteral("/etc/mosquitto/conf.d/festival.conf")));
    QVERIFY(!QFile::exists(QStringLiteral("/etc/festival")));
}

QTEST_GUILESS_MAIN(tst_DebianPackages)
#include "tst_debianpackages.moc"
