<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_HK">
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
        <translation>頒獎典禮</translation>
    </message>
    <message>
        <source>The ceremony will appear here when it begins.</source>
        <translation>典禮開始時會在此顯示。</translation>
    </message>
</context>
<context>
    <name>CodePad</name>
    <message>
        <source>Ticket code, %1 of 16 characters: %2</source>
        <translation>門票編號，已輸入 %1 / 16 個字元：%2</translation>
    </message>
    <message>
        <source>Delete the last character</source>
        <translation>刪除最後一個字元</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <source>Online</source>
        <translation>在線</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>連線中</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>本機</translation>
    </message>
</context>
<context>
    <name>FilmPage</name>
    <message>
        <source>‹ Back to programme</source>
        <translation>‹ 返回節目表</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分鐘</numerusform>
        </translation>
    </message>
    <message>
        <source>Screenings</source>
        <translation>放映場次</translation>
    </message>
    <message>
        <source>This film is in the catalogue but not screened at the festival.</source>
        <translation>此影片收錄於片目，但不會在影展放映。</translation>
    </message>
    <message>
        <source>Vote for this film</source>
        <translation>為此片投票</translation>
    </message>
    <message>
        <source>Take this film with you: point your phone&apos;s camera at the code.</source>
        <translation>把這部電影帶走：用手機相機掃描此二維碼。</translation>
    </message>
</context>
<context>
    <name>FilmStill</name>
    <message>
        <source>Still from %1</source>
        <translation>《%1》劇照</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Now &amp; Next</source>
        <translation>現正及稍後放映</translation>
    </message>
    <message>
        <source>You are at %1</source>
        <translation>你身處%1</translation>
    </message>
    <message>
        <source>The programme is on its way. Please check back in a moment.</source>
        <translation>節目表即將載入，請稍後再看。</translation>
    </message>
    <message>
        <source>That&apos;s all for today. Thank you for coming!</source>
        <translation>今天的放映已全部結束，多謝光臨！</translation>
    </message>
    <message>
        <source>The festival is over. Thank you for coming!</source>
        <translation>本屆電影節已圓滿結束，多謝光臨！</translation>
    </message>
    <message>
        <source>See you again on %1:</source>
        <translation>%1 再見：</translation>
    </message>
    <message>
        <source>The award winners</source>
        <translation>得獎名單</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Festival kiosk</source>
        <translation>影展資訊站</translation>
    </message>
    <message>
        <source>Film Festival</source>
        <translation>電影節</translation>
    </message>
    <message>
        <source>Now &amp; Next</source>
        <translation>現正及稍後放映</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>節目表</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>投票</translation>
    </message>
    <message>
        <source>Ceremony</source>
        <translation>頒獎典禮</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>你還在嗎？</translation>
    </message>
    <message numerus="yes">
        <source>The kiosk will start over in %n second(s).</source>
        <translation>
            <numerusform>%n 秒後將重新開始。</numerusform>
        </translation>
    </message>
    <message>
        <source>More time</source>
        <translation>我需要更多時間</translation>
    </message>
</context>
<context>
    <name>NowNextCard</name>
    <message>
        <source>starting now</source>
        <translation>即將開始</translation>
    </message>
    <message numerus="yes">
        <source>in %n min</source>
        <translation>
            <numerusform>%n 分鐘後</numerusform>
        </translation>
    </message>
    <message>
        <source>in %1 h %2 min</source>
        <translation>%1 小時 %2 分鐘後</translation>
    </message>
    <message>
        <source>NOW</source>
        <translation>正在放映</translation>
    </message>
    <message>
        <source>Nothing showing</source>
        <translation>現時沒有放映</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>放映至 %1</translation>
    </message>
    <message>
        <source>NEXT %1 · %2</source>
        <translation>下一場 %1 · %2</translation>
    </message>
    <message>
        <source>No more screenings today</source>
        <translation>今日再沒有放映</translation>
    </message>
    <message numerus="yes">
        <source>Running about %n min late</source>
        <translation>
            <numerusform>延遲約 %n 分鐘</numerusform>
        </translation>
    </message>
    <message>
        <source>Now: %1, until %2.</source>
        <translation>正在放映：%1，至 %2。</translation>
    </message>
    <message>
        <source>Next: %1 at %2.</source>
        <translation>稍後放映：%1，%2 開始。</translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message>
        <source>Programme</source>
        <translation>節目表</translation>
    </message>
    <message>
        <source>Search title, film-maker or country</source>
        <translation>搜尋片名、導演或國家</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>By time</source>
        <translation>按時間</translation>
    </message>
    <message>
        <source>Films A–Z</source>
        <translation>影片 A–Z</translation>
    </message>
    <message>
        <source>All venues</source>
        <translation>所有場地</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>所有獎項</translation>
    </message>
    <message>
        <source>Nothing matches “%1”. Try part of a title, a name or a country.</source>
        <translation>找不到「%1」。請試試片名、人名或國家的一部分。</translation>
    </message>
    <message>
        <source>No screenings for this choice.</source>
        <translation>沒有符合此選擇的放映。</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>場地</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>獎項</translation>
    </message>
