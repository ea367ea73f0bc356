// The console's entry point: session, WebSocket, hash router, the page in view, the
// banner that counts screens in trouble on every page, and the language switch.
import { h, replaceChildren } from './element.js';
import { t, hasKey, language, setLanguage, applyStaticText } from './i18n.js';
import { Bus } from './bus.js';
import { FestivalState, topics } from './festivalstate.js';
import { Router } from './router.js';
import { currentSession, logOut } from './session.js';
import { troubleCount } from './screenhealth.js';
import { pick } from './text.js';
import { LoginPage } from './pages/login.js';
import { ScreensPage } from './pages/screens.js';
import { ProgrammePage } from './pages/programme.js';
import { VotingPage } from './pages/voting.js';
import { CeremonyPage } from './pages/ceremony.js';
import { KiosksPage } from './pages/kiosks.js';
import { AuditPage } from './pages/audit.js';

const pages = { screens: ScreensPage, programme: ProgrammePage, voting: VotingPage, ceremony: CeremonyPage, kiosks: KiosksPage, audit: AuditPage };

class ConsoleApp {
  constructor() {
    this.main = document.getElementById('main');
    this.topbar = document.querySelector('.topbar');
    this.banner = document.getElementById('banner');
    this.bus = new Bus();
    this.state = new FestivalState();
    this.router = new Router(Object.keys(pages), 'screens');
    this.page = null;
    this.session = null;
    this.role = 'unknown';
    this.pendingUpdate = new Set();
    this.wire();
  }

  context() {
    return {
      bus: this.bus,
      state: this.state,
      role: this.role,
      user: this.session?.user,
      router: this.router,
      onLoggedIn: (session) => this.start(session),
      languageButton: () => h('button', { type: 'button', class: 'btn btn-quiet', lang: language() === 'en' ? 'zh-Hant' : 'en',
        onclick: () => this.toggleLanguage() }, t('otherLanguage')),
    };
  }

  wire() {
    document.getElementById('language-toggle').addEventListener('click', () => this.toggleLanguage());
    document.getElementById('logout').addEventListener('click', () => this.logout());
    this.router.onChange(() => this.session && this.showPage());
    this.bus.addEventListener('message', (event) => this.state.apply(event.detail));
    this.bus.addEventListener('hello', (event) => this.onHello(event.detail));
    this.bus.addEventListener('bus', () => this.renderIndicator());
    this.bus.addEventListener('closed', () => this.renderIndicator());
    this.bus.addEventListener('reconnect-due', () => this.reconnect());
    this.bus.addEventListener('expired', (event) => this.showLogin(endedText(event.detail.reason)));
    this.state.addEventListener('change', (event) => this.scheduleUpdate(event.detail.what));
    setInterval(() => this.tick(), 1000);
  }

  async boot() {
    applyStaticText();
    const session = await currentSession();
    if (session) this.start(session);
    else this.showLogin();
  }

  start(session) {
    this.session = session;
    this.role = 'unknown';
    this.state.reset();
    for (const filter of Object.values(topics)) this.bus.subscribe(filter);
    this.bus.connect();
    this.topbar.hidden = false;
    document.getElementById('user-name').textContent = session.user ?? '';
    this.renderNav();
    this.renderIndicator();
    if (!location.hash || location.hash === '#/login') this.router.go('screens');
    else this.showPage();
  }

  async onHello(hello) {
    this.state.subscribedAt = Date.now();
    this.renderIndicator();
    if (hello.user && hello.user !== this.session?.user) document.getElementById('user-name').textContent = hello.user;
    if (this.role === 'unknown') {
      // Which role the controller gives this account decides which actions the pages
      // offer; the audit log is for organisers only. The controller checks every request anyway.
      const reply = await this.bus.request('controller', 'audit.list', { limit: 1 });
      this.role = reply.ok ? 'organiser' : (reply.error.code === 'forbidden' ? 'staff' : 'unknown');
      document.body.dataset.role = this.role;
    }
    // Mounted again on every (re)connection: requests a page made while the socket was
    // down come back as "not connected", and the role may now be known.
    if (this.session) this.showPage();
  }

