import type { Db } from './open';
import { now } from '../ids';

/**
 * The state of one record before or after an action; `value: null` means "does not exist".
 * Undo writes the `before` snapshots back, redo the `after` ones, so every action is reversible
 * without per-action undo code, and the journal survives a reload because it lives in the database.
 */
export interface Snapshot {
  kind: string;
  id: string;
  value: unknown;
}

export interface SnapshotKind {
  /** lower first when writing (parents before children), reverse when deleting */
  order: number;
  put: (db: Db, value: unknown) => void;
  remove: (db: Db, id: string) => void;
  /** the documents a snapshot touches, so the UI knows what to refresh */
  documentsOf: (db: Db, value: unknown) => string[];
  /**
   * What is wrong with a value of this kind that did not come from this workspace (a bundle's
   * undo history), or null: undo writes it back with `put`, past the API's rules, so the kinds
   * whose values carry researcher text, links or anchors hold it to the same rules.
   */
  problem?: (value: unknown) => string | null;
}

const kinds = new Map<string, SnapshotKind>();

export function registerSnapshotKind(kind: string, handlers: SnapshotKind): void {
  if (kinds.has(kind)) throw new Error(`snapshot kind ${kind} registered twice`);
  kinds.set(kind, handlers);
}

function kindOf(kind: string): SnapshotKind {
  const handlers = kinds.get(kind);
  if (!handlers) throw new Error(`unknown snapshot kind ${kind}`);
  return handlers;
}

const MAX_HISTORY = 1000;

/** Records a finished action. Call inside the action's transaction. Clears the redo stack. */
export function recordAction(db: Db, label: string, before: Snapshot[], after: Snapshot[]): void {
  db.prepare('DELETE FROM history WHERE undone = 1').run();
  db.prepare('INSERT INTO history (label, before, after, created_at) VALUES (?, ?, ?, ?)').run(
    label,
    JSON.stringify(before),
    JSON.stringify(after),
    now(),
  );
  db.prepare('DELETE FROM history WHERE seq <= (SELECT max(seq) FROM history) - ?').run(
    MAX_HISTORY,
  );
}

/** Writes snapshots: deletions children-first, then puts parents-first. */
export function applySnapshots(db: Db, snapshots: Snapshot[]): string[] {
  const documents = new Set<string>();
  const removals = snapshots.filter((s) => s.value === null);
  const puts = snapshots.filter((s) => s.value !== null);
  removals.sort((a, b) => kindOf(b.kind).order - kindOf(a.kind).order);
  puts.sort((a, b) => kindOf(a.kind).order - kindOf(b.kind).order);
  // documents touched by records about to vanish must be read before they vanish
  for (const s of snapshots) {
    const previous = s.value ?? null;
    if (previous !== null)
      for (const d of kindOf(s.kind).documentsOf(db, previous)) documents.add(d);
  }
  for (const s of removals) kindOf(s.kind).remove(db, s.id);
  for (const s of puts) kindOf(s.kind).put(db, s.value);
  return [...documents];
}

interface HistoryRow {
  seq: number;
  label: string;
  before: string;
  after: string;
}

export interface UndoResult {
  label: string;
  documentIds: string[];
}

export function undo(db: Db): UndoResult | null {
  return db.transaction(() => {
    const row = db
      .prepare(
        'SELECT seq, label, before, after FROM history WHERE undone = 0 ORDER BY seq DESC LIMIT 1',
      )
      .get() as HistoryRow | undefined;
    if (!row) return null;
    const documentIds = unionDocuments(db, row, 'before');
    db.prepare('UPDATE history SET undone = 1 WHERE seq = ?').run(row.seq);
    return { label: row.label, documentIds };
  })();
}

export function redo(db: Db): UndoResult | null {
  return db.transaction(() => {
    const row = db
      .prepare(
        'SELECT seq, label, before, after FROM history WHERE undone = 1 ORDER BY seq ASC LIMIT 1',
      )
      .get() as HistoryRow | undefined;
    if (!row) return null;
    const documentIds = unionDocuments(db, row, 'after');
    db.prepare('UPDATE history SET undone = 0 WHERE seq = ?').run(row.seq);
    return { label: row.label, documentIds };
  })();
}

/** Applies one side of an action and reports the documents either side touches. */
function unionDocuments(db: Db, row: HistoryRow, side: 'before' | 'after'): string[] {
  const before = JSON.parse(row.before) as Snapshot[];
  const after = JSON.parse(row.after) as Snapshot[];
  const touched = new Set<string>();
  for (const s of side === 'before' ? after : before) {
    if (s.value !== null) for (const d of kindOf(s.kind).documentsOf(db, s.value)) touched.add(d);
  }
  for (const d of applySnapshots(db, side === 'before' ? before : after)) touched.add(d);
  return [...touched];
}

const MAX_LABEL_CHARS = 1_000;
const MAX_SNAPSHOT_ID_CHARS = 200;

/**
 * The first problem in the stored undo history, or null. A bundle's history is checked before the
 * bundle is accepted (bundle.ts): every action is JSON lists of snapshots of known kinds, with ids,
 * and each value passes its kind's own rules — otherwise one Ctrl+Z after importing a hostile
 * bundle would write whatever it holds.
 */
export function historyProblem(db: Db): string | null {
  const rows = db
    .prepare('SELECT seq, label, before, after FROM history ORDER BY seq')
    .all() as HistoryRow[];
  for (const row of rows) {
    const where = `undo step ${row.seq}`;
    if (typeof row.label !== 'string' || row.label.length > MAX_LABEL_CHARS)
      return `${where}: its label is not a short text.`;
    for (const side of ['before', 'after'] as const) {
      let snapshots: unknown;
      try {
        snapshots = JSON.parse(row[side]);
      } catch {
        return `${where}: its ${side} state is not JSON.`;
      }
      if (!Array.isArray(snapshots)) return `${where}: its ${side} state is not a list.`;
      for (const s of snapshots as Array<Partial<Snapshot> | null>) {
        const handlers = s && typeof s.kind === 'string' ? kinds.get(s.kind) : undefined;
        if (!s || !handlers)
          return `${where}: a record of unknown kind ${JSON.stringify(s?.kind)}.`;
        if (typeof s.id !== 'string' || s.id === '' || s.id.length > MAX_SNAPSHOT_ID_CHARS)
          return `${where}: a ${s.kind} without a valid id.`;
        if (s.value === null) continue;
        if (typeof s.value !== 'object' || Array.isArray(s.value))
          return `${where}: ${s.kind} ${s.id} is not a record.`;
        if (
          (s.value as { id?: unknown }).id !== undefined &&
          (s.value as { id?: unknown }).id !== s.id
        )
          return `${where}: ${s.kind} ${s.id} holds the record of another id.`;
        const problem = handlers.problem?.(s.value);
        if (problem) return `${where}: ${s.kind} ${s.id}: ${problem}`;
      }
    }
  }
  return null;
}
