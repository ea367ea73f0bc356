// Voting: every screening of the day with its window (open, closed, not yet open), open
// and close by hand, and the sealed live results for organisers. Results are on a topic
// only organisers may read: when nothing arrives, the account may not see them.
import { h, replaceChildren } from '../element.js';
import { t } from '../i18n.js';
import { confirmAction, notify } from '../dialog.js';
import { replyText } from '../replytext.js';
import { pick } from '../text.js';
import { dayKey, clockTime, dateTime } from '../festivaltime.js';

const resultsWaitMs = 3000;

export class VotingPage {
  constructor(context) {
    this.context = context;
    this.fetched = null;
    this.fetchState = 'waiting';
  }

  mount(container) {
    this.summary = h('p', { class: 'page-summary' });
    this.windows = h('section', { class: 'panel', 'aria-labelledby': 'windows-title' });
    this.resultsPanel = h('section', { class: 'panel', id: 'results', 'aria-labelledby': 'results-title' });
    replaceChildren(container,
      h('div', { class: 'page-head' }, h('h1', {}, t('voting.title')), this.summary),
      h('div', { class: 'two-columns wide-left' }, this.windows, this.resultsPanel));
    this.fetchResults();
    this.waitTimer = setTimeout(() => this.update(), resultsWaitMs);
    this.update();
  }

  unmount() {
    clearTimeout(this.waitTimer);
  }

  async fetchResults() {
    if (this.context.role === 'staff') {
      this.fetchState = 'forbidden';
      return;
    }
    const reply = await this.context.bus.request('controller', 'results.get', {});
    this.fetchState = reply.ok ? 'ok' : (reply.error.code === 'forbidden' ? 'forbidden' : 'failed');
    if (reply.ok) this.fetched = { ...reply.result, receivedAt: Date.now() };
    this.update();
  }

  results() {
    const live = this.context.state.results;
    if (live && (!this.fetched || live.receivedAt >= this.fetched.receivedAt)) return live;
    return this.fetched;
  }

  update(what = 'all') {
    if (!['voting', 'results', 'programme', 'all'].includes(what)) return;
    const { state } = this.context;
    const tz = state.timeZone();
    const programme = state.programme?.programme;
    const windows = new Map((state.voting?.screenings ?? []).map((w) => [w.screening, w]));
    const results = this.results();
    const votesByFilm = new Map((results?.films ?? []).map((f) => [f.film, f.votes]));
    const today = dayKey(state.now(), tz);
    const screenings = (programme?.screenings ?? [])
      .filter((s) => s.status !== 'cancelled' && (windows.has(s.id) || dayKey(Date.parse(s.start), tz) === today))
      .sort((a, b) => order(windows.get(a.id)) - order(windows.get(b.id)) || Date.parse(a.start) - Date.parse(b.start));
    const open = [...windows.values()].filter((w) => w.state === 'open').length;
    this.summary.textContent = t('voting.summary', { open, closed: windows.size - open });

    const organiser = this.context.role !== 'staff';
    const rows = screenings.map((s) => {
      const w = windows.get(s.id);
      const stateName = w?.state ?? 'notYet';

      return h('tr', { dataset: { screening: s.id, window: stateName } },
        h('th', { scope: 'row' }, s.id),
        h('td', {}, filmsTitle(s, programme)),
        h('td', { class: 'nowrap' }, `${s.screen} · ${clockTime(Date.parse(s.start), tz)}`),
        h('td', {}, h('span', { class: `pill window-${stateName}` }, t(`voting.state.${stateName}`)), w?.manual ? ` ${t('voting.manual')}` : ''),
        h('td', {}, w?.closesAt ? clockTime(Date.parse(w.closesAt), tz) : (w?.state === 'open' ? t('voting.heldOpen') : '—')),
        h('td', { class: s.films.length > 1 ? '' : 'number' }, results ? filmVotes(s, votesByFilm, programme) : '—'),
        h('td', {}, organiser ? h('button', {
          type: 'button', class: stateName === 'open' ? 'btn btn-danger' : 'btn',
          onclick: () => this.toggle(s, stateName === 'open'),
        }, stateName === 'open' ? t('voting.close') : t('voting.open')) : ''));
    });
    replaceChildren(this.windows,
      h('h2', { id: 'windows-title' }, t('voting.windows')),
      h('p', { class: 'muted' }, results ? t('voting.countsNote') : t('voting.countsOrganisers')),
      rows.length ? h('table', { class: 'table', id: 'voting-table' },
        h('thead', {}, h('tr', {}, ['screening', 'films', 'where', 'window', 'closes', 'votes', 'action'].map((k) => h('th', { scope: 'col' }, t(`voting.col.${k}`))))),
        h('tbody', {}, rows)) : h('p', { class: 'empty' }, t('voting.noScreenings')));
    this.renderResults(results, programme, tz);
  }

