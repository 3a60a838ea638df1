import type { FileProblem, WorkspaceCheckStatus } from '../../shared/api-library';
import { verifyFile } from '../files/store';
import type { Db } from './open';
import { claimRuleViolations } from './claim-rules';
import { listClaims } from './claims';
import { workspaceDir } from './open';
import { schemaVersion } from './migrate';

export type { FileProblem };

export interface CheckReport {
  ok: boolean;
  integrity: string[];
  foreignKeyViolations: number;
  /** claims that break the claim rules (the first 100), with the first problem of each */
  claimProblems: { claimId: string; message: string }[];
  schemaVersion: number;
  counts: Record<string, number>;
  /** stored originals checked against their hashes */
  files: { checked: number; problems: FileProblem[] };
}

export type CheckProgress = NonNullable<WorkspaceCheckStatus['progress']>;

/**
 * The thorough check that open no longer does: every page (integrity_check), every foreign key,
 * and every stored original read back against its hash. `claimdesk check` and the background check
 * run it; `onProgress` reports each step and each file.
 */
export function checkWorkspace(
  db: Db,
  onProgress: (progress: CheckProgress) => void = () => {},
): CheckReport {
  onProgress({ step: 'integrity', done: 0, total: 1 });
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map(
    (r) => r.integrity_check,
  );
  onProgress({ step: 'foreign_keys', done: 0, total: 1 });
  const foreignKeyViolations = (db.pragma('foreign_key_check') as unknown[]).length;
  const count = (table: string) =>
    (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const counts = Object.fromEntries(
    ['documents', 'claims', 'entities', 'mentions', 'claim_relations', 'tags'].map((t) => [
      t,
      count(t),
    ]),
  );
  const files = checkFiles(db, onProgress);
  const healthy = integrity.length === 1 && integrity[0] === 'ok';
  // the claim rules read the tables: only once the file itself is sound
  const claimProblems = healthy ? claimRuleViolations(db, listClaims(db)) : [];
  return {
    ok:
      healthy &&
      foreignKeyViolations === 0 &&
      claimProblems.length === 0 &&
      files.problems.length === 0,
    integrity,
    foreignKeyViolations,
    claimProblems,
    schemaVersion: schemaVersion(db),
    counts,
    files,
  };
}

function checkFiles(db: Db, onProgress: (progress: CheckProgress) => void): CheckReport['files'] {
  if (db.memory) return { checked: 0, problems: [] };
  const dir = workspaceDir(db);
  const hashes = db
    .prepare('SELECT sha256 FROM document_files WHERE length(bytes) = 0 ORDER BY sha256')
    .pluck()
    .all() as string[];
  const owners = db.prepare(
    "SELECT id, json_extract(meta, '$.title') AS title FROM documents WHERE sha256 = ? ORDER BY id",
  );
  const problems: FileProblem[] = [];
  hashes.forEach((sha256, i) => {
    onProgress({ step: 'files', done: i, total: hashes.length });
    const state = verifyFile(dir, sha256);
    if (state !== 'ok') {
      problems.push({
        sha256,
        state,
        documents: owners.all(sha256) as { id: string; title: string }[],
      });
    }
  });
  onProgress({ step: 'files', done: hashes.length, total: hashes.length });
  return { checked: hashes.length, problems };
}
