// Screens: one card per screen, the ones that need attention first, with the player's
// state and the booth's commands (sent to the player itself, as festctl player does).
import { h, replaceChildren } from '../element.js';
import { t } from '../i18n.js';
import { confirmAction, notify } from '../dialog.js';
import { replyText } from '../replytext.js';
import { alarmsOf, lateMinutes, screenRows } from '../screenhealth.js';
import { pick, filmTitle } from '../text.js';
import { duration, clockTime } from '../festivaltime.js';

const movingStates = new Set(['playing']);

export class ScreensPage {
  constructor(context) {
    this.context = context;
    this.cards = new Map();
  }

  mount(container) {
    this.summary = h('p', { class: 'page-summary', role: 'status' });
    this.list = h('div', { class: 'card-grid', id: 'screen-list' });
    replaceChildren(container,
      h('div', { class: 'page-head' }, h('h1', {}, t('screens.title')), this.summary),
      this.list);
    this.update();
  }

  update(what = 'all') {
    if (!['nodes', 'playlists', 'programme', 'all'].includes(what)) return;
    const { state } = this.context;
    const rows = screenRows(state);
    const seen = new Set();
    rows.forEach((row, index) => {
      seen.add(row.id);
      let card = this.cards.get(row.id);
      if (!card) {
        card = new ScreenCard(this.context, row.id);
        this.cards.set(row.id, card);
      }
      card.render(row);
      if (this.list.children[index] !== card.element) this.list.insertBefore(card.element, this.list.children[index] ?? null);
    });
    for (const [id, card] of this.cards) {
      if (!seen.has(id)) {
        card.element.remove();
        this.cards.delete(id);
      }
    }
    const trouble = rows.filter((row) => alarmsOf(row).length).length;
    const playing = rows.filter((row) => row.node?.status.state === 'playing').length;
    this.summary.textContent = rows.length === 0
      ? t('screens.none')
      : t('screens.summary', { total: rows.length, playing, trouble })
        + (this.context.role === 'organiser' ? ` · ${t('screens.staffCommands')}` : '');
  }

  tick() {
    this.update();
  }
}

class ScreenCard {
  constructor(context, id) {
    this.context = context;
    this.id = id;
    this.body = h('div', { class: 'card-body' });
    this.buttons = {
      hold: this.button('hold', 'player.hold'),
      resume: this.button('resume', 'player.resume'),
      skip: this.button('skip', 'player.skip'),
      blackout: this.button('blackout', 'player.blackout'),
    };
    this.buttons.media = h('button', { type: 'button', class: 'btn', dataset: { action: 'media' }, onclick: () => this.checkMedia() },
      t('screens.checkFilms'));
    // The screen's fader (player.volume), as staff set it from the booth.
    this.volume = h('input', { type: 'range', min: 0, max: 100, step: 5, class: 'fader', dataset: { role: 'volume' },
      'aria-label': t('screens.volume'), onchange: () => this.setVolume() });
    this.volumeText = h('output', { class: 'fader-value', dataset: { role: 'volume-value' } });
    this.volume.addEventListener('input', () => { this.volumeText.textContent = `${this.volume.value}%`; });
    this.fader = h('label', { class: 'fader-label' }, h('span', {}, t('screens.volume')), this.volume, this.volumeText);
    this.media = h('section', { class: 'media-check', dataset: { role: 'media' }, hidden: true, 'aria-live': 'polite' });
    this.title = h('h2', { class: 'card-title' });
    this.element = h('article', { class: 'card screen-card', dataset: { screen: id }, 'aria-labelledby': `screen-${id}-title` },
      this.body,
      this.actions = h('div', { class: 'card-actions' }, Object.values(this.buttons), this.fader),
      this.media);
    this.title.id = `screen-${id}-title`;
  }

  button(name, op) {
    return h('button', { type: 'button', class: 'btn', dataset: { action: name }, onclick: () => this.command(name, op) }, t(`screens.${name}`));
  }

