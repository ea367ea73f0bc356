import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.Templates as T
import Festival.Kiosk

ApplicationWindow {
    id: window
    width: 1920
    height: 1080
    visible: true
    title: qsTr("Festival kiosk")
    color: Theme.background
    font.family: Kiosk.fontFamily

    readonly property bool portrait: height > width
    // home | programme | film | screening | vote | staff | ceremony
    property string page: "home"
    property string filmId: ""
    property string screeningId: ""
    readonly property var pages: ["home", "programme", "film", "screening", "vote", "staff", "ceremony"]

    function openFilm(id) {
        filmId = id
        page = "film"
    }
    // A screening of one film is that film's page; a block has a page of its own.
    function openScreening(id) {
        const ids = Kiosk.screening(id).filmIds ?? []
        if (ids.length === 1) {
            openFilm(ids[0])
        } else if (ids.length > 1) {
            screeningId = id
            page = "screening"
        }
    }
    // The vote, from its first step or for a screening already chosen (a block's films
    // are rated together; a ticket scanned before is kept).
    function openVote(screening) {
        if (screening.length > 0) {
            const ids = Kiosk.screening(screening).filmIds ?? []
            Kiosk.vote.choose(screening, ids.length === 1 ? ids[0] : "")
        } else {
            Kiosk.vote.reset()
        }
        page = "vote"
    }

    // What "Read this page aloud" reads: the page's own `spokenText` when it has one, else
    // the words it shows, top to bottom (Kiosk.speech.readableText).
    function pageText() {
        const loader = stack.children[stack.currentIndex]
        const item = loader ? loader.item : null
        if (!item)
            return ""
        const own = item.spokenText
        return typeof own === "string" && own.length > 0 ? own : Kiosk.speech.readableText(item)
    }

    Connections {
        target: Kiosk
        function onHomeRequested() {
            // While the award ceremony runs, "home" is the ceremony view.
            window.page = Kiosk.ceremony.active ? "ceremony" : "home"
            window.filmId = ""
            if (programmePage.item)
                programmePage.item.reset()
        }
        function onScreenRequested(name, argument) {
            // Screenshot mode and staff tools ask for screens by name.
            if (name === "film") {
                window.openFilm(argument)
            } else if (name === "screening") {
                window.openScreening(argument)
            } else if (name === "search") {
                window.page = "programme"
                programmePage.item.search("neo")
            } else if (name.startsWith("ceremony")) {
                window.page = "ceremony"
            } else if (name.startsWith("vote")) {
                window.page = "vote"
                votePage.item.demo(name.substring(5))
            } else {
                window.page = name
            }
        }
    }

    header: Rectangle {
        implicitHeight: 104
        color: Theme.surface
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.gap
            anchors.rightMargin: Theme.gap
            spacing: Theme.gap
            Text {
                Layout.fillWidth: true
                text: Kiosk.festivalName.length > 0 ? Kiosk.festivalName : qsTr("Film Festival")
                color: Theme.text
                font.pixelSize: window.portrait ? Theme.body : Theme.heading
                font.bold: true
                elide: Text.ElideRight
                maximumLineCount: 2
                wrapMode: Text.Wrap
            }
            ConnectionIndicator {}
            Text {
                id: clock
                text: Kiosk.clockText
                color: Theme.text
                font.pixelSize: Theme.heading
                font.bold: true
                // Staff gesture: five quick taps on the clock open the staff panel.
                MouseArea {
                    id: staffGesture
                    // A hidden staff gesture, not a control for visitors.
                    Accessible.ignored: true
                    anchors.fill: parent
                    anchors.margins: -Theme.gap
                    property int taps: 0
                    onClicked: {
                        taps += 1
                        tapWindow.restart()
                        if (taps >= 5) {
                            taps = 0
                            window.page = "staff"
                        }
                    }
                    Timer { id: tapWindow; interval: 2500; onTriggered: staffGesture.taps = 0 }
                }
            }
            SpeechButton { readPage: window.pageText }
            ReadingButton {}
            LanguageButton { objectName: "languageButton" }
        }
    }

    // A page is built the first time it is shown (or asked for in advance), then kept with
    // what the visitor left on it: the first frame does not wait for pages nobody opened.
    component PageLoader: Loader {
        required property string name
        property bool preload: false
        property bool built: false
        active: built || preload || window.page === name
        // Later, not inside the evaluation of `active` that loaded the page (a binding loop).
        onLoaded: Qt.callLater(() => { built = true })
    }

    StackLayout {
        id: stack
        anchors.fill: parent
        anchors.bottomMargin: keyboard.visible ? keyboard.height : 0
        currentIndex: Math.max(0, window.pages.indexOf(window.page))

        PageLoader {
            name: "home"
            sourceComponent: HomePage {
                portrait: window.portrait
                onScreeningRequested: id => window.openScreening(id)
                onVoteRequested: window.openVote("")
            }
        }
        PageLoader {
            id: programmePage
            name: "programme"
            sourceComponent: ProgrammePage {
                portrait: window.portrait
                onFilmRequested: id => window.openFilm(id)
                onScreeningRequested: id => window.openScreening(id)
            }
        }
        PageLoader {
            name: "film"
            sourceComponent: FilmPage {
                filmId: window.filmId
                portrait: window.portrait
                onBack: window.page = "programme"
                onScreeningRequested: id => window.openScreening(id)
                onVoteRequested: screening => window.openVote(screening)
            }
        }
        PageLoader {
            name: "screening"
            sourceComponent: ScreeningPage {
                screeningId: window.screeningId
                portrait: window.portrait
                onBack: window.page = "programme"
                onFilmRequested: id => window.openFilm(id)
                onVoteRequested: screening => window.openVote(screening)
            }
        }
        PageLoader {
            id: votePage
            name: "vote"
            sourceComponent: VotePage {
                objectName: "votePage"
                portrait: window.portrait
                active: window.page === "vote"
                onDone: Kiosk.resetToHome()
            }
        }
        PageLoader {
            name: "staff"
            sourceComponent: StaffPanel {
                onClosed: Kiosk.resetToHome()
            }
        }
        PageLoader {
            name: "ceremony"
            // Ready before the first cue arrives.
            preload: Kiosk.ceremonyAvailable
            sourceComponent: CeremonyPage {}
        }
    }

    footer: Rectangle {
        implicitHeight: 112
        color: Theme.surface
        RowLayout {
            anchors.fill: parent
            anchors.margins: 16
            spacing: 16
            KioskButton {
                objectName: "navHome"
                Layout.fillWidth: true
                Layout.fillHeight: true
                text: qsTr("Now & Next")
                selected: window.page === "home"
                onClicked: window.page = "home"
            }
            KioskButton {
                objectName: "navProgramme"
                Layout.fillWidth: true
                Layout.fillHeight: true
                text: qsTr("Programme")
                selected: window.page === "programme" || window.page === "film" || window.page === "screening"
                onClicked: window.page = "programme"
            }
            KioskButton {
                objectName: "navVote"
                Layout.fillWidth: true
                Layout.fillHeight: true
                text: qsTr("Vote")
                selected: window.page === "vote"
                onClicked: window.openVote("")
            }
            KioskButton {
                Layout.fillWidth: true
                Layout.fillHeight: true
                visible: Kiosk.ceremonyAvailable
                text: qsTr("Ceremony")
                selected: window.page === "ceremony"
                onClicked: window.page = "ceremony"
            }
        }
    }

    // The on-screen keyboard, for the programme's search only (the ticket code has its own
    // pad). It and the Qt Virtual Keyboard module are loaded, by URL, only when the search
    // asks for them: a faster first frame. Leaving the page hides it.
    Loader {
        id: keyboard
        objectName: "keyboard"
        readonly property bool wanted: window.page === "programme" && Qt.inputMethod.visible
        active: wanted || item !== null
        visible: wanted && status === Loader.Ready
        // Narrower than the screen in landscape so that it stays low and never covers
        // the search field above it.
        width: window.portrait ? window.width : Math.min(window.width, 1280)
        height: item ? item.height : 0
        x: (window.width - width) / 2
        y: parent.height - height
        source: "KeyboardPanel.qml"
    }
    onPageChanged: {
        Qt.inputMethod.hide()
        Kiosk.speech.stop()
    }
    onFilmIdChanged: Kiosk.speech.stop()

    // A ticket scanned on any page: the vote, with the code in.
    Connections {
        target: Kiosk.vote
        function onScanned() { window.page = "vote" }
    }

    // Nobody has touched the kiosk for a while and a visitor's work would be lost: ask
    // before starting over. Any touch (this button or anywhere) gives the full time back
    // and keeps everything as it was.
    Rectangle {
        id: idleWarning
        objectName: "idleWarning"
        anchors.fill: parent
        parent: T.Overlay.overlay
        visible: Kiosk.idle.warning && (window.page !== "home" || Kiosk.vote.code.length > 0
                                        || Kiosk.language !== Kiosk.defaultLanguage)
        color: "#CC0E1116"
        MouseArea { anchors.fill: parent; onClicked: Kiosk.idle.poke(); Accessible.ignored: true }
        Rectangle {
            anchors.centerIn: parent
            width: Math.min(parent.width - 2 * Theme.gap, 960)
            height: warningColumn.implicitHeight + 2 * Theme.gap
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.accent
            border.width: 3
            ColumnLayout {
                id: warningColumn
                anchors.fill: parent
                anchors.margins: Theme.gap
                spacing: Theme.gap
                Text {
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    text: qsTr("Are you still there?")
                    color: Theme.text
                    font.pixelSize: Theme.title
                    font.bold: true
                }
                Text {
                    objectName: "idleCountdown"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    text: qsTr("The kiosk will start over in %n second(s).", "", Kiosk.idle.secondsLeft)
                    color: Theme.text
                    font.pixelSize: Theme.heading
                }
                KioskButton {
                    objectName: "moreTime"
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredWidth: 420
                    Layout.preferredHeight: 96
                    primary: true
                    font.pixelSize: Theme.heading
                    text: qsTr("More time")
                    onClicked: Kiosk.idle.poke()
                }
            }
        }
    }
}
