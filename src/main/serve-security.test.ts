/**
 * The HTTP shell's guarantees, with real HTTP requests (serve.test.ts covers the happy path):
 * loopback only; no token, a foreign Origin or a non-loopback Host is 403 on every route and every
 * HTTP method; never a CORS header; CSP on every response, errors included; the token appears once
 * in the real CLI's output (the printed URL) and never again, whatever requests follow.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { api, FILE_METHODS } from '../shared/api';
import { LIMITS } from '../shared/limits';
import type { Registry } from './rpc';
import { startServer, type RunningServer } from './serve';
import { tempBackend } from './test/workspace';

const root = resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'claimdesk-serve-sec-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let running: RunningServer | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

const rendererDir = join(scratch, 'renderer');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Claimdesk</title>');
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');

async function start(registry: Registry = tempBackend('serve').registry): Promise<RunningServer> {
  running = await startServer({ registry, rendererDir, port: 0 });
  return running;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP, so the test controls Host and Origin exactly. */
function send(
  port: number,
  path: string,
  headers: Record<string, string>,
  method = 'GET',
  body?: string | Buffer,
): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = request(
      { host: '127.0.0.1', port, path, method, headers, setHost: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          ok({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', fail);
    if (body) req.write(body);
    req.end();
  });
}

function expectHardenedHeaders(reply: Reply, what: string): void {
  const csp = String(reply.headers['content-security-policy'] ?? '');
  expect(csp, `${what}: CSP`).toMatch(/default-src 'none'/);
  expect(csp, `${what}: CSP`).toMatch(/script-src 'self'(;|$)/);
  expect(csp, `${what}: CSP`).toMatch(/frame-ancestors 'none'/);
  expect(csp, `${what}: CSP`).not.toMatch(/unsafe-eval|unsafe-inline/);
  expect(reply.headers['x-content-type-options'], what).toBe('nosniff');
  expect(reply.headers['referrer-policy'], what).toBe('no-referrer');
  const cors = Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'));
  expect(cors, `${what}: CORS headers`).toEqual([]);
}

const ROUTES = [
  '/',
  '/index.html',
  '/assets/app.js',
  '/missing-page',
  '/rpc/documents.list',
  ...Object.keys(api).map((m) => `/rpc/${m}`),
  '/rpc/nope',
  ...FILE_METHODS.map((m) => `/file/${m}`),
  '/file/documents.list',
  '/..%2f..%2fetc%2fpasswd',
];
/** The routes that answer with workspace data: the token is needed here, not for the static app. */
const GUARDED = ROUTES.filter((r) => r.startsWith('/rpc/') || r.startsWith('/file/'));
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];