</context>
<context>
    <name>ReadingButton</name>
    <message>
        <source>Reading help: larger text, high contrast</source>
        <translation>閱讀輔助：放大字體、高對比</translation>
    </message>
    <message>
        <source>Reading help</source>
        <translation>閱讀輔助</translation>
    </message>
    <message>
        <source>✓ Larger text</source>
        <translation>✓ 放大字體</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>放大字體</translation>
    </message>
    <message>
        <source>✓ High contrast</source>
        <translation>✓ 高對比</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>高對比</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>ScreeningPage</name>
    <message>
        <source>‹ Back to programme</source>
        <translation>‹ 返回節目表</translation>
    </message>
    <message>
        <source>Vote for these films</source>
        <translation>為這些影片投票</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n film(s) in this screening</source>
        <translation>
            <numerusform>此場放映共 %n 部影片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分鐘</numerusform>
        </translation>
    </message>
    <message>
        <source>More about this film ›</source>
        <translation>了解更多 ›</translation>
    </message>
</context>
<context>
    <name>ScreeningRow</name>
    <message>
        <source>to %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>已完場</translation>
    </message>
</context>
<context>
    <name>SpeechButton</name>
    <message>
        <source>Stop reading aloud</source>
        <translation>停止朗讀</translation>
    </message>
    <message>
        <source>Read this page aloud</source>
        <translation>朗讀此頁</translation>
    </message>
    <message>
        <source>Reading aloud is not available on this kiosk</source>
        <translation>此資訊站暫時未能朗讀</translation>
    </message>
</context>
<context>
    <name>Spotlight</name>
    <message>
        <source>Starting now</source>
        <translation>即將開始</translation>
    </message>
    <message numerus="yes">
        <source>Starting in %n min</source>
        <translation>
            <numerusform>%n 分鐘後開始</numerusform>
        </translation>
    </message>
    <message>
        <source>Award ceremony</source>
        <translation>頒獎典禮</translation>
    </message>
    <message>
        <source>Just seen a film? Vote for it here, with the code on your ticket.</source>
        <translation>剛看完電影？憑門票上的編號在這裏投票。</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>投票</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳情</translation>
    </message>
    <message>
        <source>Show item %1 of %2</source>
        <translation>顯示第 %1 項（共 %2 項）</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <source>Staff</source>
        <translation>職員</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again.</source>
        <translation>密碼錯誤，請再試。</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Wait a minute, then try again.</source>
        <translation>密碼錯誤次數過多，請等一分鐘後再試。</translation>
    </message>
    <message>
        <source>No staff PIN is set for this kiosk (staff_pin_hash in its configuration).</source>
        <translation>此資訊站未設定職員密碼（設定檔中的 staff_pin_hash）。</translation>
    </message>
    <message>
        <source>Enter the staff PIN</source>
        <translation>請輸入職員密碼</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>資訊站</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>場地</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>訊息伺服器</translation>
    </message>
    <message>
        <source>Programme version</source>
        <translation>節目表版本</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>尚未收到</translation>
    </message>
    <message>
        <source>Votes waiting to be sent</source>
        <translation>等待傳送的投票</translation>
    </message>
    <message>
        <source>Idle reset after</source>
        <translation>閒置重設時間</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Ticket camera</source>
        <translation>門票鏡頭</translation>
    </message>
    <message>
        <source>reading QR codes</source>
        <translation>正在讀取二維碼</translation>
    </message>
    <message>
        <source>none</source>
        <translation>沒有</translation>
    </message>
    <message>
        <source>Reading aloud</source>
        <translation>朗讀</translation>
    </message>
    <message>
        <source>available</source>
        <translation>可用</translation>
    </message>
