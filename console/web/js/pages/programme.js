// Programme: a day's timeline per screen, screening dialogs (move, delay, cancel), the
// import of a whole programme or a screenings CSV, and who changed what last.
import { h, replaceChildren } from '../element.js';
import { t } from '../i18n.js';
import { confirmAction, formDialog, field, notify } from '../dialog.js';
import { replyText } from '../replytext.js';
import { pick } from '../text.js';
import { dayKey, clockTime, dateTime, localInputValue, isoFromLocalInput } from '../festivaltime.js';
import { readProgrammeFile } from '../programmefile.js';

const hourMs = 3600 * 1000;

export class ProgrammePage {
  constructor(context, params) {
    this.context = context;
    this.day = params.get('day');
    this.audit = null;
    this.auditVersion = null;
    this.importResult = null;
  }

  mount(container) {
    this.container = container;
    this.head = h('p', { class: 'page-summary', id: 'programme-version' });
    this.days = h('div', { class: 'day-tabs', role: 'group', 'aria-label': t('programme.days') });
    this.timeline = h('div', { class: 'timeline-wrap' });
    this.changes = h('section', { class: 'panel', 'aria-labelledby': 'changes-title' });
    this.importPanel = h('section', { class: 'panel', 'aria-labelledby': 'import-title' });
    replaceChildren(container,
      h('div', { class: 'page-head' }, h('h1', {}, t('programme.title')), this.head),
      this.days, this.timeline,
      h('div', { class: 'two-columns' }, this.changes, this.importPanel));
    this.renderImport();
    this.update();
  }

  update(what = 'all') {
    if (what !== 'programme' && what !== 'all') return;
    const { state } = this.context;
    const programme = state.programme;
    if (!programme) {
      replaceChildren(this.head, t('programme.waiting'));
      replaceChildren(this.timeline, h('p', { class: 'empty' }, t('programme.none')));
      this.renderChanges();
      return;
    }
    const tz = state.timeZone();
    this.head.textContent = t('programme.version', {
      version: programme.version,
      at: programme.committedAtUs ? dateTime(programme.committedAtUs / 1000, tz) : '?',
    });
    const screenings = programme.programme?.screenings ?? [];
    const days = [...new Set(screenings.map((s) => dayKey(Date.parse(s.start), tz)))].sort();
    const today = dayKey(state.now(), tz);
    if (!days.includes(this.day)) this.day = days.includes(today) ? today : days[0];
    replaceChildren(this.days, days.map((day) => h('button', {
      type: 'button', class: 'tab', 'aria-pressed': day === this.day ? 'true' : 'false',
      onclick: () => { this.day = day; this.update(); },
    }, day)));
    this.renderTimeline(programme.programme, screenings.filter((s) => dayKey(Date.parse(s.start), tz) === this.day), tz);
    if (this.auditVersion !== programme.version) this.loadAudit(programme.version);
    this.renderChanges();
  }

  tick() {
    const line = this.timeline.querySelector('.now-line');
    if (line && this.range) line.style.left = `${this.percent(this.context.state.now())}%`;
  }

  percent(ms) {
    return ((ms - this.range.start) / (this.range.end - this.range.start)) * 100;
  }

