/**
 * The serve shell's access token, held by this tab only. The printed link carries it in the URL
 * fragment (`#token=…`), which the browser never sends over the network or in a Referer; `serve
 * --open` passes a one-time code instead (`#code=…`: another process can read a browser's command
 * line), which is exchanged once for the token. The token is kept in sessionStorage, which belongs
 * to this origin (scheme, host AND port), so a page on another loopback port can neither read it nor
 * overwrite it, unlike a cookie; api.ts sends it as a header on every call.
 */

const KEY = 'claimdesk-token';
export const TOKEN_HEADER = 'X-Claimdesk-Token';

export function sessionToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/**
 * Takes a token or one-time code from the address bar, keeps the token, and removes the fragment
 * from the address bar and this history entry. Resolves once the token (if any) is stored.
 */
export async function takeSessionFromAddress(): Promise<void> {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const token = params.get('token');
  const code = params.get('code');
  if (token === null && code === null) return;
  history.replaceState(history.state, '', window.location.pathname + window.location.search);
  if (token !== null) {
    sessionStorage.setItem(KEY, token);
    return;
  }
  try {
    const response = await fetch('/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code }),
      credentials: 'omit',
    });
    if (response.ok) {
      const answer = (await response.json()) as { token?: unknown };
      if (typeof answer.token === 'string') sessionStorage.setItem(KEY, answer.token);
    }
  } catch {
    // the server is gone; every call will say so
  }
}
