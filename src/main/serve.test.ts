import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { enc, tempBackend, tempDir } from './test/workspace';
import type { Registry } from './rpc';
import { LINK_CODE_LIFETIME_MS, LinkCodes } from './link-codes';
import { startServer, type RunningServer } from './serve';

let running: RunningServer | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

async function start() {
  const { registry } = tempBackend('serve');
  return startWith(registry);
}

async function startWith(registry: Registry) {
  const rendererDir = join(tempDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Claimdesk</title>');
  running = await startServer({ registry, rendererDir, port: 0 });
  return running;
}

/** Raw HTTP so the test controls Host and Origin exactly (fetch would not let it). */
function send(
  port: number,
  path: string,
  headers: Record<string, string>,
  method = 'GET',
  body?: string,
) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (ok, fail) => {
      const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
        let data = '';
        res.on('data', (c: Buffer) => (data += c.toString()));
        res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
      });
      req.on('error', fail);
      if (body) req.write(body);
      req.end();
    },
  );
}

describe('serve shell', () => {
  it('listens on the loopback interface only', async () => {
    const server = await start();
    expect(server.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{48}$/);
  });

  it('serves the app without a token, the RPC endpoint only with the token header, and never sets a cookie', async () => {
    const { port, token } = await start();
    const host = `127.0.0.1:${port}`;
    const page = await send(port, '/', { Host: host });
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-eval/);
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    // a cookie with the right token is not a credential: only the header is
    const byCookie = await send(
      port,
      '/rpc/documents.list',
      { Host: host, Cookie: `claimdesk_token=${token}`, 'Content-Type': 'application/json' },
      'POST',
      '{}',
    );
    expect(byCookie.status).toBe(403);
    const rpc = await send(
      port,
      '/rpc/documents.list',
      {
        Host: host,
        'X-Claimdesk-Token': token,
        'Content-Type': 'application/json',
        Origin: `http://${host}`,
        Cookie: 'claimdesk_token=planted-by-another-port',
      },
      'POST',
      '{}',
    );
    expect(rpc.headers['set-cookie']).toBeUndefined();
    expect(JSON.parse(rpc.body)).toEqual({ ok: true, value: [] });
  });

  it('refuses requests without the token, with a foreign Origin, or a non-loopback Host', async () => {
    const { port, token } = await start();
    const host = `127.0.0.1:${port}`;
    const status = async (path: string, headers: Record<string, string>) =>
      (await send(port, path, headers)).status;
    const rpcStatus = async (headers: Record<string, string>) =>
      (
        await send(
          port,
          '/rpc/documents.list',
          { ...headers, 'Content-Type': 'application/json' },
          'POST',
          '{}',
        )
      ).status;
    expect(await status('/', { Host: `attacker.test:${port}` })).toBe(403);
    expect(await rpcStatus({ Host: host })).toBe(403);
    expect(await rpcStatus({ Host: host, 'X-Claimdesk-Token': 'nope' })).toBe(403);
    expect(
      await rpcStatus({ Host: host, 'X-Claimdesk-Token': token, Origin: 'http://evil.example' }),
    ).toBe(403);
    expect(await rpcStatus({ Host: `evil.example:${port}`, 'X-Claimdesk-Token': token })).toBe(403);
  });

  it('keeps static paths inside the renderer folder and rejects bad RPC bodies', async () => {
    const { port, token } = await start();
    const headers = { Host: `127.0.0.1:${port}`, 'X-Claimdesk-Token': token };
    const traversal = await send(port, '/..%2f..%2f..%2fetc%2fpasswd', headers);
    expect(traversal.body).not.toMatch(/root:/);
    const bad = await send(
      port,
      '/rpc/documents.list',
      { ...headers, 'Content-Type': 'application/json' },
      'POST',
      '{not json',
    );
    expect(bad.status).toBe(400);
    const wrongType = await send(
      port,
      '/rpc/documents.list',
      { ...headers, 'Content-Type': 'text/plain' },
      'POST',
      '{}',
    );
    expect(wrongType.status).toBe(415);
  });

  it('answers a file method with the file itself: the bytes /rpc would wrap in JSON, named and sized', async () => {
    const { registry } = tempBackend('serve');
    const text = 'Отчёт\n\nГулмурод Халимов appeared in a 2015 video; “27 dead” is contested.\n';
    const imported = await registry.call('documents.import', {
      fileName: 'отчёт.txt',
      bytes: enc(text),
    });
    const documentId = (imported as { value: { document: { id: string } } }).value.document.id;
    await registry.call('claims.create', {
      documentId,
      spans: [{ start: 7, end: 22 }],
      statement: 'Халимов appeared in a video',
    });
    const { port, token } = await startWith(registry);
    const post = (path: string, body: unknown) =>
      fetch(`http://127.0.0.1:${port}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-claimdesk-token': token },
        body: JSON.stringify(body),
      });
    // the exported time differs between two exports; everything else is the same text
    const sameBut = (t: string) => t.replace(/"exportedAt": "[^"]+"/, '"exportedAt": "…"');

    const viaRpc = (await (await post('/rpc/export.claims', { format: 'json' })).json()) as {
      value: { fileName: string; mediaType: string; text: string };
    };
    const file = await post('/file/export.claims', { format: 'json' });
    expect(file.status).toBe(200);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const body = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    expect(sameBut(body)).toBe(sameBut(viaRpc.value.text));
    expect(body).toContain('Халимов appeared in a video');
    expect(Number(file.headers.get('content-length'))).toBe(bytes.length);
    expect(file.headers.get('content-type')).toBe('application/json');
    expect(file.headers.get('cache-control')).toBe('no-store');
    const name = decodeURIComponent(file.headers.get('x-claimdesk-file-name')!);
    expect(name).toMatch(/^claimdesk-claims-\d{4}-\d{2}-\d{2}-\d{6}\.json$/);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);

    const bundle = await post('/file/bundle.export', {});
    expect(bundle.headers.get('content-type')).toBe('application/jsonl');
    expect(await bundle.text()).toContain('отчёт.txt');

    // a refusal is the same JSON result as over /rpc, with no file headers
    const refused = await post('/file/export.claims', { format: 'pdf' });
    expect(refused.headers.get('x-claimdesk-file-name')).toBeNull();
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // only file methods are answered here: nothing else runs through this route
    const other = await post('/file/claims.delete', { id: 'clm_whatever' });
    expect(other.status).toBe(404);
    expect(await other.text()).toBe('claims.delete does not answer with a file.');
  });
});

describe('one-time link codes (serve --open)', () => {
  it('a code from the link works once, then is dead; it is never the token', async () => {
    const { port, token, oneTimeUrl } = await start();
    const host = `127.0.0.1:${port}`;
    const url = oneTimeUrl();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#code=[0-9a-f]{48}$/);
    expect(url).not.toContain(token);
    const code = url.split('#code=')[1]!;
    const redeem = (body: string, headers: Record<string, string> = {}) =>
      send(
        port,
        '/session',
        { Host: host, 'Content-Type': 'application/json', ...headers },
        'POST',
        body,
      );
    // a foreign page cannot redeem it either
    expect((await redeem(JSON.stringify({ code }), { Origin: 'http://127.0.0.1:1' })).status).toBe(
      403,
    );
    const first = await redeem(JSON.stringify({ code }));
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toEqual({ token });
    const second = await redeem(JSON.stringify({ code }));
    expect(second.status).toBe(403);
    expect(second.body).not.toContain(token);
    expect((await redeem('{not json')).status).toBe(403);
    expect((await redeem(JSON.stringify({ code: code.slice(1) }))).status).toBe(403);
  });

  it('an unused code expires', () => {
    let clock = 0;
    const codes = new LinkCodes(() => clock);
    const code = codes.issue();
    clock += LINK_CODE_LIFETIME_MS + 1;
    expect(codes.redeem(code)).toBe(false);
    const fresh = codes.issue();
    expect(codes.redeem(fresh)).toBe(true);
    expect(codes.redeem(fresh)).toBe(false);
  });
});
