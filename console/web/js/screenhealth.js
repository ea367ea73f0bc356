// Which screens need the booth's attention. A screen is in trouble when its player is
// offline, its clock is out of step with the show clock, it runs an older programme than
// the controller, its current item failed, or no player has reported for it while it has
// a screening on or within noPlayerWarningMs. A screen no player has reported for and
// nothing soon to play is only "not set up": grey, no alarm (a festival often lists more
// screens than it runs on a given day).

export const offsetLimitUs = 5000;
export const noPlayerWarningMs = 30 * 60 * 1000;

// Problems that are alarms (the banner counts them); 'notSetUp' only says so.
export function isAlarm(problem) {
  return problem !== 'notSetUp';
}
export function alarmsOf(row) {
  return row.problems.filter(isAlarm);
}

// "Running N min late" from a player's status (lateMs), the same rule as
// PlayerStatus::lateMinutes (core/protocol), so the console, festctl and the kiosks show
// one figure: whole minutes rounded up, 0 under half a minute.
export const onTimeWithinMs = 30000;
export function lateMinutes(lateMs) {
  if (!(lateMs >= onTimeWithinMs)) return 0;
  return Math.min(Math.floor((lateMs + 59999) / 60000), 24 * 60);
}

export function screenRows(state) {
  const ids = new Map();
  for (const screen of state.programme?.programme?.screens ?? []) ids.set(screen.id, screen);
  for (const id of state.playlists.keys()) if (!ids.has(id)) ids.set(id, { id });
  const players = state.nodesWithRole('player');
  for (const node of players) {
    const id = node.status.screen;
    if (typeof id === 'string' && !ids.has(id)) ids.set(id, { id });
  }
  const version = state.programmeVersion();
  const now = state.now();
  return [...ids.values()].map((screen) => {
    const node = pickPlayer(players.filter((p) => p.status.screen === screen.id));
    const row = { id: screen.id, screen, node, playlist: state.playlists.get(screen.id) ?? null };
    row.problems = problems(row, version, now);
    return row;
  }).sort(byAttention);
}

export function troubleCount(state) {
  return screenRows(state).filter((row) => alarmsOf(row).length > 0).length;
}

// Whether a screen's playlist has something on now or starting within noPlayerWarningMs.
function needsPlayerSoon(playlist, nowMs) {
  return (playlist?.items ?? []).some((item) => {
    const start = item.startUs / 1000;
    const end = start + (item.durationUs ?? 0) / 1000;
    return end > nowMs && start - nowMs <= noPlayerWarningMs;
  });
}

function pickPlayer(candidates) {
  if (candidates.length <= 1) return candidates[0] ?? null;
  const online = candidates.filter((c) => c.status.state !== 'offline');
  const pool = online.length ? online : candidates;
  return pool.reduce((a, b) => (a.receivedAt >= b.receivedAt ? a : b));
}

function problems(row, version, nowMs) {
  const status = row.node?.status;
  if (!status) return needsPlayerSoon(row.playlist, nowMs) ? ['noPlayer'] : ['notSetUp'];
  if (status.state === 'offline') return ['offline'];
  const out = [];
  const clock = status.clock ?? {};
  if (clock.synced === false) out.push('clockUnsynced');
  else if (typeof clock.offsetUs === 'number' && Math.abs(clock.offsetUs) > offsetLimitUs) out.push('clockOffset');
  if (version !== null && typeof status.programmeVersion === 'number' && status.programmeVersion < version) out.push('versionBehind');
  if (status.state === 'error') out.push('itemError');
  return out;
}

function byAttention(a, b) {
  // A player that was there and went away first, then screens no player reported for
  // that need one soon, then every other problem; screens not set up last.
  const weight = (row) => (row.problems.includes('offline') ? 3 : row.problems.includes('noPlayer') ? 2
    : alarmsOf(row).length ? 1 : row.problems.includes('notSetUp') ? -1 : 0);
  return weight(b) - weight(a) || a.id.localeCompare(b.id);
}
