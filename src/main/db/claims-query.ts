import type {
  ClaimColumn,
  ClaimFilter,
  ClaimSort,
  ClaimTablePage,
  ClaimTableRow,
  NamedRef,
  PageRef,
} from '../../shared/api-search';
import type { Certainty, ClaimId, DocumentId, ReviewStatus, Stance } from '../../shared/model';
import { CERTAINTIES } from '../../shared/model';
import type { ClaimGrade, Credibility, Reliability } from '../../shared/grading';
import { corroborationOf, workspaceCorroboration } from '../analysis/corroboration-db';
import { ftsErrorToAppError, toFtsQuery } from './fts-query';
import type { Db } from './open';

/**
 * The claims table: every claim with the columns researchers sort and filter on, computed in SQL so
 * a page of 100 rows out of 100,000 claims costs one indexed query plus the rows themselves.
 */

/** `s0` is the claim's first passage (spans are stored in text order). */
const FIRST_SPAN = 'LEFT JOIN claim_spans s0 ON s0.claim_id = c.id AND s0.ordinal = 0';
/** The rows' own FROM: `d` is the claim's document. */
const FROM = `FROM claims c JOIN documents d ON d.id = c.document_id ${FIRST_SPAN}`;

/**
 * The documents numbered in title order, once per query, for sorting: ordering 100,000 claims by
 * `d.meta ->> '$.title'` read the title out of a claim's document's JSON once per claim, half the
 * time of the table's first page.
 */
const WITH_DOCUMENT_ORDER = `WITH document_order AS MATERIALIZED (SELECT id,
  row_number() OVER (ORDER BY (meta ->> '$.title') COLLATE NOCASE, id) AS rank FROM documents)`;
/** What the table filters and sorts over: `o.rank` is the place of the claim's document. */
const SORTABLE_FROM = `FROM claims c JOIN document_order o ON o.id = c.document_id ${FIRST_SPAN}`;

/** `value` (over `p`) of the page holding the claim's first passage. */
const onPage = (value: string) => `(SELECT ${value} FROM document_pages p
  WHERE p.document_id = c.document_id AND p.start <= s0.start ORDER BY p.start DESC LIMIT 1)`;
/** The page holding the claim's last character (of its last passage): where its page range ends. */
const LAST_PAGE = `(SELECT json_object('index', p.page_index, 'label', p.label) FROM document_pages p
  WHERE p.document_id = c.document_id
    AND p.start <= (SELECT max(s.end) - 1 FROM claim_spans s WHERE s.claim_id = c.id)
  ORDER BY p.start DESC LIMIT 1)`;
const QUOTE = `coalesce((SELECT group_concat(s.exact, ' … ' ORDER BY s.ordinal) FROM claim_spans s
  WHERE s.claim_id = c.id), '')`;
const SUBJECT_NAMES = `(SELECT group_concat(e.name, '; ' ORDER BY e.name COLLATE NOCASE)
  FROM claim_subjects cs JOIN entities e ON e.id = cs.entity_id WHERE cs.claim_id = c.id)`;
const TAG_NAMES = `(SELECT group_concat(t.name, ', ' ORDER BY t.name)
  FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.claim_id = c.id)`;
const RELATIONS = `((SELECT count(*) FROM claim_relations r WHERE r.from_claim_id = c.id)
  + (SELECT count(*) FROM claim_relations r WHERE r.to_claim_id = c.id))`;
const TITLE = `(d.meta ->> '$.title')`;
const CERTAINTY_RANK = `CASE c.certainty ${CERTAINTIES.map((v, i) => `WHEN '${v}' THEN ${i}`).join(' ')} END`;

const SORT: Record<ClaimColumn, string> = {
  statement: 'c.statement COLLATE NOCASE',
  quote: 's0.exact COLLATE NOCASE',
  document: 'o.rank',
  page: onPage('p.page_index'),
  claimant: '(SELECT name FROM entities WHERE id = c.claimant_id) COLLATE NOCASE',
  subjects: `${SUBJECT_NAMES} COLLATE NOCASE`,
  type: 'c.type COLLATE NOCASE',
  stance: 'c.stance',
  certainty: CERTAINTY_RANK,
  eventDate: 'c.event_date',
  tags: `${TAG_NAMES} COLLATE NOCASE`,
  status: 'c.status',
  relations: RELATIONS,
  // A before F, then 1 before 6: B2 sorts before B3 and before C1
  grade: `(SELECT g.reliability || coalesce(g.credibility, 9) FROM claim_grade g WHERE g.claim_id = c.id)`,
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
};

/** Reading order: by document (title), then position. Also the tie-breaker of every other order. */
const READING_ORDER = 'o.rank, s0.start, c.created_at, c.id';

interface Where {
  sql: string;
  params: Record<string, unknown>;
  /** the smallest FROM the clause runs over: `s0` is joined only for the page filter */
  from: string;
}

