<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CeremonyCard</name>
    <message>
        <source>Award Ceremony</source>
        <extracomment>The card is bilingual: this line stays as written in every language</extracomment>
        <translation>Award Ceremony</translation>
    </message>
    <message>
        <source>頒獎典禮</source>
        <translation>頒獎典禮</translation>
    </message>
    <message>
        <source>Nominee</source>
        <translation>Nominee</translation>
    </message>
    <message>
        <source>入圍</source>
        <translation>入圍</translation>
    </message>
    <message>
        <source>And the winner is</source>
        <translation>And the winner is</translation>
    </message>
    <message>
        <source>得獎者</source>
        <translation>得獎者</translation>
    </message>
    <message>
        <source>The nominees for</source>
        <translation>The nominees for</translation>
    </message>
    <message>
        <source>入圍名單</source>
        <translation>入圍名單</translation>
    </message>
</context>
<context>
    <name>CeremonyPage</name>
    <message>
        <source>Award Ceremony</source>
        <translation type="unfinished">Award Ceremony</translation>
    </message>
    <message>
        <source>The ceremony will appear here when it begins.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodePad</name>
    <message>
        <source>Ticket code, %1 of 16 characters: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the last character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilmPage</name>
    <message>
        <source>‹ Back to programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Screenings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This film is in the catalogue but not screened at the festival.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vote for this film</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take this film with you: point your phone&apos;s camera at the code.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilmStill</name>
    <message>
        <source>Still from %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Now &amp; Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The programme is on its way. Please check back in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That&apos;s all for today. Thank you for coming!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The festival is over. Thank you for coming!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See you again on %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The award winners</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Festival kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Film Festival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now &amp; Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ceremony</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The kiosk will start over in %n second(s).</source>
        <translation>
            <numerusform>The kiosk will start over in %n second.</numerusform>
            <numerusform>The kiosk will start over in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>More time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NowNextCard</name>
    <message>
        <source>starting now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>in %n min</source>
        <translation>
            <numerusform>in %n min</numerusform>
            <numerusform>in %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>in %1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing showing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NEXT %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No more screenings today</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Running about %n min late</source>
        <translation>
            <numerusform>Running about %n min late</numerusform>
            <numerusform>Running about %n min late</numerusform>
        </translation>
    </message>
    <message>
        <source>Now: %1, until %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: %1 at %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message>
        <source>Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search title, film-maker or country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Films A–Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All venues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches “%1”. Try part of a title, a name or a country.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No screenings for this choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Award</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadingButton</name>
    <message>
        <source>Reading help: larger text, high contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Larger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ High contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScreeningPage</name>
    <message>
        <source>‹ Back to programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vote for these films</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n film(s) in this screening</source>
        <translation>
            <numerusform>%n film in this screening</numerusform>
            <numerusform>%n films in this screening</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>More about this film ›</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScreeningRow</name>
    <message>
        <source>to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpeechButton</name>
    <message>
        <source>Stop reading aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read this page aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading aloud is not available on this kiosk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Spotlight</name>
    <message>
        <source>Starting now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Starting in %n min</source>
        <translation>
            <numerusform>Starting in %n min</numerusform>
            <numerusform>Starting in %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Award ceremony</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Just seen a film? Vote for it here, with the code on your ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show item %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong PINs. Wait a minute, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No staff PIN is set for this kiosk (staff_pin_hash in its configuration).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the staff PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votes waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle reset after</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading QR codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>available</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StarRating</name>
    <message numerus="yes">
        <source>%n star(s)</source>
        <translation>
            <numerusform>%n star</numerusform>
            <numerusform>%n stars</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VotePage</name>
    <message>
        <source>Your vote for: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which screening did you just see?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All venues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voting is not open for any screening here right now. Voting for a screening opens when it starts and closes a little after it ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‹ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of 16 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A ticket code has 16 letters and digits. Check the code on your ticket and type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That code has a typing mistake. Compare it with your ticket, character by character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How did you like it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 = did not like it, 5 = loved it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send my vote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending your vote…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ticket has already voted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We could not accept this ticket code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voting has not opened yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voting has closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your vote could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your vote could not be counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your vote has been counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your vote is saved and will be counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each ticket can vote once for each screening. Enjoy the rest of the festival!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please check the code on your ticket, or ask a member of staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voting for a screening opens when it starts. Please try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voting for this screening has ended. Thank you for coming!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please ask a member of staff for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Ticket read. Now choose the screening you saw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan your ticket, or type its code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the code on your ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code looks right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold the QR code of your ticket under the scanner, or type the 16 characters printed on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the 16 characters printed on your ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate any or all of the films you saw</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fest::Kiosk</name>
    <message>
        <source>Cannot open the vote outbox %1: %2. Check that the folder exists and is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no broker (running from a programme file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the programme file %1. Check the path and its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
