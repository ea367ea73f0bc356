// What the console knows of the festival: the retained state of the bus, kept per topic,
// plus an estimate of the show clock (the players' clocks, which follow the controller's).

export const topics = Object.freeze({
  programme: 'fest/v1/programme',
  playlists: 'fest/v1/screen/+/playlist',
  statuses: 'fest/v1/node/+/status',
  voting: 'fest/v1/voting',
  results: 'fest/v1/results',
  ceremony: 'fest/v1/ceremony',
});

const statusTopic = /^fest\/v1\/node\/([^/]+)\/status$/;
const playlistTopic = /^fest\/v1\/screen\/([^/]+)\/playlist$/;
const skewSamples = 21;

export class FestivalState extends EventTarget {
  constructor() {
    super();
    this.reset();
  }

  reset() {
    this.programme = null;
    this.playlists = new Map();
    this.nodes = new Map();
    this.voting = null;
    this.results = null;
    this.ceremony = null;
    this.subscribedAt = 0;
    this.skews = [];
    this.changed('all');
  }

  // Milliseconds on the show clock. Players stamp their status with the show clock; the
  // median of (stamp - arrival) corrects a browser whose own clock is wrong.
  now() {
    if (this.skews.length === 0) return Date.now();
    const sorted = [...this.skews].sort((a, b) => a - b);
    return Date.now() + sorted[Math.floor(sorted.length / 2)];
  }

  apply(frame) {
    const { topic, payload } = frame;
    const receivedAt = Date.now();
    let match;
    if (topic === topics.programme) {
      this.programme = isType(payload, 'programme') ? payload : null;
      this.changed('programme');
    } else if ((match = playlistTopic.exec(topic))) {
      if (isType(payload, 'playlist')) this.playlists.set(match[1], payload);
      else this.playlists.delete(match[1]);
      this.changed('playlists');
    } else if ((match = statusTopic.exec(topic))) {
      if (isType(payload, 'status')) {
        this.nodes.set(match[1], { account: match[1], status: payload, receivedAt, retained: frame.retained });
        if (!frame.retained) this.sampleSkew(payload, receivedAt);
      } else {
        this.nodes.delete(match[1]);
      }
      this.changed('nodes');
    } else if (topic === topics.voting) {
      this.voting = isType(payload, 'voting') ? payload : null;
      this.changed('voting');
    } else if (topic === topics.results) {
      this.results = isType(payload, 'results') ? { ...payload, receivedAt } : null;
      this.changed('results');
    } else if (topic === topics.ceremony) {
      this.ceremony = isType(payload, 'ceremony') ? payload : null;
      this.changed('ceremony');
    }
  }

  sampleSkew(status, receivedAt) {
    if (status.role !== 'player' || !status.clock?.synced || typeof status.sentAt !== 'string') return;
    const sent = Date.parse(status.sentAt);
    if (Number.isNaN(sent)) return;
    this.skews.push(sent - receivedAt);
    if (this.skews.length > skewSamples) this.skews.shift();
  }

  programmeVersion() {
    return this.programme?.version ?? null;
  }

  timeZone() {
    return this.programme?.programme?.timeZone || 'Asia/Hong_Kong';
  }

  nodesWithRole(role) {
    return [...this.nodes.values()].filter((node) => node.status.role === role);
  }

  changed(what) {
    this.dispatchEvent(new CustomEvent('change', { detail: { what } }));
  }
}

function isType(payload, type) {
  return payload !== null && typeof payload === 'object' && payload.type === type;
}
