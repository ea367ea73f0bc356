import QtQuick
import QtQuick.VirtualKeyboard

// The on-screen keyboard, in a file of its own so that Main.qml loads it (and the Qt
// Virtual Keyboard module) by URL, only when the vote page asks for it. As wide as the
// Loader that holds it; its height follows from its width.
InputPanel {
    width: parent ? parent.width : implicitWidth
}
