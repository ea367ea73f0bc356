import QtQuick
import Festival.Player

// The film's subtitles, one block per language (top first), centred at the bottom of the
// title-safe area, white with a black edge so that they read over any picture from the
// back row. The Noto CJK face carries both Latin and Chinese.
Item {
    id: area

    Column {
        objectName: "subtitleColumn"
        anchors.bottom: parent.bottom
        anchors.bottomMargin: area.height * 0.06
        anchors.horizontalCenter: parent.horizontalCenter
        width: parent.width * 0.86
        spacing: area.height * 0.008

        Repeater {
            model: PlayerView.subtitles
            Text {
                required property var modelData
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                textFormat: Text.StyledText
                color: "white"
                style: Text.Outline
                styleColor: "black"
                font.family: "Noto Sans CJK TC"
                font.pixelSize: Math.max(16, area.height * 0.052)
                font.weight: Font.Medium
                text: modelData.text
            }
        }
    }
}
