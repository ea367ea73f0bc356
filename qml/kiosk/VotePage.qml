import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Festival.Kiosk

// The vote, one step per view: choose the screening, enter the ticket code (or it was
// scanned), rate the film (or any or all films of a block), confirm, and the verdict. The view follows Kiosk.vote; demo()
// pins a step for screenshots.
Item {
    id: root
    property bool portrait: false
    property bool active: false
    signal done()

    property bool demoMode: false
    property int demoStep: VoteSession.Choose
    property int demoOutcome: VoteSession.None
    readonly property int step: demoMode ? demoStep : Kiosk.vote.step
    readonly property int outcome: demoMode ? demoOutcome : Kiosk.vote.outcome
    property string demoCode: ""
    readonly property var chosen: {
        const id = demoMode ? demoScreening() : Kiosk.vote.screeningId
        return id.length > 0 ? Kiosk.screening(id, Kiosk.language) : ({})
    }
    // A block: the films rated one by one on the rating step.
    readonly property var blockFilms: !demoMode && Kiosk.vote.filmId.length === 0 && chosen.filmIds && chosen.filmIds.length > 1
                                      ? chosen.filmIds : []
    readonly property string chosenFilmTitle: {
        if (blockFilms.length > 0)
            return chosen.title ?? ""
        const id = demoMode ? (chosen.filmIds ? chosen.filmIds[0] : "") : Kiosk.vote.filmId
        const f = id.length > 0 ? Kiosk.film(id, Kiosk.language) : ({})
        return f.title ?? ""
    }

    function demoScreening() {
        return Kiosk.votable.count > 0 ? Kiosk.votable.idAt(0) : (Kiosk.programme.count > 0 ? Kiosk.programme.idAt(0) : "")
    }
    function demo(name) {
        const steps = { "choose": [VoteSession.Choose, VoteSession.None], "code": [VoteSession.Code, VoteSession.None],
                        "mistyped": [VoteSession.Code, VoteSession.None], "rate": [VoteSession.Rate, VoteSession.None],
                        "thanks": [VoteSession.Thanks, VoteSession.Counted], "saved": [VoteSession.Thanks, VoteSession.Saved],
                        "used": [VoteSession.Problem, VoteSession.TicketUsed], "closed": [VoteSession.Problem, VoteSession.Closed] }
        const s = steps[name] ?? steps["choose"]
        demoMode = name !== "choose"
        demoStep = s[0]
        demoOutcome = s[1]
        demoCode = name === "code" ? "K7QF4M9XR2" : (name === "mistyped" ? "K7QF4M9XR2DABC3X" : "")
    }
    // A block of shorts is rated film by film after the code, in one ballot.
    function choose(screeningId, filmIds) {
        Kiosk.vote.choose(screeningId, filmIds.length === 1 ? filmIds[0] : "")
    }

    onActiveChanged: if (!active) demoMode = false
    onStepChanged: if (step === VoteSession.Code) codePad.forceActiveFocus()

    Timer {
        // The verdict stays up long enough to read, then the kiosk is free for the next visitor.
        interval: 12000
        running: root.active && !root.demoMode && (root.step === VoteSession.Thanks || root.step === VoteSession.Problem)
        onTriggered: root.done()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.gap

        // Which film: shown on every step after the choice.
        Text {
            Layout.fillWidth: true
            visible: root.step !== VoteSession.Choose && root.step !== VoteSession.Thanks && root.step !== VoteSession.Problem
            text: qsTr("Your vote for: %1").arg(root.chosenFilmTitle)
            color: Theme.textMuted
            font.pixelSize: Theme.body
            elide: Text.ElideRight
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: {
                switch (root.step) {
                case VoteSession.Choose: return 0
                case VoteSession.Code: return 1
                case VoteSession.Rate:
                case VoteSession.Confirm: return 2
                case VoteSession.Waiting: return 3
                default: return 4
                }
            }

            // 0: choose the screening
            ColumnLayout {
                spacing: Theme.gap
                Text {
                    objectName: "scannedNote"
                    Layout.fillWidth: true
                    visible: !root.demoMode && Kiosk.vote.codeState === VoteSession.Ok
                    text: qsTr("✓ Ticket read. Now choose the screening you saw.")
                    color: Theme.good
                    font.pixelSize: Theme.heading
                    font.bold: true
                    wrapMode: Text.Wrap
                }
                Text {
                    objectName: "chooseTitle"
                    Layout.fillWidth: true
                    text: qsTr("Which screening did you just see?")
                    color: Theme.text
                    font.pixelSize: Theme.title
                    font.bold: true
                    wrapMode: Text.Wrap
                }
                RowLayout {
                    spacing: 12
                    KioskButton {
                        text: Kiosk.venueName.length > 0 ? qsTr("At %1").arg(Kiosk.venueName) : qsTr("This venue")
                        visible: Kiosk.venueId.length > 0
                        selected: Kiosk.votable.venueId.length > 0
                        onClicked: Kiosk.votable.venueId = Kiosk.venueId
                    }
                    KioskButton {
                        text: qsTr("All venues")
                        visible: Kiosk.venueId.length > 0
                        selected: Kiosk.votable.venueId.length === 0
                        onClicked: Kiosk.votable.venueId = ""
                    }
                }
                ListView {
                    id: votableList
                    objectName: "votableList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: 12
                    model: Kiosk.votable
                    delegate: ScreeningRow {
                        width: votableList.width
                        markPast: false   // the screening the voter just saw
                        onTapped: root.choose(screeningId, filmIds)
                    }
                }
                Text {
                    visible: votableList.count === 0
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    text: qsTr("Voting is not open for any screening here right now. Voting for a screening opens when it starts and closes a little after it ends.")
                    color: Theme.textMuted
                    font.pixelSize: Theme.heading
                    wrapMode: Text.Wrap
                }
            }

            // 1: the ticket code, on the code's own pad (or scanned)
            ColumnLayout {
                spacing: 16
                Text {
                    objectName: "codeTitle"
                    Layout.fillWidth: true
                    text: Kiosk.canScan ? qsTr("Scan your ticket, or type its code") : qsTr("Type the code on your ticket")
                    color: Theme.text
                    font.pixelSize: Theme.title
                    font.bold: true
                    wrapMode: Text.Wrap
                }
                CodePad {
                    id: codePad
                    objectName: "codePad"
                    Layout.alignment: Qt.AlignHCenter
                    keyWidth: root.portrait ? 96 : 132
                    keyHeight: root.portrait ? 120 : 88
                    code: root.demoMode ? root.demoCode : Kiosk.vote.code
                    verdict: codeHint.problem ? "bad" : (codeHint.state === VoteSession.Ok ? "ok" : "")
                    onEdited: code => {
                        Kiosk.vote.code = code
                        // The check symbol says the code is right: no "Next" to find.
                        if (Kiosk.vote.codeState === VoteSession.Ok)
                            Kiosk.vote.submitCode()
                    }
                    onEnterPressed: Kiosk.vote.submitCode()
                }
                Text {
                    id: codeHint
                    objectName: "codeHint"
                    readonly property int state: root.demoMode
                        ? (root.demoCode.length >= 16 ? VoteSession.Mistyped : VoteSession.Incomplete)
                        : Kiosk.vote.codeState
                    readonly property bool problem: state === VoteSession.Malformed || state === VoteSession.Mistyped
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.body
                    font.bold: problem
                    color: problem ? Theme.bad : (state === VoteSession.Ok ? Theme.good : Theme.textMuted)
                    text: {
                        switch (state) {
                        case VoteSession.Incomplete:
                            return qsTr("%1 of 16 characters").arg(codePad.symbols.length)
                        case VoteSession.Ok:
                            return qsTr("The code looks right.")
                        case VoteSession.Malformed:
                            return qsTr("A ticket code has 16 letters and digits. Check the code on your ticket and type it again.")
                        case VoteSession.Mistyped:
                            return qsTr("That code has a typing mistake. Compare it with your ticket, character by character.")
                        default:
                            return Kiosk.canScan ? qsTr("Hold the QR code of your ticket under the scanner, or type the 16 characters printed on it.")
                                                 : qsTr("Type the 16 characters printed on your ticket.")
                        }
                    }
                }
                KioskButton {
                    text: qsTr("‹ Back")
                    onClicked: Kiosk.vote.back()
                }
                Item { Layout.fillHeight: true }
            }

            // 2: rate and confirm
            ColumnLayout {
                spacing: Theme.gap
                Text {
                    Layout.fillWidth: true
                    text: root.blockFilms.length > 0 ? qsTr("Rate any or all of the films you saw")
                                                     : qsTr("How did you like it?")
                    color: Theme.text
                    font.pixelSize: Theme.title
                    font.bold: true
                    wrapMode: Text.Wrap
                }
                StarRating {
                    visible: root.blockFilms.length === 0
                    starSize: root.portrait ? 160 : 150
                    value: root.demoMode ? 4 : Kiosk.vote.score
                    onRated: score => Kiosk.vote.rate(score)
                }
                // A block of shorts: each film its own row of stars, one ballot for all.
                ListView {
                    id: blockList
                    objectName: "blockRatings"
                    visible: root.blockFilms.length > 0
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.min(contentHeight, root.height * 0.55)
                    clip: true
                    spacing: 12
                    boundsBehavior: Flickable.StopAtBounds
                    model: root.blockFilms
                    delegate: Rectangle {
                        id: filmRow
                        required property string modelData
                        width: blockList.width
                        height: filmStars.height + 24
                        radius: Theme.radius
                        color: Theme.surface
                        RowLayout {
                            anchors.fill: parent
                            anchors.leftMargin: Theme.gap
                            anchors.rightMargin: 12
                            spacing: Theme.gap
                            Text {
                                Layout.fillWidth: true
                                text: Kiosk.film(filmRow.modelData, Kiosk.language).title ?? filmRow.modelData
                                color: Theme.text
                                font.pixelSize: Theme.heading
                                font.bold: true
                                elide: Text.ElideRight
                            }
                            StarRating {
                                id: filmStars
                                objectName: "stars-" + filmRow.modelData
                                starSize: root.portrait ? 84 : 88
                                value: Kiosk.vote.ratings[filmRow.modelData] ?? 0
                                // The same star again takes the rating back.
                                onRated: score => Kiosk.vote.rateFilm(filmRow.modelData, score === value ? 0 : score)
                            }
                        }
                    }
                }
                Text {
                    Layout.fillWidth: true
                    text: qsTr("1 = did not like it, 5 = loved it")
                    color: Theme.textMuted
                    font.pixelSize: Theme.body
                }
                RowLayout {
                    spacing: Theme.gap
                    KioskButton {
                        text: qsTr("‹ Back")
                        onClicked: Kiosk.vote.back()
                    }
                    KioskButton {
                        objectName: "confirmVote"
                        primary: true
                        enabled: root.step === VoteSession.Confirm || root.demoMode
                        text: qsTr("Send my vote")
                        onClicked: Kiosk.vote.confirm()
                    }
                }
                Item { Layout.fillHeight: true }
            }

            // 3: waiting for the verdict
            ColumnLayout {
                BusyIndicator { Layout.alignment: Qt.AlignHCenter; running: root.step === VoteSession.Waiting }
                Text {
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("Sending your vote…")
                    color: Theme.text
                    font.pixelSize: Theme.heading
                }
            }

            // 4: the verdict
            ColumnLayout {
                spacing: Theme.gap
                Item { Layout.fillHeight: true }
                Text {
                    objectName: "verdictTitle"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    color: root.step === VoteSession.Thanks ? Theme.accent : Theme.text
                    font.pixelSize: Theme.huge
                    font.bold: true
                    text: {
                        switch (root.outcome) {
                        case VoteSession.Counted:
                        case VoteSession.Saved: return qsTr("Thank you!")
                        case VoteSession.TicketUsed: return qsTr("This ticket has already voted")
                        case VoteSession.TicketInvalid: return qsTr("We could not accept this ticket code")
                        case VoteSession.NotOpenYet: return qsTr("Voting has not opened yet")
                        case VoteSession.Closed: return qsTr("Voting has closed")
                        case VoteSession.StorageFailed: return qsTr("Your vote could not be saved")
                        default: return qsTr("Your vote could not be counted")
                        }
                    }
                }
                Text {
                    objectName: "verdictText"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    color: Theme.text
                    font.pixelSize: Theme.heading
                    text: {
                        switch (root.outcome) {
                        case VoteSession.Counted: return qsTr("Your vote has been counted.")
                        case VoteSession.Saved: return qsTr("Your vote is saved and will be counted.")
                        case VoteSession.TicketUsed: return qsTr("Each ticket can vote once for each screening. Enjoy the rest of the festival!")
                        case VoteSession.TicketInvalid: return qsTr("Please check the code on your ticket, or ask a member of staff.")
                        case VoteSession.NotOpenYet: return qsTr("Voting for a screening opens when it starts. Please try again later.")
                        case VoteSession.Closed: return qsTr("Voting for this screening has ended. Thank you for coming!")
                        default: return qsTr("Please ask a member of staff for help.")
                        }
                    }
                }
                KioskButton {
                    objectName: "voteDone"
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredWidth: 360
                    primary: true
                    text: qsTr("Done")
                    onClicked: root.done()
                }
                Item { Layout.fillHeight: true }
            }
        }
    }
}
