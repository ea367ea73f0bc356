import QtQuick
import Festival.Kiosk

// A small dot in the corner: staff see at a glance whether the kiosk is online; visitors
// are not alarmed (votes are safe either way).
Row {
    id: root
    spacing: 8
    readonly property color dotColor: {
        switch (Kiosk.connection) {
        case Kiosk.Online: return Theme.good
        case Kiosk.Connecting: return Theme.warn
        case Kiosk.Offline: return Theme.offline
        default: return Theme.textMuted
        }
    }
    Accessible.name: label.text

    Rectangle {
        anchors.verticalCenter: parent.verticalCenter
        width: 14; height: 14; radius: 7
        color: root.dotColor
    }
    Text {
        id: label
        anchors.verticalCenter: parent.verticalCenter
        font.pixelSize: Theme.small - 4
        color: Theme.textMuted
        text: {
            switch (Kiosk.connection) {
            case Kiosk.Online: return qsTr("Online")
            case Kiosk.Connecting: return qsTr("Connecting")
            case Kiosk.Offline: return qsTr("Offline")
            default: return qsTr("Local")
            }
        }
    }
}