  render(row) {
    this.row = row;
    const status = row.node?.status ?? null;
    const { state } = this.context;
    const tz = state.timeZone();
    const alarms = alarmsOf(row);
    const trouble = alarms.length > 0;
    const severe = alarms.includes('offline') || alarms.includes('noPlayer');
    const notSetUp = row.problems.includes('notSetUp');
    this.element.classList.toggle('card-trouble', trouble);
    this.element.classList.toggle('card-severe', severe);
    this.element.classList.toggle('card-quiet', notSetUp);
    const stateName = status ? status.state : (notSetUp ? 'notSetUp' : 'none');
    this.element.dataset.state = stateName;

    replaceChildren(this.title, this.id, ' ', h('span', { class: 'card-subtitle' }, pick(row.screen.name)));
    const children = [
      h('div', { class: 'card-head' }, this.title,
        h('span', { class: `pill pill-state state-${stateName}`, dataset: { role: 'state' } }, t(`state.${stateName}`))),
    ];
    if (trouble) {
      children.push(h('ul', { class: 'problems' }, alarms.map((p) => h('li', { dataset: { problem: p } }, t(`problem.${p}`)))));
    } else if (notSetUp) {
      children.push(h('p', { class: 'muted', dataset: { problem: 'notSetUp' } }, t('problem.notSetUp')));
    }
    children.push(this.itemBlock(status, tz));
    children.push(this.nextBlock(row, status, tz));
    // A screen no player has ever reported for has no facts and nothing to command.
    if (status) children.push(this.facts(row, status));
    // The broker lets only projection staff accounts command players (staff ACL).
    this.actions.hidden = !status || this.context.role === 'organiser';
    if (this.context.role === 'organiser') this.media.hidden = true;
    if (status?.lastError?.code) {
      children.push(h('p', { class: 'last-error' }, h('strong', {}, t('screens.lastError'), ' '),
        `${status.lastError.code}: ${status.lastError.message ?? ''}`));
    }
    replaceChildren(this.body, children);
    this.updateButtons(status);
  }

  itemBlock(status, tz) {
    const item = status?.item;
    if (!status) return null;
    if (!item || status.state === 'offline') {
      return h('div', { class: 'item item-empty' }, t(status ? 'screens.noItem' : 'screens.noPlayer'));
    }
    const durationMs = status.durationMs ?? item.durationMs ?? 0;
    let position = status.positionMs ?? 0;
    if (movingStates.has(status.state)) position += Date.now() - this.row.node.receivedAt;
    position = Math.min(Math.max(position, 0), durationMs || position);
    const percent = durationMs ? Math.round((position / durationMs) * 1000) / 10 : 0;
    const late = lateMinutes(status.lateMs);
    return h('div', { class: 'item' },
      h('div', { class: 'item-title', dataset: { role: 'item' } }, filmTitle(item)),
      h('div', { class: 'item-meta' }, `${item.screening ?? ''} · ${item.film ?? ''}`,
        item.startUs ? ` · ${t('screens.started')} ${clockTime(item.startUs / 1000, tz)}` : ''),
      late > 0 ? h('div', { class: 'item-late', dataset: { role: 'late' } }, t('screens.runningLate', { minutes: late })) : null,
      h('div', { class: 'progress', role: 'progressbar', 'aria-label': t('screens.position'),
        'aria-valuemin': 0, 'aria-valuemax': Math.round(durationMs / 1000), 'aria-valuenow': Math.round(position / 1000),
        'aria-valuetext': `${duration(position)} / ${duration(durationMs)}` },
      h('div', { class: 'progress-fill', style: { width: `${percent}%` } })),
      h('div', { class: 'item-times' }, h('span', {}, duration(position)), h('span', {}, `−${duration(durationMs - position)}`)));
  }

  nextBlock(row, status, tz) {
    const now = this.context.state.now();
    const items = row.playlist?.items ?? [];
    const current = status?.item;
    const next = items.find((item) => item.startUs / 1000 > now
      && !(current && item.screening === current.screening && item.film === current.film));
    if (!next) return h('p', { class: 'next' }, t('screens.nothingNext'));
    return h('p', { class: 'next' },
      h('span', { class: 'next-label' }, t('screens.next'), ' '),
      h('span', { class: 'next-title' }, filmTitle(next)),
      ` · ${clockTime(next.startUs / 1000, tz)} · `,
      h('span', { class: 'countdown', dataset: { role: 'countdown' } }, countdown(next.startUs / 1000 - now)));
  }

  facts(row, status) {
    const version = this.context.state.programmeVersion();
    const clock = status?.clock;
    let clockText = '—';
    if (clock && status.state !== 'offline') {
      clockText = clock.synced === false ? t('screens.clockUnsynced')
        : t('screens.clockOffset', { offset: formatMicros(clock.offsetUs), rtt: formatMicros(clock.rttUs) });
    }
    const behind = row.problems.includes('versionBehind');
    const clockBad = row.problems.includes('clockOffset') || row.problems.includes('clockUnsynced');
    return h('dl', { class: 'facts' },
      fact(t('screens.clock'), clockText, clockBad, 'clock'),
      fact(t('screens.programme'), status?.programmeVersion !== undefined
        ? t('screens.versionOf', { node: status.programmeVersion, controller: version ?? '?' }) : '—', behind, 'version'),
      fact(t('screens.player'), row.node ? `${row.node.account}${status.blackout ? ` · ${t('screens.blackedOut')}` : ''}` : '—', false, 'account'),
      fact(t('screens.lastReport'), lastReport(row.node, this.context.state.now(), this.context.state.timeZone()), false, 'seen'));
  }

