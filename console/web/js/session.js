// The console server's HTTP session endpoints (cookie fest_session, set by the server).

export async function currentSession() {
  try {
    const response = await fetch('/api/session', { credentials: 'same-origin', cache: 'no-store' });
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

// Resolves {ok: true, session} or {ok: false, code, message} (code from the server, or
// "network" when it could not be reached).
export async function logIn(user, password) {
  let response;
  try {
    response = await fetch('/api/login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user, password }),
    });
  } catch {
    return { ok: false, code: 'network', message: '' };
  }
  let body = {};
  try {
    body = await response.json();
  } catch {
    body = {};
  }
  if (response.ok) return { ok: true, session: body };
  return { ok: false, code: body.error || `http_${response.status}`, message: body.message || '', status: response.status };
}

export async function logOut() {
  try {
    await fetch('/api/logout', { method: 'POST', credentials: 'same-origin' });
  } catch {
    // The session dies with its idle timeout anyway.
  }
}
