import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Festival.Kiosk

// A screening of several films (a block of shorts): when and where, then each of its
// films, one tap from its own page; while voting is open, the vote for the whole block.
Item {
    id: root
    property string screeningId: ""
    property bool portrait: false
    signal back()
    signal filmRequested(string id)
    signal voteRequested(string screeningId)

    readonly property var screening: Kiosk.programmeVersion >= 0 ? Kiosk.screening(screeningId, Kiosk.language) : ({})
    readonly property var filmIds: screening.filmIds ?? []
    readonly property bool votable: filmIds.length > 0
                                    && Kiosk.votableScreeningOf(filmIds[0], Kiosk.votingRevision) === screeningId

    Flickable {
        id: flick
        anchors.fill: parent
        anchors.margins: Theme.gap
        contentHeight: layout.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollIndicator.vertical: ScrollIndicator {}

        ColumnLayout {
            id: layout
            width: flick.width
            spacing: Theme.gap

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.gap
                KioskButton {
                    text: qsTr("‹ Back to programme")
                    onClicked: root.back()
                }
                Item { Layout.fillWidth: true }
                KioskButton {
                    objectName: "voteForScreening"
                    visible: root.votable
                    primary: true
                    text: qsTr("Vote for these films")
                    onClicked: root.voteRequested(root.screeningId)
                }
            }
            Text {
                Layout.fillWidth: true
                text: root.screening.title ?? ""
                color: Theme.text
                font.pixelSize: Theme.huge
                font.bold: true
                wrapMode: Text.Wrap
            }
            Text {
                Layout.fillWidth: true
                text: root.screening.cancelled ? qsTr("Cancelled")
                    : [Kiosk.dayLabel(root.screening.day ?? "", Kiosk.language),
                       qsTr("%1 to %2").arg(root.screening.startTime ?? "").arg(root.screening.endTime ?? ""),
                       root.screening.venueName ?? "", root.screening.screenName ?? ""].join("  ·  ")
                color: root.screening.cancelled ? Theme.bad : Theme.accent
                font.pixelSize: Theme.heading
                font.bold: true
                wrapMode: Text.Wrap
            }
            Text {
                Layout.fillWidth: true
                text: qsTr("%n film(s) in this screening", "", root.filmIds.length)
                color: Theme.textMuted
                font.pixelSize: Theme.body
            }

            GridLayout {
                Layout.fillWidth: true
                columns: root.portrait ? 1 : 2
                columnSpacing: Theme.gap
                rowSpacing: Theme.gap
                Repeater {
                    model: root.filmIds
                    Rectangle {
                        id: card
                        required property string modelData
                        objectName: "blockFilm_" + modelData
                        readonly property var film: Kiosk.programmeVersion >= 0 ? Kiosk.film(modelData, Kiosk.language) : ({})
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        Layout.alignment: Qt.AlignTop
                        implicitHeight: filmColumn.implicitHeight + 2 * Theme.gap
                        radius: Theme.radius
                        color: Theme.surface
                        border.color: Theme.outline
                        border.width: 1
                        Accessible.role: Accessible.Button
                        Accessible.name: (film.title ?? "") + ". " + (film.makers ?? "")
                        TapHandler { onTapped: root.filmRequested(card.modelData) }

                        ColumnLayout {
                            id: filmColumn
                            anchors.fill: parent
                            anchors.margins: Theme.gap
                            spacing: 8
                            FilmStill {
                                Layout.fillWidth: true
                                Layout.preferredHeight: implicitHeight
                                filmId: card.modelData
                                title: card.film.title ?? ""
                            }
                            Text {
                                Layout.fillWidth: true
                                text: card.film.title ?? ""
                                color: Theme.text
                                font.pixelSize: Theme.heading
                                font.bold: true
                                wrapMode: Text.Wrap
                            }
                            Text {
                                Layout.fillWidth: true
                                text: [card.film.makers, card.film.countryName, card.film.year > 0 ? card.film.year : "",
                                       card.film.runtimeMinutes > 0 ? qsTr("%n min", "", card.film.runtimeMinutes) : ""]
                                      .filter(s => s !== undefined && String(s).length > 0).join("  ·  ")
                                color: Theme.textMuted
                                font.pixelSize: Theme.small
                                wrapMode: Text.Wrap
                            }
                            Text {
                                Layout.fillWidth: true
                                text: card.film.synopsis ?? ""
                                color: Theme.text
                                font.pixelSize: Theme.small
                                wrapMode: Text.Wrap
                                maximumLineCount: 3
                                elide: Text.ElideRight
                            }
                            Text {
                                text: qsTr("More about this film ›")
                                color: Theme.accent
                                font.pixelSize: Theme.small
                                font.bold: true
                            }
                        }
                    }
                }
            }
        }
    }
}
