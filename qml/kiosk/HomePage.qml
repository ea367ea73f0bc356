import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Festival.Kiosk

// Now & Next, the attract screen: for every screen, what plays now and what comes next;
// above them, in turn, the vote while it is open, what is about to start and the award
// ceremony's time (Spotlight); after the day's last screening, thanks and the next day's
// programme (or, after the festival, thanks and the award winners): never a wall of
// "nothing showing".
Item {
    id: root
    property bool portrait: false
    signal screeningRequested(string id)
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

        // Between touches: the vote, what is about to start, the ceremony, in turn.
        Spotlight {
            objectName: "spotlight"
            Layout.fillWidth: true
            onVoteRequested: root.voteRequested()
            onScreeningRequested: id => root.screeningRequested(id)
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
                    onTapped: root.screeningRequested(screeningId)
                }
            }
            // After the festival, once the ceremony has begun: the awards as announced.
            Text {
                Layout.fillWidth: true
                Layout.topMargin: Theme.gap
                visible: winners.visible
                text: qsTr("The award winners")
                color: Theme.text
                font.pixelSize: Theme.heading
                font.bold: true
            }
            ListView {
                id: winners
                objectName: "winnersList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                visible: Kiosk.nextFestivalDay.length === 0 && count > 0
                         && Kiosk.nextCeremony(Kiosk.language, Kiosk.now).title === undefined
                clip: true
                spacing: 12
                model: Kiosk.ceremony.follower.announced
                boundsBehavior: Flickable.StopAtBounds
                delegate: Rectangle {
                    id: winner
                    required property var modelData
                    readonly property bool zh: Kiosk.language !== "en"
                    readonly property string award: (zh ? modelData.headingZh : modelData.headingEn)
                                                     || modelData.headingEn || modelData.headingZh
                    readonly property string film: (zh ? modelData.winner.titleZh : modelData.winner.titleEn)
                                                   || modelData.winner.originalTitle || modelData.winner.titleEn
                    width: winners.width
                    implicitHeight: Math.max(Theme.touch, winnerRow.implicitHeight + 24)
                    radius: Theme.radius
                    color: Theme.surface
                    Accessible.role: Accessible.StaticText
                    Accessible.name: award + ": " + film
                    RowLayout {
                        id: winnerRow
                        anchors.fill: parent
                        anchors.leftMargin: Theme.gap
                        anchors.rightMargin: Theme.gap
                        spacing: Theme.gap
                        Text {
                            Layout.preferredWidth: parent.width * 0.4
                            text: winner.award
                            color: Theme.accent
                            font.pixelSize: Theme.body
                            font.bold: true
                            wrapMode: Text.Wrap
                        }
                        Text {
                            Layout.fillWidth: true
                            text: winner.film
                            color: Theme.text
                            font.pixelSize: Theme.heading
                            font.bold: true
                            wrapMode: Text.Wrap
                        }
                    }
                }
            }
            Item { Layout.fillHeight: true; visible: Kiosk.nextFestivalDay.length === 0 && !winners.visible }
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
                onTapped: root.screeningRequested(nowId.length > 0 ? nowId : nextId)
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
