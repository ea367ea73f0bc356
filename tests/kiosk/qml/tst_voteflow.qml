import QtQuick
import QtTest
import Festival.Kiosk
import Festival.Kiosk.Test

// A visitor votes at the kiosk: picks the screening, types the code on a keyboard (with
// a mistake first) or taps it on the code pad or scans it, rates, confirms and is
// thanked; offline, the vote is saved.
Item {
    id: root
    width: 1920
    height: 1080

    Component {
        id: pageComponent
        VotePage { anchors.fill: parent; active: true }
    }

    TestCase {
        name: "VoteFlow"
        when: windowShown

        property var page: null

        function init() {
            Kiosk.resetToHome()
            page = createTemporaryObject(pageComponent, root)
            verify(page)
        }

        function rowFor(screeningId) {
            const list = findChild(page, "votableList")
            for (let i = 0; i < list.count; ++i) {
                list.currentIndex = i
                if (list.currentItem.screeningId === screeningId)
                    return list.currentItem
            }
            return null
        }

        function typeText(text) {
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i])
        }

        function test_offersScreeningsOpenHere() {
            const list = findChild(page, "votableList")
            tryCompare(list, "count", 2)
            verify(rowFor("S-0202"))
            verify(rowFor("S-0103"))
            verify(!rowFor("S-0101"))   // closed
        }

        function test_voteOfflineIsSavedAndThanked() {
            const before = Kiosk.outboxPending
            tryVerify(() => rowFor("S-0202") !== null)
            mouseClick(rowFor("S-0202"))
            compare(Kiosk.vote.step, VoteSession.Code)
            compare(Kiosk.vote.filmId, "F-001")

            const pad = findChild(page, "codePad")
            tryVerify(() => pad.activeFocus)
            const code = TestTickets.issue()
            // A typo in the last symbol, typed on a keyboard in lower case: the check
            // symbol catches it on the kiosk, and the code is not taken.
            const last = code[code.length - 1]
            typeText((code.slice(0, -1) + (last === "A" ? "B" : "A")).toLowerCase())
            compare(Kiosk.vote.codeState, VoteSession.Mistyped)
            keyClick(Qt.Key_Return)
            compare(Kiosk.vote.step, VoteSession.Code)
            verify(findChild(page, "codeHint").text.indexOf("typing mistake") >= 0)

            // Corrected, the code is taken as soon as it is complete: no Next to find.
            keyClick(Qt.Key_Backspace)
            keyClick(last)
            compare(Kiosk.vote.codeState, VoteSession.Ok)
            compare(Kiosk.vote.step, VoteSession.Rate)

            mouseClick(findChild(page, "star4"))
            compare(Kiosk.vote.score, 4)
            compare(Kiosk.vote.step, VoteSession.Confirm)
            mouseClick(findChild(page, "confirmVote"))

            compare(Kiosk.vote.step, VoteSession.Thanks)
            compare(Kiosk.vote.outcome, VoteSession.Saved)
            compare(Kiosk.outboxPending, before + 1)
            compare(findChild(page, "verdictText").text, "Your vote is saved and will be counted.")
            compare(pad.symbols, "")           // nothing of the code left on screen
        }

        // A visitor with the ticket in hand and nothing else: every symbol by a tap on the pad.
        function test_codeByTapsOnThePad() {
            tryVerify(() => rowFor("S-0202") !== null)
            mouseClick(rowFor("S-0202"))
            const code = TestTickets.issue().replace(/-/g, "")
            const boxes = findChild(page, "codeBoxes")
            for (let i = 0; i < code.length - 1; ++i)
                mouseClick(findChild(page, "key" + code[i]))
            compare(Kiosk.vote.codeState, VoteSession.Incomplete)
            compare(findChild(page, "codeHint").text, "15 of 16 characters")
            // The pad offers exactly the code's alphabet: no I, L, O or U to mistype.
            for (const letter of ["I", "L", "O", "U"])
                compare(findChild(page, "key" + letter), null)
            mouseClick(findChild(page, "keyBackspace"))
            compare(findChild(page, "codePad").symbols, code.slice(0, 14))
            mouseClick(findChild(page, "key" + code[14]))
            mouseClick(findChild(page, "key" + code[15]))
            compare(Kiosk.vote.step, VoteSession.Rate)
            compare(Kiosk.vote.code, code)
        }

        // A scan before the choice: the code is kept, the choice goes straight to the stars.
        function test_scanBeforeTheChoiceSkipsTheCode() {
            const code = TestTickets.issue()
            Kiosk.vote.scan(code)
            compare(Kiosk.vote.step, VoteSession.Choose)
            verify(findChild(page, "scannedNote").visible)
            tryVerify(() => rowFor("S-0202") !== null)
            mouseClick(rowFor("S-0202"))
            compare(Kiosk.vote.step, VoteSession.Rate)
            compare(Kiosk.vote.code, code)
        }

        // A scan at the code step puts the code in and moves on; a code that fails its check
        // symbol is not a scan.
        function test_scanAtTheCodeStep() {
            tryVerify(() => rowFor("S-0202") !== null)
            mouseClick(rowFor("S-0202"))
            const code = TestTickets.issue()
            const last = code[code.length - 1]
            Kiosk.vote.scan(code.slice(0, -1) + (last === "A" ? "B" : "A"))
            compare(Kiosk.vote.step, VoteSession.Code)
            compare(Kiosk.vote.code, "")
            Kiosk.vote.scan(code)
            compare(Kiosk.vote.step, VoteSession.Rate)
        }

        // A block of shorts: after the code, every film of the block has its own stars; the
        // voter rates three of the five and sends them as one ballot.
        function test_blockRatesEachFilmInOneBallot() {
            const before = Kiosk.outboxPending
            tryVerify(() => rowFor("S-0103") !== null)
            mouseClick(rowFor("S-0103"))
            compare(Kiosk.vote.step, VoteSession.Code)
            compare(Kiosk.vote.filmId, "")
            typeText(TestTickets.issue())
            compare(Kiosk.vote.step, VoteSession.Rate)
            const films = page.blockFilms
            compare(films.length, 5)
            verify(findChild(page, "blockRatings").visible)
            mouseClick(findChild(findChild(page, "stars-" + films[0]), "star5"))
            mouseClick(findChild(findChild(page, "stars-" + films[2]), "star2"))
            mouseClick(findChild(findChild(page, "stars-" + films[4]), "star4"))
            // Tapping the same star again takes that rating back, another star changes it.
            mouseClick(findChild(findChild(page, "stars-" + films[4]), "star4"))
            compare(Kiosk.vote.ratedCount, 2)
            mouseClick(findChild(findChild(page, "stars-" + films[4]), "star3"))
            compare(Kiosk.vote.ratedCount, 3)
            compare(Kiosk.vote.ratings[films[0]], 5)
            compare(Kiosk.vote.ratings[films[2]], 2)
            compare(Kiosk.vote.ratings[films[4]], 3)
            compare(Kiosk.vote.step, VoteSession.Confirm)
            mouseClick(findChild(page, "confirmVote"))
            compare(Kiosk.vote.step, VoteSession.Thanks)
            compare(Kiosk.outboxPending, before + 1)   // one ballot for the three films
        }

        function test_languageSwitchRetranslatesLive() {
            const title = findChild(page, "chooseTitle")
            compare(title.text, "Which screening did you just see?")
            Kiosk.language = "zh_HK"
            compare(title.text, "你剛看完哪一場放映？")
            Kiosk.language = "en"
            compare(title.text, "Which screening did you just see?")
        }
    }
}
