import QtQuick
import Festival.Kiosk

// Five large stars; a tap on star n rates n.
Row {
    id: root
    property bool readAloud: false   // the page's words say what the stars mean
    property int value: 0
    property int starSize: 140
    signal rated(int score)
    spacing: 16

    Repeater {
        model: 5
        Rectangle {
            id: star
            required property int index
            objectName: "star" + (index + 1)
            width: root.starSize
            height: root.starSize
            radius: Theme.radius
            color: index < root.value ? Theme.accent : Theme.surfaceHigh
            border.color: Theme.outline
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("%n star(s)", "", index + 1)
            Text {
                anchors.centerIn: parent
                text: "★"
                font.pixelSize: root.starSize * 0.6
                color: star.index < root.value ? Theme.textOnAccent : Theme.textMuted
            }
            Text {
                anchors.bottom: parent.bottom
                anchors.horizontalCenter: parent.horizontalCenter
                anchors.bottomMargin: 4
                text: star.index + 1
                font.pixelSize: Theme.small - 4
                color: star.index < root.value ? Theme.textOnAccent : Theme.textMuted
            }
            TapHandler { onTapped: root.rated(star.index + 1) }
        }
    }
}
