import QtQuick
import QtQuick.Layouts
import Festival.Kiosk

// The attract loop at the top of the home page: between touches it turns, every few
// seconds, through what a passer-by might want now: the vote (while it is open), the
// screenings about to start, the award ceremony's time, and once it has begun the awards
// announced. A touch holds it on what is shown for a while; the dots go to any of them.
Rectangle {
    id: root
    signal voteRequested()
    signal screeningRequested(string id)

    property var slides: []
    property int index: 0
    readonly property var slide: slides.length > 0 ? slides[Math.min(index, slides.length - 1)] : ({})
    readonly property string kind: slide.kind ?? ""
    // How long each is shown, and how long a touch holds the loop.
    property int turnMs: 8000
    property int holdMs: 30000

    visible: slides.length > 0
    implicitHeight: Math.max(Theme.touch, content.implicitHeight) + dots.height + 2 * Theme.gap
    radius: Theme.radius
    color: Theme.surfaceHigh
    border.color: Theme.accent
    border.width: 2

    function rebuild() {
        const list = []
        if (Kiosk.votable.count > 0 && Kiosk.screeningsLeftToday)
            list.push({ kind: "vote" })
        for (const s of Kiosk.startingSoon(3, Kiosk.language))
            list.push(Object.assign({ kind: "soon" }, s))
        const ceremony = Kiosk.nextCeremony(Kiosk.language)
        if (ceremony.title !== undefined)
            list.push(Object.assign({ kind: "ceremony" }, ceremony))
        else
            for (const award of Kiosk.ceremony.follower.announced)
                list.push(winnerSlide(award))
        // Stay on the same slide across a rebuild when it is still there.
        const current = key(slide)
        slides = list
        const again = list.findIndex(s => key(s) === current)
        index = again >= 0 ? again : 0
    }
    function winnerSlide(award) {
        const zh = Kiosk.language !== "en"
        return { kind: "winner", id: award.categoryId,
                 award: (zh ? award.headingZh : award.headingEn) || award.headingEn || award.headingZh,
                 title: (zh ? award.winner.titleZh : award.winner.titleEn) || award.winner.originalTitle || award.winner.titleEn }
    }
    function key(s) { return s.kind === "soon" ? s.screeningId : (s.kind === "winner" ? s.id : s.kind) }
    function show(i) {
        rebuild()
        index = slides.length > 0 ? (i + slides.length) % slides.length : 0
    }

    Component.onCompleted: rebuild()
    Connections {
        target: Kiosk
        function onProgrammeChanged() { root.rebuild() }
        function onLanguageChanged() { root.rebuild() }
        function onVotingChanged() { root.rebuild() }
        function onProgrammeDayChanged() { root.rebuild() }
    }
    Connections {
        target: Kiosk.ceremony.follower
        function onAnnouncedChanged() { root.rebuild() }
    }
    Timer {
        id: turn
        objectName: "spotlightTurn"
        interval: root.turnMs
        repeat: true
        running: !hold.running
        onTriggered: root.show(root.index + 1)
    }
    Timer { id: hold; interval: root.holdMs }

    Accessible.role: Accessible.Button
    Accessible.name: headline.text + ". " + detail.text

    TapHandler {
        onTapped: {
            hold.restart()
            if (root.kind === "soon")
                root.screeningRequested(root.slide.screeningId)
            else if (root.kind === "vote")
                root.voteRequested()
        }
    }

    RowLayout {
        id: content
        objectName: root.kind === "vote" ? "voteInvitation" : "spotlight_" + root.kind
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.gap
        spacing: Theme.gap

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 4
            Text {
                id: label
                Layout.fillWidth: true
                // "Award ceremony" over a ceremony called "Award Ceremony" says it twice.
                visible: text.length > 0 && text.toLowerCase() !== headline.text.toLowerCase()
                text: root.kind === "soon" ? (root.slide.minutes <= 1 ? qsTr("Starting now")
                                                                      : qsTr("Starting in %n min", "", root.slide.minutes))
                    : root.kind === "ceremony" ? qsTr("Award ceremony")
                    : root.kind === "winner" ? root.slide.award : ""
                color: Theme.accent
                font.pixelSize: Theme.body
                font.bold: true
            }
            Text {
                id: headline
                Layout.fillWidth: true
                text: root.kind === "vote" ? qsTr("Just seen a film? Vote for it here, with the code on your ticket.")
                                           : (root.slide.title ?? "")
                color: Theme.text
                font.pixelSize: Theme.heading
                font.bold: true
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
            Text {
                id: detail
                Layout.fillWidth: true
                visible: text.length > 0
                text: root.kind === "soon"
                      ? [root.slide.startTime, root.slide.venueName, root.slide.screenName].join("  ·  ")
                      : root.kind === "ceremony"
                        ? [root.slide.today ? qsTr("Today") : root.slide.dayLabel, root.slide.time, root.slide.venueName]
                          .filter(s => s && s.length > 0).join("  ·  ")
                        : ""
                color: Theme.textMuted
                font.pixelSize: Theme.body
                wrapMode: Text.Wrap
            }
        }
        KioskButton {
            visible: root.kind === "vote" || root.kind === "soon"
            primary: root.kind === "vote"
            text: root.kind === "vote" ? qsTr("Vote") : qsTr("Details")
            onClicked: {
                hold.restart()
                if (root.kind === "vote")
                    root.voteRequested()
                else
                    root.screeningRequested(root.slide.screeningId)
            }
        }
    }

    // Where the loop is, and a way to any slide.
    Row {
        id: dots
        objectName: "spotlightDots"
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 4
        height: root.slides.length > 1 ? Theme.minTouch : 0
        visible: root.slides.length > 1
        Repeater {
            model: root.slides.length
            Item {
                required property int index
                width: Theme.minTouch
                height: Theme.minTouch
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Show item %1 of %2").arg(index + 1).arg(root.slides.length)
                Rectangle {
                    anchors.centerIn: parent
                    width: 14
                    height: 14
                    radius: 7
                    color: parent.index === root.index ? Theme.accent : "transparent"
                    border.color: Theme.accent
                    border.width: 2
                }
                TapHandler {
                    onTapped: {
                        hold.restart()
                        root.index = parent.index
                    }
                }
            }
        }
    }
}
