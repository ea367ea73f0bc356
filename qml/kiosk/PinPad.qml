import QtQuick
import QtQuick.Layouts
import Festival.Kiosk

// A numeric keypad for the staff PIN; shows dots, never digits.
ColumnLayout {
    id: root
    property string pin: ""
    signal entered(string pin)
    spacing: 16

    Text {
        Layout.alignment: Qt.AlignHCenter
        text: root.pin.length > 0 ? "●".repeat(root.pin.length) : " "
        color: Theme.text
        font.pixelSize: Theme.title
    }
    GridLayout {
        Layout.alignment: Qt.AlignHCenter
        columns: 3
        rowSpacing: 12
        columnSpacing: 12
        Repeater {
            model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
            KioskButton {
                required property string modelData
                objectName: "pin" + modelData
                implicitWidth: 120
                implicitHeight: 96
                primary: modelData === "OK"
                text: modelData
                onClicked: {
                    if (modelData === "⌫") {
                        root.pin = root.pin.slice(0, -1)
                    } else if (modelData === "OK") {
                        root.entered(root.pin)
                        root.pin = ""
                    } else if (root.pin.length < 12) {
                        root.pin += modelData
                    }
                }
            }
        }
    }
}
