import { RELIABILITIES, type Credibility, type Reliability } from '../../../../shared/grading';
import type { RelationKind } from '../../../../shared/model';

/**
 * The board's keys, in one table for the handler, the help text and the hints (the app's action
 * registry lists them too). Digits grade a claim's credibility, Shift+letter its source's
 * reliability; while linking, a letter names the relation.
 */
export const LINK_KEYS: Record<string, RelationKind> = {
  s: 'supports',
  c: 'contradicts',
  r: 'repeats',
  f: 'refines',
  d: 'derived_from',
  i: 'cites',
};

export type BoardKeyAction =
  | { type: 'credibility'; value: Credibility | null }
  | { type: 'reliability'; value: Reliability | null }
  | { type: 'startLink' }
  | { type: 'link'; kind: RelationKind }
  | { type: 'open' }
  | { type: 'cancel' }
  | { type: 'move'; dx: number; dy: number };

/** What a key on a focused card does, or null when the board does not use it. */
export function boardKey(
  e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>,
  linking: boolean,
): BoardKeyAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const moves: Record<string, [number, number]> = {
    ArrowLeft: [-1, 0],
    ArrowRight: [1, 0],
    ArrowUp: [0, -1],
    ArrowDown: [0, 1],
  };
  const move = moves[e.key];
  if (move) return { type: 'move', dx: move[0], dy: move[1] };
  if (e.key === 'Enter') return { type: 'open' };
  if (e.key === 'Escape') return linking ? { type: 'cancel' } : null;
  if (linking) {
    const kind = LINK_KEYS[e.key.toLowerCase()];
    return kind ? { type: 'link', kind } : null;
  }
  if (/^[1-6]$/.test(e.key)) return { type: 'credibility', value: Number(e.key) as Credibility };
  if (e.key === '0') return { type: 'credibility', value: null };
  if (e.shiftKey && (RELIABILITIES as readonly string[]).includes(e.key.toUpperCase()))
    return { type: 'reliability', value: e.key.toUpperCase() as Reliability };
  if (e.key.toLowerCase() === 'l' && !e.shiftKey) return { type: 'startLink' };
  return null;
}

export const BOARD_HELP =
  'Arrows move between cards · Enter opens the passage · 1–6 grade credibility (0 clears) · ' +
  'Shift+A…F grade the source · L links: then S supports, C contradicts, R repeats, F refines, ' +
  'D derived from, I cites (or drag one card onto another)';
