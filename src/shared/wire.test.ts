import { describe, expect, it } from 'vitest';
import { fromWire, toWire } from './wire';

describe('wire', () => {
  it('carries bytes as base64 and brings them back as a Uint8Array, nested or not', () => {
    const value = {
      name: 'a.pdf',
      bytes: new Uint8Array([0, 1, 254, 255]),
      list: [new Uint8Array([7])],
    };
    const back = fromWire(toWire(value)) as typeof value;
    expect(back.bytes).toBeInstanceOf(Uint8Array);
    expect([...back.bytes]).toEqual([0, 1, 254, 255]);
    expect([...back.list[0]!]).toEqual([7]);
    expect(back.name).toBe('a.pdf');
  });

  it('leaves an object that only looks like bytes alone, and parses text without bytes as is', () => {
    expect(fromWire('{"$bytes":"AQ==","other":1}')).toEqual({ $bytes: 'AQ==', other: 1 });
    expect(fromWire('{"edges":{"source":[0,1],"target":[1,2]},"label":"$bytes"}')).toEqual({
      edges: { source: [0, 1], target: [1, 2] },
      label: '$bytes',
    });
  });

  it('writes an answer without bytes as plain JSON, and bytes at any depth with the marker', () => {
    const plain = { start: [1, 2], nested: { ok: true, at: null }, quote: 'the "$bytes" key' };
    expect(toWire(plain)).toBe(JSON.stringify(plain));
    expect(fromWire(toWire(plain))).toEqual(plain);
    const deep = { columns: { ids: ['a'] }, files: [[{ bytes: new Uint8Array([9]) }]] };
    expect(toWire(deep)).toContain('"$bytes"');
    expect(fromWire(toWire(deep))).toEqual(deep);
  });
});
