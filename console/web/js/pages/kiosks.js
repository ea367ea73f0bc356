// Kiosks: online state, ballots waiting in each kiosk's outbox, and last contact. Kiosks
// publish their status only when something changes, so last contact comes from the
// controller's node registry (nodes.list lastSeen), refreshed while the page is open.
import { h, replaceChildren } from '../element.js';
import { t } from '../i18n.js';
import { dateTime } from '../festivaltime.js';

const refreshMs = 10000;

export class KiosksPage {
  constructor(context) {
    this.context = context;
    this.lastSeen = new Map();
  }

  mount(container) {
    this.summary = h('p', { class: 'page-summary', role: 'status' });
    this.body = h('div', {});
    replaceChildren(container, h('div', { class: 'page-head' }, h('h1', {}, t('kiosks.title')), this.summary), this.body);
    this.refresh();
    this.timer = setInterval(() => this.refresh(), refreshMs);
    this.update();
  }

  unmount() {
    clearInterval(this.timer);
  }

  async refresh() {
    const reply = await this.context.bus.request('controller', 'nodes.list', {});
    if (!reply.ok) return;
    for (const node of reply.result.nodes ?? []) this.lastSeen.set(node.account, node.lastSeen);
    this.update();
  }

  update(what = 'all') {
    if (what !== 'nodes' && what !== 'all') return;
    const { state } = this.context;
    const tz = state.timeZone();
    const kiosks = state.nodesWithRole('kiosk').sort((a, b) => offlineFirst(a, b) || a.account.localeCompare(b.account));
    const offline = kiosks.filter((k) => k.status.state === 'offline').length;
    const queued = kiosks.reduce((sum, k) => sum + (queuedBallots(k.status) ?? 0), 0);
    this.summary.textContent = t('kiosks.summary', { total: kiosks.length, offline, queued });
    if (kiosks.length === 0) {
      replaceChildren(this.body, h('p', { class: 'empty' }, t('kiosks.none')));
      return;
    }
    replaceChildren(this.body, h('table', { class: 'table', id: 'kiosk-table' },
      h('thead', {}, h('tr', {}, ['kiosk', 'venue', 'state', 'queued', 'version', 'lastContact'].map((k) => h('th', { scope: 'col' }, t(`kiosks.col.${k}`))))),
      h('tbody', {}, kiosks.map((k) => {
        const s = k.status;
        const offlineNow = s.state === 'offline';
        const queuedNow = queuedBallots(s);
        const seen = this.lastSeen.get(k.account);
        return h('tr', { class: offlineNow ? 'row-bad' : '', dataset: { account: k.account } },
          h('th', { scope: 'row' }, k.account),
          h('td', {}, s.venue ?? '—'),
          h('td', {}, h('span', { class: `pill ${offlineNow ? 'pill-bad' : 'pill-ok'}` }, t(`state.${offlineNow ? 'offline' : 'online'}`))),
          h('td', { class: queuedNow ? 'number warn-text' : 'number' }, queuedNow === null ? '—' : String(queuedNow)),
          h('td', { class: 'number' }, s.programmeVersion !== undefined ? `v${s.programmeVersion}` : '—'),
          h('td', {}, seen ? dateTime(Date.parse(seen), tz) : dateTime(k.receivedAt, tz)));
      }))));
  }
}

// docs/protocol.md names the field "outbox"; festival-kiosk publishes "outboxPending".
function queuedBallots(status) {
  const value = status.outboxPending ?? status.outbox;
  return typeof value === 'number' ? value : null;
}

function offlineFirst(a, b) {
  return (b.status.state === 'offline') - (a.status.state === 'offline');
}
