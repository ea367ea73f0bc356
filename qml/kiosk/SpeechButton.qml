import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import Festival.Kiosk

// 🔊 in the header of every page: reads the page aloud in the language shown; a second tap
// stops. Where the kiosk cannot speak, a tap says so (staff see why on the staff panel).
// The loudspeaker is drawn: the kiosk's font has no emoji.
KioskButton {
    id: button
    objectName: "speechButton"
    // What to read: the page's own `spokenText`, else the words it shows (Main.qml).
    required property var readPage

    implicitWidth: Math.max(96, Theme.touch)
    implicitHeight: Math.max(88, Theme.touch)
    selected: Kiosk.speech.speaking
    Accessible.name: Kiosk.speech.speaking ? qsTr("Stop reading aloud") : qsTr("Read this page aloud")
    text: ""
    onClicked: {
        if (Kiosk.speech.speaking) {
            Kiosk.speech.stop()
        } else if (!Kiosk.speech.available || !Kiosk.speech.speak(readPage(), Kiosk.language)) {
            unavailable.open()
        }
    }

    contentItem: Item {
        Canvas {
            id: icon
            anchors.centerIn: parent
            width: 48
            height: 48
            readonly property color ink: button.selected ? Theme.textOnAccent : Theme.text
            onInkChanged: requestPaint()
            onPaint: {
                const ctx = getContext("2d")
                ctx.reset()
                ctx.fillStyle = ink
                ctx.strokeStyle = ink
                ctx.lineWidth = 4
                ctx.lineCap = "round"
                // The speaker: a box and its cone.
                ctx.beginPath()
                ctx.moveTo(4, 18); ctx.lineTo(14, 18); ctx.lineTo(26, 7)
                ctx.lineTo(26, 41); ctx.lineTo(14, 30); ctx.lineTo(4, 30)
                ctx.closePath()
                ctx.fill()
                // Two sound waves.
                ctx.beginPath(); ctx.arc(26, 24, 9, -Math.PI / 4, Math.PI / 4); ctx.stroke()
                ctx.beginPath(); ctx.arc(26, 24, 17, -Math.PI / 4, Math.PI / 4); ctx.stroke()
            }
        }
    }

    Popup {
        id: unavailable
        objectName: "speechUnavailable"
        parent: T.Overlay.overlay
        x: parent ? parent.width - width - Theme.gap : 0
        y: 120
        padding: Theme.gap
        background: Rectangle {
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.accent
            border.width: 3
        }
        contentItem: Text {
            objectName: "speechUnavailableText"
            text: qsTr("Reading aloud is not available on this kiosk")
            color: Theme.text
            font.pixelSize: Theme.heading
            wrapMode: Text.Wrap
        }
        onOpened: closeLater.restart()
        Timer { id: closeLater; interval: 5000; onTriggered: unavailable.close() }
    }
}
