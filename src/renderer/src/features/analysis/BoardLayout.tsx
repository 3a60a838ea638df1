import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { Board } from '../../../../shared/api-analysis';

/** A statement cut to fit a label or a message on the board. */
export const short = (s: string) => (s.length > 50 ? `${s.slice(0, 47)}…` : s);

export interface StanceRow {
  stance: string;
  groups: Board['groups'];
}

const STANCE_TITLES: Record<string, string> = {
  asserts: 'Asserted',
  denies: 'Denied',
  questions: 'Questioned',
};

/**
 * Rows by stance; within a row, propositions side by side, each contradicting pair next to each
 * other so "at least 27" and "closer to 50" face one another.
 */
export function stanceRows(board: Board): StanceRow[] {
  const partners = new Map<string, string[]>();
  for (const c of board.contradictions) {
    partners.set(c.fromGroup, [...(partners.get(c.fromGroup) ?? []), c.toGroup]);
    partners.set(c.toGroup, [...(partners.get(c.toGroup) ?? []), c.fromGroup]);
  }
  const rows: StanceRow[] = [];
  for (const stance of ['asserts', 'denies', 'questions']) {
    const groups = board.groups.filter((g) => g.stance === stance);
    const ordered: Board['groups'] = [];
    const placed = new Set<string>();
    const place = (id: string) => {
      const g = groups.find((x) => x.id === id);
      if (!g || placed.has(id)) return;
      placed.add(id);
      ordered.push(g);
      for (const p of partners.get(id) ?? []) place(p);
    };
    for (const g of groups) place(g.id);
    if (ordered.length > 0) rows.push({ stance, groups: ordered });
  }
  return rows;
}

/**
 * The board's rows by stance and their propositions' boxes (the cards inside come from
 * `children`), with a line drawn between each contradicting pair.
 */
export function BoardLayout({
  board,
  rows,
  children,
}: {
  board: Board;
  rows: StanceRow[];
  children: (group: Board['groups'][number]) => ReactNode;
}) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const [lines, setLines] = useState<
    { x1: number; y1: number; x2: number; y2: number; key: string }[]
  >([]);
  // contradiction lines join the facing edges of the two groups' boxes, measured after layout
  useLayoutEffect(() => {
    const wrap = wrapRef.current;
    if (!wrap) return;
    const measure = () => {
      const origin = wrap.getBoundingClientRect();
      const box = (id: string) =>
        wrap.querySelector(`[data-group-id="${id}"]`)?.getBoundingClientRect();
      const next = board.contradictions.flatMap((c) => {
        const a = box(c.fromGroup);
        const b = box(c.toGroup);
        if (!a || !b) return [];
        const [left, right] = a.left <= b.left ? [a, b] : [b, a];
        return [
          {
            key: `${c.fromGroup}-${c.toGroup}`,
            x1: left.right - origin.left + wrap.scrollLeft,
            y1: left.top + 24 - origin.top + wrap.scrollTop,
            x2: right.left - origin.left + wrap.scrollLeft,
            y2: right.top + 24 - origin.top + wrap.scrollTop,
          },
        ];
      });
      setLines(next);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(wrap);
    return () => observer.disconnect();
  }, [board, rows]);
  const titleOf = new Map(board.groups.map((g) => [g.id, g.claims[0]!.statement]));
  return (
    <div className="board-layout" ref={wrapRef}>
      <svg className="board-lines" aria-hidden="true">
        {lines.map((l) => (
          <line key={l.key} x1={l.x1} y1={l.y1} x2={l.x2} y2={l.y2} />
        ))}
      </svg>
      {rows.map((row) => (
        <section key={row.stance} className="board-row" aria-label={STANCE_TITLES[row.stance]}>
          <h3 className="board-row-title">{STANCE_TITLES[row.stance]}</h3>
          <div className="board-groups">
            {row.groups.map((g) => {
              const against = board.contradictions
                .filter((c) => c.fromGroup === g.id || c.toGroup === g.id)
                .map((c) => (c.fromGroup === g.id ? c.toGroup : c.fromGroup));
              return (
                <section
                  key={g.id}
                  className={`board-group${against.length ? ' is-contested' : ''}`}
                  data-group-id={g.id}
                  aria-label={`Proposition: ${g.claims[0]!.statement} (${g.claims.length} claim${g.claims.length === 1 ? '' : 's'})`}
                >
                  {against.length > 0 && (
                    <p className="board-contradicts">
                      Contradicts:{' '}
                      {against.map((id) => `“${short(titleOf.get(id) ?? '')}”`).join(', ')}
                    </p>
                  )}
                  {children(g)}
                </section>
              );
            })}
          </div>
        </section>
      ))}
    </div>
  );
}
