// English and Traditional Chinese (Hong Kong). The choice is remembered in this browser.
// t(key, {name: value}) fills {name} placeholders; a missing key shows the key itself,
// which a browser test would catch.

const storageKey = 'festival-console-language';

const en = {
  appTitle: 'Festival console',
  skipToContent: 'Skip to content',
  otherLanguage: '中文',
  logout: 'Log out',
  cancel: 'Cancel',
  close: 'Close',
  dismiss: 'Dismiss',
  loading: 'Loading…',
  'nav.screens': 'Screens', 'nav.programme': 'Programme', 'nav.voting': 'Voting',
  'nav.ceremony': 'Ceremony', 'nav.kiosks': 'Kiosks', 'nav.audit': 'Audit',
  'bus.live': 'Live', 'bus.reconnecting': 'Reconnecting…', 'bus.brokerDown': 'Bus unreachable',
  'banner.trouble': '{count} screens need attention: offline, out of sync or behind the programme. Open Screens.',
  'banner.trouble.one': '1 screen needs attention: offline, out of sync or behind the programme. Open Screens.',
  'ago.seconds': '{n} s ago', 'ago.minutes': '{n} min ago',

  'login.title': 'Festival console: log in',
  'login.help': 'Use your festival account. What you can see and do depends on your role.',
  'login.user': 'Account', 'login.password': 'Password', 'login.submit': 'Log in',
  'login.missing': 'Enter your account name and password.',
  'login.error.bad_credentials': 'The account name or password is wrong. Check them and try again.',
  'login.error.broker_unreachable': 'The festival bus cannot be reached, so nobody can log in right now. Tell the technical team; try again in a minute.',
  'login.error.rate_limited': 'Too many attempts. Wait a minute, then try again.',
  'login.error.too_many_attempts': 'Too many attempts. Wait a minute, then try again.',
  'login.error.network': 'The console server does not answer. Check the network connection and try again.',
  'login.error.other': 'Logging in failed (HTTP {status}). Try again; if it keeps failing, tell the technical team.',
  'login.expired': 'Your session has ended ({reason}). Log in again.',
  'login.sessionEnded': 'Your session has ended. Log in again.',
  'login.ended.replaced': 'This account logged in on another page or device, which ended the session here. Log in again to take it back.',
  'login.ended.expired': 'Your session timed out. Log in again.',
  'login.ended.logged_out': 'You logged out. Log in again to continue.',
  'login.ended.account_refused': 'The bus no longer accepts this account (password changed?). Ask the technical team.',
  'login.ended.too_many_pages': 'Too many console pages are open with this account. Close one, then log in again.',

  'state.none': 'no player', 'state.idle': 'idle', 'state.waiting': 'waiting', 'state.prerolling': 'prerolling',
  'state.countdown': 'countdown', 'state.playing': 'playing', 'state.held': 'held', 'state.error': 'error',
  'state.offline': 'offline', 'state.online': 'online',
  'problem.noPlayer': 'No player has reported for this screen, and it has a screening within 30 minutes.',
  'problem.notSetUp': 'No player for this screen yet, and nothing to play in the next 30 minutes.', 'state.notSetUp': 'not set up',
  'problem.offline': 'Player offline: check the booth machine and its network.',
  'problem.clockUnsynced': 'Clock not synchronised with the show clock.',
  'problem.clockOffset': 'Clock offset over 5 ms: this screen is out of step.',
  'problem.versionBehind': 'Running an older programme than the controller.',
  'problem.itemError': 'The current item failed; the slate is showing.',

  'screens.title': 'Screens',
  'screens.checkFilms': 'Check films', 'screens.checking': 'The player is checking its films…',
  'screens.mediaSummary': '{total} film(s): {errors} with errors, {warnings} with warnings',
  'screens.noFilms': 'No films still to play on this screen.', 'screens.closeCheck': 'Close',
  'screens.slot': 'slot', 'screens.hardware': 'hardware', 'screens.subtitles': 'subtitles',
  'screens.volume': 'Volume', 'screens.volumeSet': 'Screen {screen}: volume {level}%.',
  'media.error': 'Error', 'media.warning': 'Warning', 'media.ok': 'Ready', 'media.pending': 'Checking',
  'screens.none': 'No screens yet: waiting for the programme and the players.',
  'screens.summary': '{total} screens · {playing} playing · {trouble} need attention',
  'screens.staffCommands': 'hold, skip and blackout are for projection staff accounts',
  'screens.hold': 'Hold', 'screens.resume': 'Resume', 'screens.skip': 'Skip',
  'screens.blackout': 'Blackout', 'screens.blackoutOff': 'End blackout', 'screens.blackedOut': 'blacked out',
  'screens.noItem': 'Nothing playing', 'screens.noPlayer': 'No player connected',
  'screens.started': 'started', 'screens.runningLate': 'Running {minutes} min late',
  'screens.position': 'Position in the current item',
  'screens.next': 'Next:', 'screens.in': 'in {time}', 'screens.inDays': 'in {days} d {time}', 'screens.nothingNext': 'Nothing else scheduled.',
  'screens.clock': 'Clock', 'screens.clockOffset': 'offset {offset} (round trip {rtt})', 'screens.clockUnsynced': 'not synchronised',
  'screens.programme': 'Programme', 'screens.versionOf': 'v{node} (controller v{controller})',
  'screens.player': 'Player', 'screens.lastReport': 'Last report', 'screens.offlineSince': 'offline since {time}', 'screens.lastError': 'Last error:',
  'screens.commandFailed': 'Screen {screen}: the command was not carried out. {reason}',
  'screens.resumedBehind': 'Screen {screen} resumed, {delay} behind schedule.',
  'screens.delayLater': 'Delay later screenings by {minutes} min',
  'screens.delayTitle': 'Delay the later screenings on {screen} by {minutes} min?',
  'screens.delayMessage': 'The next screening on {screen} and every one after it start {minutes} minutes later; the players and kiosks get the new times.',
  'screens.delayed': 'Screen {screen}: {moved} screenings delayed (programme version {version}).',
  'screens.done.hold': 'Screen {screen} is held.', 'screens.done.resume': 'Screen {screen} resumed.',
  'screens.done.skip': 'Screen {screen} skipped to the next item.',
  'screens.done.blackoutOn': 'Screen {screen} is blacked out.', 'screens.done.blackoutOff': 'Screen {screen} shows the picture again.',
  'confirm.hold.title': 'Hold screen {screen}?', 'confirm.hold.message': '“{item}” pauses for the audience now. The schedule keeps running; resuming reports how far behind it is.', 'confirm.hold.button': 'Hold now',
  'confirm.resume.title': 'Resume screen {screen}?', 'confirm.resume.message': '“{item}” continues from where it was held.', 'confirm.resume.button': 'Resume now',
  'confirm.skip.title': 'Skip on screen {screen}?', 'confirm.skip.message': '“{item}” ends now and cannot be brought back; the slate shows until the next item.', 'confirm.skip.button': 'Skip this item',
  'confirm.blackoutOn.title': 'Black out screen {screen}?', 'confirm.blackoutOn.message': 'The picture goes black; playback continues underneath.', 'confirm.blackoutOn.button': 'Black out',
  'confirm.blackoutOff.title': 'End the blackout on screen {screen}?', 'confirm.blackoutOff.message': 'The audience sees the picture again.', 'confirm.blackoutOff.button': 'Show picture',

  'programme.title': 'Programme', 'programme.days': 'Festival days',
  'programme.waiting': 'Waiting for the programme…', 'programme.none': 'No programme has been published yet.',
  'programme.version': 'Version {version} · committed {at}',
  'programme.noScreenings': 'No screenings on this day.', 'programme.now': 'now',
  'programme.timelineOf': 'Screenings on {day}, one row per screen',
  'programme.cancelled': 'cancelled', 'programme.history': 'Changes to this screening',
  'programme.historyOrganisers': 'The change history is visible to organiser accounts.',
  'programme.noHistory': 'No changes recorded.', 'programme.recent': 'Recent changes',
  'programme.move': 'Move', 'programme.delay': 'Delay', 'programme.cancel': 'Cancel screening',
  'programme.moveTitle': 'Move {id}', 'programme.moveMessage': 'New start time, in festival time ({tz}). The length stays the same.',
  'programme.newStart': 'New start', 'programme.needTime': 'Enter a date and time.',
  'programme.delayTitle': 'Delay from {id}',
  'programme.delayMessage': 'Screen {screen}: this screening (starting {at}) and, unless you tick the box, every later one on the same screen.',
  'programme.minutes': 'Minutes', 'programme.minutesHint': 'Negative minutes bring screenings forward.',
  'programme.onlyThis': 'Only this screening', 'programme.needMinutes': 'Enter a whole number of minutes between -1440 and 1440, not 0.',
  'programme.cancelTitle': 'Cancel {id}?',
  'programme.cancelMessage': '“{title}” on {screen} leaves the playlist. It stays in the programme, marked cancelled.',
  'programme.cancelConfirm': 'Cancel the screening',
  'programme.committed': 'Done: programme version {version} is live.',

  'import.title': 'Import a programme', 'import.file': 'File (JSON programme or screenings CSV)',
  'import.help': 'A JSON file replaces the whole programme; a CSV replaces the screenings. Everything is checked first: a file with problems changes nothing.',
  'import.organisersOnly': 'Importing a programme needs an organiser account.',
  'import.button': 'Check and import', 'import.chooseFile': 'Choose a file first.',
  'import.tooLarge': 'The file is {size} MB; at most 16 MB can be imported.',
  'import.notUtf8': 'The file is not UTF-8 text. Save it as “CSV UTF-8” or JSON and try again.',
  'import.badJson': 'The file is not valid JSON: {reason}',
  'import.notObject': 'The JSON file must hold one programme object ({…}).',
  'import.csvSummary': '{rows} screening rows',
  'import.jsonSummary': '{screenings} screenings, {films} films, {screens} screens',
  'import.confirmTitle': 'Replace the programme?', 'import.confirmMessage': '{name}: {summary}. Every screen gets new playlists.',
  'import.confirmButton': 'Import', 'import.sending': 'Checking and importing…',
  'import.done': 'Imported: version {version} with {screenings} screenings, {films} films, {screens} screens.',
  'import.where': 'Row or entry', 'import.field': 'Field', 'import.problem': 'Problem',

  'voting.title': 'Voting', 'voting.summary': '{open} open · {closed} closed',
  'voting.windows': 'Voting windows', 'voting.open': 'Open voting', 'voting.close': 'Close voting',
  'voting.state.notYet': 'not open yet', 'voting.state.open': 'open', 'voting.state.closed': 'closed', 'voting.manual': '(by hand)', 'voting.heldOpen': 'held open',
  'voting.countsNote': 'Votes: counted votes per film; a block lists each of its films (a film screened twice pools its votes).',
  'voting.countsOrganisers': 'Vote counts are part of the sealed results, shown to organiser accounts.',
  'voting.noScreenings': 'No screenings today and no voting windows.',
  'voting.col.screening': 'Screening', 'voting.col.films': 'Films', 'voting.col.where': 'Screen · start',
  'voting.col.window': 'Window', 'voting.col.closes': 'Closes', 'voting.col.votes': 'Votes', 'voting.col.action': '',
  'voting.openTitle': 'Open voting for {id}?', 'voting.openMessage': 'Kiosks accept ballots for {id} until you close it.',
  'voting.closeTitle': 'Close voting for {id}?', 'voting.closeMessage': 'Kiosks refuse new ballots for {id}. Ballots already cast still count.',
  'voting.openDone': 'Voting for {id} is open.', 'voting.closeDone': 'Voting for {id} is closed.',
  'voting.resultsMeta': '{votes} votes counted · provisional below {minimum} votes · updated {at}',
  'results.title': 'Sealed results', 'results.unavailable': 'Results are not available to your account.',
  'results.noVotes': 'No votes counted yet.', 'results.provisional': 'provisional',
  'results.rank': '#', 'results.film': 'Film', 'results.votes': 'Votes', 'results.mean': 'Mean', 'results.weighted': 'Weighted',

  'ceremony.title': 'Ceremony', 'ceremony.current': 'Now showing', 'ceremony.next': 'Next cue',
  'ceremony.go': 'GO', 'ceremony.start': 'GO (start)', 'ceremony.back': 'Back',
  'ceremony.blackout': 'Blackout', 'ceremony.blackoutOff': 'End blackout', 'ceremony.blackedOut': 'BLACKOUT',
  'ceremony.keys': 'Key G also triggers GO.',
  'ceremony.organisersOnly': 'GO, back and blackout need an organiser account; you can follow the ceremony here.',
  'ceremony.position': 'Cue {index} of {count}', 'ceremony.notRunning': 'Not running · {count} cues loaded',
  'ceremony.noCueList': 'No cue list is loaded.',
  'ceremony.generate': 'Generate cue list', 'ceremony.generateTitle': 'Generate the cue list?',
  'ceremony.generateMessage': 'One title, the nominees and a reveal per award of the programme, between an intro and an outro.',
  'ceremony.blackoutTitle': 'Black out every ceremony screen?', 'ceremony.blackoutMessage': 'Players and kiosks following the ceremony go black at the same instant.',
  'ceremony.blackoutOffTitle': 'End the blackout?', 'ceremony.blackoutOffMessage': 'The current cue shows again everywhere.',
  'ceremony.followers': 'Nodes following the ceremony', 'ceremony.noFollowers': 'No node reports following the ceremony yet.',
  'ceremony.inStep': 'in step', 'ceremony.reveal': 'And the winner is… ({award})', 'ceremony.behind': 'behind',
  'ceremony.col.node': 'Node', 'ceremony.col.role': 'Role', 'ceremony.col.seq': 'Applied seq', 'ceremony.col.applied': 'Applied at', 'ceremony.col.state': 'State',
  'cue.intro': 'intro', 'cue.title': 'title card', 'cue.nominee': 'nominee', 'cue.reveal': 'reveal', 'cue.outro': 'outro',
  'role.player': 'player', 'role.kiosk': 'kiosk', 'role.controller': 'controller', 'role.undefined': '?',

  'kiosks.title': 'Kiosks', 'kiosks.summary': '{total} kiosks · {offline} offline · {queued} ballots queued',
  'kiosks.none': 'No kiosk has reported yet.',
  'kiosks.col.kiosk': 'Kiosk', 'kiosks.col.venue': 'Venue', 'kiosks.col.state': 'State',
  'kiosks.col.queued': 'Queued ballots', 'kiosks.col.version': 'Programme', 'kiosks.col.lastContact': 'Last contact',

  'audit.title': 'Audit', 'audit.account': 'Account', 'audit.anyAccount': 'any account', 'audit.refresh': 'Refresh',
  'audit.none': 'No changes recorded.', 'audit.organisersOnly': 'The audit log is visible to organiser accounts.',
  'audit.details': 'details',
  'audit.col.when': 'When', 'audit.col.who': 'Who', 'audit.col.what': 'Operation', 'audit.col.args': 'Arguments',
  'audit.col.change': 'Change', 'audit.col.version': 'Version',

  'error.unknown': 'Something went wrong. Try again; if it keeps failing, tell the technical team.',
  'error.timeout': 'No answer in time: the controller or the player may be down. Check Screens, then try again.',
  'error.not_connected': 'The console is not connected. Wait until the indicator shows Live, then try again.',
  'error.controller_offline': 'The controller is offline, so nothing was sent. Start it or tell the technical team, then try again.',
  'error.forbidden': 'Your account may not do this. Ask an organiser.',
  'error.invalid_programme': 'The change would leave the programme inconsistent; nothing was changed.',
  'error.invalid_args': 'A value is missing or malformed.',
  'error.storage_failed': 'The controller could not save the change (disk full?). Nothing changed; tell the technical team.',
  'error.not_playing': 'The screen is not playing.', 'error.not_held': 'The screen is not held.',
  'error.no_cue_list': 'No cue list is loaded.', 'error.last_cue': 'This is already the last cue.',
  'error.first_cue': 'This is already the first cue.', 'error.not_running': 'The ceremony is not running.',
  'error.winner_not_set': 'The winner of this award is not sealed yet: set it before the reveal.',
  'error.ceremony_running': 'The ceremony is running; a new cue list can be loaded only before or after it.',
};

