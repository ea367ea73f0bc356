import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Festival.Kiosk

// Now & Next, the attract screen: for every screen, what plays now and what comes next.
Item {
    id: root
    property bool portrait: false
    signal filmRequested(string id)

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

        GridView {
            id: grid
            Layout.fillWidth: true
            Layout.fillHeight: true
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
