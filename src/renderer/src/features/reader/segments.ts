/**
 * Cuts one block's text into runs that share the same inline formats, link and covering claims.
 * Because the reader is read-only, splitting at every boundary up front (instead of wrapping the
 * selection later) makes overlapping claims natural: each run simply lists every claim covering it.
 * Pure: the Lexical glue (editor/build.ts) turns pieces into nodes.
 */
import type { Block, InlineMark } from '../../../../shared/model';

export type TextFormat = 'bold' | 'italic' | 'code' | 'strikethrough' | 'superscript' | 'subscript';

const FORMAT_OF: Partial<Record<InlineMark['type'], TextFormat>> = {
  strong: 'bold',
  emphasis: 'italic',
  code: 'code',
  strikethrough: 'strikethrough',
  superscript: 'superscript',
  subscript: 'subscript',
};

export interface Highlight {
  claimId: string;
  start: number;
  end: number;
}

/** A passage linked to an entity: styled by the entity's kind, under or over claim highlights. */
export interface MentionSpan {
  mentionId: string;
  entityId: string;
  kind: string;
  start: number;
  end: number;
}

/** The mentions covering a piece of text (usually none or one). */
export type PieceMention = Pick<MentionSpan, 'mentionId' | 'entityId' | 'kind'>;

export type Piece =
  | {
      kind: 'text';
      start: number;
      end: number;
      text: string;
      formats: TextFormat[];
      href: string | null;
      claimIds: string[];
      mentions: PieceMention[];
    }
  | { kind: 'break'; start: number; claimIds: string[] };

/**
 * Pieces covering text[block.start, block.end) exactly, in order. A "\n" becomes a break piece
 * (one character, like the LineBreakNode it renders as). Marks and highlights may extend outside
 * the block; they are clipped.
 */
export function blockPieces(
  text: string,
  block: Pick<Block, 'start' | 'end'>,
  marks: readonly InlineMark[],
  highlights: readonly Highlight[],
  mentions: readonly MentionSpan[] = [],
): Piece[] {
  const { start, end } = block;
  const inBlock = <T extends { start: number; end: number }>(r: T) =>
    r.end > start && r.start < end && r.end > r.start;
  const ms = marks.filter(inBlock);
  const hs = highlights.filter(inBlock);
  const ns = mentions.filter(inBlock);

  const cuts = new Set<number>([start, end]);
  for (const r of [...ms, ...hs, ...ns]) {
    cuts.add(Math.max(start, r.start));
    cuts.add(Math.min(end, r.end));
  }
  for (let i = text.indexOf('\n', start); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
    cuts.add(i);
    cuts.add(i + 1);
  }
  const points = [...cuts].sort((a, b) => a - b);

  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const covering = <T extends { start: number; end: number }>(r: T) => r.start <= a && r.end >= b;
    const claimIds = unique(hs.filter(covering).map((h) => h.claimId));
    if (text[a] === '\n' && b === a + 1) {
      pieces.push({ kind: 'break', start: a, claimIds });
      continue;
    }
    const active = ms.filter(covering);
    const formats = unique(active.flatMap((m) => FORMAT_OF[m.type] ?? []));
    const href = active.find((m) => m.type === 'link' && m.href)?.href ?? null;
    pieces.push({
      kind: 'text',
      start: a,
      end: b,
      text: text.slice(a, b),
      formats,
      href,
      claimIds,
      mentions: ns
        .filter(covering)
        .map(({ mentionId, entityId, kind }) => ({ mentionId, entityId, kind })),
    });
  }
  return pieces;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** Two pieces belong in the same highlight wrapper when exactly the same claims cover them. */
export function sameClaims(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** The marker shown before list items: "•" by depth, or the item's number in ordered lists. */
export function listMarkers(blocks: readonly Block[]): (string | null)[] {
  const counters: number[] = [];
  return blocks.map((b) => {
    if (b.type !== 'list-item') {
      counters.length = 0;
      return null;
    }
    const depth = Math.max(1, b.level ?? 1);
    counters.length = depth; // deeper counters restart when a shallower item intervenes
    const n = (counters[depth - 1] ?? 0) + 1;
    counters[depth - 1] = n;
    if (b.ordered) return `${n}.`;
    return ['•', '◦', '▪'][(depth - 1) % 3]!;
  });
}
