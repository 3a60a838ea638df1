/**
 * JSON with bytes: the HTTP shell carries Uint8Array values (file uploads, PDF bytes) as
 * {"$bytes": base64}. Electron's IPC clones them natively and does not need this.
 */
const BYTES_KEY = '$bytes';

export function toWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v instanceof Uint8Array ? { [BYTES_KEY]: bytesToBase64(v) } : v,
  );
}

export function fromWire(
  json: string,
  decodeBase64: (s: string) => Uint8Array = base64ToBytes,
): unknown {
  // a reviver is called for every value: without bytes in the text, parse without one (the
  // network's 200,000 numbers took a quarter of a second to revive for nothing)
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
