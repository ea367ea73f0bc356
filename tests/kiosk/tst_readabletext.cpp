// What "Read this page aloud" reads when a page does not say (readableText): the words of
// a real kiosk page (Main.qml, loaded as the app does), top to bottom and left to right,
// without what a visitor cannot see, what is marked Accessible.ignored, and what says
// readAloud: false (the ticket pad's 32 keys).
#include "kiosk.h"
#include "readabletext.h"

#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Festival_KioskPlugin)

using namespace fest;

class tst_ReadableText : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        KioskConfig config;
        config.kioskId = QStringLiteral("kiosk-read");
        config.venueId = QStringLiteral("V-CINE");
        config.programmeFile = QString::fromLocal8Bit(qgetenv("FEST_SOURCE_DIR")) + QStringLiteral("/config/programme.sample.json");
        config.outboxPath = m_dir.filePath(QStringLiteral("outbox.db"));
        config.fakeNow = QDateTime::fromString(QStringLiteral("2026-12-06T11:30:00+08:00"), Qt::ISODate);
        m_kiosk = std::make_unique<Kiosk>(config);
        QString error;
        QVERIFY2(m_kiosk->start(&error), qPrintable(error));
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

    // The ceremony page before the ceremony: its two lines, in order, each a sentence.
    void readsThePageInOrder_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("expected");
        QTest::newRow("en") << QStringLiteral("en")
                            << QStringLiteral("Award Ceremony. The ceremony will appear here when it begins.");
        QTest::newRow("zh_HK") << QStringLiteral("zh_HK") << QStringLiteral("頒獎典禮。 典禮開始時會在此顯示。");
    }
    void readsThePageInOrder()
    {
        QFETCH(QString, language);
        QFETCH(QString, expected);
        m_kiosk->resetToHome();
        m_kiosk->setLanguage(language);
        m_kiosk->showScreen(QStringLiteral("ceremony"));
        QQuickItem *page = currentPage();
        QVERIFY(page);
        QCOMPARE(readableText(page), expected);
    }

    // Words side by side are read left to right, lines top to bottom, whatever the order
    // of the items in the tree; hidden, ignored and readAloud: false items are left out.
    void leavesOutWhatIsNotForReading()
    {
        m_kiosk->resetToHome();
        m_kiosk->setLanguage(QStringLiteral("en"));
        m_kiosk->showScreen(QStringLiteral("ceremony"));
        QQuickItem *page = currentPage();
        QVERIFY(page);
        QQmlComponent component(m_engine.get());
        component.setData(R"(
            import QtQuick
            Item {
                anchors.fill: parent
                Text { x: 600; y: 10; text: "right" }
                Text { x: 10; y: 14; text: "left" }
                Text { x: 10; y: 700; text: "last line" }
                Text { x: 10; y: 500; text: "staff only"; Accessible.ignored: true }
                Text { x: 10; y: 520; text: "hidden"; visible: false }
                Text { x: 10; y: 540; text: "see-through"; opacity: 0 }
                Text { x: 10; y: 5000; text: "off the page" }
                Item {
                    property bool readAloud: false
                    Text { x: 10; y: 560; text: "Q" }
                }
                Flickable {
                    x: 10; y: 600; width: 400; height: 50; clip: true
                    Text { y: 0; text: "in view" }
                    Text { y: 200; text: "scrolled out" }
                }
            }
        )", QUrl());
        std::unique_ptr<QObject> object(component.create());
        QVERIFY2(object, qPrintable(component.errorString()));
        auto *extra = qobject_cast<QQuickItem *>(object.get());
        extra->setParentItem(page);
        const QString text = readableText(page);
        const QString added = QStringLiteral("left. right.");
        QVERIFY2(text.contains(added), qPrintable(text));
        QVERIFY2(text.indexOf(QStringLiteral("right.")) < text.indexOf(QStringLiteral("Award Ceremony")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("in view.")), qPrintable(text));
        QVERIFY2(text.endsWith(QStringLiteral("last line.")), qPrintable(text));
        for (const char *unread : {"staff only", "hidden", "see-through", "off the page", "Q.", "scrolled out"})
            QVERIFY2(!text.contains(QLatin1String(unread)), qPrintable(QStringLiteral("read \"%1\": %2").arg(QLatin1String(unread), text)));
    }

    // The ticket step says what to do; the pad's keys are not read one by one.
    void theTicketPadIsNotReadKeyByKey()
    {
        m_kiosk->resetToHome();
        m_kiosk->setLanguage(QStringLiteral("en"));
        m_kiosk->showScreen(QStringLiteral("vote-code"));
        QTest::qWait(50);
        const QString text = readableText(currentPage());
        QVERIFY2(text.contains(QStringLiteral("code on your ticket")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("W.")) && !text.contains(QStringLiteral("Z.")), qPrintable(text));
    }

private:
    QQuickItem *currentPage()
    {
        // The StackLayout's current Loader holds the page.
        const QString page = m_window->property("page").toString();
        const QStringList pages = m_window->property("pages").toStringList();
        const int index = pages.indexOf(page);
        for (QQuickItem *item : m_window->findChildren<QQuickItem *>()) {
            if (item->inherits("QQuickStackLayout")) {
                const QList<QQuickItem *> loaders = item->childItems();
                if (index < 0 || index >= loaders.size())
                    return nullptr;
                (void)QTest::qWaitFor([&] { return loaders[index]->property("item").value<QQuickItem *>() != nullptr; }, 5000);
                return loaders[index]->property("item").value<QQuickItem *>();
            }
        }
        return nullptr;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Kiosk> m_kiosk;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
};

QTEST_MAIN(tst_ReadableText)
#include "tst_readabletext.moc"