  async reconnect() {
    const session = await currentSession();
    if (!session) {
      this.showLogin(t('login.sessionEnded'));
      return;
    }
    this.bus.connect();
  }

  async logout() {
    this.bus.disconnect();
    await logOut();
    this.showLogin();
  }

  showLogin(reason) {
    this.bus.disconnect();
    this.session = null;
    this.unmountPage();
    this.topbar.hidden = true;
    this.banner.hidden = true;
    document.title = t('login.title');
    this.page = new LoginPage(this.context(), reason);
    this.page.mount(this.main);
  }

  showPage() {
    this.unmountPage();
    const { name, params } = this.router.current();
    this.current = name;
    this.page = new pages[name](this.context(), params);
    this.page.mount(this.main);
    document.title = `${t(`nav.${name}`)} · ${t('appTitle')}`;
    for (const link of document.querySelectorAll('#nav a')) {
      if (link.dataset.page === name) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    this.renderBanner();
  }

  unmountPage() {
    this.page?.unmount?.();
    this.page = null;
    replaceChildren(this.main);
  }

  scheduleUpdate(what) {
    this.pendingUpdate.add(what);
    if (this.pendingUpdate.size > 1) return;
    requestAnimationFrame(() => {
      const changes = [...this.pendingUpdate];
      this.pendingUpdate.clear();
      if (!this.session) return;
      if (changes.includes('programme') || changes.includes('all')) this.renderFestivalName();
      if (this.page?.update) for (const change of changes.includes('all') ? ['all'] : changes) this.page.update(change);
      this.renderBanner();
    });
  }

  tick() {
    if (!this.session) return;
    this.page?.tick?.();
    this.renderBanner();
  }

  renderNav() {
    const nav = document.getElementById('nav');
    replaceChildren(nav, Object.keys(pages).map((name) => h('a', { href: `#/${name}`, class: 'tab', dataset: { page: name },
      'aria-current': this.current === name ? 'page' : false }, t(`nav.${name}`))));
  }

  renderFestivalName() {
    const name = pick(this.state.programme?.programme?.festivalName);
    document.getElementById('festival-name').textContent = name || t('appTitle');
  }

  renderBanner() {
    if (!this.session) return;
    const trouble = troubleCount(this.state);
    const text = trouble ? t('banner.trouble', { count: trouble }) : '';
    // Only for real alarms, and never over the page it points to.
    this.banner.hidden = trouble === 0 || this.router.current().name === 'screens';
    if (this.banner.textContent !== text) replaceChildren(this.banner, h('a', { href: '#/screens' }, text));
  }

  renderIndicator() {
    const indicator = document.getElementById('bus-indicator');
    let key = 'bus.live';
    let tone = 'ok';
    if (!this.bus.open) { key = 'bus.reconnecting'; tone = 'bad'; }
    else if (!this.bus.busConnected) { key = 'bus.brokerDown'; tone = 'bad'; }
    indicator.textContent = t(key);
    indicator.className = `pill pill-${tone}`;
  }

  toggleLanguage() {
    setLanguage(language() === 'en' ? 'zh' : 'en');
    applyStaticText();
    if (this.session) {
      this.renderNav();
      this.renderIndicator();
      this.renderFestivalName();
      this.showPage();
    } else {
      const reason = this.page?.reason;
      this.page = new LoginPage(this.context(), reason);
      this.page.mount(this.main);
    }
  }
}

// Why the server ended the session, as a sentence (reasons: docs/console.md).
function endedText(reason) {
  const key = `login.ended.${reason}`;
  return hasKey(key) ? t(key) : t('login.expired', { reason: reason ?? '' });
}

new ConsoleApp().boot();
