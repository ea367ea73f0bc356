import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Festival.Kiosk

// Now & Next, the attract screen: for every screen, what plays now and what comes next;
// while voting is open, an invitation to vote; after the day's last screening, thanks
// and the next day's programme (or, after the festival, thanks alone): never a wall of
// "nothing showing".
Item {
    id: root
    property bool portrait: false
    signal filmRequested(string id)
    signal voteRequested()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.gap

        RowLayout {
            Layout.fillWidth: true
            Text {
                Layout.fillWidth: true
                text: qsTr("Now & Next")
                color: Theme.text
                font.pixelSize: Theme.huge
                font.bold: true
            }
            Text {
                text: Kiosk.venueName.length > 0 ? qsTr("You are at %1").arg(Kiosk.venueName) : ""
                color: Theme.textMuted
                font.pixelSize: Theme.body
            }
        }

        // Just out of a screening: the vote is one tap away.
        Rectangle {
            objectName: "voteInvitation"
            Layout.fillWidth: true
            visible: Kiosk.votable.count > 0 && Kiosk.screeningsLeftToday
            implicitHeight: invitation.implicitHeight + 2 * Theme.gap
            radius: Theme.radius
            color: Theme.surfaceHigh
            border.color: Theme.accent
            border.width: 2
            RowLayout {
                id: invitation
                anchors.fill: parent
                anchors.margins: Theme.gap
                spacing: Theme.gap
                Text {
                    Layout.fillWidth: true
                    text: qsTr("Just seen a film? Vote for it here, with the code on your ticket.")
                    color: Theme.text
                    font.pixelSize: Theme.heading
                    font.bold: true
                    wrapMode: Text.Wrap
                }
                KioskButton {
                    primary: true
                    text: qsTr("Vote")
                    onClicked: root.voteRequested()
                }
            }
        }

        // The day is over: thanks, and what comes next.
        ColumnLayout {
            objectName: "dayOver"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !Kiosk.screeningsLeftToday && grid.count > 0
            spacing: Theme.gap
            Text {
                Layout.fillWidth: true
                text: Kiosk.nextFestivalDay.length > 0 ? qsTr("That's all for today. Thank you for coming!")
                                                       : qsTr("The festival is over. Thank you for coming!")
                color: Theme.accent
                font.pixelSize: Theme.title
                font.bold: true
                wrapMode: Text.Wrap
            }
            Text {
                Layout.fillWidth: true
                visible: Kiosk.nextFestivalDay.length > 0
                text: qsTr("See you again on %1:").arg(Kiosk.dayLabel(Kiosk.nextFestivalDay, Kiosk.language))
                color: Theme.text
                font.pixelSize: Theme.heading
                wrapMode: Text.Wrap
            }
            ListView {
                id: upcoming
                objectName: "upcomingList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                visible: Kiosk.nextFestivalDay.length > 0
                clip: true
                spacing: 12
                model: Kiosk.upcoming
                boundsBehavior: Flickable.StopAtBounds
                delegate: ScreeningRow {
                    width: upcoming.width
                    onTapped: if (filmIds.length > 0) root.filmRequested(filmIds[0])
                }
            }
            Item { Layout.fillHeight: true; visible: Kiosk.nextFestivalDay.length === 0 }
        }

        GridView {
            id: grid
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: Kiosk.screeningsLeftToday
            clip: true
            readonly property int columns: root.portrait ? 2 : 3
            cellWidth: Math.floor(width / columns)
            cellHeight: 330
            model: Kiosk.nowNext
            boundsBehavior: Flickable.StopAtBounds
            delegate: NowNextCard {
                width: grid.cellWidth - Theme.gap
                height: grid.cellHeight - Theme.gap
                onTapped: {
                    const s = Kiosk.screening(nowId.length > 0 ? nowId : nextId)
                    if (s.filmIds && s.filmIds.length > 0)
                        root.filmRequested(s.filmIds[0])
                }
            }
            ScrollIndicator.vertical: ScrollIndicator {}
        }

        Text {
            visible: grid.count === 0
            Layout.fillWidth: true
            text: qsTr("The programme is on its way. Please check back in a moment.")
            color: Theme.textMuted
            font.pixelSize: Theme.heading
            wrapMode: Text.Wrap
        }
    }
}