describe('serve shell security', () => {
  it('listens on 127.0.0.1 only: not reachable on any other interface', async () => {
    const { server, port } = await start();
    expect(server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal)
      .map((i) => i!.address);
    for (const address of [...others, '::1']) {
      const reached = await new Promise<boolean>((done) => {
        const socket = connect({ host: address, port, timeout: 2000 });
        socket.once('connect', () => (socket.destroy(), done(true)));
        socket.once('error', () => done(false));
        socket.once('timeout', () => (socket.destroy(), done(false)));
      });
      expect(reached, `reachable on ${address}`).toBe(false);
    }
  });

  it('refuses every route and HTTP method without the token, with a foreign Origin, or a foreign Host', async () => {
    const { port, token } = await start();
    const host = `127.0.0.1:${port}`;
    const json = { 'Content-Type': 'application/json' };
    const refusals: [string, Record<string, string>][] = [
      ['no token', { Host: host, ...json }],
      ['a wrong token', { Host: host, 'X-Claimdesk-Token': '0000', ...json }],
      ['a wrong header token', { Host: host, 'X-Claimdesk-Token': token.slice(0, -1), ...json }],
      ['a token prefix', { Host: host, 'X-Claimdesk-Token': token.slice(0, 20), ...json }],
      ['the token as a cookie', { Host: host, Cookie: `claimdesk_token=${token}`, ...json }],
      ['the token in the query', { Host: host, ...json }],
      [
        'a foreign Origin',
        { Host: host, 'X-Claimdesk-Token': token, Origin: 'http://evil.example', ...json },
      ],
      ['Origin null', { Host: host, 'X-Claimdesk-Token': token, Origin: 'null', ...json }],
      [
        'a look-alike Origin',
        {
          Host: host,
          'X-Claimdesk-Token': token,
          Origin: `http://127.0.0.1:${port}.evil.example`,
          ...json,
        },
      ],
      [
        'an https Origin',
        { Host: host, 'X-Claimdesk-Token': token, Origin: `https://127.0.0.1:${port}`, ...json },
      ],
      [
        'another port as Origin',
        { Host: host, 'X-Claimdesk-Token': token, Origin: `http://127.0.0.1:${port + 1}`, ...json },
      ],
      ['a rebinding Host', { Host: `evil.example:${port}`, 'X-Claimdesk-Token': token, ...json }],
      [
        'a look-alike Host',
        { Host: `localhost.evil.example:${port}`, 'X-Claimdesk-Token': token, ...json },
      ],
      ['a Host without the port', { Host: '127.0.0.1', 'X-Claimdesk-Token': token, ...json }],
      [
        'another port as Host',
        { Host: `127.0.0.1:${port + 1}`, 'X-Claimdesk-Token': token, ...json },
      ],
    ];
    for (const [why, headers] of refusals) {
      // the static app is public; every other check applies to every route
      const tokenCase = !('Origin' in headers) && headers.Host === host;
      for (const route of tokenCase ? GUARDED : ROUTES) {
        const path = why === 'the token in the query' ? `${route}?token=${token}` : route;
        for (const method of METHODS) {
          const reply = await send(
            port,
            path,
            headers,
            method,
            method === 'POST' ? '{}' : undefined,
          );
          expect(reply.status, `${method} ${path} with ${why}`).toBe(403);
          expectHardenedHeaders(reply, `${method} ${path} with ${why}`);
          expect(reply.body).not.toContain(token);
        }
      }
    }
    // no Host at all: Node refuses an HTTP/1.1 request without one (400) before our handler runs
    for (const method of METHODS) {
      const reply = await send(
        port,
        '/rpc/documents.list',
        { 'X-Claimdesk-Token': token, ...json },
        method,
      );
      expect(reply.status, `${method} without Host`).toBe(400);
      expect(reply.body).not.toContain('[]');
    }
    // no answer ever sets a cookie: a cookie would reach every port of the host
    for (const path of ROUTES) {
      const reply = await send(port, path, { Host: host });
      expect(reply.headers['set-cookie'], path).toBeUndefined();
    }
  });

  it('never sends CORS headers, not even to an authenticated preflight', async () => {
    const { port, token } = await start();
    const host = `127.0.0.1:${port}`;
    for (const path of ROUTES) {
      const preflight = await send(
        port,
        path,
        {
          Host: host,
          'X-Claimdesk-Token': token,
          Origin: `http://${host}`,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type, x-claimdesk-token',
        },
        'OPTIONS',
      );
      expect(preflight.status, `OPTIONS ${path}`).toBeGreaterThanOrEqual(400);
      expectHardenedHeaders(preflight, `OPTIONS ${path}`);
    }
  });

  it('sends the CSP and hardening headers on every response: pages, assets, RPC, 400, 403, 405, 413, 415 and 500', async () => {
    const { port, token } = await start();
    const host = `127.0.0.1:${port}`;
    const auth = { Host: host, 'X-Claimdesk-Token': token };
    const json = { ...auth, 'Content-Type': 'application/json' };
    const cases: [string, Promise<Reply>, number][] = [
      ['dead link code', send(port, '/session', json, 'POST', '{"code":"nope"}'), 403],
      ['page', send(port, '/', auth), 200],
      ['SPA fallback', send(port, '/library/some/deep/link', auth), 200],
      ['asset', send(port, '/assets/app.js', auth), 200],
      ['rpc ok', send(port, '/rpc/documents.list', json, 'POST', '{}'), 200],
      ['rpc error result', send(port, '/rpc/documents.get', json, 'POST', '{"id":"nope"}'), 200],
      ['bad json', send(port, '/rpc/documents.list', json, 'POST', '{nope'), 400],
      ['file', send(port, '/file/bundle.export', json, 'POST', '{}'), 200],
      ['file refused', send(port, '/file/export.claims', json, 'POST', '{"format":"x"}'), 200],
      ['not a file method', send(port, '/file/documents.list', json, 'POST', '{}'), 404],
      ['wrong verb file', send(port, '/file/bundle.export', json, 'GET'), 405],
      ['forbidden', send(port, '/rpc/documents.list', { Host: host }, 'POST', '{}'), 403],
      ['wrong verb', send(port, '/rpc/documents.list', json, 'GET'), 405],
      ['wrong verb static', send(port, '/', auth, 'DELETE'), 405],
      [
        'wrong content type',
        send(port, '/rpc/documents.list', { ...auth, 'Content-Type': 'text/plain' }, 'POST', '{}'),
        415,
      ],
      ['malformed escape', send(port, '/%E0%A4%A', auth), 500],
    ];
    for (const [what, pending, status] of cases) {
      const reply = await pending;
      expect(reply.status, what).toBe(status);
      expectHardenedHeaders(reply, what);
      expect(reply.body, what).not.toContain(token);
    }
  });

  it('answers an oversized body with 413 too_large, CSP included, and keeps serving', async () => {
    const { port, token } = await start();
    const host = `127.0.0.1:${port}`;
    const reply = await new Promise<Reply>((ok, fail) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/rpc/documents.import',
          method: 'POST',
          setHost: false,
          headers: {
            Host: host,
            'X-Claimdesk-Token': token,
            'Content-Type': 'application/json',
          },
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', fail);
      // stream past the limit 4 MB at a time; nothing close to the whole body is ever in memory
      const chunk = Buffer.alloc(4 * 1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent <= LIMITS.maxRequestBytes) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expectHardenedHeaders(reply, '413');
    const after = await send(
      port,
      '/rpc/documents.list',
      { Host: host, 'X-Claimdesk-Token': token, 'Content-Type': 'application/json' },
      'POST',
      '{}',
    );
    expect(JSON.parse(after.body)).toMatchObject({ ok: true });
  }, 60_000);

  it('a handler failure is a plain 500 with the CSP, no stack trace and no details', async () => {
    const broken: Registry = {
      methods: ['documents.list'],
      call: () => Promise.reject(new Error('secret internal detail at /home/user/.config')),
    };
    const { port, token } = await start(broken);
    const reply = await send(
      port,
      '/rpc/documents.list',
      {
        Host: `127.0.0.1:${port}`,
        'X-Claimdesk-Token': token,
        'Content-Type': 'application/json',
      },
      'POST',
      '{}',
    );
    expect(reply.status).toBe(500);
    expectHardenedHeaders(reply, '500');
    expect(reply.body).not.toMatch(/secret|\/home|at /);
  });

  it('keeps static paths inside the renderer folder, however they are encoded', async () => {
    writeFileSync(join(scratch, 'outside-secret.txt'), 'TOP SECRET');
    const { port, token } = await start();
    const auth = { Host: `127.0.0.1:${port}`, 'X-Claimdesk-Token': token };
    for (const path of [
      '/../outside-secret.txt',
      '/..%2foutside-secret.txt',
      '/%2e%2e/outside-secret.txt',
      '/%2e%2e%2foutside-secret.txt',
      '/..%5coutside-secret.txt',
      '/assets/../../outside-secret.txt',
      '/assets/%2e%2e/%2e%2e/outside-secret.txt',
      '//outside-secret.txt',
      '/%00/../outside-secret.txt',
      '/..%2f..%2f..%2fetc%2fpasswd',
    ]) {
      const reply = await send(port, path, auth);
      expect(reply.body, path).not.toMatch(/TOP SECRET|root:/);
    }
  });
});

describe('serve shell logs', () => {
  it('prints the token once, in the URL, and never again over a session with failing requests', async () => {
    const dataDir = join(scratch, 'workspace');
    const child = spawn(
      process.execPath,
      [join(root, 'bin/claimdesk.js'), 'serve', '--port', '0', '--data-dir', dataDir],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    try {
      const match = await new Promise<RegExpExecArray>((ok, fail) => {
        const timer = setTimeout(() => fail(new Error(`serve did not start:\n${output}`)), 20_000);
        const poll = setInterval(() => {
          const m = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([0-9a-f]+)/.exec(output);
          if (m) {
            clearTimeout(timer);
            clearInterval(poll);
            ok(m);
          }
        }, 20);
      });
      const port = Number(match[1]);
      const token = match[2]!;
      const host = `127.0.0.1:${port}`;
      const auth = {
        Host: host,
        'X-Claimdesk-Token': token,
        'Content-Type': 'application/json',
      };
      // a session: pages, RPC calls that succeed and fail, refusals, an oversized id, the token as data
      await send(port, '/', auth);
      await send(port, '/rpc/documents.list', auth, 'POST', '{}');
      await send(port, '/rpc/documents.get', auth, 'POST', JSON.stringify({ id: `doc_${token}` }));
      await send(port, '/rpc/documents.get', auth, 'POST', JSON.stringify({ id: token }));
      await send(
        port,
        '/rpc/claims.update',
        auth,
        'POST',
        JSON.stringify({ id: 'clm_00000000', patch: { note: token } }),
      );
      await send(
        port,
        '/rpc/documents.import',
        auth,
        'POST',
        JSON.stringify({
          fileName: `${token}.pdf`,
          bytes: { $bytes: Buffer.from(`%PDF-1.4 ${token}`).toString('base64') },
        }),
      );
      await send(
        port,
        '/rpc/documents.import',
        auth,
        'POST',
        JSON.stringify({
          fileName: `${token}.txt`,
          bytes: { $bytes: Buffer.from(`notes ${token}`).toString('base64') },
        }),
      );
      await send(port, `/rpc/${token}`, auth, 'POST', '{}');
      await send(port, '/rpc/documents.list', auth, 'POST', '{not json');
      await send(port, `/?token=${token}`, { Host: `evil.example:${port}` });
      await send(port, `/assets/${token}.js`, auth);
      await send(port, '/%E0%A4%A', auth);
      await send(port, '/', {
        Host: host,
        'X-Claimdesk-Token': token,
        Origin: 'http://evil.example',
      });
      child.kill('SIGTERM');
      await exited;
      const occurrences = output.split(token).length - 1;
      expect(occurrences, output).toBe(1);
      expect(output.indexOf(token)).toBe(output.indexOf(`/#token=${token}`) + '/#token='.length);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
