// Times shown and entered in the festival's own time zone (the programme's timeZone),
// whatever the zone of the laptop or tablet the console runs on.

const formatters = new Map();

function formatter(timeZone, options) {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  if (!formatters.has(key)) formatters.set(key, new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', ...options }));
  return formatters.get(key);
}

function parts(ms, timeZone) {
  const out = {};
  const all = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' };
  for (const part of formatter(timeZone, all).formatToParts(new Date(ms))) out[part.type] = part.value;
  return out;
}

// Minutes east of UTC of timeZone at the instant ms.
export function offsetMinutes(ms, timeZone) {
  const p = parts(ms, timeZone);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

export function dayKey(ms, timeZone) {
  const p = parts(ms, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

export function clockTime(ms, timeZone, withSeconds = false) {
  const p = parts(ms, timeZone);
  return withSeconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
}

export function dateTime(ms, timeZone) {
  return `${dayKey(ms, timeZone)} ${clockTime(ms, timeZone, true)}`;
}

// "2026-12-05T14:30" in the festival's zone -> value for a datetime-local input.
export function localInputValue(ms, timeZone) {
  const p = parts(ms, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

// A datetime-local value read in the festival's zone -> ISO 8601 with its offset, the
// form the controller accepts ("a time without an offset is refused").
export function isoFromLocalInput(value, timeZone) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value ?? '');
  if (!match) return null;
  const [, y, mo, d, hh, mm, ss = '00'] = match;
  const wall = Date.UTC(+y, +mo - 1, +d, +hh, +mm, +ss);
  let offset = offsetMinutes(wall, timeZone);
  offset = offsetMinutes(wall - offset * 60000, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${y}-${mo}-${d}T${hh}:${mm}:${ss}${zone}`;
}

export function duration(ms) {
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
