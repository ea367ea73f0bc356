import QtQuick
import QtQuick.Layouts
import Festival.Kiosk

// Staff only (five taps on the clock, then the PIN): which kiosk this is and how it is.
Item {
    id: root
    signal closed()

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.gap, 1000)
        spacing: Theme.gap

        Text {
            text: qsTr("Staff")
            color: Theme.text
            font.pixelSize: Theme.title
            font.bold: true
        }

        ColumnLayout {
            visible: !Kiosk.staff.unlocked
            Layout.alignment: Qt.AlignHCenter
            spacing: 16
            Text {
                Layout.alignment: Qt.AlignHCenter
                text: {
                    switch (Kiosk.staff.error) {
                    case StaffAccess.WrongPin: return qsTr("Wrong PIN. Try again.")
                    case StaffAccess.TooManyTries: return qsTr("Too many wrong PINs. Wait a minute, then try again.")
                    case StaffAccess.NotConfigured: return qsTr("No staff PIN is set for this kiosk (staff_pin_hash in its configuration).")
                    default: return qsTr("Enter the staff PIN")
                    }
                }
                color: Kiosk.staff.error === StaffAccess.NoError ? Theme.textMuted : Theme.bad
                font.pixelSize: Theme.body
            }
            PinPad {
                Layout.alignment: Qt.AlignHCenter
                onEntered: pin => Kiosk.staff.tryPin(pin)
            }
        }

        GridLayout {
            visible: Kiosk.staff.unlocked
            columns: 2
            columnSpacing: Theme.gap
            rowSpacing: 12
            Repeater {
                model: [
                    [qsTr("Kiosk"), Kiosk.kioskId],
                    [qsTr("Venue"), Kiosk.venueName.length > 0 ? Kiosk.venueName + " (" + Kiosk.venueId + ")" : Kiosk.venueId],
                    [qsTr("Broker"), Kiosk.brokerState],
                    [qsTr("Programme version"), Kiosk.programmeVersion >= 0 ? String(Kiosk.programmeVersion) : qsTr("none yet")],
                    [qsTr("Votes waiting to be sent"), String(Kiosk.outboxPending)],
                    [qsTr("Ticket camera"), Kiosk.scannerProblem.length > 0 ? Kiosk.scannerProblem
                                            : (Kiosk.cameraScans ? qsTr("reading QR codes") : qsTr("none"))],
                    [qsTr("Reading aloud"), Kiosk.speech.available ? qsTr("available") : Kiosk.speech.problem],
                    [qsTr("Idle reset after"), qsTr("%n s", "", Kiosk.idle.seconds)]
                ]
                delegate: RowLayout {
                    required property var modelData
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                    spacing: Theme.gap
                    Text {
                        Layout.preferredWidth: 380
                        text: modelData[0]
                        color: Theme.textMuted
                        font.pixelSize: Theme.body
                    }
                    Text {
                        Layout.fillWidth: true
                        text: modelData[1]
                        color: Theme.text
                        font.pixelSize: Theme.body
                        wrapMode: Text.WrapAnywhere
                    }
                }
            }
        }

        KioskButton {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Close")
            onClicked: {
                Kiosk.staff.lock()
                root.closed()
            }
        }
    }
}
