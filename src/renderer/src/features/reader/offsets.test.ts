import { describe, expect, it } from 'vitest';
import { pointToOffset, selectionToSpan, trimSpan, type TreeAdapter } from './offsets';

// A stand-in for the DOM: elements (optionally blocks with a canonical range), text, <br>.
interface N {
  kind: 'el' | 'text' | 'br';
  text?: string;
  range?: { start: number; end: number };
  children: N[];
  parent: N | null;
}
const el = (range: { start: number; end: number } | null, ...children: N[]): N => {
  const node: N = { kind: 'el', children, parent: null, ...(range ? { range } : {}) };
  for (const c of children) c.parent = node;
  return node;
};
const t = (text: string): N => ({ kind: 'text', text, children: [], parent: null });
const br = (): N => ({ kind: 'br', children: [], parent: null });

const tree: TreeAdapter<N> = {
  parent: (n) => n.parent,
  children: (n) => n.children,
  textLength: (n) => (n.kind === 'text' ? n.text!.length : null),
  isLineBreak: (n) => n.kind === 'br',
  blockRange: (n) => n.range ?? null,
};

// canonical text: two blocks separated by "\n\n"; the second has a line break and a bold run
const TEXT = 'Khujand riot\n\nAt least 27 died,\nperhaps closer to 50.';
//            0         1          2         3         4         5
//            0123456789012 3 45678901234567890 123456789012345678901
const h1Text = t('Khujand riot');
const p1a = t('At least ');
const p1b = t('27');
const p1c = t(' died,');
const lineBreak = br();
const p1d = t('perhaps closer to 50.');
const heading = el({ start: 0, end: 12 }, el(null, h1Text));
const para = el({ start: 14, end: 51 }, el(null, p1a, el(null, p1b), p1c), lineBreak, p1d);
const label = t('p. 2');
const section = el(null, heading, el(null, label), para);
const root = el(null, section);

describe('pointToOffset', () => {
  it('counts text inside a block from the block start', () => {
    expect(pointToOffset(tree, root, { node: h1Text, offset: 4 }, 'start')).toBe(4);
    expect(pointToOffset(tree, root, { node: p1b, offset: 1 }, 'start')).toBe(14 + 10);
  });

  it('counts a line break as one character', () => {
    expect(pointToOffset(tree, root, { node: p1d, offset: 0 }, 'start')).toBe(
      TEXT.indexOf('perhaps'),
    );
    expect(pointToOffset(tree, root, { node: para, offset: 1 }, 'start')).toBe(
      TEXT.indexOf('\nperhaps'),
    );
    expect(pointToOffset(tree, root, { node: para, offset: 2 }, 'start')).toBe(
      TEXT.indexOf('perhaps'),
    );
  });

  it('maps element points (child index) to the characters before that child', () => {
    expect(pointToOffset(tree, root, { node: para, offset: 0 }, 'start')).toBe(14);
    expect(pointToOffset(tree, root, { node: para, offset: 3 }, 'end')).toBe(51);
  });

  it('maps points between blocks to the next start or the previous end', () => {
    expect(pointToOffset(tree, root, { node: section, offset: 1 }, 'start')).toBe(14);
    expect(pointToOffset(tree, root, { node: section, offset: 1 }, 'end')).toBe(12);
    expect(pointToOffset(tree, root, { node: label, offset: 2 }, 'start')).toBe(14);
    expect(pointToOffset(tree, root, { node: label, offset: 2 }, 'end')).toBe(12);
    expect(pointToOffset(tree, root, { node: root, offset: 1 }, 'end')).toBe(51);
    expect(pointToOffset(tree, root, { node: root, offset: 1 }, 'start')).toBeNull();
  });

  it('clamps an extra trailing <br> (Lexical adds one after a final line break) to the block end', () => {
    const p = el({ start: 0, end: 3 }, t('abc'), br(), br());
    const r = el(null, p);
    expect(pointToOffset(tree, r, { node: p, offset: 3 }, 'end')).toBe(3);
  });

  it('returns null for points outside the root', () => {
    const other = t('elsewhere');
    el(null, other);
    expect(pointToOffset(tree, root, { node: other, offset: 0 }, 'start')).toBeNull();
  });
});

describe('selectionToSpan', () => {
  it('spans blocks and trims surrounding whitespace', () => {
    const span = selectionToSpan(
      tree,
      root,
      { node: h1Text, offset: 8 },
      { node: p1c, offset: 5 },
      TEXT,
    );
    expect(span).toEqual({ start: 8, end: 14 + 16 });
    expect(TEXT.slice(span!.start, span!.end)).toBe('riot\n\nAt least 27 died');
  });

  it('trims a selection that starts in the gap before a block', () => {
    const span = selectionToSpan(
      tree,
      root,
      { node: section, offset: 1 },
      { node: p1b, offset: 2 },
      TEXT,
    );
    expect(TEXT.slice(span!.start, span!.end)).toBe('At least 27');
  });

  it('is null for whitespace only', () => {
    expect(
      selectionToSpan(tree, root, { node: p1a, offset: 8 }, { node: p1a, offset: 9 }, TEXT),
    ).toBeNull();
  });
});

describe('trimSpan', () => {
  it('keeps inner whitespace and handles Cyrillic', () => {
    const text = '  Гулмурод Халимов  ';
    expect(trimSpan(text, 0, text.length)).toEqual({ start: 2, end: 18 });
  });
  it('clamps to the text', () => {
    expect(trimSpan('abc', -5, 99)).toEqual({ start: 0, end: 3 });
    expect(trimSpan('   ', 0, 3)).toBeNull();
  });
});
