/**
 * Maps a selection in the rendered reader back to canonical [start, end) offsets.
 *
 * The walk is written against a tiny tree interface so that the same code runs over the real DOM
 * (offsets-dom.ts) and over plain objects in unit tests (no DOM library is installed). Rules:
 * - a block element carries its canonical start/end (data-start/data-end in the DOM);
 * - inside a block, text nodes count their length and a line break counts as one "\n";
 * - a point between blocks (in a section wrapper, a page label, a placeholder) maps to the next
 *   block's start when it starts a selection and to the previous block's end when it ends one.
 */

export interface TreeAdapter<N> {
  parent(node: N): N | null;
  children(node: N): readonly N[];
  /** the text length of a text node, or null for other nodes */
  textLength(node: N): number | null;
  isLineBreak(node: N): boolean;
  /** the canonical range of a block element, or null when the node is not a block */
  blockRange(node: N): { start: number; end: number } | null;
}

export interface Point<N> {
  node: N;
  /** a character index in a text node, or a child index in an element (the DOM convention) */
  offset: number;
}

/** Canonical offset of a boundary point, or null when it lies outside every block of `root`. */
export function pointToOffset<N>(
  tree: TreeAdapter<N>,
  root: N,
  point: Point<N>,
  bias: 'start' | 'end',
): number | null {
  const block = enclosingBlock(tree, root, point.node);
  if (block) {
    const range = tree.blockRange(block)!;
    const chars = charsBefore(tree, block, point);
    return Math.min(range.start + chars, range.end);
  }
  if (!isInside(tree, root, point.node)) return null;
  return bias === 'start' ? nextBlockStart(tree, root, point) : previousBlockEnd(tree, root, point);
}

/**
 * Canonical [start, end) of a selection given its two boundary points in document order, with
 * surrounding whitespace trimmed. Null when nothing but whitespace (or nothing at all) is selected.
 */
export function selectionToSpan<N>(
  tree: TreeAdapter<N>,
  root: N,
  first: Point<N>,
  last: Point<N>,
  text: string,
): { start: number; end: number } | null {
  const a = pointToOffset(tree, root, first, 'start');
  const b = pointToOffset(tree, root, last, 'end');
  if (a === null || b === null) return null;
  return trimSpan(text, a, b);
}

/** Shrinks [start, end) past leading and trailing whitespace; null if nothing is left. */
export function trimSpan(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } | null {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return s < e ? { start: s, end: e } : null;
}

function enclosingBlock<N>(tree: TreeAdapter<N>, root: N, node: N): N | null {
  for (let n: N | null = node; n !== null; n = tree.parent(n)) {
    if (tree.blockRange(n)) return n;
    if (n === root) return null;
  }
  return null;
}

function isInside<N>(tree: TreeAdapter<N>, root: N, node: N): boolean {
  for (let n: N | null = node; n !== null; n = tree.parent(n)) if (n === root) return true;
  return false;
}

/** Characters of the block's rendered text that come before the point. */
function charsBefore<N>(tree: TreeAdapter<N>, block: N, point: Point<N>): number {
  const len = tree.textLength(point.node);
  if (len !== null) return leafCharsBefore(tree, block, point.node) + Math.min(point.offset, len);
  const kids = tree.children(point.node);
  if (tree.isLineBreak(point.node)) return leafCharsBefore(tree, block, point.node);
  // a point in an element sits before children[offset]: count everything before that child
  const next = kids[point.offset];
  if (next !== undefined) return leafCharsBefore(tree, block, next);
  // after the element's last child: everything before the element plus its whole content
  return leafCharsBefore(tree, block, point.node) + contentLength(tree, point.node);
}

/** Characters in `block` before `target` (a descendant of block), counted leaf by leaf. */
function leafCharsBefore<N>(tree: TreeAdapter<N>, block: N, target: N): number {
  let count = 0;
  let found = false;
  const walk = (n: N): void => {
    if (found) return;
    if (n === target) {
      found = true;
      return;
    }
    const len = tree.textLength(n);
    if (len !== null) count += len;
    else if (tree.isLineBreak(n)) count += 1;
    else for (const c of tree.children(n)) walk(c);
  };
  for (const c of tree.children(block)) walk(c);
  return count;
}

function contentLength<N>(tree: TreeAdapter<N>, node: N): number {
  const len = tree.textLength(node);
  if (len !== null) return len;
  if (tree.isLineBreak(node)) return 1;
  let sum = 0;
  for (const c of tree.children(node)) sum += contentLength(tree, c);
  return sum;
}

/** The first block in document order at or after the point. */
function nextBlockStart<N>(tree: TreeAdapter<N>, root: N, point: Point<N>): number | null {
  const kids = tree.children(point.node);
  const from = tree.textLength(point.node) !== null ? null : point.offset;
  // look into the children after the point, then climb and look at following siblings
  if (from !== null) {
    for (let i = from; i < kids.length; i++) {
      const b = firstBlock(tree, kids[i]!);
      if (b !== null) return b.start;
    }
  }
  for (let n = point.node; n !== root;) {
    const parent = tree.parent(n);
    if (parent === null) return null;
    const siblings = tree.children(parent);
    for (let i = siblings.indexOf(n) + 1; i < siblings.length; i++) {
      const b = firstBlock(tree, siblings[i]!);
      if (b !== null) return b.start;
    }
    n = parent;
  }
  return null;
}

/** The last block in document order before the point. */
function previousBlockEnd<N>(tree: TreeAdapter<N>, root: N, point: Point<N>): number | null {
  const kids = tree.children(point.node);
  const before = tree.textLength(point.node) !== null ? null : point.offset;
  if (before !== null) {
    for (let i = Math.min(before, kids.length) - 1; i >= 0; i--) {
      const b = lastBlock(tree, kids[i]!);
      if (b !== null) return b.end;
    }
  }
  for (let n = point.node; n !== root;) {
    const parent = tree.parent(n);
    if (parent === null) return null;
    const siblings = tree.children(parent);
    for (let i = siblings.indexOf(n) - 1; i >= 0; i--) {
      const b = lastBlock(tree, siblings[i]!);
      if (b !== null) return b.end;
    }
    n = parent;
  }
  return null;
}

function firstBlock<N>(tree: TreeAdapter<N>, node: N): { start: number; end: number } | null {
  const own = tree.blockRange(node);
  if (own) return own;
  for (const c of tree.children(node)) {
    const b = firstBlock(tree, c);
    if (b) return b;
  }
  return null;
}

function lastBlock<N>(tree: TreeAdapter<N>, node: N): { start: number; end: number } | null {
  const own = tree.blockRange(node);
  if (own) return own;
  const kids = tree.children(node);
  for (let i = kids.length - 1; i >= 0; i--) {
    const b = lastBlock(tree, kids[i]!);
    if (b) return b;
  }
  return null;
}