  renderTimeline(programme, screenings, tz) {
    if (screenings.length === 0) {
      replaceChildren(this.timeline, h('p', { class: 'empty' }, t('programme.noScreenings')));
      return;
    }
    const starts = screenings.map((s) => Date.parse(s.start));
    const ends = screenings.map((s) => Date.parse(s.end));
    const start = Math.floor(Math.min(...starts) / hourMs) * hourMs;
    const end = Math.ceil(Math.max(...ends) / hourMs) * hourMs;
    this.range = { start, end };
    const hours = [];
    for (let at = start; at <= end; at += hourMs) hours.push(at);
    const screens = (programme.screens ?? []).filter((screen) => screenings.some((s) => s.screen === screen.id));
    const now = this.context.state.now();
    const rows = screens.map((screen) => h('div', { class: 'timeline-row', role: 'row' },
      h('div', { class: 'timeline-label', role: 'rowheader' }, h('strong', {}, screen.id), h('span', {}, pick(screen.name))),
      h('div', { class: 'timeline-track', role: 'cell' },
        hours.map((at) => h('span', { class: 'hour-line', style: { left: `${this.percent(at)}%` } })),
        screenings.filter((s) => s.screen === screen.id).map((s) => this.block(s, programme, tz)),
        now >= start && now <= end ? h('span', { class: 'now-line', style: { left: `${this.percent(now)}%` }, title: t('programme.now') }) : null)));
    replaceChildren(this.timeline,
      h('div', { class: 'timeline', role: 'table', 'aria-label': t('programme.timelineOf', { day: this.day }) },
        h('div', { class: 'timeline-row timeline-axis', role: 'row' },
          h('div', { class: 'timeline-label', role: 'columnheader' }, tz),
          h('div', { class: 'timeline-track', role: 'columnheader' },
            hours.map((at) => h('span', { class: 'hour-tick', style: { left: `${this.percent(at)}%` } }, clockTime(at, tz))))),
        rows));
  }

  block(screening, programme, tz) {
    const start = Date.parse(screening.start);
    const end = Date.parse(screening.end);
    const cancelled = screening.status === 'cancelled';
    const title = screeningTitle(screening, programme);
    return h('button', {
      type: 'button',
      class: cancelled ? 'block block-cancelled' : 'block',
      dataset: { screening: screening.id },
      style: { left: `${this.percent(start)}%`, width: `${Math.max(this.percent(end) - this.percent(start), 0.4)}%` },
      title: `${screening.id} ${clockTime(start, tz)}–${clockTime(end, tz)} ${title}`,
      'aria-label': `${screening.id}, ${clockTime(start, tz)}–${clockTime(end, tz)}, ${title}${cancelled ? `, ${t('programme.cancelled')}` : ''}`,
      onclick: () => this.openScreening(screening.id),
    }, h('span', { class: 'block-time' }, clockTime(start, tz)), h('span', { class: 'block-title' }, title));
  }

