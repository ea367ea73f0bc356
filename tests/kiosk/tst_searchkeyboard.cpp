// The on-screen keyboard of the programme's search types, on a real X display (Xvfb):
// the input method plugin is installed (qt6-virtualkeyboard-plugin; without it the
// keyboard shows and every tap logs "input method is not set"), a tap on a key puts its
// letter in the focused field, and Enter puts the keyboard away. The offscreen platform
// has no input methods at all, hence the X display.
#include "xvfbdisplay.h"

#include <QGuiApplication>
#include <QInputMethod>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

#include <cstdio>

using namespace fest;

namespace {
QQuickItem *keyFor(QQuickItem *item, int key)
{
    for (QQuickItem *child : item->childItems()) {
        const QVariant k = child->property("key");
        if (k.isValid() && k.toInt() == key && child->isVisible() && child->width() > 0)
            return child;
        if (QQuickItem *found = keyFor(child, key))
            return found;
    }
    return nullptr;
}

void tap(QQuickWindow *window, QQuickItem *item)
{
    const QPoint centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint();
    QTest::mouseClick(window, Qt::LeftButton, {}, centre);
}
} // namespace

class tst_SearchKeyboard : public QObject
{
    Q_OBJECT
private slots:
    void aTapTypesAndEnterHides()
    {
        QQmlApplicationEngine engine;
        engine.loadData(R"(
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.VirtualKeyboard
Window {
    width: 1920; height: 1080; visible: true
    TextField {
        objectName: "field"; width: 800
        inputMethodHints: Qt.ImhNoPredictiveText
        onAccepted: { focus = false; Qt.inputMethod.hide() }
    }
    InputPanel { objectName: "panel"; width: 1280; y: parent.height - height }
}
)");
        QVERIFY(!engine.rootObjects().isEmpty());
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        QVERIFY(QTest::qWaitForWindowExposed(window));
        window->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(window));
        auto *field = window->findChild<QQuickItem *>(QStringLiteral("field"));
        auto *panel = window->findChild<QQuickItem *>(QStringLiteral("panel"));
        QVERIFY(field && panel);

        field->forceActiveFocus();
        QGuiApplication::inputMethod()->show();
        QTRY_VERIFY2(panel->property("active").toBool(), "the on-screen keyboard did not come up: is qt6-virtualkeyboard-plugin installed?");
        QTRY_VERIFY(keyFor(panel, Qt::Key_A));
        tap(window, keyFor(panel, Qt::Key_A));
        // The first letter of the field is upper case, as the keyboard starts a sentence.
        QTRY_COMPARE(field->property("text").toString().toLower(), QStringLiteral("a"));
        tap(window, keyFor(panel, Qt::Key_Return));
        QTRY_VERIFY(!QGuiApplication::inputMethod()->isVisible());
        QVERIFY(!field->hasActiveFocus());
    }
};

int main(int argc, char **argv)
{
    XvfbDisplay display;
    if (!display.start()) {
        std::fprintf(stderr, "tst_searchkeyboard: %s\n", qPrintable(display.errorString()));
        return 1;
    }
    qputenv("DISPLAY", display.name());
    qputenv("QT_QPA_PLATFORM", "xcb");
    qputenv("QT_IM_MODULE", "qtvirtualkeyboard");
    qunsetenv("QT_QUICK_BACKEND");
    QGuiApplication app(argc, argv);
    tst_SearchKeyboard test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_searchkeyboard.moc"
