import { anchorAt } from '../../shared/anchor';
import { claimFieldsProblem } from '../../shared/claim-rules';
import { findHedges } from '../../shared/hedges';
import type {
  Certainty,
  Claim,
  ClaimId,
  ClaimRelation,
  DocumentId,
  EntityId,
  ReviewStatus,
  Stance,
} from '../../shared/model';
import { AppError, notFound } from '../errors';
import { newId, now } from '../ids';
import { assertClaim } from './claim-rules';
import { getDocumentText } from './documents';
import { foldCreatedEntities } from './gesture';
import { recordAction, registerSnapshotKind, type Snapshot } from './history';
import type { Db } from './open';
import { listRelationsOfClaim } from './relations';
import { cached } from './statements';

/**
 * Which claims to load: one (findClaim), one document's, or all. The children are read the same way:
 * a whole-workspace read goes straight through the child tables instead of probing them claim by
 * claim, and a document's probes each child row (an IN (SELECT …) list would first collect every
 * claim of the document).
 */
type Scope = { id: string } | { documentId: string } | 'all';

function scopeSql(scope: Scope, column: string): { where: string; params: unknown[] } {
  if (scope === 'all') return { where: '1', params: [] };
  if ('documentId' in scope) {
    return {
      where: `EXISTS (SELECT 1 FROM claims WHERE id = ${column} AND document_id = ?)`,
      params: [scope.documentId],
    };
  }
  return { where: `${column} = ?`, params: [scope.id] };
}

/** A claim's columns, then one of its spans': one row per span. */
type ClaimSpanTuple = [
  id: string,
  document_id: string,
  statement: string,
  claimant_id: string | null,
  type: string,
  stance: string,
  certainty: string | null,
  hedges: string,
  event_date: string | null,
  place_id: string | null,
  note: string,
  status: string,
  created_at: string,
  updated_at: string,
  start: number | null,
  end: number,
  exact: string,
  prefix: string,
  suffix: string,
];

/**
 * Loads full claims (spans, subjects, tags), in reading order: by document, then where the claim's
 * earliest passage starts, then creation (ids break ties).
 *
 * Built for size (a document may hold tens of thousands of claims; exports list 100,000): claims
 * and spans come in one query, in table order, as arrays, which better-sqlite3 makes at half the
 * cost of row objects; the order is sorted here, which SQL could only do with a subquery per claim.
 */
function loadClaims(db: Db, scope: Scope): Claim[] {
  // the claims themselves by their own column; scopeSql's probe is for child tables
  const where =
    scope !== 'all' && 'documentId' in scope
      ? { where: 'c.document_id = ?', params: [scope.documentId] }
      : scopeSql(scope, 'c.id');
  // the SQL text is one of three per scope kind, so the compiled statements can be kept (statements.ts)
  const rows = cached(
    db,
    `SELECT c.id, c.document_id, c.statement, c.claimant_id, c.type, c.stance, c.certainty,
         c.hedges, c.event_date, c.place_id, c.note, c.status, c.created_at, c.updated_at,
         s.start, s.end, s.exact, s.prefix, s.suffix
       FROM claims c LEFT JOIN claim_spans s ON s.claim_id = c.id
       WHERE ${where.where} ORDER BY c.rowid, s.ordinal`,
    'raw',
  ).all(...where.params) as ClaimSpanTuple[];
  const { subjects, tags } = subjectsAndTags(db, scope);
  const claims: Claim[] = [];
  let last: Claim | undefined;
  for (const r of rows) {
    const [id, documentId, statement, claimantId, type, stance, certainty, hedges] = r;
    const [, , , , , , , , eventDate, placeId, note, status, createdAt, updatedAt] = r;
    const [, , , , , , , , , , , , , , start, end, exact, prefix, suffix] = r;
    const span = start === null ? null : { start, end, exact, prefix, suffix };
    if (last?.id === id) {
      if (span) last.spans.push(span);
      continue;
    }
    last = {
      id: id as ClaimId,
      documentId: documentId as DocumentId,
      spans: span ? [span] : [],
      statement,
      claimantId: claimantId as EntityId | null,
      subjectIds: subjects.get(id) ?? [],
      type,
      stance: stance as Stance,
      certainty: certainty as Certainty | null,
      hedges: hedges === '[]' ? [] : (JSON.parse(hedges) as string[]),
      eventDate,
      placeId: placeId as EntityId | null,
      tags: tags.get(id) ?? [],
      note,
      status: status as ReviewStatus,
      createdAt,
      updatedAt,
    };
    claims.push(last);
  }
  return sortInReadingOrder(claims);
}

