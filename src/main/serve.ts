import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { isFileMethod, type ExportFile, type Result } from '../shared/api';
import { LIMITS } from '../shared/limits';
import { fromWire, toWire } from '../shared/wire';
import type { Registry } from './rpc';
import {
  CONTENT_SECURITY_POLICY,
  TOKEN_HEADER,
  isAllowedHost,
  isAllowedOrigin,
  tokensEqual,
} from './http-security';
import { LinkCodes } from './link-codes';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
};

export interface ServeOptions {
  registry: Registry;
  /** the built renderer (out/renderer) */
  rendererDir: string;
  /** 0 picks a free port */
  port?: number;
  /** fixed token for tests; random per run otherwise */
  token?: string;
}

export interface RunningServer {
  server: Server;
  port: number;
  token: string;
  /** the one URL that carries the token (in its fragment); print it once */
  url: string;
  /** a link whose code works once (for handing to another program, e.g. a browser) */
  oneTimeUrl(): string;
  close(): Promise<void>;
}

/**
 * The HTTP shell: the same registry over 127.0.0.1, guarded by a per-run token, Host and Origin.
 * The token travels only in the X-Claimdesk-Token header, never in a cookie: browsers send cookies
 * to every port of a host and let any of them set one, so a page served from another loopback port
 * could have read or broken the session. The renderer's static files are public and need no token.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const rendererDir = resolve(options.rendererDir);
  let port = options.port ?? 0;
  const linkCodes = new LinkCodes();
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[claimdesk] request failed:', error instanceof Error ? error.message : error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (!isAllowedHost(req.headers.host, port)) return forbidden(res, 'Host not allowed.');
    if (!isAllowedOrigin(req.headers.origin, port)) return forbidden(res, 'Origin not allowed.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname === '/session') {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST.');
      return session(req, res);
    }
    const guarded = url.pathname.startsWith('/rpc/') || url.pathname.startsWith('/file/');
    if (guarded && !tokensEqual(headerValue(req, TOKEN_HEADER), token)) {
      return forbidden(
        res,
        'This Claimdesk server needs the link it printed when it started (the one with #token=…). Open that link.',
      );
    }

    if (url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST.');
      return rpc(req, res, decodeURIComponent(url.pathname.slice('/rpc/'.length)));
    }
    if (url.pathname.startsWith('/file/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST.');
      return file(req, res, decodeURIComponent(url.pathname.slice('/file/'.length)));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed.');
    return staticFile(res, url.pathname);
  }

  /** Exchanges a one-time link code for the token; the code is dead afterwards, used or not. */
  async function session(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let code: unknown;
    try {
      code = (JSON.parse(await readBody(req, 1024)) as { code?: unknown }).code;
    } catch {
      code = undefined;
    }
    res.setHeader('Cache-Control', 'no-store');
    if (typeof code !== 'string' || !linkCodes.redeem(code)) {
      return forbidden(
        res,
        'This link was already used or has expired. Open the link Claimdesk printed in the terminal.',
      );
    }
    send(res, 200, 'application/json', JSON.stringify({ token }));
  }

  /** The RPC call a POST asks for; null when its body was refused (the answer is sent). */
  async function call(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
  ): Promise<Result<unknown> | null> {
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('application/json')) {
      send(res, 415, 'text/plain; charset=utf-8', 'RPC bodies are application/json.');
      return null;
    }
    let body: string;
    try {
      body = await readBody(req, LIMITS.maxRequestBytes);
    } catch {
      const error = {
        code: 'too_large',
        message: `The request is larger than ${LIMITS.maxRequestBytes / 1024 / 1024} MB.`,
      };
      send(res, 413, 'application/json', JSON.stringify({ ok: false, error }));
      return null;
    }
    let input: unknown;
    try {
      input = body ? fromWire(body, (s) => new Uint8Array(Buffer.from(s, 'base64'))) : {};
    } catch {
      const error = { code: 'invalid_input', message: 'The request body is not valid JSON.' };
      send(res, 400, 'application/json', JSON.stringify({ ok: false, error }));
      return null;
    }
    res.setHeader('Cache-Control', 'no-store');
    return options.registry.call(method, input);
  }

  async function rpc(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const result = await call(req, res, method);
    if (result) send(res, 200, 'application/json', toWire(result));
  }

  /** A file method answered with the file itself; a refusal is the same JSON result as over /rpc. */
  async function file(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (!isFileMethod(method))
      return send(res, 404, 'text/plain; charset=utf-8', `${method} does not answer with a file.`);
    const result = await call(req, res, method);
    if (!result) return;
    if (!result.ok) return send(res, 200, 'application/json', toWire(result));
    const { fileName, mediaType, text } = result.value as ExportFile;
    // encoded once: Buffer.byteLength and then res.end(text) walked a 175 MB export twice (0.8 s)
    const body = Buffer.from(text, 'utf8');
    res.writeHead(200, {
      'Content-Type': mediaType,
      'Content-Length': body.length,
      'Content-Disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
      // the page reads the name from here: it cannot read Content-Disposition's quoting reliably
      'X-Claimdesk-File-Name': encodeURIComponent(fileName),
    });
    res.end(body);
  }

  function staticFile(res: ServerResponse, pathname: string): void {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    const file = resolve(rendererDir, relative === '' ? 'index.html' : relative);
    // resolve, then check the prefix: no path may leave the renderer folder
    if (file !== rendererDir && !file.startsWith(rendererDir + sep))
      return forbidden(res, 'Path not allowed.');
    const target =
      existsSync(file) && statSync(file).isFile() ? file : join(rendererDir, 'index.html');
    if (!existsSync(target)) {
      return send(
        res,
        500,
        'text/plain; charset=utf-8',
        'The renderer is not built. Run `npm run build` first.',
      );
    }
    res.writeHead(200, {
      'Content-Type': MIME[extname(target)] ?? 'application/octet-stream',
      'Cache-Control': target.endsWith('index.html') ? 'no-store' : 'max-age=3600',
    });
    createReadStream(target).pipe(res);
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    oneTimeUrl: () => `http://127.0.0.1:${port}/#code=${linkCodes.issue()}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type });
  res.end(body);
}

function forbidden(res: ServerResponse, message: string): void {
  send(res, 403, 'text/plain; charset=utf-8', `403 Forbidden: ${message}`);
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // past the limit, keep draining (without keeping) so the client still gets our 413 answer
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () =>
      size > limit ? fail(new Error('too large')) : ok(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', fail);
  });
}
