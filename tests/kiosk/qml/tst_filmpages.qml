import QtQuick
import QtTest
import Festival.Kiosk
import Festival.Kiosk.Test

// A film's page leads to the vote while one of its screenings is open and to the
// visitor's phone by a QR code; a block of shorts has a page of its own; the home page's
// attract loop turns through the vote, what is about to start and the ceremony.
Item {
    id: root
    width: 1920
    height: 1080

    Component { id: filmComponent; FilmPage { anchors.fill: parent } }
    Component { id: blockComponent; ScreeningPage { anchors.fill: parent } }
    Component { id: homeComponent; HomePage { anchors.fill: parent } }

    TestCase {
        name: "FilmPages"
        when: windowShown

        function cleanup() { TestTickets.setNow("2026-12-06T11:30:00+08:00") }

        function test_filmOpenForVotingOffersTheVote() {
            const page = createTemporaryObject(filmComponent, root, { filmId: "F-001" })
            const spy = createTemporaryObject(signalSpyComponent, root, { target: page, signalName: "voteRequested" })
            const vote = findChild(page, "voteForFilm")
            tryVerify(() => vote.visible)
            mouseClick(vote)
            compare(spy.count, 1)
            compare(spy.signalArguments[0][0], "S-0202")   // open now; its other screening, S-0106, is not open
        }

        function test_filmNotOpenForVotingHasNoVote() {
            const page = createTemporaryObject(filmComponent, root, { filmId: "F-030" })
            waitForRendering(page)
            verify(!findChild(page, "voteForFilm").visible)
        }

        function test_qrCodeOfTheFilmsAddress() {
            const page = createTemporaryObject(filmComponent, root, { filmId: "F-001" })
            const link = findChild(page, "filmLink")
            verify(link.visible)
            compare(page.link, "https://festival.example/films/F-001")
            const image = link.children[0]
            tryCompare(image, "status", Image.Ready)
            verify(image.sourceSize.width > 100)
        }

        function test_blockHasItsOwnPage() {
            const page = createTemporaryObject(blockComponent, root, { screeningId: "S-0103" })
            const films = createTemporaryObject(signalSpyComponent, root, { target: page, signalName: "filmRequested" })
            const votes = createTemporaryObject(signalSpyComponent, root, { target: page, signalName: "voteRequested" })
            compare(page.filmIds.length, 5)
            verify(page.votable)
            const vote = findChild(page, "voteForScreening")
            verify(vote.visible)
            mouseClick(vote)
            compare(votes.signalArguments[0][0], "S-0103")
            // Each film is a card that opens its page.
            waitForRendering(page)
            const card = findChild(page, "blockFilm_F-017")
            verify(card)
            mouseClick(card)
            compare(films.signalArguments[0][0], "F-017")
        }

        function test_closedBlockOffersNoVote() {
            const page = createTemporaryObject(blockComponent, root, { screeningId: "S-0101" })
            verify(!page.votable)
            verify(!findChild(page, "voteForScreening").visible)
        }

        function test_attractLoopTurns() {
            const home = createTemporaryObject(homeComponent, root)
            const spotlight = findChild(home, "spotlight")
            const kinds = spotlight.slides.map(s => s.kind)
            verify(kinds.includes("vote"), kinds)
            verify(kinds.includes("soon"), kinds)
            verify(kinds.includes("ceremony"), kinds)
            const ceremony = spotlight.slides.find(s => s.kind === "ceremony")
            compare(ceremony.time, "19:30")
            verify(ceremony.today)
            // Soonest first, within two hours: S-0204 at 13:00 is there, S-0205 at 14:00 is not.
            const soon = spotlight.slides.filter(s => s.kind === "soon").map(s => s.screeningId)
            verify(soon.includes("S-0204"), soon)
            verify(!soon.includes("S-0205"), soon)

            spotlight.turnMs = 50
            const first = spotlight.index
            tryVerify(() => spotlight.index !== first)
            // A touch on a dot shows that one and holds the loop.
            const dots = findChild(home, "spotlightDots")
            mouseClick(dots.children[0])
            compare(spotlight.index, 0)
            wait(300)
            compare(spotlight.index, 0)
        }

        function test_winnersOnceTheCeremonyBegan() {
            TestTickets.announce("audience-award", "F-003")
            // Before the ceremony's time, nothing is given away (a rehearsal announces too).
            let home = createTemporaryObject(homeComponent, root)
            verify(!findChild(home, "spotlight").slides.some(s => s.kind === "winner"))
            home.destroy()
            TestTickets.setNow("2026-12-06T23:59:00+08:00")
            home = createTemporaryObject(homeComponent, root)
            const slides = findChild(home, "spotlight").slides.filter(s => s.kind === "winner")
            compare(slides.length, 1)
            compare(slides[0].award, "Audience Award")
            compare(slides[0].title, "The Winning Film")
            const winners = findChild(home, "winnersList")
            verify(winners.visible)
            compare(winners.count, 1)

            TestTickets.announce("", "")
            verify(!winners.visible)
        }

        function test_noCeremonySlideOnceItBegan() {
            TestTickets.setNow("2026-12-06T19:45:00+08:00")
            const home = createTemporaryObject(homeComponent, root)
            const spotlight = findChild(home, "spotlight")
            verify(!spotlight.slides.some(s => s.kind === "ceremony"))
        }
    }

    Component { id: signalSpyComponent; SignalSpy {} }
}
