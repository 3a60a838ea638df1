import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { enc, tempBackend, tempDir } from './test/workspace';
import type { Registry } from './rpc';
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
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
  });

  it('turns the printed token into a cookie, then serves the app and the RPC endpoint', async () => {
    const { port, token } = await start();
    const host = `127.0.0.1:${port}`;
    const login = await send(port, `/?token=${token}`, { Host: host });
    expect(login.status).toBe(302);
    expect(String(login.headers['set-cookie'])).toMatch(
      /claimdesk_token=.*HttpOnly; SameSite=Strict/,
    );
    const cookie = `claimdesk_token=${token}`;
    const page = await send(port, '/', { Host: host, Cookie: cookie });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-eval/);
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    const rpc = await send(
      port,
      '/rpc/documents.list',
      { Host: host, Cookie: cookie, 'Content-Type': 'application/json', Origin: `http://${host}` },
      'POST',
      '{}',
    );
    expect(JSON.parse(rpc.body)).toEqual({ ok: true, value: [] });
  });

  it('refuses requests without the token, with a foreign Origin, or a non-loopback Host', async () => {
    const { port, token } = await start();
    const host = `127.0.0.1:${port}`;
    const cookie = `claimdesk_token=${token}`;
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
    expect(await status('/', { Host: host })).toBe(403);
    expect(await status('/?token=wrong', { Host: host })).toBe(403);
    expect(await rpcStatus({ Host: host })).toBe(403);
    expect(await rpcStatus({ Host: host, Cookie: 'claimdesk_token=nope' })).toBe(403);
    expect(await rpcStatus({ Host: host, Cookie: cookie, Origin: 'http://evil.example' })).toBe(
      403,
    );
    expect(await rpcStatus({ Host: `evil.example:${port}`, Cookie: cookie })).toBe(403);
    expect(await status(`/?token=${token}`, { Host: `attacker.test:${port}` })).toBe(403);
  });

  it('keeps static paths inside the renderer folder and rejects bad RPC bodies', async () => {
    const { port, token } = await start();
    const headers = { Host: `127.0.0.1:${port}`, Cookie: `claimdesk_token=${token}` };
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