  async openScreening(id) {
    const { state } = this.context;
    const programme = state.programme?.programme;
    const screening = programme?.screenings?.find((s) => s.id === id);
    if (!screening) return;
    const tz = state.timeZone();
    const organiser = this.context.role !== 'staff';
    const history = (this.audit ?? []).filter((entry) => mentions(entry, id)).slice(0, 5);
    const films = screening.films.map((filmId) => {
      const film = programme.films?.find((f) => f.id === filmId);
      return h('li', {}, `${filmId} · ${pick(film?.title, film?.originalTitle ?? filmId)}`);
    });
    const choice = await new Promise((resolve) => {
      const choose = (value) => () => { dialog.close(value); };
      const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'dialog-title' },
        h('h2', { id: 'dialog-title' }, `${screening.id} · ${screeningTitle(screening, programme)}`),
        h('p', { class: 'dialog-message' }, `${screening.screen} · ${dateTime(Date.parse(screening.start), tz)} – ${clockTime(Date.parse(screening.end), tz)}`,
          screening.status === 'cancelled' ? ` · ${t('programme.cancelled')}` : ''),
        h('ul', { class: 'film-list' }, films),
        h('h3', {}, t('programme.history')),
        history.length ? h('ul', { class: 'history' }, history.map((e) => h('li', {}, auditLine(e, tz))))
          : h('p', { class: 'muted' }, this.context.role === 'staff' ? t('programme.historyOrganisers') : t('programme.noHistory')),
        h('div', { class: 'dialog-actions' },
          h('button', { type: 'button', class: 'btn btn-large', onclick: choose('close') }, t('close')),
          h('button', { type: 'button', class: 'btn btn-large', onclick: choose('delay'), dataset: { action: 'delay' } }, t('programme.delay')),
          organiser ? h('button', { type: 'button', class: 'btn btn-large', onclick: choose('move'), dataset: { action: 'move' } }, t('programme.move')) : null,
          organiser && screening.status !== 'cancelled'
            ? h('button', { type: 'button', class: 'btn btn-large btn-danger', onclick: choose('cancel'), dataset: { action: 'cancel' } }, t('programme.cancel')) : null));
      dialog.addEventListener('close', () => { dialog.remove(); resolve(dialog.returnValue); });
      document.body.appendChild(dialog);
      dialog.showModal();
    });
    if (choice === 'move') await this.move(screening, tz);
    else if (choice === 'delay') await this.delay(screening, tz);
    else if (choice === 'cancel') await this.cancel(screening, programme);
  }

  async move(screening, tz) {
    const values = await formDialog({
      title: t('programme.moveTitle', { id: screening.id }),
      message: t('programme.moveMessage', { tz }),
      fields: [field(t('programme.newStart'), h('input', { type: 'datetime-local', name: 'to', required: true, step: 60,
        value: localInputValue(Date.parse(screening.start), tz) }))],
      confirmLabel: t('programme.move'),
      validate: (v) => (isoFromLocalInput(v.to, tz) ? '' : t('programme.needTime')),
    });
    if (!values) return;
    await this.change('screening.move', { id: screening.id, to: isoFromLocalInput(values.to, tz) });
  }

  async delay(screening, tz) {
    const values = await formDialog({
      title: t('programme.delayTitle', { id: screening.id }),
      message: t('programme.delayMessage', { screen: screening.screen, at: clockTime(Date.parse(screening.start), tz) }),
      fields: [
        field(t('programme.minutes'), h('input', { type: 'number', name: 'minutes', required: true, min: -1440, max: 1440, step: 1, value: 5 }),
          t('programme.minutesHint')),
        h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'only' }), t('programme.onlyThis')),
      ],
      confirmLabel: t('programme.delay'),
      tone: 'danger',
      validate: (v) => (/^-?\d+$/.test(v.minutes) && +v.minutes !== 0 && Math.abs(+v.minutes) <= 1440 ? '' : t('programme.needMinutes')),
    });
    if (!values) return;
    await this.change('screening.delay', { screen: screening.screen, minutes: Number(values.minutes), from: screening.start, push: !values.only });
  }

  async cancel(screening, programme) {
    const ok = await confirmAction({
      title: t('programme.cancelTitle', { id: screening.id }),
      message: t('programme.cancelMessage', { title: screeningTitle(screening, programme), screen: screening.screen }),
      confirmLabel: t('programme.cancelConfirm'),
      tone: 'danger',
    });
    if (ok) await this.change('screening.cancel', { id: screening.id });
  }

  async change(op, args) {
    const reply = await this.context.bus.request('controller', op, args);
    if (!reply.ok) {
      const details = reply.error.details?.map((d) => `${d.where} ${d.field}: ${d.message}`).join('; ');
      notify(`${replyText(reply)}${details ? ` — ${details}` : ''}`, 'error');
      return;
    }
    notify(t('programme.committed', { version: reply.result.version }));
  }

  async loadAudit(version) {
    this.auditVersion = version;
    if (this.context.role === 'staff') return;
    const reply = await this.context.bus.request('controller', 'audit.list', { limit: 50 });
    if (reply.ok) this.audit = reply.result.entries ?? [];
    else this.audit = null;
    this.auditError = reply.ok ? null : reply;
    this.renderChanges();
  }

  renderChanges() {
    if (!this.changes) return;
    const tz = this.context.state.timeZone();
    let content;
    if (this.context.role === 'staff' || this.auditError?.error?.code === 'forbidden') content = h('p', { class: 'muted' }, t('programme.historyOrganisers'));
    else if (this.auditError) content = h('p', { class: 'muted' }, replyText(this.auditError));
    else if (!this.audit) content = h('p', { class: 'muted' }, t('loading'));
    else if (this.audit.length === 0) content = h('p', { class: 'muted' }, t('programme.noHistory'));
    else content = h('ol', { class: 'history', id: 'recent-changes' }, this.audit.slice(0, 8).map((e) => h('li', {}, auditLine(e, tz))));
    replaceChildren(this.changes, h('h2', { id: 'changes-title' }, t('programme.recent')), content);
  }

  renderImport() {
    const staff = this.context.role === 'staff';
    const input = h('input', { type: 'file', id: 'import-file', accept: '.json,.csv,application/json,text/csv', disabled: staff });
    const button = h('button', { type: 'button', class: 'btn btn-primary', id: 'import-button', disabled: staff,
      onclick: () => this.importFile(input.files?.[0]) }, t('import.button'));
    this.importOutcome = h('div', { class: 'import-outcome', id: 'import-outcome', 'aria-live': 'polite' });
    replaceChildren(this.importPanel,
      h('h2', { id: 'import-title' }, t('import.title')),
      h('p', { class: 'muted' }, staff ? t('import.organisersOnly') : t('import.help')),
      h('div', { class: 'import-row' }, field(t('import.file'), input), button),
      this.importOutcome);
  }

  async importFile(file) {
    if (!file) {
      replaceChildren(this.importOutcome, h('p', { class: 'error-text' }, t('import.chooseFile')));
      return;
    }
    const read = await readProgrammeFile(file);
    if (read.error) {
      replaceChildren(this.importOutcome, h('p', { class: 'error-text' }, read.error));
      return;
    }
    const ok = await confirmAction({
      title: t('import.confirmTitle'),
      message: t('import.confirmMessage', { name: file.name, summary: read.summary }),
      confirmLabel: t('import.confirmButton'),
      tone: 'danger',
    });
    if (!ok) return;
    replaceChildren(this.importOutcome, h('p', { class: 'muted' }, t('import.sending')));
    const reply = await this.context.bus.request('controller', 'programme.import', read.args);
    if (reply.ok) {
      const r = reply.result;
      replaceChildren(this.importOutcome, h('p', { class: 'ok-text' },
        t('import.done', { version: r.version, screenings: r.screenings ?? '?', films: r.films ?? '?', screens: r.screens ?? '?' })));
      return;
    }
    const details = reply.error.details ?? [];
    replaceChildren(this.importOutcome,
      h('p', { class: 'error-text', role: 'alert' }, replyText(reply)),
      details.length ? h('table', { class: 'table', id: 'import-errors' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('import.where')), h('th', { scope: 'col' }, t('import.field')), h('th', { scope: 'col' }, t('import.problem')))),
        h('tbody', {}, details.map((d) => h('tr', {}, h('td', {}, d.where ?? ''), h('td', {}, d.field ?? ''), h('td', {}, d.message ?? ''))))) : null);
  }
}