  renderResults(results, programme, tz) {
    const waited = Date.now() - this.context.state.subscribedAt >= resultsWaitMs;
    let content;
    if (results) {
      const films = results.films ?? [];
      content = [
        h('p', { class: 'muted' }, t('voting.resultsMeta', { votes: results.votes ?? 0, minimum: results.minimumVotes ?? '?',
          at: dateTime(results.receivedAt, tz) })),
        films.length ? h('table', { class: 'table', id: 'results-table' },
          h('thead', {}, h('tr', {}, ['rank', 'film', 'votes', 'mean', 'weighted'].map((k) => h('th', { scope: 'col' }, t(`results.${k}`))))),
          h('tbody', {}, films.map((f, i) => h('tr', {},
            h('td', { class: 'number' }, String(i + 1)),
            h('td', {}, filmName(f.film, programme), f.provisional ? h('span', { class: 'pill pill-quiet' }, t('results.provisional')) : ''),
            h('td', { class: 'number' }, String(f.votes)),
            h('td', { class: 'number' }, Number(f.mean ?? 0).toFixed(2)),
            h('td', { class: 'number' }, Number(f.weighted ?? 0).toFixed(2))))))
          : h('p', { class: 'empty' }, t('results.noVotes')),
      ];
    } else if (this.fetchState === 'forbidden' || (waited && this.fetchState !== 'ok' && this.fetchState !== 'waiting')) {
      content = h('p', { class: 'notice', id: 'results-unavailable' }, t('results.unavailable'));
    } else {
      content = h('p', { class: 'muted' }, t('loading'));
    }
    replaceChildren(this.resultsPanel, h('h2', { id: 'results-title' }, t('results.title')), content);
  }

  async toggle(screening, isOpen) {
    const what = isOpen ? 'close' : 'open';
    const ok = await confirmAction({
      title: t(`voting.${what}Title`, { id: screening.id }),
      message: t(`voting.${what}Message`, { id: screening.id }),
      confirmLabel: t(`voting.${what}`),
      tone: isOpen ? 'danger' : 'primary',
    });
    if (!ok) return;
    const reply = await this.context.bus.request('controller', `voting.${what}`, { screening: screening.id });
    if (reply.ok) notify(t(`voting.${what}Done`, { id: screening.id }));
    else notify(replyText(reply), 'error');
  }
}

function order(window) {
  return window?.state === 'open' ? 0 : window ? 2 : 1;
}

function filmName(id, programme) {
  const film = programme?.films?.find((f) => f.id === id);
  return `${pick(film?.title, film?.originalTitle ?? id)}`;
}

// Counted votes per film (pooled over a film's screenings): one number for a feature, a
// line per film for a block of shorts, whose ballots rate any or all of its films.
function filmVotes(screening, votesByFilm, programme) {
  if (screening.films.length === 1) return String(votesByFilm.get(screening.films[0]) ?? 0);
  return h('ul', { class: 'film-votes' }, screening.films.map((f) => h('li', { dataset: { film: f } },
    h('span', {}, filmName(f, programme)), h('span', { class: 'number' }, String(votesByFilm.get(f) ?? 0)))));
}

function filmsTitle(screening, programme) {
  if (screening.title) return pick(screening.title);
  return screening.films.map((f) => filmName(f, programme)).join(' · ');
}
