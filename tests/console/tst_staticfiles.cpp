#include "staticfiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace fest;

namespace {
bool write(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}
} // namespace

class tst_StaticFiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void serves_data();
    void serves();
    void refuses_data();
    void refuses();
    void contentTypes_data();
    void contentTypes();
    void refusalIsNotFound();

private:
    QTemporaryDir m_dir;
    QString m_root;
};

void tst_StaticFiles::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_root = m_dir.filePath(QStringLiteral("web"));
    QVERIFY(write(m_root + QStringLiteral("/index.html"), "<!doctype html>"));
    QVERIFY(write(m_root + QStringLiteral("/js/app.js"), "export {}"));
    QVERIFY(write(m_root + QStringLiteral("/.env"), "SECRET=1"));
    QVERIFY(write(m_dir.filePath(QStringLiteral("secret.txt")), "outside"));
    QVERIFY(write(m_dir.filePath(QStringLiteral("web-other/x.js")), "outside"));
    QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("secret.txt")), m_root + QStringLiteral("/link.txt")));
    QVERIFY(QDir().mkpath(m_root + QStringLiteral("/empty")));
}

void tst_StaticFiles::serves_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("root is index.html") << "/" << QByteArray("<!doctype html>");
    QTest::newRow("file") << "/index.html" << QByteArray("<!doctype html>");
    QTest::newRow("nested") << "/js/app.js" << QByteArray("export {}");
}

void tst_StaticFiles::serves()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    const HttpResponse r = StaticFiles(m_root).get(path);
    QCOMPARE(r.status, HttpResponse::Status::Ok);
    QCOMPARE(r.body, body);
}

void tst_StaticFiles::refuses_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("parent") << "/../secret.txt";
    QTest::newRow("parent after a folder") << "/js/../../secret.txt";
    QTest::newRow("sibling folder with the root as prefix") << "/../web-other/x.js";
    QTest::newRow("dot level") << "/./index.html";
    QTest::newRow("hidden file") << "/.env";
    QTest::newRow("backslash") << "/..\\secret.txt";
    QTest::newRow("NUL") << QStringLiteral("/index.html") + QChar(0) + QStringLiteral(".js");
    QTest::newRow("double slash") << "//secret.txt";
    QTest::newRow("symlink out of the root") << "/link.txt";
    QTest::newRow("folder") << "/empty";
    QTest::newRow("missing") << "/nothing.js";
    QTest::newRow("relative") << "index.html";
    QTest::newRow("absolute path smuggled") << "/" + QDir::rootPath() + "etc/passwd";
}

void tst_StaticFiles::refuses()
{
    QFETCH(QString, path);
    QVERIFY2(StaticFiles(m_root).resolve(path).isEmpty(), qPrintable(StaticFiles(m_root).resolve(path)));
}

void tst_StaticFiles::contentTypes_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("type");
    QTest::newRow("html") << "index.html" << QByteArray("text/html; charset=utf-8");
    QTest::newRow("js") << "a.js" << QByteArray("text/javascript; charset=utf-8");
    QTest::newRow("css") << "a.CSS" << QByteArray("text/css; charset=utf-8");
    QTest::newRow("svg") << "i.svg" << QByteArray("image/svg+xml");
    QTest::newRow("json") << "zh.json" << QByteArray("application/json");
    QTest::newRow("unknown is never sniffed as a page") << "x.exe" << QByteArray("application/octet-stream");
}

void tst_StaticFiles::contentTypes()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, type);
    QCOMPARE(StaticFiles::contentType(file), type);
}

void tst_StaticFiles::refusalIsNotFound()
{
    const HttpResponse r = StaticFiles(m_root).get(QStringLiteral("/../secret.txt"));
    QCOMPARE(r.status, HttpResponse::Status::NotFound);
    QVERIFY(!r.body.contains("outside"));
}

QTEST_APPLESS_MAIN(tst_StaticFiles)
#include "tst_staticfiles.moc"
