import QtQuick
import QtQuick.Layouts
import Festival.Kiosk

// One screening in a list: time, title (and the films of a block), venue and screen.
Rectangle {
    id: row
    required property string screeningId
    required property string title
    required property string filmTitles
    required property var filmIds
    required property string venueName
    required property string screenName
    required property string startTime
    required property string endTime
    required property string day
    required property bool cancelled
    required property date end
    // Over already: shown dimmed and said so (a visitor should not walk to it).
    property bool markPast: true
    readonly property bool past: markPast && !isNaN(end.getTime()) && end < Kiosk.now
    property bool showDay: false
    property bool highlighted: false
    signal tapped()

    implicitHeight: Math.max(Theme.touch + 24, content.implicitHeight + 32)
    radius: Theme.radius
    color: highlighted ? Theme.surfaceHigh : Theme.surface
    border.color: highlighted ? Theme.accent : "transparent"
    border.width: 2
    opacity: past ? 0.62 : 1
    Accessible.role: Accessible.Button
    Accessible.name: row.startTime + " " + row.title + ", " + (row.cancelled ? qsTr("Cancelled") : row.venueName + ", " + row.screenName)

    TapHandler { onTapped: row.tapped() }

    RowLayout {
        id: content
        anchors.fill: parent
        anchors.leftMargin: Theme.gap
        anchors.rightMargin: Theme.gap
        spacing: Theme.gap

        Column {
            id: when
            // Wide enough for the day in either language and at any text size.
            Layout.preferredWidth: Math.max(150 * Theme.scale, when.implicitWidth)
            Layout.alignment: Qt.AlignVCenter
            Text {
                visible: row.showDay
                text: Kiosk.dayLabel(row.day, Kiosk.language)
                color: Theme.textMuted
                font.pixelSize: Theme.small
            }
            Text {
                text: row.startTime
                color: row.cancelled ? Theme.textMuted : Theme.accent
                font.pixelSize: Theme.heading
                font.bold: true
                font.strikeout: row.cancelled
            }
            Text {
                text: qsTr("to %1").arg(row.endTime)
                color: Theme.textMuted
                font.pixelSize: Theme.small
            }
        }
        Column {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignVCenter
            spacing: 4
            Text {
                width: parent.width
                text: row.title
                color: Theme.text
                font.pixelSize: Theme.body
                font.bold: true
                elide: Text.ElideRight
            }
            Text {
                width: parent.width
                visible: row.filmTitles.length > 0
                text: row.filmTitles
                color: Theme.textMuted
                font.pixelSize: Theme.small
                elide: Text.ElideRight
                maximumLineCount: 2
                wrapMode: Text.Wrap
            }
            Text {
                width: parent.width
                text: row.cancelled ? qsTr("Cancelled")
                    : (row.past ? qsTr("Over") + "  ·  " : "") + row.venueName + "  ·  " + row.screenName
                color: row.cancelled ? Theme.bad : Theme.textMuted
                font.pixelSize: Theme.small
                elide: Text.ElideRight
            }
        }
    }
}
