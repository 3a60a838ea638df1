/**
 * Editing a vocabulary list (entity kinds, claim types) as rows: each row remembers the value it
 * started as, so typing over "organization" sends a rename (which the backend applies to every
 * entity of that kind) rather than a removal it would refuse.
 */

export interface Row {
  /** the stored value this row started as; null for a row added here */
  from: string | null;
  value: string;
}

export const rowsOf = (values: readonly string[]): Row[] =>
  values.map((v) => ({ from: v, value: v }));

export interface ListChange {
  values: string[];
  renames: { from: string; to: string }[];
}

/** What to send for the rows, or a problem to show; null when nothing changed. */
export function listChange(
  saved: readonly string[],
  rows: readonly Row[],
): ListChange | { problem: string } | null {
  const kept = rows
    .map((r) => ({ ...r, value: r.value.replace(/\s+/g, ' ').trim() }))
    .filter((r) => r.value !== '' || r.from !== null);
  if (kept.some((r) => r.value === ''))
    return { problem: 'A value cannot be empty: remove it instead.' };
  if (kept.length === 0) return { problem: 'Keep at least one value.' };
  const seen = new Set<string>();
  for (const r of kept) {
    const key = r.value.toLocaleLowerCase();
    if (seen.has(key)) return { problem: `“${r.value}” is listed twice.` };
    seen.add(key);
  }
  const values = kept.map((r) => r.value);
  const renames = kept
    .filter((r) => r.from !== null && r.from !== r.value)
    .map((r) => ({ from: r.from!, to: r.value }));
  const same = values.length === saved.length && values.every((v, i) => v === saved[i]);
  return same ? null : { values, renames };
}
