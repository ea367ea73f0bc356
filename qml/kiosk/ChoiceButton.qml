import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.Templates as T
import Festival.Kiosk

// A filter in one button: "Venue: All ▾" opens the choices as big buttons, so that the
// programme's filters take one row instead of a screen's worth of chips.
KioskButton {
    id: button
    property string label: ""
    property string allText: ""
    property var options: []        // [{id, name}]
    property string current: ""     // "" is "all"
    signal chosen(string id)

    readonly property string currentName: {
        for (const o of options) {
            if (o.id === current)
                return o.name
        }
        return allText
    }
    text: label + ": " + currentName + "  ▾"
    selected: current !== ""
    Accessible.name: label + ": " + currentName
    onClicked: popup.open()

    Popup {
        id: popup
        objectName: button.objectName + "Choices"
        parent: T.Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent ? parent.width - 2 * Theme.gap : 800, 900)
        padding: Theme.gap
        modal: true
        background: Rectangle {
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.accent
            border.width: 3
        }
        contentItem: ColumnLayout {
            spacing: 12
            Text {
                text: button.label
                color: Theme.text
                font.pixelSize: Theme.title
                font.bold: true
            }
            KioskButton {
                Layout.fillWidth: true
                text: button.allText
                selected: button.current === ""
                onClicked: { button.chosen(""); popup.close() }
            }
            Repeater {
                model: button.options
                KioskButton {
                    required property var modelData
                    Layout.fillWidth: true
                    text: modelData.name
                    selected: button.current === modelData.id
                    onClicked: { button.chosen(modelData.id); popup.close() }
                }
            }
        }
    }
}