function subjectsAndTags(db: Db, scope: Scope) {
  const subjects = new Map<string, EntityId[]>();
  const tags = new Map<string, string[]>();
  const subjectScope = scopeSql(scope, 'claim_id');
  const tagScope = scopeSql(scope, 'ct.claim_id');
  for (const s of cached(
    db,
    `SELECT claim_id, entity_id FROM claim_subjects
       WHERE ${subjectScope.where} ORDER BY claim_id, position`,
  ).all(...subjectScope.params) as { claim_id: string; entity_id: string }[]) {
    subjects.set(s.claim_id, [...(subjects.get(s.claim_id) ?? []), s.entity_id as EntityId]);
  }
  for (const t of cached(
    db,
    `SELECT ct.claim_id, t.name FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id
       WHERE ${tagScope.where} ORDER BY ct.claim_id, ct.position`,
  ).all(...tagScope.params) as { claim_id: string; name: string }[]) {
    tags.set(t.claim_id, [...(tags.get(t.claim_id) ?? []), t.name]);
  }
  return { subjects, tags };
}

function sortInReadingOrder(claims: Claim[]): Claim[] {
  const firstStart = new Map<Claim, number>();
  for (const c of claims) {
    let min = Infinity;
    for (const s of c.spans) min = Math.min(min, s.start);
    firstStart.set(c, min);
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return claims.sort(
    (a, b) =>
      cmp(a.documentId, b.documentId) ||
      firstStart.get(a)! - firstStart.get(b)! ||
      cmp(a.createdAt, b.createdAt) ||
      cmp(a.id, b.id),
  );
}

export function findClaim(db: Db, id: ClaimId): Claim | null {
  return loadClaims(db, { id })[0] ?? null;
}

export function getClaim(db: Db, id: ClaimId): Claim {
  const claim = findClaim(db, id);
  if (!claim) throw notFound('claim', id);
  return claim;
}

/** Claims of one document in reading order, or of the whole workspace by document then position. */
export function listClaims(db: Db, filter: { documentId?: DocumentId } = {}): Claim[] {
  return loadClaims(db, filter.documentId ? { documentId: filter.documentId } : 'all');
}

/** Writes a claim exactly as given (insert or overwrite), children included. */
export function putClaim(db: Db, claim: Claim): void {
  cached(
    db,
    `INSERT INTO claims (id, document_id, statement, claimant_id, type, stance, certainty, hedges,
       event_date, place_id, note, status, created_at, updated_at)
     VALUES (@id, @documentId, @statement, @claimantId, @type, @stance, @certainty, @hedges,
       @eventDate, @placeId, @note, @status, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET document_id = excluded.document_id, statement = excluded.statement,
       claimant_id = excluded.claimant_id, type = excluded.type, stance = excluded.stance,
       certainty = excluded.certainty, hedges = excluded.hedges, event_date = excluded.event_date,
       place_id = excluded.place_id, note = excluded.note, status = excluded.status,
       created_at = excluded.created_at, updated_at = excluded.updated_at`,
  ).run({ ...claim, hedges: JSON.stringify(claim.hedges) });
  cached(db, 'DELETE FROM claim_spans WHERE claim_id = ?').run(claim.id);
  const insertSpan = cached(
    db,
    `INSERT INTO claim_spans (claim_id, ordinal, start, end, exact, prefix, suffix)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  claim.spans.forEach((s, i) =>
    insertSpan.run(claim.id, i, s.start, s.end, s.exact, s.prefix, s.suffix),
  );
  cached(db, 'DELETE FROM claim_subjects WHERE claim_id = ?').run(claim.id);
  const insertSubject = cached(
    db,
    'INSERT OR IGNORE INTO claim_subjects (claim_id, entity_id, position) VALUES (?, ?, ?)',
  );
  claim.subjectIds.forEach((entityId, i) => insertSubject.run(claim.id, entityId, i));
  cached(db, 'DELETE FROM claim_tags WHERE claim_id = ?').run(claim.id);
  const ensureTag = cached(db, 'INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING');
  const insertTag = cached(
    db,
    'INSERT OR IGNORE INTO claim_tags (claim_id, tag_id, position) SELECT ?, id, ? FROM tags WHERE name = ?',
  );
  claim.tags.forEach((tag, i) => {
    ensureTag.run(tag);
    insertTag.run(claim.id, i, tag);
  });
}

function removeClaim(db: Db, id: string): void {
  db.prepare('DELETE FROM claims WHERE id = ?').run(id);
}

registerSnapshotKind('claim', {
  order: 20,
  put: (db, value) => putClaim(db, value as Claim),
  remove: removeClaim,
  documentsOf: (_db, value) => [(value as Claim).documentId],
  // the shape rules of every write path (claim-rules.ts); the references are checked on undo's put
  problem: (value) => {
    const claim = value as Partial<Claim>;
    if (typeof claim.documentId !== 'string') return 'documentId: missing';
    if (!Array.isArray(claim.spans) || claim.spans.length === 0) return 'spans: missing';
    return claimFieldsProblem(value);
  },
});

const claimSnapshot = (id: string, value: Claim | null): Snapshot => ({ kind: 'claim', id, value });
const relationSnapshot = (id: string, value: ClaimRelation | null): Snapshot => ({
  kind: 'relation',
  id,
  value,
});

export type ClaimPatch = Partial<
  Pick<
    Claim,
    | 'statement'
    | 'claimantId'
    | 'subjectIds'
    | 'type'
    | 'stance'
    | 'certainty'
    | 'eventDate'
    | 'placeId'
    | 'tags'
    | 'note'
    | 'status'
  >
>;

export interface NewClaim extends ClaimPatch {
  documentId: DocumentId;
  spans: { start: number; end: number }[];
  /** entities created for this claim in the same gesture: their creation joins its undo step */
  createdEntityIds?: EntityId[];
}

/** How the history names a claim: its statement's first words ('create claim "a prison riot left…"'). */
export function claimLabel(action: string, statement: string): string {
  const flat = statement.replace(/\s+/g, ' ').trim();
  const MAX = 24;
  if (flat.length <= MAX) return `${action} "${flat}"`;
  const cut = flat.slice(0, MAX);
  const space = cut.lastIndexOf(' ');
  return `${action} "${(space > MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…"`;
}

const definedFields = (patch: ClaimPatch): ClaimPatch =>
  Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));

/**
 * Creates a claim over one or more passages, with any of its editable fields, as one action: one
 * transaction, one undo step. The backend builds the quote selectors from the stored text, so a
 * claim's quote always matches the document, whatever the client sent.
 */
export function createClaim(db: Db, input: NewClaim): Claim {
  return db.transaction(() => {
    const text = getDocumentText(db, input.documentId);
    const ordered = [...input.spans].sort((a, b) => a.start - b.start);
    const outside = ordered.find((s) => s.end > text.length || s.start >= s.end);
    if (outside) {
      throw new AppError(
        'invalid_input',
        `The passage ${outside.start}-${outside.end} is outside this document's text (${text.length} characters).`,
      );
    }
    const spans = ordered.map((s) => anchorAt(text, s.start, s.end));
    const quote = spans.map((s) => s.exact).join(' … ');
    const { documentId, createdEntityIds = [], spans: _spans, ...fields } = input;
    void _spans;
    const at = now();
    const claim: Claim = {
      id: newId<ClaimId>('clm'),
      documentId,
      spans,
      statement: quote.trim(),
      claimantId: null,
      subjectIds: [],
      type: 'other',
      stance: 'asserts',
      certainty: null,
      hedges: findHedges(quote),
      eventDate: null,
      placeId: null,
      tags: [],
      note: '',
      status: 'draft',
      ...definedFields(fields),
      createdAt: at,
      updatedAt: at,
    };
    // a blank statement means "the quote", as it always has
    if (claim.statement.trim() === '') claim.statement = quote.trim();
    else claim.statement = claim.statement.trim();
    assertClaim(db, claim, text);
    putClaim(db, claim);
    recordAction(
      db,
      claimLabel('create claim', claim.statement),
      [claimSnapshot(claim.id, null)],
      [claimSnapshot(claim.id, claim)],
    );
    foldCreatedEntities(db, createdEntityIds, { kind: 'claim', id: claim.id });
    return claim;
  })();
}

export function updateClaim(db: Db, id: ClaimId, patch: ClaimPatch): Claim {
  return db.transaction(() => {
    const before = getClaim(db, id);
    const after: Claim = { ...before, ...definedFields(patch), updatedAt: now() };
    // the passages do not change in an edit: their text need not be read again
    assertClaim(db, after);
    putClaim(db, after);
    recordAction(
      db,
      claimLabel('edit claim', after.statement),
      [claimSnapshot(id, before)],
      [claimSnapshot(id, after)],
    );
    return getClaim(db, id);
  })();
}

export function deleteClaim(db: Db, id: ClaimId): Claim {
  return db.transaction(() => {
    const claim = getClaim(db, id);
    const relations = listRelationsOfClaim(db, id);
    removeClaim(db, id);
    recordAction(
      db,
      claimLabel('delete claim', claim.statement),
      [claimSnapshot(id, claim), ...relations.map((r) => relationSnapshot(r.id, r))],
      [...relations.map((r) => relationSnapshot(r.id, null)), claimSnapshot(id, null)],
    );
    return claim;
  })();
}
