// The console web app in headless Chromium against the real festival-console, broker,
// controller and player, started by tst_consolebrowser (which passes everything in the
// environment). Each step prints "ok - ..." or "not ok - ..."; the exit code is the number
// of failed steps. Screenshots of every page (English and 繁體中文, laptop and tablet) go
// to $SCREENSHOT_DIR.
import { chromium } from 'playwright-core';
import path from 'node:path';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through tst_consolebrowser (ctest -L browser)`);
  return value;
};
const consoleUrl = env('CONSOLE_URL');
const organiserPassword = env('ORGANISER_PASSWORD');
const staffPassword = env('STAFF_PASSWORD');
const screen = env('SCREEN');
const kioskAccount = env('KIOSK_ACCOUNT');
const movedScreening = env('MOVED_SCREENING');
const blockScreening = env('BLOCK_SCREENING');
const shots = env('SCREENSHOT_DIR');

const viewports = { laptop: { width: 1440, height: 900 }, tablet: { width: 1024, height: 768 }, portrait: { width: 768, height: 1024 } };
const pages = ['screens', 'programme', 'voting', 'ceremony', 'kiosks', 'audit'];
const started = Date.now();
// The session check before logging in answers 401, which Chromium logs as an error.
const expectedNoise = /status of 401 \(Unauthorized\)/;
let failures = 0;

async function step(name, body) {
  const at = Date.now();
  try {
    await body();
    console.log(`ok - ${name} (${((Date.now() - at) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failures += 1;
    console.log(`not ok - ${name}: ${error.message.split('\n').slice(0, 6).join(' | ')}`);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

async function newPage({ viewport = viewports.laptop, language = 'en', touch = false } = {}) {
  const context = await browser.newContext({ viewport, hasTouch: touch, locale: 'en-GB', timezoneId: 'Europe/London' });
  await context.addInitScript((lang) => {
    if (!sessionStorage.getItem('language-set')) {
      localStorage.setItem('festival-console-language', lang);
      sessionStorage.setItem('language-set', '1');
    }
  }, language);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(`console error: ${message.text()}`);
  });
  return page;
}

async function logIn(page, user, password) {
  await page.goto(consoleUrl);
  await page.fill('#login-user', user);
  await page.fill('#login-password', password);
  await page.click('#login-submit');
  await page.waitForSelector('#nav a[data-page="screens"]');
  await page.waitForFunction(() => document.body.dataset.role && document.body.dataset.role !== 'unknown', null, { timeout: 15000 });
}

async function confirmDialog(page) {
  await page.click('dialog[open] button[value="confirm"]');
  await page.waitForSelector('dialog[open]', { state: 'detached' });
}

function card(page) {
  return page.locator(`[data-screen="${screen}"]`);
}

async function shoot(page, name) {
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

// --- Login -----------------------------------------------------------------------------
const organiser = await newPage();

await step('a wrong password is refused with a sentence, and the right one logs in', async () => {
  await organiser.goto(consoleUrl);
  await organiser.waitForSelector('#login-user');
  await shoot(organiser, 'login-en-laptop');
  await organiser.fill('#login-user', 'organiser');
  await organiser.fill('#login-password', 'not-the-password');
  await organiser.click('#login-submit');
  const error = organiser.locator('#login-error');
  await error.filter({ hasText: /wrong|password/i }).waitFor({ timeout: 15000 });
  const text = await error.textContent();
  expect(/\.\s*$|。$/.test(text.trim()) && text.trim().split(' ').length > 4, `not a sentence: "${text}"`);
  await shoot(organiser, 'login-error-en-laptop');
  await logIn(organiser, 'organiser', organiserPassword);
  expect(await organiser.evaluate(() => document.body.dataset.role) === 'organiser', 'the organiser was not recognised as one');
});

// --- Screens ---------------------------------------------------------------------------
await step('the screens page follows the player into playing', async () => {
  await organiser.goto(`${consoleUrl}/#/screens`);
  await card(organiser).waitFor({ timeout: 20000 });
  const states = new Set();
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    const state = await card(organiser).getAttribute('data-state');
    states.add(state);
    if (state === 'playing') break;
    await organiser.waitForTimeout(250);
  }
  expect(states.has('playing'), `the card never showed playing (saw ${[...states].join(', ')})`);
  const title = await card(organiser).locator('[data-role="item"]').textContent();
  expect(/rehearsal|F-013|\S/i.test(title), 'no item title on the playing card');
  const before = await card(organiser).locator('.progress').getAttribute('aria-valuenow');
  await organiser.waitForTimeout(2200);
  const after = await card(organiser).locator('.progress').getAttribute('aria-valuenow');
  expect(Number(after) > Number(before), `the position bar did not move (${before} -> ${after})`);
  const clock = await card(organiser).locator('[data-fact="clock"]').textContent();
  expect(/offset/.test(clock), `no clock offset shown: ${clock}`);
  console.log(`#   states seen on the card: ${[...states].join(' -> ')}`);
});

// --- Programme -------------------------------------------------------------------------
await step('moving a screening changes the player\'s playlist', async () => {
  const nextBefore = (await card(organiser).locator('.next').textContent()).trim();
  await organiser.goto(`${consoleUrl}/#/programme`);
  const block = organiser.locator(`.block[data-screening="${movedScreening}"]`);
  await block.waitFor({ timeout: 15000 });
  await block.click();
  await organiser.click('dialog[open] [data-action="move"]');
  const input = organiser.locator('dialog[open] input[name="to"]');
  const current = await input.inputValue();
  // Festival wall-clock arithmetic: 20 minutes later, across midnight if need be.
  const [date, time] = current.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const target = new Date(Date.UTC(year, month - 1, day, hh, mm + 20)).toISOString().slice(0, 16);
  await input.fill(target);
  await shoot(organiser, 'dialog-move-en-laptop');
  await confirmDialog(organiser);
  await organiser.locator('.toast').filter({ hasText: /version \d+/ }).waitFor({ timeout: 15000 });
  const version = Number((await organiser.locator('.toast').filter({ hasText: /version \d+/ }).last().textContent()).match(/version (\d+)/)[1]);
  const newTime = target.slice(11);
  // The player reports the version it runs; its next item starts at the new time.
  await organiser.goto(`${consoleUrl}/#/screens`);
  await organiser.waitForFunction(({ screenId, v }) => {
    const fact = document.querySelector(`[data-screen="${screenId}"] [data-fact="version"] dd`);
    return fact && fact.textContent.startsWith(`v${v} `) && fact.textContent.includes(`controller v${v}`);
  }, { screenId: screen, v: version }, { timeout: 20000 });
  await organiser.waitForFunction(({ screenId, hhmm }) => {
    const next = document.querySelector(`[data-screen="${screenId}"] .next`);
    return next && next.textContent.includes(hhmm);
  }, { screenId: screen, hhmm: newTime }, { timeout: 20000 });
  const nextAfter = (await card(organiser).locator('.next').textContent()).trim();
  expect(nextAfter !== nextBefore, 'the next item did not change');
  console.log(`#   ${movedScreening} moved to ${target}; programme version ${version}`);
});

await step('the change shows who made it', async () => {
  await organiser.goto(`${consoleUrl}/#/programme`);
  const recent = organiser.locator('#recent-changes li').first();
  await recent.waitFor({ timeout: 15000 });
  const text = await recent.textContent();
  expect(text.includes('organiser') && text.includes('screening.move') && text.includes(movedScreening), `latest change: ${text}`);
  await organiser.goto(`${consoleUrl}/#/audit`);
  await organiser.locator('#audit-table tbody tr').first().waitFor({ timeout: 15000 });
  const row = await organiser.locator('#audit-table tbody tr').first().textContent();
  expect(row.includes('screening.move') && row.includes('organiser'), `audit row: ${row}`);
});

await step('a bad CSV import is refused with its problems listed by row', async () => {
  await organiser.goto(`${consoleUrl}/#/programme`);
  const csv = 'id,screen,start,end,films\nS-X1,CINE-1,2026-12-05T10:00:00,2026-12-05T11:00:00+08:00,F-001\nS-X2,CINE-2,2026-12-05T10:00:00+08:00,half past eleven,F-001\n';
  await organiser.setInputFiles('#import-file', { name: 'screenings.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await organiser.click('#import-button');
  await confirmDialog(organiser);
  await organiser.locator('#import-errors tbody tr').first().waitFor({ timeout: 15000 });
  const rows = await organiser.locator('#import-errors tbody tr').allTextContents();
  expect(rows.some((r) => /row 2/.test(r)) && rows.some((r) => /row 3/.test(r)), `problems: ${rows.join(' | ')}`);
  await shoot(organiser, 'programme-import-errors-en-laptop');
});

await step('voting opens by hand for a screening and the window shows it live', async () => {
  await organiser.goto(`${consoleUrl}/#/voting`);
  const row = organiser.locator(`#voting-table tr[data-screening="${movedScreening}"]`);
  await row.waitFor({ timeout: 15000 });
  expect(await row.getAttribute('data-window') !== 'open', `${movedScreening} is already open`);
  await row.locator('button').click();
  await confirmDialog(organiser);
  await organiser.waitForSelector(`#voting-table tr[data-screening="${movedScreening}"][data-window="open"]`, { timeout: 15000 });
  await organiser.waitForSelector('#results-table, #results .empty', { timeout: 15000 });
});

await step('a block of shorts lists each of its films with its votes', async () => {
  await organiser.goto(`${consoleUrl}/#/voting`);
  const row = organiser.locator(`#voting-table tr[data-screening="${blockScreening}"]`);
  await row.locator('.film-votes li').first().waitFor({ timeout: 15000 });
  const films = await row.locator('.film-votes li').evaluateAll((items) => items.map((li) => li.dataset.film));
  expect(films.join(',') === 'F-016,F-017,F-018,F-019,F-020', `films listed: ${films.join(',')}`);
  // The test kiosk's one ballot rated F-017 and F-019.
  const counts = await row.locator('.film-votes li .number').allTextContents();
  expect(counts.join(',') === '0,1,0,1,0', `vote counts: ${counts.join(',')}`);
  await shoot(organiser, 'voting-block-en-laptop');
});

// --- Ceremony --------------------------------------------------------------------------
await step('GO in the ceremony page reaches the test kiosk', async () => {
  await organiser.goto(`${consoleUrl}/#/ceremony`);
  await organiser.waitForSelector('#ceremony-summary:not(:empty)');
  await organiser.waitForFunction(() => !/Loading/.test(document.querySelector('#ceremony-summary').textContent));
  if (await organiser.locator('#ceremony-load').isVisible()) {
    await organiser.click('#ceremony-load');
    await confirmDialog(organiser);
    await organiser.waitForFunction(() => /cues loaded/.test(document.querySelector('#ceremony-summary').textContent), null, { timeout: 15000 });
  }
  await organiser.waitForSelector('#ceremony-go:not([disabled])');
  await organiser.click('#ceremony-go');
  await organiser.waitForFunction(() => /Cue 1 of/.test(document.querySelector('#ceremony-summary').textContent), null, { timeout: 15000 });
  const seq = Number((await organiser.locator('#ceremony-summary').textContent()).match(/seq (\d+)/)[1]);
  await organiser.waitForSelector(`#followers tr[data-account="${kioskAccount}"][data-in-step="true"]`, { timeout: 15000 });
  const row = await organiser.locator(`#followers tr[data-account="${kioskAccount}"]`).textContent();
  expect(row.includes(String(seq)), `the kiosk row does not show seq ${seq}: ${row}`);
  console.log(`ceremony seq after GO: ${seq}`);
});

// --- Staff -----------------------------------------------------------------------------
const staff = await newPage({ viewport: viewports.tablet, touch: true });

await step('a staff login cannot see results', async () => {
  await logIn(staff, 'booth', staffPassword);
  expect(await staff.evaluate(() => document.body.dataset.role) === 'staff', 'booth was not recognised as staff');
  await staff.goto(`${consoleUrl}/#/voting`);
  await staff.waitForSelector('#results-unavailable', { timeout: 15000 });
  expect(/not available to your account/.test(await staff.locator('#results-unavailable').textContent()), 'wrong wording');
  expect(await staff.locator('#results-table').count() === 0, 'a results table is shown to staff');
  await shoot(staff, 'voting-staff-en-tablet');
});

await step('a staff login cannot import a programme (the page says so, the controller refuses)', async () => {
  await staff.goto(`${consoleUrl}/#/programme`);
  await staff.waitForSelector('#import-button');
  expect(await staff.locator('#import-button').isDisabled(), 'the import button is enabled for staff');
  expect(/organiser account/.test(await staff.locator('#import-title + p').textContent()), 'no explanation for staff');
  // Forced past the page: the controller refuses by role.
  await staff.evaluate(() => {
    document.querySelector('#import-button').disabled = false;
    document.querySelector('#import-file').disabled = false;
  });
  await staff.setInputFiles('#import-file', { name: 'p.csv', mimeType: 'text/csv', buffer: Buffer.from('id,screen,start,end,films\n') });
  await staff.click('#import-button');
  await confirmDialog(staff);
  await staff.locator('#import-outcome .error-text').waitFor({ timeout: 15000 });
  const text = await staff.locator('#import-outcome .error-text').textContent();
  expect(/may not do this/.test(text), `not refused by role: ${text}`);
  await shoot(staff, 'programme-staff-en-tablet');
});

await step('hold and resume from a staff login reach the player after a confirmation', async () => {
  await staff.goto(`${consoleUrl}/#/screens`);
  await staff.waitForSelector(`[data-screen="${screen}"][data-state="playing"]`, { timeout: 15000 });
  await card(staff).locator('[data-action="hold"]').click();
  await staff.waitForSelector('dialog[open]');
  await shoot(staff, 'dialog-hold-en-tablet');
  await confirmDialog(staff);
  await staff.waitForSelector(`[data-screen="${screen}"][data-state="held"]`, { timeout: 15000 });
  // Held for over half a minute, the screen runs late: the card says so in the kiosks' words
  // (whole minutes, PlayerStatus::lateMinutes), from the player's own lateMs.
  await card(staff).locator('[data-role="late"]').waitFor({ timeout: 45000 });
  const lateText = await card(staff).locator('[data-role="late"]').textContent();
  expect(/^Running 1 min late$/.test(lateText.trim()), `lateness shown: "${lateText}"`);
  await shoot(staff, 'screens-held-late-en-tablet');
  await card(staff).locator('[data-action="resume"]').click();
  await confirmDialog(staff);
  await staff.waitForSelector(`[data-screen="${screen}"][data-state="playing"]`, { timeout: 15000 });
  // The hold made the screen late: the notice offers to delay its later screenings.
  const late = staff.locator('.toast').filter({ hasText: /behind schedule/ });
  await late.waitFor({ timeout: 10000 });
  await late.locator('button', { hasText: /Delay later screenings/ }).click();
  await confirmDialog(staff);
  await staff.locator('.toast').filter({ hasText: /screenings delayed/ }).waitFor({ timeout: 15000 });
});

await step('staff check a screen\'s films and set its volume from the console (the player answers)', async () => {
  await staff.goto(`${consoleUrl}/#/screens`);
  await staff.waitForSelector(`[data-screen="${screen}"][data-state="playing"]`, { timeout: 15000 });
  await card(staff).locator('[data-action="media"]').click();
  const rows = card(staff).locator('[data-role="media"] .media-row');
  await rows.first().waitFor({ timeout: 20000 });
  const facts = await card(staff).locator('[data-role="media"] .media-facts').first().textContent();
  expect(/VP8/.test(facts) && /vp8dec/.test(facts), `the player's facts are not shown: ${facts}`);
  const head = await card(staff).locator('[data-role="media"] h3').textContent();
  expect(/film\(s\): \d+ with errors, \d+ with warnings/.test(head), `summary: ${head}`);
  await card(staff).locator('[data-role="media"]').scrollIntoViewIfNeeded();
  await shoot(staff, 'screens-media-check-en-tablet');
  // The fader: 50% reaches the player, whose reply the notice reports, and its status comes back at 50%.
  await card(staff).locator('[data-role="volume"]').evaluate((input) => {
    input.value = '50';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await staff.locator('.toast').filter({ hasText: /volume 50%/ }).waitFor({ timeout: 15000 });
  await card(staff).locator('[data-role="volume"]').evaluate((input) => input.blur());
  await staff.waitForFunction((s) => document.querySelector(`[data-screen="${s}"] [data-role="volume-value"]`)?.textContent === '50%',
    screen, { timeout: 15000 });
});

// --- Language --------------------------------------------------------------------------
await step('繁體中文 is switchable and remembered', async () => {
  await staff.goto(`${consoleUrl}/#/screens`);
  await staff.click('#language-toggle');
  await staff.waitForFunction(() => document.documentElement.lang === 'zh-Hant-HK');
  await staff.reload();
  await staff.waitForSelector('#nav a[data-page="screens"]');
  const nav = await staff.locator('#nav a[data-page="screens"]').textContent();
  expect(nav === '銀幕', `after a reload the navigation reads "${nav}"`);
  expect(await staff.evaluate(() => document.documentElement.lang) === 'zh-Hant-HK', 'lang attribute not zh-Hant-HK');
});

// --- Screenshots -----------------------------------------------------------------------
await step('screenshots of every page in both languages, laptop and tablet', async () => {
  // One session; the language through its button, the size through the viewport, the
  // page through the hash: as a user would move around, and quick.
  const sizes = [['laptop', pages], ['tablet', pages], ['portrait', ['screens', 'programme', 'ceremony']]];
  const page = await newPage();
  await logIn(page, 'organiser', organiserPassword);
  for (const language of ['en', 'zh']) {
    if (await page.evaluate(() => document.documentElement.lang) !== (language === 'zh' ? 'zh-Hant-HK' : 'en')) {
      await page.click('#language-toggle');
    }
    for (const [size, names] of sizes) {
      await page.setViewportSize(viewports[size]);
      for (const name of names) {
        await page.evaluate((hash) => { location.hash = hash; }, `#/${name}`);
        await page.waitForSelector(`#nav a[data-page="${name}"][aria-current="page"]`);
        await page.waitForFunction(() => !document.querySelector('main')?.textContent.match(/Loading…|載入中…/), null, { timeout: 10000 });
        await page.waitForTimeout(150);
        await shoot(page, `${name}-${language}-${size}`);
        if (size !== 'laptop') continue;
        const missing = await page.evaluate(() => [...document.querySelectorAll('body *:not(code):not(pre)')]
          .filter((n) => n.children.length === 0 && /^[a-z]+(\.[a-zA-Z]+)+$/.test(n.textContent.trim()))
          .map((n) => n.textContent.trim()));
        expect(missing.length === 0, `untranslated keys on ${name} (${language}): ${missing.join(', ')}`);
        const unnamed = await page.evaluate(() => [...document.querySelectorAll('button, a[href], input, select')]
          .filter((n) => n.offsetParent !== null)
          .filter((n) => !(n.getAttribute('aria-label') || n.textContent.trim() || n.labels?.length || n.placeholder))
          .map((n) => n.outerHTML.slice(0, 80)));
        expect(unnamed.length === 0, `controls without an accessible name on ${name}: ${unnamed.join(' | ')}`);
      }
    }
  }
  await page.click('#logout');
  await page.waitForSelector('#login-user');
  await shoot(page, 'login-zh-portrait');
  const problems = page.problems.filter((p) => !expectedNoise.test(p));
  expect(problems.length === 0, problems.join('; '));
  await page.context().close();
});

await step('a second login of the same account ends the first page\'s session with a sentence', async () => {
  // The screenshots above logged in as organiser again: the broker keeps one connection
  // per account, so the server ended this page's session.
  await organiser.waitForSelector('#login-error', { timeout: 15000 });
  const text = await organiser.locator('#login-error').textContent();
  expect(/another page or device/.test(text), `the login page says: "${text}"`);
  await logIn(organiser, 'organiser', organiserPassword);
});

await step('screens with no player and nothing to play soon are grey, not alarms; no banner over the screens page', async () => {
  await organiser.goto(`${consoleUrl}/#/screens`);
  // CINE-2's only screening is six hours away; the sample's other screens played days ago.
  await organiser.waitForSelector('[data-screen="CINE-2"][data-state="notSetUp"].card-quiet', { timeout: 15000 });
  const quiet = await organiser.locator('#screen-list > .card-quiet').count();
  expect(quiet >= 4, `screens shown as not set up: ${quiet}`);
  expect(await organiser.locator('#screen-list > .card-severe').count() === 0, 'a screen without a player is shown as an alarm');
  const state = await organiser.locator('[data-screen="CINE-2"] [data-role="state"]').textContent();
  expect(/not set up/.test(state), `CINE-2's state: ${state}`);
  expect(await organiser.locator('#banner').isHidden(), 'the banner shows on the screens page it points to');
  await shoot(organiser, 'screens-not-set-up-en-laptop');
});

await step('a player that dies is impossible to miss: red, first in the list, counted in the banner', async () => {
  await organiser.goto(`${consoleUrl}/#/screens`);
  await organiser.waitForSelector(`[data-screen="${screen}"]:not(.card-severe)`, { timeout: 15000 });
  const bannerBefore = Number((await organiser.locator('#banner').textContent()).match(/\d+/)?.[0] ?? 0);
  process.kill(Number(env('PLAYER_PID')), 'SIGKILL');
  await organiser.waitForSelector(`[data-screen="${screen}"][data-state="offline"].card-severe`, { timeout: 20000 });
  const first = await organiser.locator('#screen-list > .card-severe').first().getAttribute('data-screen');
  const order = await organiser.locator('#screen-list > .card').evaluateAll((cards) => cards.map((c) => c.classList.contains('card-severe')));
  expect(order.indexOf(false) === -1 || order.lastIndexOf(true) < order.indexOf(false), 'a screen in trouble is listed after a healthy one');
  expect(first === screen, `the first card is ${first}, not the screen that just went offline`);
  expect(/offline since/.test(await card(organiser).locator('[data-fact="seen"]').textContent()), 'no "offline since" on the card');
  await organiser.waitForFunction((n) => Number(document.querySelector('#banner')?.textContent.match(/\d+/)?.[0]) === n, bannerBefore + 1, { timeout: 10000 });
  const problem = await organiser.locator(`[data-screen="${screen}"] [data-problem="offline"]`).textContent();
  expect(/offline/i.test(problem), `problem text: ${problem}`);
  await shoot(organiser, 'screens-player-offline-en-laptop');
  // Not over the screens page; on every other page, pointing to it.
  expect(await organiser.locator('#banner').isHidden(), 'the banner shows on the screens page');
  await organiser.goto(`${consoleUrl}/#/programme`);
  await organiser.waitForSelector('#banner:not([hidden]) a[href="#/screens"]', { timeout: 10000 });
});

await step('on a tablet every button and link is at least 44 px high (the docs promise it)', async () => {
  const small = [];
  for (const name of ['screens', 'programme', 'voting', 'ceremony', 'kiosks', 'audit']) {
    await staff.goto(`${consoleUrl}/#/${name}`);
    await staff.waitForTimeout(500);
    const found = await staff.evaluate(() => [...document.querySelectorAll('button, a[href], [role="button"]')]
      .filter((e) => e.offsetParent !== null && !e.closest('p, li, td.text'))
      .map((e) => ({ what: (e.textContent.trim() || e.getAttribute('aria-label') || e.tagName).slice(0, 30), h: e.getBoundingClientRect().height }))
      .filter((e) => e.h > 0 && e.h < 44));
    small.push(...found.map((e) => `${name}: "${e.what}" ${e.h.toFixed(0)} px`));
  }
  expect(small.length === 0, small.join('; '));
});

await step('no script errors in the pages', async () => {
  const problems = [...organiser.problems, ...staff.problems].filter((p) => !expectedNoise.test(p));
  expect(problems.length === 0, problems.join('; '));
});

await browser.close();
console.log(`# ${failures} failed, ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failures);
