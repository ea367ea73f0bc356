// Audit: who changed what and when, newest first, with the entry before and after.
import { h, replaceChildren } from '../element.js';
import { t } from '../i18n.js';
import { replyText } from '../replytext.js';
import { dateTime } from '../festivaltime.js';
import { summariseArgs } from './programme.js';

export class AuditPage {
  constructor(context, params) {
    this.context = context;
    this.account = params.get('account') ?? '';
    this.limit = 200;
    this.version = null;
  }

  mount(container) {
    this.filter = h('input', { type: 'search', id: 'audit-account', value: this.account, placeholder: t('audit.anyAccount'),
      onchange: () => { this.account = this.filter.value.trim(); this.load(); } });
    this.body = h('div', { 'aria-live': 'polite' });
    replaceChildren(container,
      h('div', { class: 'page-head' }, h('h1', {}, t('audit.title')),
        h('div', { class: 'toolbar' },
          h('label', { class: 'inline-field' }, h('span', {}, t('audit.account')), this.filter),
          h('button', { type: 'button', class: 'btn', onclick: () => this.load() }, t('audit.refresh')))),
      this.body);
    this.load();
  }

  update(what) {
    const version = this.context.state.programmeVersion();
    if ((what === 'programme' || what === 'all') && version !== this.version && this.entries) this.load();
  }

  async load() {
    this.version = this.context.state.programmeVersion();
    replaceChildren(this.body, h('p', { class: 'muted' }, t('loading')));
    const args = { limit: this.limit };
    if (this.account) args.account = this.account;
    const reply = await this.context.bus.request('controller', 'audit.list', args);
    if (!reply.ok) {
      this.entries = null;
      replaceChildren(this.body, h('p', { class: 'notice' }, reply.error.code === 'forbidden' ? t('audit.organisersOnly') : replyText(reply)));
      return;
    }
    this.entries = reply.result.entries ?? [];
    const tz = this.context.state.timeZone();
    if (this.entries.length === 0) {
      replaceChildren(this.body, h('p', { class: 'empty' }, t('audit.none')));
      return;
    }
    replaceChildren(this.body, h('table', { class: 'table', id: 'audit-table' },
      h('thead', {}, h('tr', {}, ['when', 'who', 'what', 'args', 'change', 'version'].map((k) => h('th', { scope: 'col' }, t(`audit.col.${k}`))))),
      h('tbody', {}, this.entries.map((e) => h('tr', {},
        h('td', { class: 'nowrap' }, h('time', { datetime: e.at }, Number.isNaN(Date.parse(e.at)) ? e.at : dateTime(Date.parse(e.at), tz))),
        h('th', { scope: 'row' }, e.account ?? ''),
        h('td', {}, h('code', {}, e.op ?? '')),
        h('td', {}, summariseArgs(e.args)),
        h('td', {}, change(e)),
        h('td', { class: 'number' }, e.programmeVersion !== undefined ? `v${e.programmeVersion}` : '—'))))));
  }
}

// Start times before and after (moves and delays), else the size of what changed.
function change(entry) {
  const before = list(entry.before);
  const after = list(entry.after);
  const moves = after.map((a) => {
    const b = before.find((x) => x?.id === a?.id);
    if (!a?.id) return null;
    if (b?.start && a.start && b.start !== a.start) return `${a.id} ${b.start.slice(11, 16)} → ${a.start.slice(11, 16)}`;
    if (b?.status !== a.status && a.status) return `${a.id}: ${a.status}`;
    return null;
  }).filter(Boolean);
  if (moves.length) return h('details', {}, h('summary', {}, moves.slice(0, 3).join('; ') + (moves.length > 3 ? ' …' : '')),
    h('pre', { class: 'json' }, JSON.stringify({ before: entry.before, after: entry.after }, null, 1)));
  if (entry.before === null && entry.after === null) return '';
  return h('details', {}, h('summary', {}, t('audit.details')), h('pre', { class: 'json' }, JSON.stringify({ before: entry.before, after: entry.after }, null, 1).slice(0, 4000)));
}

function list(value) {
  if (Array.isArray(value)) return value;
  return value && typeof value === 'object' ? [value] : [];
}
