import QtQuick
import QtQuick.Layouts
import Festival.Kiosk

// One ceremony cue as a card: what kind of moment it is, the category (or the intro and
// outro heading), the nominee or the winner, and on the title card the nominees; every
// line in English with its Chinese beneath, in the words of the players' cinema card. Cue
// numbers are for staff: the card shows none.
Rectangle {
    id: card
    property var cue
    property bool portrait: false
    readonly property string type: cue ? cue.cueType : ""
    readonly property var film: type === "reveal" ? cue.winner : (type === "nominee" ? cue.film : ({}))
    readonly property bool hasFilm: film.id !== undefined
    // Sizes follow the shorter side, so a portrait kiosk reads as well as a landscape one.
    readonly property real unit: Math.min(width, height) / 100

    gradient: Gradient {
        GradientStop { position: 0.0; color: "#1A1428" }
        GradientStop { position: 1.0; color: Theme.background }
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width * (card.portrait ? 0.9 : 0.82)
        spacing: card.unit * 2.2
        // A long category with many nominees still fits: the whole card shrinks a little.
        scale: Math.min(1, card.height * 0.94 / implicitHeight)

        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            color: Theme.textMuted
            font.pixelSize: card.unit * 3.6
            font.letterSpacing: card.unit * 0.3
            font.capitalization: Font.AllUppercase
            //: The card is bilingual: this line stays as written in every language
            text: qsTr("Award Ceremony") + "  ·  " + qsTr("頒獎典禮")
            visible: card.type !== "intro"
        }
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            color: Theme.accent
            font.pixelSize: card.unit * 4.6
            font.bold: true
            font.letterSpacing: card.unit * 0.25
            font.capitalization: Font.AllUppercase
            visible: text !== ""
            // The player's cinema card (player/ceremony/CeremonyOverlay.qml) says the same.
            text: card.type === "nominee" ? qsTr("Nominee") + "  ·  " + qsTr("入圍")
                : card.type === "reveal" ? qsTr("And the winner is") + "  ·  " + qsTr("得獎者")
                : card.type === "title" ? qsTr("The nominees for") + "  ·  " + qsTr("入圍名單") : ""
        }
        Text {
            objectName: "ceremonyHeadingEn"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: card.unit * (card.hasFilm ? 6 : card.type === "title" ? 8 : 10)
            font.bold: true
            text: card.cue ? card.cue.headingEn : ""
        }
        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: card.unit * (card.hasFilm ? 5.4 : card.type === "title" ? 7 : 9)
            visible: text !== "" && text !== (card.cue ? card.cue.headingEn : "")
            text: card.cue ? card.cue.headingZh : ""
        }

        Rectangle {   // the nominee or the winner
            Layout.fillWidth: true
            Layout.topMargin: card.unit * 2
            visible: card.hasFilm
            implicitHeight: filmColumn.implicitHeight + card.unit * 6
            radius: Theme.radius
            color: card.type === "reveal" ? "#2E2410" : Theme.surface
            border.color: card.type === "reveal" ? Theme.accent : Theme.outline
            border.width: card.type === "reveal" ? 4 : 2
            ColumnLayout {
                id: filmColumn
                anchors.centerIn: parent
                width: parent.width - card.unit * 6
                spacing: card.unit
                Text {
                    objectName: "ceremonyFilmEn"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    color: card.type === "reveal" ? Theme.accent : Theme.text
                    font.pixelSize: card.unit * (card.type === "reveal" ? 10 : 8)
                    font.bold: true
                    text: card.film.titleEn || card.film.originalTitle || ""
                }
                Text {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    color: card.type === "reveal" ? Theme.accent : Theme.text
                    font.pixelSize: card.unit * (card.type === "reveal" ? 8.5 : 7)
                    visible: text !== "" && text !== card.film.titleEn
                    text: card.film.titleZh || ""
                }
                Text {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    color: Theme.textMuted
                    font.pixelSize: card.unit * 4
                    visible: text !== "" && text !== card.film.titleEn && text !== card.film.titleZh
                    text: card.film.originalTitle || ""
                }
            }
        }

        GridLayout {   // the title card: every nominee of the category
            Layout.fillWidth: true
            Layout.topMargin: card.unit * 2
            visible: card.type === "title"
            columns: card.portrait ? 1 : 2
            columnSpacing: card.unit * 3
            rowSpacing: card.unit * 1.6
            Repeater {
                model: card.type === "title" ? card.cue.nominees : []
                Rectangle {
                    required property var modelData
                    Layout.fillWidth: true
                    implicitHeight: nomineeColumn.implicitHeight + card.unit * 3
                    radius: Theme.radius
                    color: Theme.surface
                    Column {
                        id: nomineeColumn
                        anchors.centerIn: parent
                        width: parent.width - card.unit * 4
                        Text {
                            width: parent.width
                            horizontalAlignment: Text.AlignHCenter
                            elide: Text.ElideRight
                            color: Theme.text
                            font.pixelSize: card.unit * 4.4
                            font.bold: true
                            text: modelData.titleEn || modelData.originalTitle
                        }
                        Text {
                            width: parent.width
                            horizontalAlignment: Text.AlignHCenter
                            elide: Text.ElideRight
                            color: Theme.textMuted
                            font.pixelSize: card.unit * 4
                            visible: text !== "" && text !== modelData.titleEn
                            text: modelData.titleZh || ""
                        }
                    }
                }
            }
        }
    }
}
