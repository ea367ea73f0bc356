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

        function cleanup() {
            Kiosk.idle.seconds = 60
            Kiosk.idle.warningSeconds = 15
        }

        // Before the reset the visitor is asked, and "more time" keeps the half-entered code.
        function test_warningGivesMoreTime() {
            Kiosk.vote.choose("S-0202", "F-001")
            Kiosk.vote.code = "K7QF4M9X"
            home.clear()
            Kiosk.idle.warningSeconds = 2
            Kiosk.idle.seconds = 4
            tryCompare(Kiosk.idle, "warning", true, 5000)
            verify(Kiosk.idle.secondsLeft <= 2)
            compare(home.count, 0)
            Kiosk.idle.poke()                  // what "More time" does
            compare(Kiosk.idle.warning, false)
            compare(Kiosk.idle.secondsLeft, 4)
            compare(Kiosk.vote.code, "K7QF4M9X")
            compare(Kiosk.vote.step, VoteSession.Code)
            Kiosk.idle.seconds = 60
            compare(home.count, 0)
        }

        function test_idleClearsCodeAndLanguage() {
            Kiosk.vote.choose("S-0202", "F-001")
            Kiosk.vote.code = "K7QF-4M9X"
            Kiosk.language = "zh_HK"
            Kiosk.staff.lock()
            home.clear()
            Kiosk.idle.warningSeconds = 0
            Kiosk.idle.seconds = 1
            home.wait(5000)
            compare(Kiosk.vote.code, "")
            compare(Kiosk.vote.step, VoteSession.Choose)
            compare(Kiosk.vote.screeningId, "")
            compare(Kiosk.language, Kiosk.defaultLanguage)
        }
    }
}
