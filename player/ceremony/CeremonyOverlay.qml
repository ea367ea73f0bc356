import QtQuick
import org.freedesktop.gstreamer.Qt6GLVideoItem
import Festival.Ceremony

// The award ceremony on a player's screen, over the playlist's video while the ceremony
// is active: the cue's clip (two video items, alternating so that the next clip prerolls
// on the hidden one), and the cue's card, every line in English with 繁體中文 beneath,
// worded as the kiosks' card (qml/kiosk/CeremonyCard.qml) and sized for the back row of a
// cinema. The reveal is always a full-screen card (category, nominees, then the winner):
// over its clip it sits on a strong scrim. Other cards fill the screen when there is no
// clip, and become a lower third on a dark band while a clip plays. No cue numbers: they
// are for staff.
Item {
    id: overlay
    readonly property var cue: CeremonyDirector.follower
    readonly property bool clip: CeremonyDirector.clipVisible
    readonly property string type: cue.cueType
    // The whole screen is the card: the reveal, or any card without a clip.
    readonly property bool full: type === "reveal" || !clip
    readonly property var film: type === "reveal" ? cue.winner : type === "nominee" ? cue.film : ({})
    readonly property bool hasFilm: film.id !== undefined
    readonly property real unit: height / 100
    readonly property string zhFont: "Noto Sans CJK TC"
    readonly property color gold: "#f2cc6b"

    function nomineeText(film) {
        return (film.titleEn || film.originalTitle)
            + (film.titleZh && film.titleZh !== film.titleEn ? "  " + film.titleZh : "")
    }
    visible: cue.active

    Rectangle { anchors.fill: parent; color: "#0b0b12" }

    GstGLQt6VideoItem {
        objectName: "ceremonyVideo0"
        anchors.fill: parent
        visible: overlay.clip && CeremonyDirector.activeVideo === 0
    }
    GstGLQt6VideoItem {
        objectName: "ceremonyVideo1"
        anchors.fill: parent
        visible: overlay.clip && CeremonyDirector.activeVideo === 1
    }

    // A full card over a clip: the picture stays a dim glow behind the type.
    Rectangle {
        anchors.fill: parent
        visible: overlay.clip && overlay.full
        color: "#f2050508"
    }
    // A lower third: a dark band from the card's top to the bottom of the screen.
    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: parent.height - card.y + overlay.unit * 5
        visible: overlay.clip && !overlay.full
        gradient: Gradient {
            GradientStop { position: 0.0; color: "#00000000" }
            GradientStop { position: 0.18; color: "#d0000000" }
            GradientStop { position: 1.0; color: "#f0000000" }
        }
    }

    Column {
        id: card
        objectName: "ceremonyCard"
        width: parent.width * 0.86
        anchors.horizontalCenter: parent.horizontalCenter
        y: overlay.full ? Math.max(overlay.unit * 4, (parent.height - height) / 2)
                        : parent.height - height - overlay.unit * 7
        spacing: overlay.unit * (overlay.full ? 1.6 : 0.8)
        // A lower third is smaller; a long category with many nominees still fits.
        readonly property real size: overlay.full ? 1.0 : 0.7

        Text {   // the moment: the nominees for, nominee (the reveal's comes before its winner)
            objectName: "ceremonyMomentEn"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            color: overlay.gold
            font.pixelSize: overlay.unit * 4.4 * card.size
            font.bold: true
            font.letterSpacing: overlay.unit * 0.3
            font.capitalization: Font.AllUppercase
            visible: text !== "" && overlay.type !== "reveal"
            text: overlay.type === "nominee" ? qsTr("Nominee")
                : overlay.type === "title" ? qsTr("The nominees for")
                : overlay.type === "intro" ? "" : qsTr("Award Ceremony")
        }
        Text {
            objectName: "ceremonyMomentZh"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            color: overlay.gold
            font.family: overlay.zhFont
            font.pixelSize: overlay.unit * 4.2 * card.size
            visible: text !== "" && overlay.type !== "reveal"
            text: overlay.type === "nominee" ? qsTr("入圍")
                : overlay.type === "title" ? qsTr("入圍名單")
                : overlay.type === "intro" ? "" : qsTr("頒獎典禮")
        }
        Text {   // the category, or the intro's and outro's heading
            objectName: "ceremonyHeadingEn"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: "white"
            font.pixelSize: overlay.unit * (overlay.hasFilm ? 6 : 9) * card.size
            font.bold: true
            text: overlay.cue.headingEn
        }
        Text {
            objectName: "ceremonyHeadingZh"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: "white"
            font.family: overlay.zhFont
            font.pixelSize: overlay.unit * (overlay.hasFilm ? 5.2 : 8) * card.size
            visible: text !== "" && text !== overlay.cue.headingEn
            text: overlay.cue.headingZh
        }

        Column {   // the title card's nominees, one a line
            objectName: "ceremonyNominees"
            width: parent.width
            spacing: overlay.unit * 0.8
            topPadding: overlay.unit * 1.5
            visible: overlay.full && overlay.type === "title" && repeater.count > 0
            Repeater {
                id: repeater
                model: overlay.type === "title" ? overlay.cue.nominees : []
                Text {
                    required property var modelData
                    width: card.width
                    horizontalAlignment: Text.AlignHCenter
                    elide: Text.ElideRight
                    color: "#e4e8ee"
                    font.family: overlay.zhFont
                    font.pixelSize: overlay.unit * 4.6
                    text: overlay.nomineeText(modelData)
                }
            }
        }
        Text {   // the reveal's nominees, in a line or two before the winner
            objectName: "ceremonyRevealNominees"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            maximumLineCount: 3
            elide: Text.ElideRight
            lineHeight: 1.15
            color: "#b4bac6"
            font.family: overlay.zhFont
            font.pixelSize: overlay.unit * 3.4
            topPadding: overlay.unit * 1
            bottomPadding: overlay.unit * 2
            visible: overlay.type === "reveal" && text !== ""
            text: overlay.type === "reveal" ? overlay.cue.nominees.map(overlay.nomineeText).join("   ·   ") : ""
        }

        Text {   // the reveal: and the winner is, then the film
            objectName: "ceremonyRevealEn"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            color: overlay.gold
            font.pixelSize: overlay.unit * 4.4
            font.bold: true
            font.letterSpacing: overlay.unit * 0.3
            font.capitalization: Font.AllUppercase
            visible: overlay.type === "reveal"
            text: qsTr("And the winner is") + "  ·  " + qsTr("得獎者")
        }
        Text {   // the nominee's or the winner's film
            objectName: "ceremonyFilmEn"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: overlay.type === "reveal" ? overlay.gold : "white"
            font.pixelSize: overlay.unit * (overlay.type === "reveal" ? 10 : 8) * card.size
            font.bold: true
            maximumLineCount: 2
            elide: Text.ElideRight
            visible: overlay.hasFilm
            text: overlay.film.titleEn || overlay.film.originalTitle || ""
        }
        Text {
            objectName: "ceremonyFilmZh"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: overlay.type === "reveal" ? overlay.gold : "white"
            font.family: overlay.zhFont
            font.pixelSize: overlay.unit * (overlay.type === "reveal" ? 8.5 : 7) * card.size
            visible: overlay.hasFilm && text !== "" && text !== overlay.film.titleEn
            text: overlay.film.titleZh || ""
        }
        Text {   // the original title, when it is neither
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: "#c8ced8"
            font.pixelSize: overlay.unit * 4 * card.size
            visible: overlay.hasFilm && text !== "" && text !== overlay.film.titleEn && text !== overlay.film.titleZh
            text: overlay.film.originalTitle || ""
        }
    }

    Rectangle {
        anchors.fill: parent
        color: "black"
        visible: overlay.cue.blackout
    }
}
