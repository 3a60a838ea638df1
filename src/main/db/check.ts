import type { Db } from './open';
import { claimRuleViolations } from './claim-rules';
import { listClaims } from './claims';
import { schemaVersion } from './migrate';

export interface CheckReport {
  ok: boolean;
  integrity: string[];
  foreignKeyViolations: number;
  /** claims that break the claim rules (the first 100), with the first problem of each */
  claimProblems: { claimId: string; message: string }[];
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
  const healthy = integrity.length === 1 && integrity[0] === 'ok';
  // the claim rules read the tables: only once the file itself is sound
  const claimProblems = healthy ? claimRuleViolations(db, listClaims(db)) : [];
  return {
    ok: healthy && foreignKeyViolations === 0 && claimProblems.length === 0,
    integrity,
    foreignKeyViolations,
    claimProblems,
    schemaVersion: schemaVersion(db),
    counts,
  };
}
