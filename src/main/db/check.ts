import type { Db } from './open';
import { schemaVersion } from './migrate';

export interface CheckReport {
  ok: boolean;
  integrity: string[];
  foreignKeyViolations: number;
  schemaVersion: number;
  counts: Record<string, number>;
}

/** A full integrity check (slower than the quick_check run at every open). */
export function checkWorkspace(db: Db): CheckReport {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map(
    (r) => r.integrity_check,
  );
  const foreignKeyViolations = (db.pragma('foreign_key_check') as unknown[]).length;
  const count = (table: string) =>
    (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const counts = Object.fromEntries(
    ['documents', 'claims', 'entities', 'mentions', 'claim_relations', 'tags'].map((t) => [
      t,
      count(t),
    ]),
  );
  return {
    ok: integrity.length === 1 && integrity[0] === 'ok' && foreignKeyViolations === 0,
    integrity,
    foreignKeyViolations,
    schemaVersion: schemaVersion(db),
    counts,
  };
}
