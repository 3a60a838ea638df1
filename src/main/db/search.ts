import type {
  ClaimHit,
  EntityHit,
  NotebookHit,
  PageRef,
  PassageHit,
  RawPassageHit,
  SearchOrder,
  SearchResults,
  Snippet,
} from '../../shared/api-search';
import { collapseAcrossFiles, passageKey as samePassage } from '../../shared/source-groups';
import { filesOf } from './sources';
import { SEARCH_KINDS, type searchInput } from '../../shared/api-search';
import type { z } from 'zod';
import type { ClaimId, DocumentId, EntityId } from '../../shared/model';
import { ftsErrorToAppError, toFtsQuery } from './fts-query';
import type { Db } from './open';
import {
  entitiesNamedBy,
  entityPassages,
  extractEntityOperators,
  chunkOf,
  namesMatch,
  passageKey,
  resolveEntityOperator,
  type NamedEntity,
} from './search-by-entity';
import { indexPendingDocuments } from './search-index';
import { CLOSE, OPEN, highlightIn, makeSnippet } from './snippet';

export type SearchInput = z.output<typeof searchInput>;

const MARKERS = `'${OPEN}', '${CLOSE}'`;

/**
 * bm25 costs a pass over every row that matches each term (for its IDF) before it ranks anything,
 * so a term found in most of 5,000 documents would take a tenth of a second. Past this many
 * matches, results come newest first instead (counting up to it is cheap).
 */
export const RANK_AT_MOST = 5000;

function chooseOrder(
  db: Db,
  table: string,
  where: string,
  params: Record<string, unknown>,
): SearchOrder {
  const matches = db
    .prepare(
      `SELECT count(*) FROM (SELECT 1 FROM ${table} WHERE ${table} MATCH @match ${where} LIMIT ${RANK_AT_MOST + 1})`,
    )
    .pluck()
    .get(params) as number;
  return matches > RANK_AT_MOST ? 'newest' : 'relevance';
}

/** The score column and the ORDER BY of a full-text subquery for an order. */
function ordering(
  order: SearchOrder,
  bm25: string,
): { score: string; inner: string; outer: string } {
  if (order === 'relevance') return { score: bm25, inner: 'score', outer: 'h.score' };
  const direction = order === 'newest' ? 'DESC' : 'ASC';
  return { score: '0', inner: `rowid ${direction}`, outer: `h.rowid ${direction}` };
}

/**
 * One search over passages of document text, claims (statement, quotes, note) and entities (name,
 * aliases), each kind ranked by bm25 and cut at `limit`. Every kind reads at most `limit + 1` rows
 * from its index, and snippets are built for those only.
 */
