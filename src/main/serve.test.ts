import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempBackend, tempDir } from './test/workspace';
import { startServer, type RunningServer } from './serve';

let running: RunningServer | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

async function start() {
  const { registry } = tempBackend('serve');
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
    const json = { 'Content-Type': 'application/json' };
    expect((await send(port, '/', { Host: host })).status).toBe(403);
    expect((await send(port, '/?token=wrong', { Host: host })).status).toBe(403);
    expect(
      (await send(port, '/rpc/documents.list', { Host: host, ...json }, 'POST', '{}')).status,
    ).toBe(403);
    expect(
      (
        await send(
          port,
          '/rpc/documents.list',
          { Host: host, Cookie: 'claimdesk_token=nope', ...json },
          'POST',
          '{}',
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await send(
          port,
          '/rpc/documents.list',
          { Host: host, Cookie: cookie, Origin: 'http://evil.example', ...json },
          'POST',
          '{}',
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await send(
          port,
          '/rpc/documents.list',
          { Host: `evil.example:${port}`, Cookie: cookie, ...json },
          'POST',
          '{}',
        )
      ).status,
    ).toBe(403);
    expect((await send(port, `/?token=${token}`, { Host: `attacker.test:${port}` })).status).toBe(
      403,
    );
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
});
