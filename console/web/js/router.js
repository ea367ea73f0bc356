// Hash router: #/screens, #/programme?day=2026-12-05 ... One page is mounted at a time.

export class Router {
  constructor(routes, fallback) {
    this.routes = routes;
    this.fallback = fallback;
    this.listeners = new Set();
    window.addEventListener('hashchange', () => this.emit());
  }

  current() {
    const raw = location.hash.replace(/^#\/?/, '');
    const [path, query = ''] = raw.split('?');
    const name = this.routes.includes(path) ? path : this.fallback;
    return { name, params: new URLSearchParams(query) };
  }

  go(name, params) {
    const query = params ? `?${new URLSearchParams(params)}` : '';
    const target = `#/${name}${query}`;
    if (location.hash === target) this.emit();
    else location.hash = target;
  }

  onChange(listener) {
    this.listeners.add(listener);
  }

  emit() {
    for (const listener of this.listeners) listener(this.current());
  }
}