export function search(db: Db, input: SearchInput): SearchResults {
  const kinds = new Set(input.kinds ?? SEARCH_KINDS);
  // passages are found file by file (raw), then given their source
  const results: Omit<SearchResults, 'passages'> & { passages: RawPassageHit[] } = {
    passages: [],
    claims: [],
    entities: [],
    notebooks: [],
    more: { passages: false, claims: false, entities: false, notebooks: false },
    order: {
      passages: 'relevance',
      claims: 'relevance',
      entities: 'relevance',
      notebooks: 'relevance',
    },
  };
  const limit = input.limit + 1;
  try {
    // entity:"…" stands for every name of that entity; the rest of the query narrows further
    const operators = extractEntityOperators(input.query);
    const named = operators.names.flatMap((name) => resolveEntityOperator(db, name));
    const rest = toFtsQuery(operators.rest);
    const anyName = named.length > 0 ? namesMatch(named.flatMap((e) => e.names)) : null;
    const match = anyName && rest ? `(${anyName}) AND (${rest})` : (anyName ?? rest);
    if (!match) return { ...results, passages: [] };
    if (kinds.has('passages')) {
      indexPendingDocuments(db);
      // a passage in two files of one source becomes one hit: read more so that a page stays full
      const rows = input.documentId ? limit : limit * 2;
      const passages = (m: string) => searchPassages(db, m, rows, input.documentId);
      const byEntity = (entities: NamedEntity[], also: string | null) =>
        entityPassages(db, entities, {
          also,
          limit,
          documentId: input.documentId,
          searchPassages: (m) => passages(m)[0],
        });
      if (named.length > 0) {
        results.passages = byEntity(named, rest);
        results.order.passages = input.documentId ? 'position' : 'relevance';
      } else {
        [results.passages, results.order.passages] = passages(match);
        // a name also finds the passages that call the entity by its other names
        const also = entitiesNamedBy(db, operators.rest);
        if (also.length > 0) results.passages = merged(results.passages, byEntity(also, null));
      }
      results.passages = bySource(db, results.passages);
    }
    if (kinds.has('claims')) {
      [results.claims, results.order.claims] = searchClaims(db, match, limit, input.documentId);
    }
    if (kinds.has('entities'))
      [results.entities, results.order.entities] = searchEntities(db, match, limit);
    // notebooks are not in any one document
    if (kinds.has('notebooks') && !input.documentId)
      [results.notebooks, results.order.notebooks] = searchNotebooks(db, match, limit);
  } catch (error) {
    throw ftsErrorToAppError(error);
  }
  for (const kind of SEARCH_KINDS) {
    if (results[kind].length > input.limit) {
      results[kind].length = input.limit;
      results.more[kind] = true;
    }
  }
  return results as SearchResults;
}

/**
 * The hits with their sources, each passage once per source (shared/source-groups.ts): the same
 * words around the same match in two files of one work are one hit with both places.
 */
function bySource(db: Db, hits: RawPassageHit[]): PassageHit[] {
  const files = filesOf(
    db,
    hits.map((h) => h.documentId),
  );
  const sourced = hits.map((h) => ({ ...h, ...files.get(h.documentId)!, also: [] }));
  return collapseAcrossFiles(sourced, (h) => snippetKey(h.snippet));
}

function snippetKey(snippet: Snippet): string {
  const first = snippet.highlights[0];
  if (!first) return samePassage('', snippet.text, '');
  const { text } = snippet;
  return samePassage(
    text.slice(0, first.start),
    text.slice(first.start, first.end),
    text.slice(first.end),
  );
}

/** The direct hits, then the entity's other passages that are not among them. */
function merged(direct: RawPassageHit[], viaEntity: RawPassageHit[]): RawPassageHit[] {
  const seen = new Set(direct.map(passageKey));
  return [...direct, ...viaEntity.filter((h) => !seen.has(passageKey(h)))];
}

interface PassageRow {
  rowid: number;
  score: number;
  marked: string;
  document_id: string;
  start: number;
  text: string;
  title: string;
  page: string | null;
}

