// Every control of the real kiosk (Main.qml and its pages, in both languages) has a name
// and a role for assistive technology: the test walks the item tree of each page and
// lists every tappable item (a button, a tap handler's item, a mouse area) that a screen
// reader could not name. A hidden gesture (the staff taps on the clock) must say that
// it is to be ignored.
#include "kiosk.h"

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Festival_KioskPlugin)

using namespace fest;

namespace {
QObject *accessibleOf(const QQuickItem *item)
{
    for (QObject *child : item->children()) {
        if (qstrcmp(child->metaObject()->className(), "QQuickAccessibleAttached") == 0)
            return child;
    }
    return nullptr;
}

bool tappable(const QQuickItem *item)
{
    if (item->inherits("QQuickAbstractButton") || item->inherits("QQuickMouseArea"))
        return true;
    for (const QObject *child : item->children()) {
        if (child->inherits("QQuickTapHandler"))
            return true;
    }
    return false;
}

// Why a tappable item is unnamed, or an empty string when a screen reader can name it.
QString unnamed(const QQuickItem *item)
{
    const QObject *a = accessibleOf(item);
    if (a && a->property("ignored").toBool())
        return {};
    if (a && !a->property("name").toString().trimmed().isEmpty())
        return {};
    // Qt Quick Controls name a button by its text.
    if (item->inherits("QQuickAbstractButton") && !item->property("text").toString().trimmed().isEmpty())
        return {};
    // An area that only fills its parent's control (whose name it is) passes through it.
    if (item->parentItem() && !tappable(item->parentItem()) && item->inherits("QQuickMouseArea")) {
        const QObject *pa = accessibleOf(item->parentItem());
        if (pa && !pa->property("name").toString().isEmpty())
            return {};
    }
    QString path;
    for (const QQuickItem *i = item; i; i = i->parentItem()) {
        const QString name = i->objectName().isEmpty() ? QString::fromLatin1(i->metaObject()->className()) : i->objectName();
        path = path.isEmpty() ? name : name + u'/' + path;
    }
    return path;
}

void walk(const QQuickItem *item, QStringList *problems)
{
    if (!item->isVisible())
        return;
    if (tappable(item)) {
        if (const QString why = unnamed(item); !why.isEmpty())
            *problems << why;
    }
    for (const QQuickItem *child : item->childItems())
        walk(child, problems);
}
} // namespace

class tst_KioskAccessibility : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        KioskConfig config;
        config.kioskId = QStringLiteral("kiosk-a11y");
        config.venueId = QStringLiteral("V-CINE");
        config.programmeFile = QString::fromLocal8Bit(qgetenv("FEST_SOURCE_DIR")) + QStringLiteral("/config/programme.sample.json");
        config.outboxPath = m_dir.filePath(QStringLiteral("outbox.db"));
        config.fakeNow = QDateTime::fromString(QStringLiteral("2026-12-06T11:30:00+08:00"), Qt::ISODate);
        m_kiosk = std::make_unique<Kiosk>(config);
        QString error;
        QVERIFY2(m_kiosk->start(&error), qPrintable(error));
        m_kiosk->votingWindows()->setWindows({{QStringLiteral("S-0202"), {VotingStatus::State::Open, {}}}});
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_engine->addImportPath(QStringLiteral("qrc:/"));
        m_kiosk->setEngine(m_engine.get());
        m_engine->load(QUrl(QStringLiteral("qrc:/Festival/Kiosk/Main.qml")));
        QVERIFY(!m_engine->rootObjects().isEmpty());
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().first());
        QVERIFY(m_window);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }
    void cleanupTestCase()
    {
        m_engine.reset();
        m_kiosk.reset();
    }

    void everyControlIsNamed_data()
    {
        QTest::addColumn<QString>("screen");
        QTest::addColumn<QString>("argument");
        QTest::addColumn<QString>("language");
        for (const char *language : {"en", "zh_HK"}) {
            for (const char *screen : {"home", "programme", "search", "vote-choose", "vote-code", "vote-rate", "vote-thanks", "staff"})
                QTest::addRow("%s %s", screen, language) << QString::fromLatin1(screen) << QString() << QString::fromLatin1(language);
            QTest::addRow("film %s", language) << QStringLiteral("film") << QStringLiteral("F-001") << QString::fromLatin1(language);
        }
    }
    void everyControlIsNamed()
    {
        QFETCH(QString, screen);
        QFETCH(QString, argument);
        QFETCH(QString, language);
        m_kiosk->resetToHome();
        m_kiosk->setLanguage(language);
        m_kiosk->showScreen(screen, argument);
        QTest::qWait(50);   // the page builds and lays out
        QStringList problems;
        walk(m_window->contentItem(), &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("no accessible name: ") + problems.join(QStringLiteral("\n  "))));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Kiosk> m_kiosk;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
};

QTEST_MAIN(tst_KioskAccessibility)
#include "tst_kioskaccessibility.moc"
