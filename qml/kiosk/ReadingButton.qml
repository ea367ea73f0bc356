import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts
import Festival.Kiosk

// "Aa" in the header of every page: larger text and high contrast, each one tap away,
// for as long as the visitor stays (the idle reset turns them off).
KioskButton {
    id: button
    objectName: "readingButton"
    text: "Aa"
    font.pixelSize: Theme.heading
    font.bold: true
    selected: Kiosk.largeText || Kiosk.highContrast
    Accessible.name: qsTr("Reading help: larger text, high contrast")
    onClicked: panel.open()

    Popup {
        id: panel
        objectName: "readingPanel"
        parent: T.Overlay.overlay
        x: parent ? parent.width - width - Theme.gap : 0
        y: 120
        padding: Theme.gap
        modal: true
        background: Rectangle {
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.accent
            border.width: 3
        }
        contentItem: ColumnLayout {
            spacing: 16
            Text {
                text: qsTr("Reading help")
                color: Theme.text
                font.pixelSize: Theme.title
                font.bold: true
            }
            KioskButton {
                objectName: "largeTextToggle"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touch + 16
                font.pixelSize: Theme.heading
                selected: Kiosk.largeText
                text: Kiosk.largeText ? qsTr("✓ Larger text") : qsTr("Larger text")
                onClicked: Kiosk.largeText = !Kiosk.largeText
            }
            KioskButton {
                objectName: "highContrastToggle"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touch + 16
                font.pixelSize: Theme.heading
                selected: Kiosk.highContrast
                text: Kiosk.highContrast ? qsTr("✓ High contrast") : qsTr("High contrast")
                onClicked: Kiosk.highContrast = !Kiosk.highContrast
            }
            KioskButton {
                Layout.fillWidth: true
                primary: true
                text: qsTr("Done")
                onClicked: panel.close()
            }
        }
    }
}