/** The WHERE clause of a filter; the text filter goes through the full-text index. */
export function filterSql(filter: ClaimFilter): Where {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (sql: string, values: Record<string, unknown> = {}) => {
    clauses.push(sql);
    Object.assign(params, values);
  };
  if (filter.text !== undefined) {
    const match = toFtsQuery(filter.text, { implicitPrefix: true });
    if (match) {
      add(
        `c.id IN (SELECT k.ref FROM search_claims JOIN search_keys k ON k.key = search_claims.rowid
          WHERE search_claims MATCH @text)`,
        { text: match },
      );
    }
  }
  if (filter.documentId) add('c.document_id = @documentId', { documentId: filter.documentId });
  if (filter.page !== undefined) add(`${onPage('p.label')} = @page`, { page: filter.page });
  if (filter.claimantId === null) add('c.claimant_id IS NULL');
  else if (filter.claimantId) add('c.claimant_id = @claimantId', { claimantId: filter.claimantId });
  if (filter.subjectId) {
    add('c.id IN (SELECT claim_id FROM claim_subjects WHERE entity_id = @subjectId)', {
      subjectId: filter.subjectId,
    });
  }
  if (filter.placeId) add('c.place_id = @placeId', { placeId: filter.placeId });
  if (filter.type !== undefined) add('c.type = @type', { type: filter.type });
  if (filter.stance) add('c.stance = @stance', { stance: filter.stance });
  if (filter.certainty === null) add('c.certainty IS NULL');
  else if (filter.certainty) add('c.certainty = @certainty', { certainty: filter.certainty });
  // partial dates compare as text: "2018" < "2018-11" < "2018-11-07" < "2018-11~"; "~" sorts after
  // every character a date holds, so an inclusive upper bound covers all its refinements
  if (filter.eventDate?.from) add('c.event_date >= @dateFrom', { dateFrom: filter.eventDate.from });
  if (filter.eventDate?.to) add('c.event_date < @dateTo', { dateTo: `${filter.eventDate.to}~` });
  if (filter.tag !== undefined) {
    add(
      `c.id IN (SELECT ct.claim_id FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id
        WHERE t.name = @tag)`,
      { tag: filter.tag },
    );
  }
  if (filter.status) add('c.status = @status', { status: filter.status });
  // grades by THE rule (the claim_grade view), so the filter agrees with the column
  for (const half of ['reliability', 'credibility'] as const) {
    const value = filter[half];
    if (value === undefined) continue;
    const graded = `c.id IN (SELECT claim_id FROM claim_grade WHERE ${half}`;
    if (value === null) add(`${graded} IS NULL)`);
    else add(`${graded} = @${half})`, { [half]: value });
  }
  if (filter.hasRelations !== undefined) {
    const any = `(EXISTS (SELECT 1 FROM claim_relations r WHERE r.from_claim_id = c.id)
      OR EXISTS (SELECT 1 FROM claim_relations r WHERE r.to_claim_id = c.id))`;
    add(filter.hasRelations ? any : `NOT ${any}`);
  }
  const from = `FROM claims c ${filter.page !== undefined ? FIRST_SPAN : ''}`;
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params, from };
}

export function orderSql(sort?: ClaimSort): string {
  if (!sort) return `ORDER BY ${READING_ORDER}`;
  const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
  return `ORDER BY ${SORT[sort.column]} ${direction} NULLS LAST, ${READING_ORDER}`;
}

interface Row {
  id: string;
  document_id: string;
  title: string;
  statement: string;
  quote: string;
  start: number | null;
  end: number | null;
  page: string | null;
  last_page: string | null;
  claimant: string | null;
  place: string | null;
  subjects: string;
  type: string;
  stance: string;
  certainty: string | null;
  event_date: string | null;
  tags: string;
  status: string;
  relations: number;
  /** JSON [reliability, credibility] */
  grade: string;
  note: string;
  created_at: string;
  updated_at: string;
}

/** The ids of one page of the table, in its order (`@limit`, `@offset`). */
export function pageIdsSql(where: string, sort?: ClaimSort): string {
  return `${WITH_DOCUMENT_ORDER} SELECT c.id ${SORTABLE_FROM} ${where} ${orderSql(sort)}
    LIMIT @limit OFFSET @offset`;
}

/** The SELECT of the table's rows; `join` adds to its FROM, and callers append an ORDER. */
export function claimRowsSql(where: string, join = ''): string {
  const ref = (column: string) =>
    `(SELECT json_object('id', e.id, 'name', e.name) FROM entities e WHERE e.id = ${column})`;
  return `SELECT c.id, c.document_id, ${TITLE} AS title, c.statement, ${QUOTE} AS quote,
      s0.start, s0.end,
      ${onPage("json_object('index', p.page_index, 'label', p.label)")} AS page,
      ${LAST_PAGE} AS last_page,
      ${ref('c.claimant_id')} AS claimant, ${ref('c.place_id')} AS place,
      (SELECT json_group_array(json_object('id', e.id, 'name', e.name)) FROM
        (SELECT e.id, e.name FROM claim_subjects cs JOIN entities e ON e.id = cs.entity_id
         WHERE cs.claim_id = c.id ORDER BY cs.position) e) AS subjects,
      c.type, c.stance, c.certainty, c.event_date,
      (SELECT json_group_array(name) FROM (SELECT t.name FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id
        WHERE ct.claim_id = c.id ORDER BY ct.position)) AS tags,
      c.status, ${RELATIONS} AS relations,
      (SELECT json_array(g.reliability, g.credibility) FROM claim_grade g WHERE g.claim_id = c.id)
        AS grade,
      c.note, c.created_at, c.updated_at
    ${FROM} ${join} ${where}`;
}

