// Ceremony: the stage manager's view. Current and next cue, a large GO, back, blackout,
// and which nodes have applied the latest state (their status carries ceremony.seq).
import { h, replaceChildren } from '../element.js';
import { t } from '../i18n.js';
import { confirmAction, notify } from '../dialog.js';
import { replyText } from '../replytext.js';
import { pick } from '../text.js';
import { clockTime } from '../festivaltime.js';

export class CeremonyPage {
  constructor(context) {
    this.context = context;
    this.status = null;
    this.statusError = null;
    this.busy = false;
    this.seenSeq = null;
    this.onKey = (event) => this.key(event);
  }

  mount(container) {
    this.cues = h('div', { class: 'cue-pair' });
    this.go = h('button', { type: 'button', class: 'btn go-button', id: 'ceremony-go', onclick: () => this.step('ceremony.go') }, t('ceremony.go'));
    this.back = h('button', { type: 'button', class: 'btn btn-large', id: 'ceremony-back', onclick: () => this.step('ceremony.back') }, t('ceremony.back'));
    this.blackout = h('button', { type: 'button', class: 'btn btn-large btn-danger', id: 'ceremony-blackout', onclick: () => this.toggleBlackout() }, t('ceremony.blackout'));
    this.load = h('button', { type: 'button', class: 'btn btn-large', id: 'ceremony-load', onclick: () => this.generate() }, t('ceremony.generate'));
    this.summary = h('p', { class: 'page-summary', role: 'status', id: 'ceremony-summary' });
    this.message = h('p', { class: 'error-text', role: 'alert' });
    this.followers = h('section', { class: 'panel', 'aria-labelledby': 'followers-title' });
    replaceChildren(container,
      h('div', { class: 'page-head' }, h('h1', {}, t('ceremony.title')), this.summary),
      h('div', { class: 'ceremony-stage' },
        this.cues,
        h('div', { class: 'ceremony-controls' }, this.go, h('div', { class: 'ceremony-secondary' }, this.back, this.blackout, this.load),
          h('p', { class: 'muted' }, this.context.role === 'staff' ? t('ceremony.organisersOnly') : t('ceremony.keys')), this.message)),
      this.followers);
    document.addEventListener('keydown', this.onKey);
    this.refresh();
  }

  unmount() {
    document.removeEventListener('keydown', this.onKey);
  }

  key(event) {
    if (event.target.closest?.('input, textarea, select, dialog') || event.repeat) return;
    if (event.key === 'g' || event.key === 'G') this.step('ceremony.go');
  }

  async refresh() {
    const reply = await this.context.bus.request('controller', 'ceremony.status', {});
    this.status = reply.ok ? reply.result : null;
    this.statusError = reply.ok ? null : reply;
    this.render();
  }

  update(what) {
    const live = this.context.state.ceremony;
    if (live && live.seq !== this.seenSeq) {
      this.seenSeq = live.seq;
      this.refresh();
      return;
    }
    if (what === 'nodes' || what === 'all') this.render();
  }

  render() {
    if (!this.cues) return;
    const status = this.status;
    const live = this.context.state.ceremony;
    const organiser = this.context.role !== 'staff';
    if (!status) {
      const code = this.statusError?.error?.code;
      this.summary.textContent = code === 'no_cue_list' ? t('ceremony.noCueList') : (this.statusError ? replyText(this.statusError) : t('loading'));
      replaceChildren(this.cues, cueCard(t('ceremony.current'), null, 'current', null), cueCard(t('ceremony.next'), null, 'next', null));
    } else {
      const position = status.active ? t('ceremony.position', { index: (status.index ?? 0) + 1, count: status.count ?? 0 })
        : t('ceremony.notRunning', { count: status.count ?? 0 });
      this.summary.textContent = `${position}${status.blackout ? ` · ${t('ceremony.blackedOut')}` : ''} · seq ${status.seq ?? 0}`;
      replaceChildren(this.cues,
        cueCard(t('ceremony.current'), status.current, 'current', this.context.state.programme?.programme),
        cueCard(t('ceremony.next'), status.next, 'next', this.context.state.programme?.programme));
    }
    const running = Boolean(status?.active);
    this.go.disabled = this.busy || !organiser || !status || (running && !status.next);
    this.go.textContent = running ? t('ceremony.go') : t('ceremony.start');
    this.back.disabled = this.busy || !organiser || !running || (status?.index ?? 0) === 0;
    this.blackout.disabled = this.busy || !organiser || !running;
    this.blackout.textContent = status?.blackout ? t('ceremony.blackoutOff') : t('ceremony.blackout');
    this.blackout.setAttribute('aria-pressed', status?.blackout ? 'true' : 'false');
    this.load.hidden = !organiser || running || (status && status.count > 0);
    this.renderFollowers(status?.seq ?? live?.seq ?? null);
  }