function searchPassages(
  db: Db,
  match: string,
  limit: number,
  documentId?: DocumentId,
): [RawPassageHit[], SearchOrder] {
  let range = '';
  const params: Record<string, unknown> = { match, limit };
  if (documentId) {
    // a document's chunks have consecutive ids (search-index.ts): a rowid range FTS5 can seek to,
    // and rowid order is reading order
    const span = db
      .prepare('SELECT min(id) AS lo, max(id) AS hi FROM search_chunks WHERE document_id = ?')
      .get(documentId) as { lo: number | null; hi: number | null };
    if (span.lo === null) return [[], 'position'];
    range = 'AND rowid BETWEEN @lo AND @hi';
    Object.assign(params, { lo: span.lo, hi: span.hi, documentId });
  }
  const order = documentId ? 'position' : chooseOrder(db, 'search_passages', range, params);
  const sort = ordering(order, 'rank');
  const rows = db
    .prepare(
      `SELECT h.rowid, h.score, h.marked, c.document_id, c.start, c.text, d.meta ->> '$.title' AS title,
         (SELECT json_object('index', p.page_index, 'label', p.label) FROM document_pages p
          WHERE p.document_id = c.document_id AND p.start <= c.start ORDER BY p.start DESC LIMIT 1) AS page
       FROM (SELECT rowid, ${sort.score} AS score, highlight(search_passages, 0, ${MARKERS}) AS marked
             FROM search_passages WHERE search_passages MATCH @match ${range}
             ORDER BY ${sort.inner} LIMIT @limit) h
       JOIN search_chunks c ON c.id = h.rowid
       JOIN documents d ON d.id = c.document_id
       ${documentId ? 'WHERE c.document_id = @documentId' : ''}
       ORDER BY ${sort.outer}`,
    )
    .all(params) as PassageRow[];
  const hits = rows.map((r) => {
    const { text, ranges } = highlightIn(r.text, r.marked);
    const first = ranges[0] ?? { start: 0, end: 0 };
    const hit: RawPassageHit = {
      documentId: r.document_id as DocumentId,
      documentTitle: r.title,
      start: r.start + first.start,
      end: r.start + first.end,
      page: r.page ? (JSON.parse(r.page) as PageRef) : null,
      snippet: makeSnippet(text, ranges),
      score: r.score,
    };
    chunkOf.set(hit, r.rowid);
    return hit;
  });
  return [hits, order];
}

interface ClaimRow {
  id: string;
  score: number;
  marked_statement: string;
  marked_quote: string;
  marked_note: string;
  document_id: string;
  title: string;
  statement: string;
  quote: string;
  note: string;
  start: number | null;
  end: number | null;
}

const CLAIM_FIELDS = ['statement', 'quote', 'note'] as const;

function searchClaims(
  db: Db,
  match: string,
  limit: number,
  documentId?: DocumentId,
): [ClaimHit[], SearchOrder] {
  const inDocument = documentId
    ? `AND rowid IN (SELECT k.key FROM claims c JOIN search_keys k ON k.ref = c.id WHERE c.document_id = @documentId)`
    : '';
  const params = { match, limit, ...(documentId ? { documentId } : {}) };
  const order = chooseOrder(db, 'search_claims', inDocument, params);
  const sort = ordering(order, 'bm25(search_claims, 4.0, 2.0, 1.0)');
  const rows = db
    .prepare(
      `SELECT k.ref AS id, h.*, c.document_id, d.meta ->> '$.title' AS title, c.statement, c.note,
         coalesce((SELECT group_concat(s.exact, ' … ' ORDER BY s.ordinal) FROM claim_spans s
                   WHERE s.claim_id = c.id), '') AS quote,
         s0.start, s0.end
       FROM (SELECT rowid, ${sort.score} AS score,
               highlight(search_claims, 0, ${MARKERS}) AS marked_statement,
               highlight(search_claims, 1, ${MARKERS}) AS marked_quote,
               highlight(search_claims, 2, ${MARKERS}) AS marked_note
             FROM search_claims WHERE search_claims MATCH @match ${inDocument}
             ORDER BY ${sort.inner} LIMIT @limit) h
       JOIN search_keys k ON k.key = h.rowid
       JOIN claims c ON c.id = k.ref
       JOIN documents d ON d.id = c.document_id
       LEFT JOIN claim_spans s0 ON s0.claim_id = c.id AND s0.ordinal = 0
       ORDER BY ${sort.outer}`,
    )
    .all(params) as ClaimRow[];
  const hits = rows.map((r) => {
    const fields = CLAIM_FIELDS.map((field) => ({
      field,
      ...highlightIn(r[field], r[`marked_${field}`]),
    }));
    const best = fields.find((f) => f.ranges.length > 0) ?? fields[0]!;
    return {
      claimId: r.id as ClaimId,
      documentId: r.document_id as DocumentId,
      documentTitle: r.title,
      statement: r.statement,
      field: best.field,
      snippet: makeSnippet(best.text, best.ranges),
      start: r.start ?? 0,
      end: r.end ?? 0,
      score: r.score,
    };
  });
  return [hits, order];
}