function screeningTitle(screening, programme) {
  if (screening.title) return pick(screening.title);
  const film = programme.films?.find((f) => f.id === screening.films?.[0]);
  const first = pick(film?.title, film?.originalTitle ?? screening.films?.[0] ?? '');
  return screening.films?.length > 1 ? `${first} +${screening.films.length - 1}` : first;
}

function mentions(entry, id) {
  if (entry.args?.id === id) return true;
  const after = Array.isArray(entry.after) ? entry.after : [entry.after];
  return after.some((s) => s && typeof s === 'object' && s.id === id);
}

export function auditLine(entry, tz) {
  const at = Date.parse(entry.at);
  const when = Number.isNaN(at) ? String(entry.at ?? '') : dateTime(at, tz);
  return h('span', { class: 'audit-line' },
    h('time', { datetime: entry.at ?? '' }, when), ' · ',
    h('strong', { class: 'audit-account' }, entry.account ?? '?'), ' · ',
    h('code', {}, entry.op ?? ''), ' ', summariseArgs(entry.args),
    entry.programmeVersion !== undefined ? ` → v${entry.programmeVersion}` : '');
}

export function summariseArgs(args) {
  if (!args || typeof args !== 'object') return '';
  return Object.entries(args)
    .map(([k, v]) => (v && typeof v === 'object' && typeof v.id === 'string' ? [`${k}.id`, v.id] : [k, v]))
    .filter(([, v]) => typeof v !== 'object' || v === null)
    .map(([k, v]) => `${k}=${v}`).join(' ');
}