const zh = {
  appTitle: '影展控制台',
  skipToContent: '跳至內容',
  otherLanguage: 'English',
  logout: '登出',
  cancel: '取消',
  close: '關閉',
  dismiss: '關閉提示',
  loading: '載入中…',
  'nav.screens': '銀幕', 'nav.programme': '節目', 'nav.voting': '投票',
  'nav.ceremony': '頒獎典禮', 'nav.kiosks': '資訊站', 'nav.audit': '變更紀錄',
  'bus.live': '即時', 'bus.reconnecting': '重新連線中…', 'bus.brokerDown': '無法連上訊息匯流排',
  'banner.trouble': '{count} 個銀幕需要處理：離線、不同步或節目版本落後。請打開「銀幕」。',
  'ago.seconds': '{n} 秒前', 'ago.minutes': '{n} 分鐘前',

  'login.title': '影展控制台：登入',
  'login.help': '請使用你的影展帳戶。可看到和可操作的內容視乎你的角色。',
  'login.user': '帳戶', 'login.password': '密碼', 'login.submit': '登入',
  'login.missing': '請輸入帳戶名稱和密碼。',
  'login.error.bad_credentials': '帳戶名稱或密碼錯誤，請檢查後再試。',
  'login.error.broker_unreachable': '目前無法連上影展訊息匯流排，暫時無法登入。請通知技術組，一分鐘後再試。',
  'login.error.rate_limited': '嘗試次數太多，請等一分鐘再試。',
  'login.error.too_many_attempts': '嘗試次數太多，請等一分鐘再試。',
  'login.error.network': '控制台伺服器沒有回應，請檢查網絡連線後再試。',
  'login.error.other': '登入失敗（HTTP {status}）。請再試；如持續失敗，請通知技術組。',
  'login.expired': '你的登入已結束（{reason}），請重新登入。',
  'login.sessionEnded': '你的登入已結束，請重新登入。',
  'login.ended.replaced': '這個帳戶已在另一個頁面或裝置登入，這裏的登入因此結束。重新登入即可取回。',
  'login.ended.expired': '你的登入已逾時，請重新登入。',
  'login.ended.logged_out': '你已登出。如要繼續，請重新登入。',
  'login.ended.account_refused': '訊息匯流排不再接受這個帳戶（密碼已更改？）。請聯絡技術組。',
  'login.ended.too_many_pages': '這個帳戶開啟了太多控制台頁面。請關閉其中一個，然後重新登入。',

  'state.none': '沒有播放器', 'state.idle': '閒置', 'state.waiting': '等待中', 'state.prerolling': '預載中',
  'state.countdown': '倒數', 'state.playing': '播放中', 'state.held': '暫停', 'state.error': '錯誤',
  'state.offline': '離線', 'state.online': '在線',
  'problem.noPlayer': '這個銀幕沒有播放器回報，而 30 分鐘內有放映。',
  'problem.notSetUp': '這個銀幕尚未有播放器，30 分鐘內也沒有放映。', 'state.notSetUp': '未設定',
  'problem.offline': '播放器離線：請檢查放映室電腦及其網絡。',
  'problem.clockUnsynced': '時鐘未與放映時鐘同步。',
  'problem.clockOffset': '時鐘偏差超過 5 毫秒：這個銀幕不同步。',
  'problem.versionBehind': '運行的節目版本比控制器舊。',
  'problem.itemError': '目前項目播放失敗，正顯示字卡。',

  'screens.title': '銀幕',
  'screens.checkFilms': '檢查影片', 'screens.checking': '播放器正在檢查影片…',
  'screens.mediaSummary': '{total} 部影片：{errors} 部有錯誤，{warnings} 部有警告',
  'screens.noFilms': '此銀幕沒有待播放的影片。', 'screens.closeCheck': '關閉',
  'screens.slot': '時段', 'screens.hardware': '硬件', 'screens.subtitles': '字幕',
  'screens.volume': '音量', 'screens.volumeSet': '銀幕 {screen}：音量 {level}%。',
  'media.error': '錯誤', 'media.warning': '警告', 'media.ok': '可放映', 'media.pending': '檢查中',
  'screens.none': '尚未有銀幕：正等待節目和播放器。',
  'screens.summary': '{total} 個銀幕 · {playing} 個播放中 · {trouble} 個需要處理',
  'screens.staffCommands': '暫停、跳過及黑畫面只供放映組帳戶使用',
  'screens.hold': '暫停', 'screens.resume': '繼續', 'screens.skip': '跳過',
  'screens.blackout': '黑畫面', 'screens.blackoutOff': '結束黑畫面', 'screens.blackedOut': '黑畫面中',
  'screens.noItem': '沒有播放', 'screens.noPlayer': '沒有播放器連線',
  'screens.started': '開始於', 'screens.runningLate': '延遲約 {minutes} 分鐘',
  'screens.position': '目前項目的播放位置',
  'screens.next': '下一個：', 'screens.in': '{time} 後', 'screens.inDays': '{days} 日 {time} 後', 'screens.nothingNext': '之後沒有其他安排。',
  'screens.clock': '時鐘', 'screens.clockOffset': '偏差 {offset}（往返 {rtt}）', 'screens.clockUnsynced': '未同步',
  'screens.programme': '節目', 'screens.versionOf': '第 {node} 版（控制器第 {controller} 版）',
  'screens.player': '播放器', 'screens.lastReport': '最後回報', 'screens.offlineSince': '{time} 起離線', 'screens.lastError': '最後錯誤：',
  'screens.commandFailed': '銀幕 {screen}：指令未執行。{reason}',
  'screens.resumedBehind': '銀幕 {screen} 已繼續，比時間表遲了 {delay}。',
  'screens.delayLater': '其後場次延後 {minutes} 分鐘',
  'screens.delayTitle': '將 {screen} 其後的場次延後 {minutes} 分鐘？',
  'screens.delayMessage': '{screen} 的下一個場次及之後所有場次會延後 {minutes} 分鐘開始；播放器和資訊站會收到新時間。',
  'screens.delayed': '銀幕 {screen}：已延後 {moved} 個場次（節目第 {version} 版）。',
  'screens.done.hold': '銀幕 {screen} 已暫停。', 'screens.done.resume': '銀幕 {screen} 已繼續。',
  'screens.done.skip': '銀幕 {screen} 已跳到下一個項目。',
  'screens.done.blackoutOn': '銀幕 {screen} 已轉為黑畫面。', 'screens.done.blackoutOff': '銀幕 {screen} 已恢復畫面。',
  'confirm.hold.title': '暫停銀幕 {screen}？', 'confirm.hold.message': '「{item}」會立即暫停。時間表繼續走；繼續播放時會報告落後多少。', 'confirm.hold.button': '立即暫停',
  'confirm.resume.title': '繼續銀幕 {screen}？', 'confirm.resume.message': '「{item}」會從暫停的位置繼續。', 'confirm.resume.button': '立即繼續',
  'confirm.skip.title': '跳過銀幕 {screen} 的項目？', 'confirm.skip.message': '「{item}」會立即結束，無法恢復；直至下一個項目前顯示字卡。', 'confirm.skip.button': '跳過這個項目',
  'confirm.blackoutOn.title': '銀幕 {screen} 轉為黑畫面？', 'confirm.blackoutOn.message': '畫面會變黑，播放在背後繼續。', 'confirm.blackoutOn.button': '轉為黑畫面',
  'confirm.blackoutOff.title': '結束銀幕 {screen} 的黑畫面？', 'confirm.blackoutOff.message': '觀眾會再看到畫面。', 'confirm.blackoutOff.button': '恢復畫面',

  'programme.title': '節目', 'programme.days': '影展日子',
  'programme.waiting': '正等待節目…', 'programme.none': '尚未發佈節目。',
  'programme.version': '第 {version} 版 · 於 {at} 生效',
  'programme.noScreenings': '這天沒有場次。', 'programme.now': '現在',
  'programme.timelineOf': '{day} 的場次，每個銀幕一行',
  'programme.cancelled': '已取消', 'programme.history': '這個場次的變更',
  'programme.historyOrganisers': '變更紀錄只供主辦單位帳戶查看。',
  'programme.noHistory': '沒有變更紀錄。', 'programme.recent': '最近變更',
  'programme.move': '改時間', 'programme.delay': '延後', 'programme.cancel': '取消場次',
  'programme.moveTitle': '更改 {id} 的時間', 'programme.moveMessage': '新的開始時間，以影展時間（{tz}）計。長度不變。',
  'programme.newStart': '新開始時間', 'programme.needTime': '請輸入日期和時間。',
  'programme.delayTitle': '由 {id} 起延後',
  'programme.delayMessage': '銀幕 {screen}：這個場次（{at} 開始），以及同一銀幕之後的所有場次（除非勾選下面的選項）。',
  'programme.minutes': '分鐘', 'programme.minutesHint': '負數代表提前。',
  'programme.onlyThis': '只改這個場次', 'programme.needMinutes': '請輸入 -1440 至 1440 之間、不是 0 的整數分鐘。',
  'programme.cancelTitle': '取消 {id}？',
  'programme.cancelMessage': '「{title}」（{screen}）會從播放清單移除，但仍留在節目中，標示為已取消。',
  'programme.cancelConfirm': '取消這個場次',
  'programme.committed': '完成：節目第 {version} 版已生效。',

  'import.title': '匯入節目', 'import.file': '檔案（JSON 節目或場次 CSV）',
  'import.help': 'JSON 檔會取代整個節目；CSV 會取代所有場次。會先全面檢查：有問題的檔案不會改動任何內容。',
  'import.organisersOnly': '匯入節目需要主辦單位帳戶。',
  'import.button': '檢查並匯入', 'import.chooseFile': '請先選擇檔案。',
  'import.tooLarge': '檔案有 {size} MB；最多可匯入 16 MB。',
  'import.notUtf8': '檔案不是 UTF-8 文字。請另存為「CSV UTF-8」或 JSON 後再試。',
  'import.badJson': '檔案不是有效的 JSON：{reason}',
  'import.notObject': 'JSON 檔必須是一個節目物件（{…}）。',
  'import.csvSummary': '{rows} 行場次',
  'import.jsonSummary': '{screenings} 個場次、{films} 部影片、{screens} 個銀幕',
  'import.confirmTitle': '取代節目？', 'import.confirmMessage': '{name}：{summary}。所有銀幕都會收到新的播放清單。',
  'import.confirmButton': '匯入', 'import.sending': '檢查及匯入中…',
  'import.done': '已匯入：第 {version} 版，共 {screenings} 個場次、{films} 部影片、{screens} 個銀幕。',
  'import.where': '行或項目', 'import.field': '欄位', 'import.problem': '問題',

  'voting.title': '投票', 'voting.summary': '{open} 個開放 · {closed} 個已截止',
  'voting.windows': '投票時段', 'voting.open': '開放投票', 'voting.close': '截止投票',
  'voting.state.notYet': '未開放', 'voting.state.open': '開放中', 'voting.state.closed': '已截止', 'voting.manual': '（手動）', 'voting.heldOpen': '保持開放',
  'voting.countsNote': '票數：每部影片的有效票；短片組合逐一列出各影片（同一影片放映兩次，票數合併計算）。',
  'voting.countsOrganisers': '票數屬於密封結果，只供主辦單位帳戶查看。',
  'voting.noScreenings': '今天沒有場次，也沒有投票時段。',
  'voting.col.screening': '場次', 'voting.col.films': '影片', 'voting.col.where': '銀幕 · 開始',
  'voting.col.window': '時段', 'voting.col.closes': '截止', 'voting.col.votes': '票數', 'voting.col.action': '',
  'voting.openTitle': '開放 {id} 的投票？', 'voting.openMessage': '資訊站會接受 {id} 的選票，直至你截止為止。',
  'voting.closeTitle': '截止 {id} 的投票？', 'voting.closeMessage': '資訊站會拒絕 {id} 的新選票。已投的票仍然有效。',
  'voting.openDone': '{id} 的投票已開放。', 'voting.closeDone': '{id} 的投票已截止。',
  'voting.resultsMeta': '已點算 {votes} 票 · 少於 {minimum} 票屬暫定 · 更新於 {at}',
  'results.title': '密封結果', 'results.unavailable': '你的帳戶無法查看結果。',
  'results.noVotes': '尚未有點算的票。', 'results.provisional': '暫定',
  'results.rank': '名次', 'results.film': '影片', 'results.votes': '票數', 'results.mean': '平均', 'results.weighted': '加權',

  'ceremony.title': '頒獎典禮', 'ceremony.current': '正在顯示', 'ceremony.next': '下一個提示',
  'ceremony.go': '開始 GO', 'ceremony.start': 'GO（開始典禮）', 'ceremony.back': '上一個',
  'ceremony.blackout': '黑畫面', 'ceremony.blackoutOff': '結束黑畫面', 'ceremony.blackedOut': '黑畫面',
  'ceremony.keys': '按 G 鍵亦可觸發 GO。',
  'ceremony.organisersOnly': 'GO、上一個及黑畫面需要主辦單位帳戶；你可以在這裏跟進典禮。',
  'ceremony.position': '第 {index} / {count} 個提示', 'ceremony.notRunning': '未開始 · 已載入 {count} 個提示',
  'ceremony.noCueList': '尚未載入提示清單。',
  'ceremony.generate': '產生提示清單', 'ceremony.generateTitle': '產生提示清單？',
  'ceremony.generateMessage': '按節目中每個獎項產生標題、提名及揭曉，前後加上開場和結尾。',
  'ceremony.blackoutTitle': '所有典禮畫面轉為黑畫面？', 'ceremony.blackoutMessage': '跟隨典禮的播放器和資訊站會在同一瞬間變黑。',
  'ceremony.blackoutOffTitle': '結束黑畫面？', 'ceremony.blackoutOffMessage': '所有地方會再次顯示目前的提示。',
  'ceremony.followers': '跟隨典禮的節點', 'ceremony.noFollowers': '尚未有節點回報跟隨典禮。',
  'ceremony.inStep': '同步', 'ceremony.reveal': '得獎的是……（{award}）', 'ceremony.behind': '落後',
  'ceremony.col.node': '節點', 'ceremony.col.role': '角色', 'ceremony.col.seq': '已套用序號', 'ceremony.col.applied': '套用時間', 'ceremony.col.state': '狀態',
  'cue.intro': '開場', 'cue.title': '標題卡', 'cue.nominee': '提名', 'cue.reveal': '揭曉', 'cue.outro': '結尾',
  'role.player': '播放器', 'role.kiosk': '資訊站', 'role.controller': '控制器', 'role.undefined': '?',

  'kiosks.title': '資訊站', 'kiosks.summary': '{total} 個資訊站 · {offline} 個離線 · {queued} 張選票待送',
  'kiosks.none': '尚未有資訊站回報。',
  'kiosks.col.kiosk': '資訊站', 'kiosks.col.venue': '場地', 'kiosks.col.state': '狀態',
  'kiosks.col.queued': '待送選票', 'kiosks.col.version': '節目', 'kiosks.col.lastContact': '最後聯絡',

  'audit.title': '變更紀錄', 'audit.account': '帳戶', 'audit.anyAccount': '任何帳戶', 'audit.refresh': '重新整理',
  'audit.none': '沒有變更紀錄。', 'audit.organisersOnly': '變更紀錄只供主辦單位帳戶查看。',
  'audit.details': '詳情',
  'audit.col.when': '時間', 'audit.col.who': '帳戶', 'audit.col.what': '操作', 'audit.col.args': '參數',
  'audit.col.change': '變更', 'audit.col.version': '版本',

  'error.unknown': '出了問題。請再試；如持續失敗，請通知技術組。',
  'error.timeout': '沒有及時回應：控制器或播放器可能已停止。請查看「銀幕」後再試。',
  'error.not_connected': '控制台未連線。請等指示燈顯示「即時」後再試。',
  'error.controller_offline': '控制器已離線，沒有傳送任何指令。請啟動控制器或通知技術組，然後再試。',
  'error.forbidden': '你的帳戶不可進行這項操作，請聯絡主辦單位。',
  'error.invalid_programme': '這項變更會令節目出現矛盾，沒有作出任何改動。',
  'error.invalid_args': '有數值缺漏或格式錯誤。',
  'error.storage_failed': '控制器無法儲存變更（磁碟已滿？）。沒有任何改動，請通知技術組。',
  'error.not_playing': '這個銀幕沒有在播放。', 'error.not_held': '這個銀幕沒有暫停。',
  'error.no_cue_list': '尚未載入提示清單。', 'error.last_cue': '已經是最後一個提示。',
  'error.first_cue': '已經是第一個提示。', 'error.not_running': '典禮未開始。',
  'error.winner_not_set': '這個獎項的得主尚未密封：請在揭曉前設定。',
  'error.ceremony_running': '典禮進行中；只可在典禮前後載入新的提示清單。',
};

