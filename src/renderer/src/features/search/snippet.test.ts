import { describe, expect, it } from 'vitest';
import { snippetParts } from './snippet';

const join = (parts: { text: string }[]) => parts.map((p) => p.text).join('');

describe('snippetParts', () => {
  it('marks the highlighted ranges and keeps the rest as plain text', () => {
    expect(snippetParts('a riot in Khujand prison', [{ start: 10, end: 17 }])).toEqual([
      { text: 'a riot in ', marked: false },
      { text: 'Khujand', marked: true },
      { text: ' prison', marked: false },
    ]);
  });

  it('sorts, merges overlapping or touching ranges and clamps them to the text', () => {
    const text = 'Khujand prison riot';
    const parts = snippetParts(text, [
      { start: 15, end: 99 },
      { start: 0, end: 7 },
      { start: 5, end: 8 },
      { start: 8, end: 14 },
      { start: -3, end: -1 },
    ]);
    expect(parts).toEqual([
      { text: 'Khujand prison', marked: true },
      { text: ' ', marked: false },
      { text: 'riot', marked: true },
    ]);
    expect(join(parts)).toBe(text);
  });

  it('returns the text unmarked without highlights, and nothing for empty text', () => {
    expect(snippetParts('«Мы не знали»', [])).toEqual([{ text: '«Мы не знали»', marked: false }]);
    expect(snippetParts('', [{ start: 0, end: 3 }])).toEqual([]);
  });

  it('never turns markup in the text into anything but text', () => {
    const text = '<img src=x onerror=alert(1)> Khujand';
    expect(join(snippetParts(text, [{ start: 29, end: 36 }]))).toBe(text);
  });
});
