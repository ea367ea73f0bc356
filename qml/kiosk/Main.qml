import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
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
    // home | programme | film | vote | staff | ceremony
    property string page: "home"
    property string filmId: ""
    readonly property var pages: ["home", "programme", "film", "vote", "staff", "ceremony"]

    function openFilm(id) {
        filmId = id
        page = "film"
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
        onLoaded: built = true
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
                onFilmRequested: id => window.openFilm(id)
            }
        }
        PageLoader {
            id: programmePage
            name: "programme"
            sourceComponent: ProgrammePage {
                portrait: window.portrait
                onFilmRequested: id => window.openFilm(id)
            }
        }
        PageLoader {
            name: "film"
            sourceComponent: FilmPage {
                filmId: window.filmId
                portrait: window.portrait
                onBack: window.page = "programme"
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
        visible: !keyboard.visible
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
                selected: window.page === "programme" || window.page === "film"
                onClicked: window.page = "programme"
            }
            KioskButton {
                objectName: "navVote"
                Layout.fillWidth: true
                Layout.fillHeight: true
                text: qsTr("Vote")
                selected: window.page === "vote"
                onClicked: {
                    Kiosk.vote.reset()
                    window.page = "vote"
                }
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

    // The keyboard (and the Qt Virtual Keyboard module, by its URL) is loaded only when
    // the vote page needs it: a faster first frame.
    Loader {
        id: keyboard
        readonly property bool wanted: window.page === "vote" && (Qt.inputMethod.visible || (votePage.item !== null && votePage.item.wantsKeyboard))
        active: window.page === "vote"
        visible: wanted && status === Loader.Ready
        // Narrower than the screen in landscape so that it stays low and never covers
        // the ticket field above it.
        width: window.portrait ? window.width : Math.min(window.width, 1280)
        height: item ? item.height : 0
        x: (window.width - width) / 2
        y: parent.height - height
        source: "KeyboardPanel.qml"
    }
}