const dictionaries = { en, zh };
let current = readStored();

function readStored() {
  try {
    const stored = localStorage.getItem(storageKey);
    if (stored === 'en' || stored === 'zh') return stored;
  } catch {
    // Storage may be disabled; fall back to the browser's language.
  }
  return (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function language() {
  return current;
}

export function setLanguage(lang) {
  current = lang === 'zh' ? 'zh' : 'en';
  try {
    localStorage.setItem(storageKey, current);
  } catch {
    // Not remembered, but still switched for this page.
  }
}

export function hasKey(key) {
  return key in dictionaries[current] || key in en;
}

export function t(key, params = {}) {
  const singular = params.count === 1 ? dictionaries[current][`${key}.one`] : undefined;
  const text = singular ?? dictionaries[current][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

// Static text in index.html (data-i18n) and the document language, for screen readers
// and for the right CJK glyphs.
export function applyStaticText() {
  document.documentElement.lang = current === 'zh' ? 'zh-Hant-HK' : 'en';
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  const toggle = document.getElementById('language-toggle');
  if (toggle) {
    toggle.textContent = t('otherLanguage');
    toggle.lang = current === 'zh' ? 'en' : 'zh-Hant';
    toggle.setAttribute('aria-label', current === 'zh' ? 'Switch to English' : '切換至中文');
  }
}

