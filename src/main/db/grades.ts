import type { ClaimGradeDetail, Grade } from '../../shared/api-analysis';
import type {
  Credibility,
  GradeTarget,
  Reliability,
  ReliabilityOrigin,
} from '../../shared/grading';
import type { ClaimId } from '../../shared/model';
import { AppError, notFound } from '../errors';
import { now } from '../ids';
import { registerSnapshotKind } from './history';
import { journaled, registerReader } from './journal';
import type { Db } from './open';

interface GradeRow {
  target_kind: GradeTarget;
  target_id: string;
  reliability: Reliability | null;
  credibility: Credibility | null;
  note: string;
  updated_at: string;
}

const toGrade = (r: GradeRow): Grade => ({
  target: r.target_kind,
  targetId: r.target_id,
  reliability: r.reliability,
  credibility: r.credibility,
  note: r.note,
  updatedAt: r.updated_at,
});

/** Snapshot ids name both halves of the key: "claim:clm_…". */
const keyOf = (target: GradeTarget, id: string) => `${target}:${id}`;
const parseKey = (key: string) => {
  const at = key.indexOf(':');
  return { target: key.slice(0, at) as GradeTarget, id: key.slice(at + 1) };
};

export function findGrade(db: Db, target: GradeTarget, id: string): Grade | null {
  const row = db
    .prepare('SELECT * FROM grades WHERE target_kind = ? AND target_id = ?')
    .get(target, id) as GradeRow | undefined;
  return row ? toGrade(row) : null;
}

function putGrade(db: Db, g: Grade): void {
  db.prepare(
    `INSERT INTO grades (target_kind, target_id, reliability, credibility, note, updated_at)
     VALUES (@target, @targetId, @reliability, @credibility, @note, @updatedAt)
     ON CONFLICT (target_kind, target_id) DO UPDATE SET reliability = excluded.reliability,
       credibility = excluded.credibility, note = excluded.note, updated_at = excluded.updated_at`,
  ).run(g);
}

function removeGrade(db: Db, key: string): void {
  const { target, id } = parseKey(key);
  db.prepare('DELETE FROM grades WHERE target_kind = ? AND target_id = ?').run(target, id);
}

registerSnapshotKind('grade', {
  order: 40,
  put: (db, value) => putGrade(db, value as Grade),
  remove: removeGrade,
  documentsOf: (db, value) => {
    const g = value as Grade;
    if (g.target === 'document') return [g.targetId];
    if (g.target === 'claim')
      return db
        .prepare('SELECT document_id FROM claims WHERE id = ?')
        .pluck()
        .all(g.targetId) as string[];
    return db
      .prepare('SELECT DISTINCT document_id FROM claims WHERE claimant_id = ?')
      .pluck()
      .all(g.targetId) as string[];
  },
});
registerReader('grade', (db, key) => {
  const { target, id } = parseKey(key);
  return findGrade(db, target, id);
});

const TABLE: Record<GradeTarget, { table: string; what: string }> = {
  document: { table: 'documents', what: 'document' },
  entity: { table: 'entities', what: 'entity' },
  claim: { table: 'claims', what: 'claim' },
};

export interface GradeInput {
  target: GradeTarget;
  id: string;
  /** documents and entities: A–F; null removes the grade */
  reliability?: Reliability | null;
  /** claims: 1–6; null removes the grade */
  credibility?: Credibility | null;
  note?: string;
}

/**
 * Grades a document or claimant (reliability) or a claim (credibility), as one undoable action.
 * A grade of null removes it, note included.
 */
export function setGrade(db: Db, input: GradeInput): Grade | null {
  const { table, what } = TABLE[input.target];
  const isClaim = input.target === 'claim';
  if (isClaim ? input.reliability !== undefined : input.credibility !== undefined) {
    throw new AppError(
      'invalid_input',
      isClaim
        ? 'A claim is graded for credibility (1–6); reliability (A–F) belongs to its source or claimant.'
        : `A ${what} is graded for reliability (A–F); credibility (1–6) belongs to a claim.`,
    );
  }
  return journaled(db, `grade ${what}`, (journal) => {
    if (!db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(input.id))
      throw notFound(what, input.id);
    const before = findGrade(db, input.target, input.id);
    const value = isClaim
      ? input.credibility === undefined
        ? before?.credibility
        : input.credibility
      : input.reliability === undefined
        ? before?.reliability
        : input.reliability;
    const key = keyOf(input.target, input.id);
    journal.touch('grade', key);
    if (value === null || value === undefined) {
      removeGrade(db, key);
      return null;
    }
    const grade: Grade = {
      target: input.target,
      targetId: input.id,
      reliability: isClaim ? null : (value as Reliability),
      credibility: isClaim ? (value as Credibility) : null,
      note: (input.note ?? before?.note ?? '').trim(),
      updatedAt: now(),
    };
    putGrade(db, grade);
    return grade;
  });
}

/**
 * The claims that can have a grade (a CTE body): those whose claimant, document or self is graded,
 * found through the indexes from the few grade rows. Reading claim_grade only for these gives the
 * same answer as reading it for every claim (the others have no grade row to join), without three
 * index probes for each of 100,000 claims.
 */
export const GRADED_CLAIMS_SQL = `
  SELECT c.id FROM grades gr JOIN claims c ON c.claimant_id = gr.target_id
    WHERE gr.target_kind = 'entity'
  UNION SELECT c.id FROM grades gr JOIN claims c ON c.document_id = gr.target_id
    WHERE gr.target_kind = 'document'
  UNION SELECT gr.target_id FROM grades gr WHERE gr.target_kind = 'claim'`;

/** The claims' grades by THE rule (the claim_grade view); all claims when `ids` is omitted. */
export function claimGrades(db: Db, ids?: readonly string[]): Map<ClaimId, ClaimGradeDetail> {
  const rows = (
    ids
      ? db
          .prepare(
            `SELECT claim_id, reliability, reliability_origin, credibility FROM claim_grade
             WHERE claim_id IN (SELECT value FROM json_each(?))`,
          )
          .raw()
          .all(JSON.stringify(ids))
      : db
          .prepare(
            `SELECT claim_id, reliability, reliability_origin, credibility FROM claim_grade
             WHERE reliability IS NOT NULL OR credibility IS NOT NULL`,
          )
          .raw()
          .all()
  ) as [ClaimId, Reliability | null, ReliabilityOrigin, Credibility | null][];
  const out = new Map<ClaimId, ClaimGradeDetail>();
  for (const [id, reliability, from, credibility] of rows)
    out.set(id, { reliability, credibility, reliabilityFrom: from });
  return out;
}

export const NO_GRADE: ClaimGradeDetail = {
  reliability: null,
  credibility: null,
  reliabilityFrom: null,
};

/** Every stored grade of one kind of target (for the library and entity lists). */
export function listGrades(db: Db, target: GradeTarget): Grade[] {
  return (
    db
      .prepare(
        `SELECT * FROM grades g WHERE target_kind = ?
           AND EXISTS (SELECT 1 FROM ${TABLE[target].table} t WHERE t.id = g.target_id)
         ORDER BY target_id`,
      )
      .all(target) as GradeRow[]
  ).map(toGrade);
}