  updateButtons(status) {
    const online = status && status.state !== 'offline';
    const playing = online && status.state === 'playing';
    const held = online && (status.state === 'held' || status.stopped === true);
    this.buttons.hold.disabled = !playing;
    this.buttons.resume.disabled = !held;
    this.buttons.skip.disabled = !playing;
    this.buttons.blackout.disabled = !online;
    this.buttons.media.disabled = !online;
    this.volume.disabled = !online;
    if (document.activeElement !== this.volume) {
      this.volume.value = String(Math.round((status?.volume ?? 1) * 100));
      this.volumeText.textContent = `${this.volume.value}%`;
    }
    this.buttons.media.textContent = t('screens.checkFilms');
    this.buttons.blackout.textContent = status?.blackout ? t('screens.blackoutOff') : t('screens.blackout');
    this.buttons.blackout.setAttribute('aria-pressed', status?.blackout ? 'true' : 'false');
    for (const name of ['hold', 'resume', 'skip']) this.buttons[name].textContent = t(`screens.${name}`);
  }

  async setVolume() {
    const row = this.row;
    if (!row?.node) return;
    const level = Number(this.volume.value) / 100;
    const reply = await this.context.bus.request(`node/${row.node.account}`, 'player.volume', { level });
    if (!reply.ok) notify(t('screens.commandFailed', { screen: row.id, reason: replyText(reply) }), 'error');
    else notify(t('screens.volumeSet', { screen: row.id, level: Math.round(level * 100) }));
  }

  // The player's own check of every film still to play (player.media, as festctl media
  // check asks it): worst first, with what to fix in the player's words.
  async checkMedia() {
    const row = this.row;
    if (!row?.node) return;
    this.media.hidden = false;
    replaceChildren(this.media, h('p', { class: 'muted' }, t('screens.checking')));
    const reply = await this.context.bus.request(`node/${row.node.account}`, 'player.media');
    if (!reply.ok) {
      replaceChildren(this.media, h('p', { class: 'error-text' }, t('screens.commandFailed', { screen: row.id, reason: replyText(reply) })));
      return;
    }
    const films = [...(reply.result.films ?? [])];
    const rank = { error: 0, warning: 1, ok: 2 };
    films.sort((a, b) => (rank[a.severity] ?? 1) - (rank[b.severity] ?? 1) || (a.startUs ?? 0) - (b.startUs ?? 0));
    const tz = this.context.state.timeZone();
    const counts = { error: 0, warning: 0, ok: 0 };
    for (const f of films) counts[f.severity ?? 'ok'] = (counts[f.severity ?? 'ok'] ?? 0) + 1;
    const close = h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => { this.media.hidden = true; } }, t('screens.closeCheck'));
    replaceChildren(this.media,
      h('div', { class: 'media-head' },
        h('h3', {}, t('screens.mediaSummary', { total: films.length, errors: counts.error, warnings: counts.warning })), close),
      films.length === 0 ? h('p', { class: 'muted' }, t('screens.noFilms'))
        : h('ul', { class: 'media-list' }, films.map((f) => mediaRow(f, tz, this.context.state.programme?.programme))));
  }

  // After a hold the screen runs late: its later screenings can follow (screening.delay
  // from now, organisers and staff), so the next one does not start before this one ends.
  async delayLater(screen, minutes) {
    const ok = await confirmAction({
      title: t('screens.delayTitle', { screen, minutes }),
      message: t('screens.delayMessage', { screen, minutes }),
      confirmLabel: t('screens.delayLater', { minutes }),
    });
    if (!ok) return;
    const reply = await this.context.bus.request('controller', 'screening.delay', { screen, minutes });
    if (reply.ok) notify(t('screens.delayed', { screen, moved: reply.result.moved ?? '?', version: reply.result.version }));
    else notify(replyText(reply), 'error');
  }

  async command(name, op) {
    const row = this.row;
    const status = row?.node?.status;
    if (!status) return;
    const on = name === 'blackout' ? !status.blackout : undefined;
    const what = name === 'blackout' ? (on ? 'blackoutOn' : 'blackoutOff') : name;
    const item = filmTitle(status.item);
    const confirmed = await confirmAction({
      title: t(`confirm.${what}.title`, { screen: row.id }),
      message: t(`confirm.${what}.message`, { screen: row.id, item: item || t('screens.noItem') }),
      confirmLabel: t(`confirm.${what}.button`),
      tone: name === 'resume' ? 'primary' : 'danger',
    });
    if (!confirmed) return;
    const args = name === 'blackout' ? { on } : {};
    const reply = await this.context.bus.request(`node/${row.node.account}`, op, args);
    if (!reply.ok) {
      notify(t('screens.commandFailed', { screen: row.id, reason: replyText(reply) }), 'error');
      return;
    }
    if (name === 'resume' && reply.result.delayMs > 0) {
      const minutes = Math.ceil(reply.result.delayMs / 60000);
      notify(t('screens.resumedBehind', { screen: row.id, delay: duration(reply.result.delayMs) }), 'warn',
        { label: t('screens.delayLater', { minutes }), run: () => this.delayLater(row.id, minutes) });
    } else {
      notify(t(`screens.done.${what}`, { screen: row.id }));
    }
  }
}

