import QtQuick
import org.freedesktop.gstreamer.Qt6GLVideoItem
import Festival.Ceremony

// The award ceremony on a player's screen, over the playlist's video while the ceremony
// is active: the cue's clip (two video items, alternating so that the next clip
// prerolls on the hidden one), and the cue's card in English and Traditional Chinese.
// A card fills the screen when there is no clip (or it ended) and becomes a lower third
// while a clip plays.
Item {
    id: overlay
    readonly property var cue: CeremonyDirector.follower
    readonly property bool clip: CeremonyDirector.clipVisible
    readonly property string zhFont: "Noto Sans CJK TC"
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

    // Behind the text of a lower third, so that it reads over any picture.
    Rectangle {
        anchors.fill: card
        anchors.margins: -overlay.height * 0.03
        visible: overlay.clip && card.visible
        color: "#c0000000"
        radius: overlay.height * 0.02
    }

    Column {
        id: card
        width: parent.width * 0.84
        anchors.horizontalCenter: parent.horizontalCenter
        y: overlay.clip ? parent.height - height - parent.height * 0.07 : (parent.height - height) / 2
        spacing: overlay.height * (overlay.clip ? 0.01 : 0.025)
        readonly property real unit: overlay.height * (overlay.clip ? 0.6 : 1.0)
        readonly property string type: overlay.cue.cueType
        readonly property var film: type === "reveal" ? overlay.cue.winner : overlay.cue.film

        Text {   // what kind of moment this is
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            color: "#e8c060"
            font.pixelSize: card.unit * 0.045
            font.letterSpacing: card.unit * 0.004
            visible: text !== ""
            text: card.type === "nominee" ? "NOMINEE  ·  入圍"
                : card.type === "reveal" ? "THE WINNER  ·  得獎"
                : card.type === "title" ? "AWARD  ·  獎項" : ""
        }
        Text {   // category (title, nominee, reveal) or the intro/outro heading
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: "white"
            font.pixelSize: card.unit * (card.type === "title" || card.type === "intro" || card.type === "outro" ? 0.09 : 0.05)
            font.bold: true
            text: overlay.cue.headingEn
        }
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: "white"
            font.family: overlay.zhFont
            font.pixelSize: card.unit * (card.type === "title" || card.type === "intro" || card.type === "outro" ? 0.08 : 0.045)
            visible: text !== "" && text !== overlay.cue.headingEn
            text: overlay.cue.headingZh
        }
        Item { width: 1; height: card.unit * 0.02; visible: card.film.id !== undefined }
        Text {   // the nominee's or the winner's film
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: card.type === "reveal" ? "#ffd970" : "white"
            font.pixelSize: card.unit * (card.type === "reveal" ? 0.1 : 0.075)
            font.bold: true
            visible: card.film.id !== undefined
            text: card.film.titleEn || card.film.originalTitle || ""
        }
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: card.type === "reveal" ? "#ffd970" : "white"
            font.family: overlay.zhFont
            font.pixelSize: card.unit * (card.type === "reveal" ? 0.085 : 0.065)
            visible: card.film.id !== undefined && text !== "" && text !== card.film.titleEn
            text: card.film.titleZh || ""
        }
        Column {   // the title card lists the nominees
            width: parent.width
            spacing: card.unit * 0.012
            visible: card.type === "title" && !overlay.clip
            Repeater {
                model: card.type === "title" ? overlay.cue.nominees : []
                Text {
                    required property var modelData
                    width: card.width
                    horizontalAlignment: Text.AlignHCenter
                    elide: Text.ElideRight
                    color: "#d0d4dc"
                    font.pixelSize: card.unit * 0.045
                    text: modelData.titleEn + (modelData.titleZh && modelData.titleZh !== modelData.titleEn
                                               ? "  ·  " + modelData.titleZh : "")
                }
            }
        }
    }

    Rectangle {
        anchors.fill: parent
        color: "black"
        visible: overlay.cue.blackout
    }
}
