import { describe, expect, it } from 'vitest';
import { offsetToPoint } from './locate';
import { pointToOffset, type TreeAdapter } from './offsets';

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

// "At least 27 died,\nperhaps closer to 50." starting at canonical offset 14
const a = t('At least ');
const b = t('27');
const c = t(' died,');
const lineBreak = br();
const d = t('perhaps closer to 50.');
const para = el({ start: 14, end: 53 }, el(null, a, el(null, b), c), lineBreak, d);
const root = el(null, para);

describe('offsetToPoint', () => {
  it('finds the text node and the offset inside it', () => {
    expect(offsetToPoint(tree, para, 0)).toEqual({ node: a, offset: 0 });
    expect(offsetToPoint(tree, para, 3)).toEqual({ node: a, offset: 3 });
    expect(offsetToPoint(tree, para, 10)).toEqual({ node: b, offset: 1 });
  });

  it('puts a point between text nodes at the start of the later one', () => {
    expect(offsetToPoint(tree, para, 9)).toEqual({ node: b, offset: 0 });
  });

  it('counts a line break as one character', () => {
    expect(offsetToPoint(tree, para, 17)).toEqual({ node: para, offset: 1 });
    expect(offsetToPoint(tree, para, 18)).toEqual({ node: d, offset: 0 });
  });

  it('clamps past the end of the block to its last position', () => {
    expect(offsetToPoint(tree, para, 38)).toEqual({ node: d, offset: 20 });
    expect(offsetToPoint(tree, para, 500)).toEqual({ node: d, offset: d.text!.length });
  });

  it('round-trips with pointToOffset at every position', () => {
    for (let i = 0; i < 39; i++) {
      const point = offsetToPoint(tree, para, i);
      expect(pointToOffset(tree, root, point, 'start')).toBe(14 + i);
    }
  });
});
