import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchFile, RpcError, type FileProgress } from './api';

const TOKEN = 'ab'.repeat(24);
const storage = (items: Record<string, string>) => ({
  getItem: (key: string) => items[key] ?? null,
});

/** The serve shell as fetch sees it: one canned answer to the next POST. */
function answer(body: string, init: ResponseInit & { headers?: Record<string, string> }) {
  const calls: { path: string; body: unknown }[] = [];
  vi.stubGlobal('window', {});
  vi.stubGlobal('sessionStorage', storage({ 'claimdesk-token': TOKEN }));
  vi.stubGlobal('fetch', async (path: string, request: RequestInit) => {
    // the token travels as a header on every call, and no cookie is sent
    expect(new Headers(request.headers).get('X-Claimdesk-Token')).toBe(TOKEN);
    expect(request.credentials).toBe('omit');
    calls.push({ path, body: JSON.parse(String(request.body)) });
    return new Response(body, init);
  });
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('fetchFile over the serve shell', () => {
  it('posts to the file route and returns the file, named, with progress up to its size', async () => {
    const text = '{"claims": ["Халимов"]}\n';
    const size = new TextEncoder().encode(text).length;
    const calls = answer(text, {
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': String(size),
        'X-Claimdesk-File-Name': encodeURIComponent('claimdesk-claims-2026.json'),
      },
    });
    const progress: FileProgress[] = [];
    const file = await fetchFile('export.claims', { format: 'json' }, (p) => progress.push(p));
    expect(calls).toEqual([{ path: '/file/export.claims', body: { format: 'json' } }]);
    expect(file.fileName).toBe('claimdesk-claims-2026.json');
    expect(await file.blob.text()).toBe(text);
    expect(progress[0]).toEqual({ received: 0, total: size });
    expect(progress.at(-1)).toEqual({ received: size, total: size });
  });

  it("a refusal carries the backend's error", async () => {
    answer(
      JSON.stringify({ ok: false, error: { code: 'invalid_input', message: 'format: pdf?' } }),
      { headers: { 'Content-Type': 'application/json' } },
    );
    const refused = fetchFile('export.claims', { format: 'json' });
    await expect(refused).rejects.toBeInstanceOf(RpcError);
    await expect(refused).rejects.toMatchObject({ code: 'invalid_input', message: 'format: pdf?' });
  });

  it('a plain-text answer is shown with its status', async () => {
    answer('Internal error', { status: 500, headers: { 'Content-Type': 'text/plain' } });
    await expect(fetchFile('bundle.export', {})).rejects.toMatchObject({
      code: 'internal',
      message: 'The server answered without a file (HTTP 500): Internal error',
    });
  });

  it('a file cut short says how much arrived instead of saving half a file', async () => {
    answer('{"half": ', {
      headers: { 'Content-Length': '1000', 'X-Claimdesk-File-Name': 'x.json' },
    });
    await expect(fetchFile('bundle.export', {})).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/stopped arriving after 9 of 1,000 bytes/),
    });
  });

  it('403 sends the researcher back to the printed link', async () => {
    answer('403 Forbidden', { status: 403 });
    await expect(fetchFile('bundle.export', {})).rejects.toMatchObject({
      message: 'Access denied: open the link that `claimdesk serve` printed.',
    });
  });

  it('without a token in this tab, nothing is sent and the researcher is sent to the printed link', async () => {
    answer('{}', {});
    vi.stubGlobal('sessionStorage', storage({}));
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    await expect(fetchFile('bundle.export', {})).rejects.toMatchObject({
      message: 'Access denied: open the link that `claimdesk serve` printed.',
    });
    expect(fetch).not.toHaveBeenCalled();
  });
});
