import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Festival.Kiosk

// The programme by day, venue and category, or every film A-Z; the search box looks in
// titles, makers and countries in both scripts.
Item {
    id: root
    property bool portrait: false
    // Opens on today (or the nearest festival day); a tapped day stays until the reset.
    property string day: Kiosk.programmeDay
    property bool filmsView: false
    signal filmRequested(string id)
    signal screeningRequested(string id)

    function reset() {
        filmsView = false
        searchField.text = ""
        day = Qt.binding(() => Kiosk.programmeDay)
    }
    // The search keyboard goes away on Enter, when the results are scrolled and when the
    // visitor leaves the page (Main.qml).
    function dismissKeyboard() {
        searchField.focus = false
        Qt.inputMethod.hide()
    }
    function search(text) {
        searchField.text = text
    }

    // A search looks across every day; otherwise one day at a time.
    Binding { target: Kiosk.programme; property: "day"; value: Kiosk.programme.query.length > 0 ? "" : root.day }
    Binding { target: Kiosk.programme; property: "query"; value: searchField.text }
    Binding { target: Kiosk.filmSearch; property: "query"; value: searchField.text }
    Binding { target: Kiosk.filmSearch; property: "categoryId"; value: Kiosk.programme.categoryId }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: 16

        RowLayout {
            Layout.fillWidth: true
            spacing: 16
            Text {
                text: qsTr("Programme")
                color: Theme.text
                font.pixelSize: Theme.title
                font.bold: true
            }
            TextField {
                id: searchField
                objectName: "searchField"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touch
                placeholderText: qsTr("Search title, film-maker or country")
                placeholderTextColor: Theme.textMuted
                color: Theme.text
                font.pixelSize: Theme.body
                inputMethodHints: Qt.ImhNoPredictiveText
                // The results are already there as one types: Enter only puts the keyboard away.
                onAccepted: root.dismissKeyboard()
                background: Rectangle {
                    radius: Theme.radius
                    color: Theme.surfaceHigh
                    border.color: searchField.activeFocus ? Theme.accent : Theme.outline
                    border.width: 2
                }
            }
            KioskButton {
                visible: searchField.text.length > 0
                text: qsTr("Clear")
                onClicked: searchField.text = ""
            }
        }

        Flow {
            Layout.fillWidth: true
            spacing: 12
            KioskButton {
                text: qsTr("By time")
                selected: !root.filmsView
                onClicked: root.filmsView = false
            }
            KioskButton {
                text: qsTr("Films A–Z")
                selected: root.filmsView
                onClicked: root.filmsView = true
            }
            Item { width: Theme.gap; height: 1 }
            Repeater {
                model: root.filmsView || Kiosk.programme.query.length > 0 ? [] : Kiosk.days
                KioskButton {
                    required property string modelData
                    objectName: "day-" + modelData
                    text: Kiosk.dayLabel(modelData, Kiosk.language)
                    selected: root.day === modelData
                    onClicked: root.day = modelData
                }
            }
            Item { width: Theme.gap; height: 1 }
            ChoiceButton {
                objectName: "venueFilter"
                visible: !root.filmsView
                label: qsTr("Venue")
                allText: qsTr("All venues")
                options: Kiosk.venueChoices
                current: Kiosk.programme.venueId
                onChosen: id => Kiosk.programme.venueId = id
            }
            ChoiceButton {
                objectName: "categoryFilter"
                visible: Kiosk.categories.length > 0
                label: qsTr("Award")
                allText: qsTr("All categories")
                options: Kiosk.categories
                current: Kiosk.programme.categoryId
                onChosen: id => Kiosk.programme.categoryId = id
            }
        }

        ListView {
            id: list
            objectName: "programmeList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 12
            visible: !root.filmsView
            model: Kiosk.programme
            boundsBehavior: Flickable.StopAtBounds
            onMovementStarted: root.dismissKeyboard()
            delegate: ScreeningRow {
                width: list.width
                showDay: Kiosk.programme.query.length > 0
                onTapped: root.screeningRequested(screeningId)
            }
            ScrollIndicator.vertical: ScrollIndicator {}
        }

        ListView {
            id: films
            objectName: "filmList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 12
            visible: root.filmsView
            model: Kiosk.filmSearch
            boundsBehavior: Flickable.StopAtBounds
            onMovementStarted: root.dismissKeyboard()
            delegate: Rectangle {
                required property string filmId
                required property string title
                required property string makers
                required property string countryName
                width: films.width
                height: Math.max(Theme.touch, filmColumn.implicitHeight + 24)
                radius: Theme.radius
                color: Theme.surface
                Accessible.role: Accessible.Button
                Accessible.name: title + ", " + makers + ", " + countryName
                TapHandler { onTapped: root.filmRequested(filmId) }
                Column {
                    id: filmColumn
                    anchors.verticalCenter: parent.verticalCenter
                    x: Theme.gap
                    width: parent.width - 2 * Theme.gap
                    Text { width: parent.width; text: title; color: Theme.text; font.pixelSize: Theme.body; font.bold: true; elide: Text.ElideRight }
                    Text { width: parent.width; text: makers + "  ·  " + countryName; color: Theme.textMuted; font.pixelSize: Theme.small; elide: Text.ElideRight }
                }
            }
            ScrollIndicator.vertical: ScrollIndicator {}
        }

        Text {
            visible: (root.filmsView ? films.count : list.count) === 0
            Layout.fillWidth: true
            text: Kiosk.programme.query.length > 0
                  ? qsTr("Nothing matches “%1”. Try part of a title, a name or a country.").arg(Kiosk.programme.query)
                  : qsTr("No screenings for this choice.")
            color: Theme.textMuted
            font.pixelSize: Theme.body
            wrapMode: Text.Wrap
        }
    }
}
