import { describe, expect, it } from 'vitest';
import { fromWire, toWire } from './wire';

describe('the HTTP wire format', () => {
  it('carries bytes at any depth, and everything else as plain JSON', () => {
    const value = {
      file: { name: 'a.pdf', bytes: new Uint8Array([0, 1, 254, 255]) },
      list: [1, 'two', null, [new Uint8Array([7])]],
      columns: { start: [1, 2, 3], ids: ['a', 'b'] },
    };
    const text = toWire(value);
    expect(text).toContain('"$bytes"');
    expect(fromWire(text)).toEqual(value);
    const plain = { start: [1, 2], nested: { ok: true, at: null } };
    expect(toWire(plain)).toBe(JSON.stringify(plain));
    expect(fromWire(JSON.stringify(plain))).toEqual(plain);
  });

  it('leaves text that merely mentions the key as text', () => {
    const value = { quote: 'the field "$bytes" holds base64', other: { $bytes: 'AA==', more: 1 } };
    const text = toWire(value);
    // an object with another key beside $bytes is not bytes
    expect(fromWire(text)).toEqual(value);
    expect(fromWire(JSON.stringify({ quote: '"$bytes"' }))).toEqual({ quote: '"$bytes"' });
  });
});
