import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Festival.Kiosk

// One film: its titles, makers, country, runtime, award categories, synopsis and where
// and when it screens; while one of its screenings is open for voting, the vote for it;
// with the festival's website set ([kiosk] film_link), a QR code that takes the film
// to the visitor's phone.
Item {
    id: root
    property string filmId: ""
    property bool portrait: false
    signal back()
    signal screeningRequested(string id)
    signal voteRequested(string screeningId)

    readonly property string votableScreening: Kiosk.votableScreeningOf(filmId, Kiosk.votingRevision)
    readonly property string link: Kiosk.filmLink(filmId)

    // Re-read on language changes and new programme versions.
    readonly property var film: Kiosk.programmeVersion >= 0 ? Kiosk.film(filmId, Kiosk.language) : ({})
    Binding { target: Kiosk.filmScreenings; property: "filmId"; value: root.filmId }

    Flickable {
        id: flick
        anchors.fill: parent
        anchors.margins: Theme.gap
        contentHeight: layout.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollIndicator.vertical: ScrollIndicator {}

        GridLayout {
            id: layout
            width: flick.width
            columns: root.portrait ? 1 : 2
            columnSpacing: Theme.gap * 2
            rowSpacing: Theme.gap

            ColumnLayout {
                Layout.fillWidth: true
                Layout.preferredWidth: 3
                Layout.alignment: Qt.AlignTop
                spacing: 16
                KioskButton {
                    text: qsTr("‹ Back to programme")
                    onClicked: root.back()
                }
                FilmStill {
                    Layout.fillWidth: true
                    Layout.preferredHeight: implicitHeight
                    filmId: root.filmId
                    title: root.film.title ?? ""
                }
                Text {
                    Layout.fillWidth: true
                    text: root.film.title ?? ""
                    color: Theme.text
                    font.pixelSize: Theme.huge
                    font.bold: true
                    wrapMode: Text.Wrap
                }
                Text {
                    Layout.fillWidth: true
                    visible: text.length > 0
                    text: root.film.subtitle ?? ""
                    color: Theme.textMuted
                    font.pixelSize: Theme.heading
                    wrapMode: Text.Wrap
                }
                Text {
                    Layout.fillWidth: true
                    text: root.film.makers ?? ""
                    color: Theme.text
                    font.pixelSize: Theme.body
                    wrapMode: Text.Wrap
                }
                Text {
                    Layout.fillWidth: true
                    text: [root.film.countryName, root.film.year > 0 ? root.film.year : "",
                           root.film.runtimeMinutes > 0 ? qsTr("%n min", "", root.film.runtimeMinutes) : ""]
                          .filter(s => s !== undefined && String(s).length > 0).join("  ·  ")
                    color: Theme.textMuted
                    font.pixelSize: Theme.body
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: 12
                    Repeater {
                        model: root.film.categoryIds ?? []
                        Rectangle {
                            required property string modelData
                            width: badge.implicitWidth + 32
                            height: 48
                            radius: 24
                            color: "transparent"
                            border.color: Theme.accent
                            border.width: 2
                            Text {
                                id: badge
                                anchors.centerIn: parent
                                text: Kiosk.categoryName(parent.modelData, Kiosk.language)
                                color: Theme.accent
                                font.pixelSize: Theme.small
                                font.bold: true
                            }
                        }
                    }
                }
                Text {
                    Layout.fillWidth: true
                    Layout.topMargin: 8
                    text: root.film.synopsis ?? ""
                    color: Theme.text
                    font.pixelSize: Theme.body
                    lineHeight: 1.3
                    wrapMode: Text.Wrap
                }
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.preferredWidth: 2
                Layout.alignment: Qt.AlignTop
                spacing: 12
                KioskButton {
                    objectName: "voteForFilm"
                    Layout.fillWidth: true
                    visible: root.votableScreening.length > 0
                    primary: true
                    text: qsTr("Vote for this film")
                    onClicked: root.voteRequested(root.votableScreening)
                }
                Text {
                    text: qsTr("Screenings")
                    color: Theme.text
                    font.pixelSize: Theme.heading
                    font.bold: true
                }
                Repeater {
                    model: Kiosk.filmScreenings
                    ScreeningRow {
                        Layout.fillWidth: true
                        showDay: true
                        // A block's row leads to the block; this film's own row, nowhere new.
                        onTapped: if (filmIds.length > 1) root.screeningRequested(screeningId)
                    }
                }
                Text {
                    visible: Kiosk.filmScreenings.count === 0
                    Layout.fillWidth: true
                    text: qsTr("This film is in the catalogue but not screened at the festival.")
                    color: Theme.textMuted
                    font.pixelSize: Theme.body
                    wrapMode: Text.Wrap
                }
                RowLayout {
                    objectName: "filmLink"
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.gap
                    visible: root.link.length > 0
                    spacing: Theme.gap
                    Image {
                        // Black on white with its quiet zone, as phones read best.
                        Layout.preferredWidth: 232
                        Layout.preferredHeight: 232
                        source: root.link.length > 0 ? Kiosk.qrImage(root.link) : ""
                        fillMode: Image.PreserveAspectFit
                        smooth: false
                        Accessible.ignored: true
                    }
                    Text {
                        Layout.fillWidth: true
                        text: qsTr("Take this film with you: point your phone's camera at the code.")
                        color: Theme.text
                        font.pixelSize: Theme.body
                        wrapMode: Text.Wrap
                    }
                }
            }
        }
    }
}
