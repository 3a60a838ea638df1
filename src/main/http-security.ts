import { timingSafeEqual } from 'node:crypto';

/** Served with every response of the HTTP shell (and mirrored in index.html for Electron). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The one way a request presents the session token (never a cookie: see serve.ts). */
export const TOKEN_HEADER = 'x-claimdesk-token';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** Host must name the loopback interface and our port: defeats DNS rebinding. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return !!host && LOOPBACK_NAMES.some((name) => host === `${name}:${port}`);
}

/** A cross-site page may not call us; requests from our own pages carry our origin or none. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return LOOPBACK_NAMES.some((name) => origin === `http://${name}:${port}`);
}

export function tokensEqual(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
