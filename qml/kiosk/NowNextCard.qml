import QtQuick
import QtQuick.Layouts
import Festival.Kiosk

// One screen on the home page. Reads the NowNextModel roles of its row.
Rectangle {
    id: card
    required property string venueName
    required property string screenName
    required property string nowId
    required property string nowTitle
    required property string nowEndTime
    required property real nowProgress
    required property string nextId
    required property string nextTitle
    required property string nextStartTime
    required property int secondsToNext
    required property int lateMinutes
    signal tapped()

    radius: Theme.radius
    color: Theme.surface
    border.color: lateMinutes > 0 ? Theme.warn : Theme.outline
    border.width: lateMinutes > 0 ? 2 : 1

    function countdown(seconds) {
        if (seconds < 0)
            return ""
        if (seconds < 60)
            return qsTr("starting now")
        const minutes = Math.ceil(seconds / 60)
        if (minutes < 60)
            return qsTr("in %n min", "", minutes)
        return qsTr("in %1 h %2 min").arg(Math.floor(minutes / 60)).arg(minutes % 60)
    }

    Accessible.role: Accessible.Button
    Accessible.name: card.venueName + ", " + card.screenName + ". "
                     + (card.nowTitle.length > 0 ? qsTr("Now: %1, until %2.").arg(card.nowTitle).arg(card.nowEndTime) + " " : "")
                     + (card.nextTitle.length > 0 ? qsTr("Next: %1 at %2.").arg(card.nextTitle).arg(card.nextStartTime) : "")

    TapHandler { onTapped: card.tapped() }

    // The film on now, else the next one (a block shows its first film's), beside the
    // venue and the title; not on narrow cards (portrait), where the title needs the room.
    FilmStill {
        id: still
        visible: hasStill && card.width >= 520
        readonly property var screening: Kiosk.screening(card.nowId.length > 0 ? card.nowId : card.nextId)
        anchors.top: parent.top
        anchors.right: parent.right
        anchors.margins: Theme.gap
        width: 160
        height: 90
        filmId: screening.filmIds && screening.filmIds.length > 0 ? screening.filmIds[0] : ""
        title: card.nowId.length > 0 ? card.nowTitle : card.nextTitle
        radius: Theme.radius / 2
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: 8

        Text {
            Layout.fillWidth: true
            text: card.venueName + "  ·  " + card.screenName
            Layout.rightMargin: still.visible ? still.width + 12 : 0
            color: Theme.textMuted
            font.pixelSize: Theme.small
            elide: Text.ElideRight
        }
        Text {
            text: qsTr("NOW")
            color: Theme.accent
            font.pixelSize: Theme.small
            font.bold: true
            font.letterSpacing: 2
        }
        Text {
            Layout.fillWidth: true
            text: card.nowId.length > 0 ? card.nowTitle : qsTr("Nothing showing")
            Layout.rightMargin: still.visible ? still.width + 12 : 0
            color: card.nowId.length > 0 ? Theme.text : Theme.textMuted
            font.pixelSize: Theme.heading
            font.bold: card.nowId.length > 0
            elide: Text.ElideRight
        }
        Rectangle {
            Layout.fillWidth: true
            visible: card.nowId.length > 0
            height: 8
            radius: 4
            color: Theme.surfaceHigh
            Rectangle {
                width: parent.width * card.nowProgress
                height: parent.height
                radius: 4
                color: Theme.accent
            }
        }
        Text {
            visible: card.nowId.length > 0
            text: qsTr("until %1").arg(card.nowEndTime)
            color: Theme.textMuted
            font.pixelSize: Theme.small
        }
        Item { Layout.fillHeight: true }
        Text {
            Layout.fillWidth: true
            text: card.nextId.length > 0
                  ? qsTr("NEXT %1 · %2").arg(card.nextStartTime).arg(card.countdown(card.secondsToNext))
                  : qsTr("No more screenings today")
            color: Theme.textMuted
            font.pixelSize: Theme.small
            font.bold: card.nextId.length > 0
            elide: Text.ElideRight
        }
        Text {
            Layout.fillWidth: true
            visible: card.nextId.length > 0
            text: card.nextTitle
            color: Theme.text
            font.pixelSize: Theme.body
            elide: Text.ElideRight
        }
        Text {
            Layout.fillWidth: true
            visible: card.lateMinutes > 0
            text: qsTr("Running about %n min late", "", card.lateMinutes)
            color: Theme.warn
            font.pixelSize: Theme.small
            font.bold: true
        }
    }
}
