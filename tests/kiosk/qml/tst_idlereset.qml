import QtQuick
import QtTest
import Festival.Kiosk

// Nobody touched the kiosk for a while: back to the default language, the half-typed
// ticket code is gone (privacy) and the vote starts over.
Item {
    width: 1920
    height: 1080

    SignalSpy { id: home; target: Kiosk; signalName: "homeRequested" }

    TestCase {
        name: "IdleReset"
        when: windowShown

        function cleanup() { Kiosk.idle.seconds = 60 }

        function test_idleClearsCodeAndLanguage() {
            Kiosk.vote.choose("S-0202", "F-001")
            Kiosk.vote.code = "K7QF-4M9X"
            Kiosk.language = "zh_HK"
            Kiosk.staff.lock()
            home.clear()
            Kiosk.idle.seconds = 1
            home.wait(5000)
            compare(Kiosk.vote.code, "")
            compare(Kiosk.vote.step, VoteSession.Choose)
            compare(Kiosk.vote.screeningId, "")
            compare(Kiosk.language, Kiosk.defaultLanguage)
        }
    }
}
