/**
 * JSON with bytes: the HTTP shell carries Uint8Array values (file uploads, PDF bytes) as
 * {"$bytes": base64}. Electron's IPC clones them natively and does not need this.
 */
const BYTES_KEY = '$bytes';

export function toWire(value: unknown): string {
  // a replacer costs a call per value; walking the value first to find bytes is many times cheaper
  // on the large answers (a 100,000-claim timeline's columns), and most answers hold none
  if (!holdsBytes(value)) return JSON.stringify(value);
  return JSON.stringify(value, (_key, v: unknown) =>
    v instanceof Uint8Array ? { [BYTES_KEY]: bytesToBase64(v) } : v,
  );
}

function holdsBytes(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (value instanceof Uint8Array) return true;
  const items = Array.isArray(value) ? (value as unknown[]) : Object.values(value);
  for (const item of items)
    if (typeof item === 'object' && item !== null && holdsBytes(item)) return true;
  return false;
}

export function fromWire(
  json: string,
  decodeBase64: (s: string) => Uint8Array = base64ToBytes,
): unknown {
  // a reviver is called for every value (800,000 of them for a 100,000-claim timeline): only a text
  // holding the key itself can hold bytes (inside a string the quotes would be escaped)
  if (!json.includes(`"${BYTES_KEY}"`)) return JSON.parse(json);
  return JSON.parse(json, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const encoded = (v as Record<string, unknown>)[BYTES_KEY];
      if (keys.length === 1 && typeof encoded === 'string') return decodeBase64(encoded);
    }
    return v;
  });
}

const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
