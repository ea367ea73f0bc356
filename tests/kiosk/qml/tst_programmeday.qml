import QtQuick
import QtTest
import Festival.Kiosk

// The programme opens on today, not on the festival's first day (the kiosk's clock is
// fixed on the sample festival's second day), and returns to today after a reset.
Item {
    id: root
    width: 1920
    height: 1080

    Component {
        id: pageComponent
        ProgrammePage { anchors.fill: parent }
    }

    TestCase {
        name: "ProgrammeDay"
        when: windowShown

        function test_opensOnToday() {
            compare(Kiosk.days[0], "2026-12-05")
            compare(Kiosk.programmeDay, "2026-12-06")
            const page = createTemporaryObject(pageComponent, root)
            compare(page.day, "2026-12-06")
            page.day = "2026-12-05"            // the visitor looks at yesterday
            page.reset()
            compare(page.day, "2026-12-06")
        }

        // Dates are retranslated at once, both ways (they stayed in the last language).
        function test_daysFollowTheLanguage() {
            const page = createTemporaryObject(pageComponent, root)
            const chip = findChild(page, "day-2026-12-06")
            compare(chip.text, "Sun 6 Dec")
            Kiosk.language = "zh_HK"
            compare(chip.text, "12月6日 (週日)")
            Kiosk.language = "en"
            compare(chip.text, "Sun 6 Dec")
        }
    }
}