const NO_SUPPORT = { supporters: 0, independentOrigins: 0, circular: false };

function gradeOf(json: string): ClaimGrade {
  const [reliability, credibility] = JSON.parse(json) as [Reliability | null, Credibility | null];
  return { reliability, credibility };
}

/** Rows with their corroboration, computed once for all of them. */
function withSupport(db: Db, rows: ClaimTableRow[]): ClaimTableRow[] {
  const all = workspaceCorroboration(db, new Set(rows.map((r) => r.id)));
  if (all.size === 0) return rows;
  for (const row of rows) {
    const c = corroborationOf(all, row.id);
    row.support = {
      supporters: c.supporters.length,
      independentOrigins: c.independentOrigins,
      circular: c.circular.length > 0,
    };
  }
  return rows;
}

const toRow = (r: Row): ClaimTableRow => ({
  id: r.id as ClaimId,
  documentId: r.document_id as DocumentId,
  documentTitle: r.title,
  statement: r.statement,
  quote: r.quote,
  start: r.start ?? 0,
  end: r.end ?? 0,
  page: r.page ? (JSON.parse(r.page) as PageRef) : null,
  pages:
    r.page && r.last_page
      ? { start: JSON.parse(r.page) as PageRef, end: JSON.parse(r.last_page) as PageRef }
      : null,
  claimant: r.claimant ? (JSON.parse(r.claimant) as NamedRef) : null,
  subjects: JSON.parse(r.subjects) as NamedRef[],
  place: r.place ? (JSON.parse(r.place) as NamedRef) : null,
  type: r.type,
  stance: r.stance as Stance,
  certainty: r.certainty as Certainty | null,
  eventDate: r.event_date,
  tags: JSON.parse(r.tags) as string[],
  status: r.status as ReviewStatus,
  relationsCount: r.relations,
  grade: gradeOf(r.grade),
  support: NO_SUPPORT,
  note: r.note,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface ClaimQuery {
  filter: ClaimFilter;
  sort?: ClaimSort;
  limit: number;
  offset: number;
}

/**
 * One page of the table, in two steps: the page's ids in order (only the sort keys are computed for
 * every matching claim), then the full rows of those ids. In one query SQLite built every row's
 * quote, page, subjects, tags and relations before sorting, to keep 100 of them: at 100,000 claims
 * the first page took 0.46 s and page 500 took 2 s.
 */
export function queryClaims(db: Db, query: ClaimQuery): ClaimTablePage {
  try {
    const where = filterSql(query.filter);
    const counted = `SELECT count(*) ${where.from} ${where.sql}`;
    const total = db.prepare(counted).pluck().get(where.params) as number;
    const ids = db
      .prepare(pageIdsSql(where.sql, query.sort))
      .pluck()
      .all({ ...where.params, limit: query.limit, offset: query.offset }) as string[];
    return { rows: rowsOf(db, ids), total };
  } catch (error) {
    throw ftsErrorToAppError(error);
  }
}

/** The table rows of these claims, in the order of the ids. */
function rowsOf(db: Db, ids: string[]): ClaimTableRow[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(claimRowsSql('WHERE c.id IN (SELECT value FROM json_each(@ids))'))
    .all({ ids: JSON.stringify(ids) }) as Row[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return withSupport(
    db,
    ids.map((id) => toRow(byId.get(id)!)),
  );
}

/** Every row matching a filter, in table order (the CSV export). */
export function allClaimRows(db: Db, filter: ClaimFilter, sort?: ClaimSort): ClaimTableRow[] {
  try {
    const where = filterSql(filter);
    const ordered = claimRowsSql(where.sql, 'JOIN document_order o ON o.id = c.document_id');
    const rows = db
      .prepare(`${WITH_DOCUMENT_ORDER} ${ordered} ${orderSql(sort)}`)
      .all(where.params) as Row[];
    return withSupport(db, rows.map(toRow));
  } catch (error) {
    throw ftsErrorToAppError(error);
  }
}

/** The ids of the claims matching a filter (exports of the current filter). */
export function claimIdsMatching(db: Db, filter: ClaimFilter): Set<string> {
  try {
    const where = filterSql(filter);
    return new Set(
      db.prepare(`SELECT c.id ${where.from} ${where.sql}`).pluck().all(where.params) as string[],
    );
  } catch (error) {
    throw ftsErrorToAppError(error);
  }
}