interface EntityRow {
  id: string;
  score: number;
  marked_name: string;
  marked_aliases: string;
  kind: string;
  name: string;
  aliases: string;
}

function searchEntities(db: Db, match: string, limit: number): [EntityHit[], SearchOrder] {
  const order = chooseOrder(db, 'search_entities', '', { match });
  const sort = ordering(order, 'bm25(search_entities, 2.0, 1.0)');
  const rows = db
    .prepare(
      `SELECT k.ref AS id, h.*, e.kind, e.name,
         coalesce((SELECT group_concat(a.alias, char(10) ORDER BY a.alias) FROM entity_aliases a
                   WHERE a.entity_id = e.id), '') AS aliases
       FROM (SELECT rowid, ${sort.score} AS score,
               highlight(search_entities, 0, ${MARKERS}) AS marked_name,
               highlight(search_entities, 1, ${MARKERS}) AS marked_aliases
             FROM search_entities WHERE search_entities MATCH @match
             ORDER BY ${sort.inner} LIMIT @limit) h
       JOIN search_keys k ON k.key = h.rowid
       JOIN entities e ON e.id = k.ref
       ORDER BY ${sort.outer}`,
    )
    .all({ match, limit }) as EntityRow[];
  const hits = rows.map((r) => {
    const name = highlightIn(r.name, r.marked_name);
    const base = { entityId: r.id as EntityId, kind: r.kind, name: r.name, score: r.score };
    if (name.ranges.length > 0 || r.aliases === '') {
      return { ...base, field: 'name' as const, snippet: makeSnippet(name.text, name.ranges) };
    }
    // aliases are indexed one a line: show the line with the first match
    const aliases = highlightIn(r.aliases, r.marked_aliases);
    const first = aliases.ranges[0] ?? { start: 0, end: 0 };
    const lineStart = aliases.text.lastIndexOf('\n', first.start - 1) + 1;
    const lineEnd = aliases.text.indexOf('\n', first.end);
    const line = aliases.text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
    const ranges = aliases.ranges
      .filter((x) => x.start >= lineStart && x.end <= lineStart + line.length)
      .map((x) => ({ start: x.start - lineStart, end: x.end - lineStart }));
    return { ...base, field: 'alias' as const, snippet: makeSnippet(line, ranges) };
  });
  return [hits, order];
}

interface NotebookRow {
  id: string;
  score: number;
  marked_title: string;
  marked_text: string;
  title: string;
  text: string;
}

function searchNotebooks(db: Db, match: string, limit: number): [NotebookHit[], SearchOrder] {
  const order = chooseOrder(db, 'search_notebooks', '', { match });
  const sort = ordering(order, 'bm25(search_notebooks, 4.0, 1.0)');
  const rows = db
    .prepare(
      `SELECT k.ref AS id, h.*, n.title, n.text
       FROM (SELECT rowid, ${sort.score} AS score,
               highlight(search_notebooks, 0, ${MARKERS}) AS marked_title,
               highlight(search_notebooks, 1, ${MARKERS}) AS marked_text
             FROM search_notebooks WHERE search_notebooks MATCH @match
             ORDER BY ${sort.inner} LIMIT @limit) h
       JOIN search_keys k ON k.key = h.rowid
       JOIN notebooks n ON n.id = k.ref
       ORDER BY ${sort.outer}`,
    )
    .all({ match, limit }) as NotebookRow[];
  const hits = rows.map((r) => {
    const title = highlightIn(r.title, r.marked_title);
    const text = highlightIn(r.text, r.marked_text);
    // the written text around the match says more than the title, when the text matched
    const best =
      text.ranges.length > 0
        ? { field: 'text' as const, ...text }
        : { field: 'title' as const, ...title };
    return {
      notebookId: r.id,
      title: r.title,
      field: best.field,
      snippet: makeSnippet(best.text, best.ranges),
      score: r.score,
    };
  });
  return [hits, order];
}
