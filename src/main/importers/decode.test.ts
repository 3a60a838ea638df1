import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8, looksBinary } from './decode';
import { ImportError } from './errors';

const SAMPLE = 'Riot in Khujand: «Мы не знали» 🙂\nat least 27, closer to 50';

function utf16(s: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + 2 * i] = littleEndian ? c & 0xff : c >> 8;
    out[3 + 2 * i] = littleEndian ? c >> 8 : c & 0xff;
  }
  return out;
}

function catchImportError(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error('expected an ImportError');
}

describe('decodeText', () => {
  it('decodes UTF-8 without a BOM', () => {
    expect(decodeText(new TextEncoder().encode(SAMPLE))).toBe(SAMPLE);
  });

  it('strips a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SAMPLE)]);
    const text = decodeText(bytes);
    expect(text).toBe(SAMPLE);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('decodes UTF-16 LE and BE with a BOM, surrogate pairs included', () => {
    expect(decodeText(utf16(SAMPLE, true))).toBe(SAMPLE);
    expect(decodeText(utf16(SAMPLE, false))).toBe(SAMPLE);
    expect(decodeText(utf16('🙂', false))).toBe('🙂');
  });

  it('normalizes CRLF and CR to LF', () => {
    expect(decodeText(new TextEncoder().encode('a\r\nb\rc\n\r\nd'))).toBe('a\nb\nc\n\nd');
    expect(decodeText(utf16('a\r\nb', true))).toBe('a\nb');
  });

  it('refuses 0 bytes as empty', () => {
    expect(catchImportError(() => decodeText(new Uint8Array())).code).toBe('empty');
  });

  it('accepts a file that is only a BOM (the importers decide it has no text)', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf]))).toBe('');
  });

  it('refuses invalid UTF-8 with the offset of the first bad byte', () => {
    // "Khujand " then a Windows-1251 "М" (0xCC) followed by ASCII
    const head = new TextEncoder().encode('line one\nKhujand ');
    const bytes = new Uint8Array([...head, 0xcc, 0x61, 0x62]);
    const err = catchImportError(() => decodeText(bytes));
    expect(err.code).toBe('invalid_encoding');
    expect(err.message).toContain(`offset ${head.length}`);
    expect(err.message).toContain('line 2');
    expect(err.message).toMatch(/UTF-8/);
    expect(err.message).toMatch(/save/i);
  });

  it('reports a truncated sequence at the end of the file', () => {
    const bytes = new Uint8Array([0x61, 0x62, 0xf0, 0x9f, 0x99]); // "ab" + 3 of 4 bytes of 🙂
    const err = catchImportError(() => decodeText(bytes));
    expect(err.code).toBe('invalid_encoding');
    expect(err.message).toContain('offset 2');
  });

  it('refuses binary content as not_text', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const err = catchImportError(() => decodeText(png));
    expect(err.code).toBe('not_text');
    expect(err.message).toMatch(/^This file looks binary, not text/);

    const controls = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(catchImportError(() => decodeText(controls)).code).toBe('not_text');
  });

  it('accepts text with a few control characters (form feeds, ANSI escapes)', () => {
    const s = 'page one\fpage two \u001b[1mbold\u001b[0m';
    expect(decodeText(new TextEncoder().encode(s))).toBe(s);
  });

  it('refuses UTF-16 with an odd byte count or an unpaired surrogate', () => {
    const odd = new Uint8Array([...utf16('ab', true), 0x61]);
    expect(catchImportError(() => decodeText(odd)).code).toBe('invalid_encoding');
    const lone = utf16('a\ud83db', true);
    const err = catchImportError(() => decodeText(lone));
    expect(err.code).toBe('invalid_encoding');
    expect(err.message).toContain('offset 4');
  });
});

describe('firstInvalidUtf8', () => {
  it('agrees with the WHATWG decoder on edge cases', () => {
    const cases: [number[], number][] = [
      [[0x41, 0x42], -1],
      [[0xc0, 0x80], 0], // overlong
      [[0xe0, 0x80, 0x80], 0], // overlong
      [[0xed, 0xa0, 0x80], 0], // surrogate
      [[0xf4, 0x90, 0x80, 0x80], 0], // > U+10FFFF
      [[0x41, 0xd0, 0x9c, 0xff], 3],
      [[0xf0, 0x9f, 0x99, 0x82], -1], // 🙂
    ];
    for (const [bytes, expected] of cases) {
      const arr = new Uint8Array(bytes);
      expect(firstInvalidUtf8(arr)).toBe(expected);
      let valid = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(arr);
      } catch {
        valid = false;
      }
      expect(valid).toBe(expected === -1);
    }
  });
});

describe('looksBinary', () => {
  it('only looks at the first 8 KB', () => {
    const bytes = new Uint8Array(10000).fill(0x41);
    bytes[9000] = 0;
    expect(looksBinary(bytes)).toBe(false);
    bytes[100] = 0;
    expect(looksBinary(bytes)).toBe(true);
  });
});
