import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionToken, takeSessionFromAddress } from './session';

const TOKEN = 'cd'.repeat(24);

/** A tab at `hash`, with its storage, history and the serve shell's /session answer. */
function tab(hash: string, answer: Response = new Response('', { status: 403 })) {
  const items = new Map<string, string>();
  const location = { hash, pathname: '/', search: '' };
  const replaced: string[] = [];
  vi.stubGlobal('window', { location });
  vi.stubGlobal('sessionStorage', {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => items.set(k, v),
  });
  vi.stubGlobal('history', {
    state: null,
    replaceState: (_: unknown, __: string, url: string) => {
      replaced.push(url);
      location.hash = '';
    },
  });
  const fetch = vi.fn(async () => answer);
  vi.stubGlobal('fetch', fetch);
  return { replaced, fetch };
}

afterEach(() => vi.unstubAllGlobals());

describe('the session taken from the printed link', () => {
  it('keeps a #token in this tab and removes it from the address bar, with no request', async () => {
    const { replaced, fetch } = tab(`#token=${TOKEN}`);
    await takeSessionFromAddress();
    expect(sessionToken()).toBe(TOKEN);
    expect(replaced).toEqual(['/']);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('exchanges a one-time #code for the token', async () => {
    const { replaced, fetch } = tab(
      '#code=abc',
      new Response(JSON.stringify({ token: TOKEN }), { status: 200 }),
    );
    await takeSessionFromAddress();
    expect(fetch).toHaveBeenCalledWith('/session', expect.objectContaining({ method: 'POST' }));
    expect(sessionToken()).toBe(TOKEN);
    expect(replaced).toEqual(['/']);
  });

  it('a dead code leaves no token; an ordinary fragment (#doc=…) is left alone', async () => {
    tab('#code=used');
    await takeSessionFromAddress();
    expect(sessionToken()).toBeNull();
    const other = tab('#doc=doc_12345678');
    await takeSessionFromAddress();
    expect(other.replaced).toEqual([]);
  });
});