  renderFollowers(seq) {
    const { state } = this.context;
    const tz = state.timeZone();
    const followers = [...state.nodes.values()].filter((node) => node.status.ceremony && typeof node.status.ceremony === 'object');
    const rows = followers.sort((a, b) => a.account.localeCompare(b.account)).map((node) => {
      const applied = node.status.ceremony.seq;
      const offline = node.status.state === 'offline';
      const inStep = !offline && seq !== null && applied >= seq;
      return h('tr', { dataset: { account: node.account, inStep: String(inStep) } },
        h('th', { scope: 'row' }, node.account),
        h('td', {}, t(`role.${node.status.role}`)),
        h('td', {}, String(applied ?? '—')),
        h('td', {}, node.status.ceremony.appliedAtUs ? clockTime(node.status.ceremony.appliedAtUs / 1000, tz, true) : '—'),
        h('td', {}, h('span', { class: `pill ${inStep ? 'pill-ok' : 'pill-bad'}` }, offline ? t('state.offline') : inStep ? t('ceremony.inStep') : t('ceremony.behind'))));
    });
    replaceChildren(this.followers,
      h('h2', { id: 'followers-title' }, t('ceremony.followers')),
      rows.length ? h('table', { class: 'table', id: 'followers' },
        h('thead', {}, h('tr', {}, ['node', 'role', 'seq', 'applied', 'state'].map((k) => h('th', { scope: 'col' }, t(`ceremony.col.${k}`))))),
        h('tbody', {}, rows)) : h('p', { class: 'muted' }, t('ceremony.noFollowers')));
  }

  async step(op) {
    if (this.busy || (op === 'ceremony.go' && this.go.disabled)) return;
    await this.send(op, {});
  }

  async toggleBlackout() {
    const on = !this.status?.blackout;
    const ok = await confirmAction({
      title: on ? t('ceremony.blackoutTitle') : t('ceremony.blackoutOffTitle'),
      message: on ? t('ceremony.blackoutMessage') : t('ceremony.blackoutOffMessage'),
      confirmLabel: on ? t('ceremony.blackout') : t('ceremony.blackoutOff'),
      tone: 'danger',
    });
    if (ok) await this.send('ceremony.blackout', { on });
  }

  async generate() {
    const ok = await confirmAction({
      title: t('ceremony.generateTitle'), message: t('ceremony.generateMessage'), confirmLabel: t('ceremony.generate'),
    });
    if (ok) await this.send('ceremony.load', { generate: true });
  }

  async send(op, args) {
    this.busy = true;
    this.render();
    const reply = await this.context.bus.request('controller', op, args);
    this.busy = false;
    if (reply.ok) {
      this.status = reply.result;
      this.statusError = null;
      this.message.textContent = '';
    } else {
      this.message.textContent = replyText(reply);
      notify(replyText(reply), 'error');
    }
    this.render();
  }
}

function cueCard(label, cue, role, programme) {
  const award = programme?.awards?.find((a) => a.id === cue?.category);
  return h('section', { class: `cue cue-${role}`, dataset: { cue: role }, 'aria-label': label },
    h('h2', { class: 'cue-label' }, label),
    cue ? [
      h('p', { class: 'cue-index' }, `#${(cue.index ?? 0) + 1} · ${t(`cue.${cue.type}`)}`, award ? ` · ${pick(award.name, award.id)}` : ''),
      h('p', { class: 'cue-heading' }, cueHeading(cue, award, programme)),
    ] : h('p', { class: 'cue-heading muted' }, '—'));
}

// A cue summary names ids only; its text comes from the programme, as on the nodes.
function cueHeading(cue, award, programme) {
  if (cue.heading) return pick(cue.heading);
  if (cue.film) {
    const film = programme?.films?.find((f) => f.id === cue.film);
    return film ? pick(film.title, film.originalTitle ?? cue.film) : cue.film;
  }
  if (award) return cue.type === 'reveal' ? t('ceremony.reveal', { award: pick(award.name, award.id) }) : pick(award.name, award.id);
  return cue.category ?? '';
}