</context>
<context>
    <name>StarRating</name>
    <message numerus="yes">
        <source>%n star(s)</source>
        <translation>
            <numerusform>%n 粒星</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VotePage</name>
    <message>
        <source>Your vote for: %1</source>
        <translation>你正為此投票：%1</translation>
    </message>
    <message>
        <source>Which screening did you just see?</source>
        <translation>你剛看完哪一場放映？</translation>
    </message>
    <message>
        <source>At %1</source>
        <translation>在%1</translation>
    </message>
    <message>
        <source>This venue</source>
        <translation>本場地</translation>
    </message>
    <message>
        <source>All venues</source>
        <translation>所有場地</translation>
    </message>
    <message>
        <source>Voting is not open for any screening here right now. Voting for a screening opens when it starts and closes a little after it ends.</source>
        <translation>此處現時沒有開放投票的放映。每場放映開始時開放投票，並在完場後不久截止。</translation>
    </message>
    <message>
        <source>‹ Back</source>
        <translation>‹ 返回</translation>
    </message>
    <message>
        <source>%1 of 16 characters</source>
        <translation>已輸入 %1 / 16 個字元</translation>
    </message>
    <message>
        <source>A ticket code has 16 letters and digits. Check the code on your ticket and type it again.</source>
        <translation>門票編號由 16 個英文字母及數字組成。請核對門票上的編號，再輸入一次。</translation>
    </message>
    <message>
        <source>That code has a typing mistake. Compare it with your ticket, character by character.</source>
        <translation>編號有輸入錯誤。請逐個字元與門票核對。</translation>
    </message>
    <message>
        <source>How did you like it?</source>
        <translation>你覺得這部電影怎樣？</translation>
    </message>
    <message>
        <source>1 = did not like it, 5 = loved it</source>
        <translation>1 = 不喜歡，5 = 非常喜歡</translation>
    </message>
    <message>
        <source>Send my vote</source>
        <translation>提交投票</translation>
    </message>
    <message>
        <source>Sending your vote…</source>
        <translation>正在提交你的投票…</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>多謝你！</translation>
    </message>
    <message>
        <source>This ticket has already voted</source>
        <translation>此門票已經投過票</translation>
    </message>
    <message>
        <source>We could not accept this ticket code</source>
        <translation>無法接受此門票編號</translation>
    </message>
    <message>
        <source>Voting has not opened yet</source>
        <translation>投票尚未開始</translation>
    </message>
    <message>
        <source>Voting has closed</source>
        <translation>投票已經結束</translation>
    </message>
    <message>
        <source>Your vote could not be saved</source>
        <translation>你的投票未能儲存</translation>
    </message>
    <message>
        <source>Your vote could not be counted</source>
        <translation>你的投票未能計算</translation>
    </message>
    <message>
        <source>Your vote has been counted.</source>
        <translation>你的投票已經計算。</translation>
    </message>
    <message>
        <source>Your vote is saved and will be counted.</source>
        <translation>你的投票已儲存，稍後會被計算。</translation>
    </message>
    <message>
        <source>Each ticket can vote once for each screening. Enjoy the rest of the festival!</source>
        <translation>每張門票每場放映只可投票一次。祝你享受餘下的影展節目！</translation>
    </message>
    <message>
        <source>Please check the code on your ticket, or ask a member of staff.</source>
        <translation>請核對門票上的編號，或向工作人員查詢。</translation>
    </message>
    <message>
        <source>Voting for a screening opens when it starts. Please try again later.</source>
        <translation>每場放映開始後才開放投票，請稍後再試。</translation>
    </message>
    <message>
        <source>Voting for this screening has ended. Thank you for coming!</source>
        <translation>此場放映的投票已經結束。多謝你的支持！</translation>
    </message>
    <message>
        <source>Please ask a member of staff for help.</source>
        <translation>請向工作人員尋求協助。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>✓ Ticket read. Now choose the screening you saw.</source>
        <translation>✓ 已讀取門票。請選擇你看過的場次。</translation>
    </message>
    <message>
        <source>Scan your ticket, or type its code</source>
        <translation>掃描門票，或輸入門票編號</translation>
    </message>
    <message>
        <source>Type the code on your ticket</source>
        <translation>輸入門票上的編號</translation>
    </message>
    <message>
        <source>The code looks right.</source>
        <translation>編號正確。</translation>
    </message>
    <message>
        <source>Hold the QR code of your ticket under the scanner, or type the 16 characters printed on it.</source>
        <translation>把門票上的二維碼放在掃描器下，或輸入門票上印有的 16 個字元。</translation>
    </message>
    <message>
        <source>Type the 16 characters printed on your ticket.</source>
        <translation>輸入門票上印有的 16 個字元。</translation>
    </message>
    <message>
        <source>Rate any or all of the films you saw</source>
        <translation>為你看過的任何一部或全部影片評分</translation>
    </message>
</context>
<context>
    <name>fest::Kiosk</name>
    <message>
        <source>Cannot open the vote outbox %1: %2. Check that the folder exists and is writable.</source>
        <translation>無法開啟投票暫存 %1：%2。請檢查資料夾是否存在及可寫入。</translation>
    </message>
    <message>
        <source>no broker (running from a programme file)</source>
        <translation>沒有訊息伺服器（以節目表檔案運行）</translation>
    </message>
    <message>
        <source>Cannot read the programme file %1. Check the path and its permissions.</source>
        <translation>無法讀取節目表檔案 %1。請檢查路徑及權限。</translation>
    </message>
</context>
</TS>
