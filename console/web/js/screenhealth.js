// Which screens need the booth's attention. A screen is in trouble when its player is
// offline or missing, its clock is out of step with the show clock, it runs an older
// programme than the controller, or its current item failed.

export const offsetLimitUs = 5000;

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
  return [...ids.values()].map((screen) => {
    const node = pickPlayer(players.filter((p) => p.status.screen === screen.id));
    const row = { id: screen.id, screen, node, playlist: state.playlists.get(screen.id) ?? null };
    row.problems = problems(row, version);
    return row;
  }).sort(byAttention);
}

export function troubleCount(state) {
  return screenRows(state).filter((row) => row.problems.length > 0).length;
}

function pickPlayer(candidates) {
  if (candidates.length <= 1) return candidates[0] ?? null;
  const online = candidates.filter((c) => c.status.state !== 'offline');
  const pool = online.length ? online : candidates;
  return pool.reduce((a, b) => (a.receivedAt >= b.receivedAt ? a : b));
}

function problems(row, version) {
  const status = row.node?.status;
  if (!status) return ['noPlayer'];
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
  // A player that was there and went away first, then screens no player ever reported
  // for, then every other problem.
  const weight = (row) => (row.problems.includes('offline') ? 3 : row.problems.includes('noPlayer') ? 2 : row.problems.length ? 1 : 0);
  return weight(b) - weight(a) || a.id.localeCompare(b.id);
}
