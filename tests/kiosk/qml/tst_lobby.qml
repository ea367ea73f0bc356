import QtQuick
import QtTest
import Festival.Kiosk
import Festival.Kiosk.Test

// The lobby is never a wall of "nothing showing": after the day's last screening it
// thanks the audience and shows the next day's programme; after the festival, thanks.
Item {
    id: root
    width: 1920
    height: 1080

    Component {
        id: homeComponent
        HomePage { anchors.fill: parent }
    }

    TestCase {
        name: "Lobby"
        when: windowShown

        function cleanup() { TestTickets.setNow("2026-12-06T11:30:00+08:00") }

        function test_duringTheDayNowAndNext() {
            const home = createTemporaryObject(homeComponent, root)
            verify(Kiosk.screeningsLeftToday)
            verify(!findChild(home, "dayOver").visible)
        }

        function test_afterTheLastScreeningTheNextDay() {
            TestTickets.setNow("2026-12-05T23:30:00+08:00")
            const home = createTemporaryObject(homeComponent, root)
            compare(Kiosk.screeningsLeftToday, false)
            compare(Kiosk.nextFestivalDay, "2026-12-06")
            verify(findChild(home, "dayOver").visible)
            tryVerify(() => findChild(home, "upcomingList").count > 0)
            // Only the next day's screenings.
            for (let i = 0; i < Kiosk.upcoming.count; ++i)
                compare(Kiosk.screening(Kiosk.upcoming.idAt(i)).day, "2026-12-06")
        }

        function test_afterTheFestivalThanks() {
            TestTickets.setNow("2026-12-06T23:59:00+08:00")
            const home = createTemporaryObject(homeComponent, root)
            compare(Kiosk.screeningsLeftToday, false)
            compare(Kiosk.nextFestivalDay, "")
            verify(findChild(home, "dayOver").visible)
            verify(!findChild(home, "upcomingList").visible)
        }
    }
}
