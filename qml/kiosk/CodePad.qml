import QtQuick
import QtQuick.Layouts
import Festival.Kiosk

// The ticket code's own pad: the 32 symbols a code is made of (Crockford base32: the
// digits and the letters but I, L, O and U), in reading order, with keys a thumb cannot
// miss, and the code shown in the printed ticket's four groups of four. A keyboard or
// a USB scanner types into it too: letters in either case, O for 0, I and L for 1, and
// dashes and spaces are ignored, as on the ticket. The pad only edits; the vote page
// decides what a complete code means.
FocusScope {
    id: root
    // Read aloud, the page says what to type; its 32 keys are not read one by one.
    property bool readAloud: false
    // What has been typed: symbols, possibly with the dashes of a scanned code.
    property string code: ""
    // Verdict colour of the boxes: "" while typing, "ok" or "bad" once it can be given.
    property string verdict: ""
    property int columns: 8
    property int keyHeight: 88
    property int keyWidth: 132
    signal edited(string code)
    signal enterPressed()

    readonly property string alphabet: "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    readonly property int length: 16
    readonly property string symbols: code.replace(/[-\s]/g, "").toUpperCase()

    implicitWidth: layout.implicitWidth
    implicitHeight: layout.implicitHeight

    function type(symbol) {
        if (symbols.length < length)
            edited(symbols + symbol)
    }
    function backspace() {
        if (symbols.length > 0)
            edited(symbols.slice(0, -1))
    }
    function clear() { edited("") }
    // One typed character as a code symbol, "" when it is none (aliases as on the ticket).
    function symbolOf(text) {
        const c = text.toUpperCase()
        if (c === "O")
            return "0"
        if (c === "I" || c === "L")
            return "1"
        return c.length === 1 && alphabet.indexOf(c) >= 0 ? c : ""
    }

    Keys.onPressed: event => {
        if (event.key === Qt.Key_Backspace) {
            backspace()
        } else if (event.key === Qt.Key_Escape) {
            clear()
        } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
            enterPressed()
        } else {
            const s = symbolOf(event.text)
            if (s.length === 0)
                return
            type(s)
        }
        event.accepted = true
    }

    ColumnLayout {
        id: layout
        anchors.fill: parent
        spacing: 20

        // The code as printed: K7QF-4M9X-R2DA-BC3P, one box per symbol, the next one lit.
        Row {
            objectName: "codeBoxes"
            Layout.alignment: Qt.AlignHCenter
            spacing: 10
            Accessible.role: Accessible.EditableText
            Accessible.name: qsTr("Ticket code, %1 of 16 characters: %2").arg(root.symbols.length).arg(root.symbols.split("").join(" "))
            Repeater {
                model: 4
                Row {
                    id: group
                    required property int index
                    spacing: 6
                    Repeater {
                        model: 4
                        Rectangle {
                            required property int index
                            readonly property int at: group.index * 4 + index
                            readonly property bool next: at === root.symbols.length
                            width: Math.round(root.keyWidth * 0.52)
                            height: Math.round(root.keyHeight * 1.05)
                            radius: 8
                            color: Theme.surfaceHigh
                            border.width: next ? 4 : 2
                            border.color: root.verdict === "bad" ? Theme.bad
                                        : root.verdict === "ok" ? Theme.good
                                        : next ? Theme.accent : Theme.outline
                            Text {
                                anchors.centerIn: parent
                                text: parent.at < root.symbols.length ? root.symbols[parent.at] : ""
                                color: Theme.text
                                font.pixelSize: Math.round(parent.height * 0.6)
                                font.bold: true
                            }
                        }
                    }
                    Text {
                        visible: group.index < 3
                        text: "–"
                        height: Math.round(root.keyHeight * 1.05)
                        verticalAlignment: Text.AlignVCenter
                        color: Theme.textMuted
                        font.pixelSize: Theme.title
                    }
                }
            }
        }

        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            spacing: 16
            GridLayout {
                columns: root.columns
                rowSpacing: 12
                columnSpacing: 12
                Repeater {
                    model: root.alphabet.split("")
                    KioskButton {
                        required property string modelData
                        objectName: "key" + modelData
                        implicitWidth: root.keyWidth
                        implicitHeight: root.keyHeight
                        font.pixelSize: Math.round(root.keyHeight * 0.45)
                        font.bold: true
                        enabled: root.symbols.length < root.length
                        text: modelData
                        Accessible.name: modelData
                        onClicked: root.type(modelData)
                    }
                }
            }
            ColumnLayout {
                spacing: 12
                KioskButton {
                    objectName: "keyBackspace"
                    Layout.preferredWidth: Math.round(root.keyWidth * 1.6)
                    Layout.preferredHeight: root.keyHeight * 2 + 12
                    font.pixelSize: Theme.heading
                    text: "⌫"
                    enabled: root.symbols.length > 0
                    Accessible.name: qsTr("Delete the last character")
                    onClicked: root.backspace()
                }
                KioskButton {
                    objectName: "keyClear"
                    Layout.preferredWidth: Math.round(root.keyWidth * 1.6)
                    Layout.preferredHeight: root.keyHeight * 2 + 12
                    text: qsTr("Clear")
                    enabled: root.symbols.length > 0
                    onClicked: root.clear()
                }
            }
        }
    }
}
