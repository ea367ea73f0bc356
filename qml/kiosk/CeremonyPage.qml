import QtQuick
import QtQuick.Layouts
import Festival.Kiosk

// The place of the award ceremony view: it follows the organisers' cues in step with the
// stage once the ceremony feature is installed.
Item {
    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width * 0.7
        spacing: Theme.gap
        Text {
            Layout.fillWidth: true
            text: qsTr("Award Ceremony")
            color: Theme.accent
            font.pixelSize: Theme.huge
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("The ceremony will appear here when it begins.")
            color: Theme.text
            font.pixelSize: Theme.heading
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
        }
    }
}
