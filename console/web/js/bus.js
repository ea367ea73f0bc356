// The console's one WebSocket to the console server (protocol: docs/console-web.md).
// Subscriptions are remembered and restored after a reconnect; every request resolves
// to a reply shaped like the bus's typed replies: {ok, result} or {ok: false, error}.

const requestTimeoutMs = 15000;
const backoffMs = [500, 1000, 2000, 4000, 8000];

export class Bus extends EventTarget {
  constructor() {
    super();
    this.socket = null;
    this.nextId = 1;
    this.pending = new Map();
    this.filters = new Set();
    this.attempt = 0;
    this.closing = false;
    this.busConnected = false;
    this.open = false;
  }

  connect() {
    this.closing = false;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/ws`);
    this.socket = socket;
    socket.addEventListener('message', (event) => this.onFrame(event.data));
    socket.addEventListener('close', (event) => this.onClose(socket, event));
  }

  disconnect() {
    this.closing = true;
    this.filters.clear();
    this.socket?.close(1000, 'logout');
    this.socket = null;
  }

  subscribe(filter) {
    if (this.filters.has(filter)) return;
    this.filters.add(filter);
    if (this.open) this.send({ op: 'subscribe', id: this.nextId++, filter });
  }

  // to: "controller" or "node/<account>". Never rejects: failures come back as replies.
  request(to, op, args = {}) {
    const id = this.nextId++;
    return new Promise((resolve) => {
      if (!this.open) {
        resolve(failure('not_connected', ''));
        return;
      }
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(failure('timeout', ''));
      }, requestTimeoutMs);
      this.pending.set(id, { resolve, timer });
      this.send({ op: 'request', id, to, body: { op, args } });
    });
  }

  send(frame) {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  onFrame(text) {
    let frame;
    try {
      frame = JSON.parse(text);
    } catch {
      return;
    }
    switch (frame?.op) {
      case 'hello':
        this.open = true;
        this.attempt = 0;
        this.busConnected = Boolean(frame.bus?.connected);
        for (const filter of this.filters) this.send({ op: 'subscribe', id: this.nextId++, filter });
        this.emit('hello', frame);
        this.emit('bus', { connected: this.busConnected });
        break;
      case 'message':
        this.emit('message', frame);
        break;
      case 'reply':
        this.settle(frame.id, normalise(frame.reply));
        break;
      case 'error':
        if (this.pending.has(frame.id)) this.settle(frame.id, failure(frame.code, frame.message));
        else this.emit('frame-error', frame);
        break;
      case 'bus':
        this.busConnected = Boolean(frame.connected);
        this.emit('bus', { connected: this.busConnected, reason: frame.reason });
        break;
      case 'expired':
        this.closing = true;
        this.emit('expired', { reason: frame.reason });
        break;
      default:
        break;
    }
  }

  settle(id, reply) {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    clearTimeout(entry.timer);
    entry.resolve(reply);
  }

  onClose(socket, event) {
    if (socket !== this.socket) return;
    this.open = false;
    for (const id of [...this.pending.keys()]) this.settle(id, failure('not_connected', ''));
    this.emit('closed', { code: event.code, reason: event.reason, final: this.closing });
    if (this.closing) return;
    const delay = backoffMs[Math.min(this.attempt++, backoffMs.length - 1)];
    setTimeout(() => {
      if (!this.closing) this.emit('reconnect-due', {});
    }, delay);
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

function failure(code, message) {
  return { ok: false, error: { code: code || 'invalid', message: message || '' } };
}

function normalise(reply) {
  if (reply && reply.ok === true) return { ok: true, result: reply.result ?? {} };
  const error = reply?.error ?? {};
  return { ok: false, error: { code: error.code || 'invalid', message: error.message || '', details: error.details } };
}
