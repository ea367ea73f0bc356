import QtQuick
import QtQuick.Controls.Basic
import Festival.Kiosk

// The kiosk's button: big enough for a thumb, high contrast, accent when primary.
Button {
    id: control
    property bool primary: false
    property bool selected: false

    implicitHeight: Theme.touch
    implicitWidth: Math.max(Theme.touch * 2, contentItem.implicitWidth + 2 * Theme.gap)
    font.pixelSize: Theme.body
    font.bold: primary
    focusPolicy: Qt.NoFocus   // keeps the ticket field focused while tapping around it

    contentItem: Text {
        text: control.text
        font: control.font
        color: control.primary || control.selected ? Theme.textOnAccent : Theme.text
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
        opacity: control.enabled ? 1 : 0.6
    }
    background: Rectangle {
        radius: Theme.radius
        color: control.primary || control.selected
               ? (control.down ? Qt.darker(Theme.accent, 1.2) : Theme.accent)
               : (control.down ? Theme.outline : Theme.surfaceHigh)
        border.color: control.selected ? Theme.accent : Theme.outline
        border.width: 1
        opacity: control.enabled ? 1 : 0.5
    }
}
