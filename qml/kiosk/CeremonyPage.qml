import QtQuick
import QtQuick.Layouts
import Festival.Kiosk

// The award ceremony in the lobby: follows the organisers' cues at the same instant as
// the screens (Kiosk.ceremony.follower acts on the show clock). Everything in English
// and Traditional Chinese at once, large enough to read from across the lobby; the
// kiosk switches here by itself when the ceremony starts and home when it ends.
Item {
    id: page
    readonly property var cue: Kiosk.ceremony.follower
    readonly property bool portrait: height > width
    // Read aloud in the language shown (the card shows both at once); before the ceremony,
    // the words on the page.
    readonly property string spokenText: {
        if (!cue.active || cue.blackout)
            return ""
        const zh = Kiosk.language !== "en"
        const title = f => f ? ((zh ? (f.titleZh || f.originalTitle || f.titleEn)
                                    : (f.titleEn || f.originalTitle)) || "") : ""
        const parts = [zh ? cue.headingZh : cue.headingEn, title(cue.winner), title(cue.film)]
        for (const n of cue.nominees || [])
            parts.push(title(n))
        return parts.filter(p => p.length > 0).join(zh ? "。" : ". ")
    }

    // Before the ceremony (or between rehearsals): where it will appear.
    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width * 0.7
        spacing: Theme.gap
        visible: !page.cue.active
        Text {
            Layout.fillWidth: true
            text: qsTr("Award Ceremony")
            color: Theme.accent
            font.pixelSize: Theme.huge
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("The ceremony will appear here when it begins.")
            color: Theme.text
            font.pixelSize: Theme.heading
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
        }
    }

    CeremonyCard {
        anchors.fill: parent
        visible: page.cue.active
        cue: page.cue
        portrait: page.portrait
    }

    Rectangle {
        anchors.fill: parent
        color: "black"
        visible: page.cue.active && page.cue.blackout
    }
}
