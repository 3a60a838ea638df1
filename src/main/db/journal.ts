import type { ClaimId, RelationId } from '../../shared/model';
import { findClaim } from './claims';
import { recordAction, type Snapshot } from './history';
import type { Db } from './open';
import { findRelation } from './relations';

/**
 * Journaling for actions that touch many records (merge, accept 200 mentions, delete an entity):
 * the action says which records it is about to touch, and the journal snapshots each of them as it
 * is before and, once the action is done, as it really is after, reading the database both times.
 * So the history holds exactly what changed, cascades included, without per-action undo code.
 */

type Reader = (db: Db, id: string) => unknown;

const readers = new Map<string, Reader>([
  ['claim', (db, id) => findClaim(db, id as ClaimId)],
  ['relation', (db, id) => findRelation(db, id as RelationId)],
]);

/** How to read the current state of a snapshot kind's record (null when it does not exist). */
export function registerReader(kind: string, reader: Reader): void {
  if (readers.has(kind)) throw new Error(`snapshot reader ${kind} registered twice`);
  readers.set(kind, reader);
}

export interface Journal {
  /** Call BEFORE changing (or creating) the record: snapshots its present state. */
  touch(kind: string, id: string): void;
  /** The label shown for undo/redo; may be set once the action knows what it did. */
  label: string;
}

function read(db: Db, kind: string, id: string): Snapshot {
  const reader = readers.get(kind);
  if (!reader) throw new Error(`no snapshot reader for ${kind}`);
  return { kind, id, value: reader(db, id) ?? null };
}

/**
 * Runs `action` as one transaction and records it as one undoable step. An action that in the end
 * changed nothing is not recorded, so undo never "undoes" a no-op.
 */
export function journaled<T>(db: Db, label: string, action: (journal: Journal) => T): T {
  return db.transaction(() => {
    const before = new Map<string, Snapshot>();
    const journal: Journal = {
      label,
      touch(kind, id) {
        const key = `${kind}\u0000${id}`;
        if (!before.has(key)) before.set(key, read(db, kind, id));
      },
    };
    const result = action(journal);
    const was: Snapshot[] = [];
    const is: Snapshot[] = [];
    for (const snapshot of before.values()) {
      const after = read(db, snapshot.kind, snapshot.id);
      if (JSON.stringify(after.value) === JSON.stringify(snapshot.value)) continue;
      was.push(snapshot);
      is.push(after);
    }
    if (was.length > 0) recordAction(db, journal.label, was, is);
    return result;
  })();
}