function mediaRow(f, tz, programme) {
  const film = programme?.films?.find((candidate) => candidate.id === f.film);
  const severity = f.checked ? (f.severity ?? 'ok') : 'pending';
  const picture = f.videoCodec
    ? `${f.videoCodec} · ${f.width}×${f.height}${f.fps ? ` · ${f.fps} fps` : ''}${f.decoder ? ` · ${f.decoder}${f.hardware ? ` (${t('screens.hardware')})` : ''}` : ''}`
    : '';
  const sound = f.audioCodec
    ? `${f.audioCodec} · ${f.audioChannels} ch${f.loudnessLufs !== undefined ? ` · ${f.loudnessLufs} LUFS → ${f.gainDb >= 0 ? '+' : ''}${f.gainDb} dB` : ''}`
    : '';
  const runs = f.durationMs !== undefined && f.durationMs >= 0 ? `${duration(f.durationMs)} / ${t('screens.slot')} ${duration(f.runtimeMs ?? 0)}` : '';
  return h('li', { class: `media-row media-${severity}`, dataset: { severity, film: f.film ?? '' } },
    h('div', { class: 'media-title' },
      h('span', { class: `pill media-pill media-pill-${severity}` }, t(`media.${severity}`)),
      h('strong', {}, film ? filmTitle(film) : (f.film ?? f.file)),
      film ? h('span', { class: 'muted' }, ` ${f.film}`) : null,
      f.startUs ? h('span', { class: 'muted' }, ` ${f.screening ?? ''} · ${clockTime(f.startUs / 1000, tz)}`) : null),
    h('div', { class: 'media-facts' }, [runs, picture, sound, f.subtitles?.length ? `${t('screens.subtitles')} ${f.subtitles.join(' + ')}` : '']
      .filter(Boolean).join('  ·  ')),
    (f.problems ?? []).length ? h('ul', { class: 'problems' }, f.problems.map((p) => h('li', {}, p))) : null);
}

function countdown(ms) {
  const dayMs = 24 * 3600 * 1000;
  if (ms < dayMs) return t('screens.in', { time: duration(ms) });
  return t('screens.inDays', { days: Math.floor(ms / dayMs), time: duration(ms % dayMs) });
}

function fact(label, value, bad, role) {
  return h('div', { class: bad ? 'fact fact-bad' : 'fact', dataset: { fact: role } }, h('dt', {}, label), h('dd', {}, value));
}

function formatMicros(us) {
  if (typeof us !== 'number') return '?';
  if (Math.abs(us) >= 1000) return `${(us / 1000).toFixed(1)} ms`;
  return `${Math.round(us)} µs`;
}

// The player stamps its status on the show clock; a retained copy without a stamp says
// nothing about when it was sent, so it shows no age rather than a wrong one.
function lastReport(node, showNow, tz) {
  if (!node) return '—';
  if (node.status.state === 'offline') {
    // The Will carries no stamp: the moment it arrived is when the broker gave up on it.
    const since = showNow - (Date.now() - node.receivedAt);
    return node.retained ? '—' : t('screens.offlineSince', { time: clockTime(since, tz, true) });
  }
  const sent = Date.parse(node.status.sentAt ?? '');
  if (!Number.isNaN(sent)) return ago(showNow - sent);
  return node.retained ? '—' : ago(Date.now() - node.receivedAt);
}

function ago(elapsedMs) {
  const seconds = Math.max(0, Math.round(elapsedMs / 1000));
  return seconds < 60 ? t('ago.seconds', { n: seconds }) : t('ago.minutes', { n: Math.round(seconds / 60) });
}

