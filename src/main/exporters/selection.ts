import { codePointConverter } from '../../shared/anchor';
import type { ClaimFilter, PageRef } from '../../shared/api-search';
import type {
  Claim,
  ClaimRelation,
  DocumentId,
  DocumentSummary,
  Entity,
  EntityId,
  Mention,
  PageSpan,
  TextAnchor,
} from '../../shared/model';
import { listClaims } from '../db/claims';
import { claimIdsMatching } from '../db/claims-query';
import { getDocument, getDocumentContent, listDocuments } from '../db/documents';
import { listEntities } from '../db/entities';
import { toMention, type MentionRow } from '../db/mentions';
import type { Db } from '../db/open';
import { listRelations } from '../db/relations';

/** What to export: everything, one document, or the claims a filter matches (both may combine). */
export interface ExportScope {
  documentId?: DocumentId;
  filter?: ClaimFilter;
}

/** The records an export holds, shared by the JSON and W3C exporters. */
export interface ExportSelection {
  documents: DocumentSummary[];
  /** by document, then position */
  claims: Claim[];
  /** none when exporting a filter: the export is those claims */
  mentions: Mention[];
  /** everything: all entities; otherwise those the claims and mentions refer to */
  entities: Entity[];
  /** every relation that has an exported claim at either end */
  relations: ClaimRelation[];
}

export function selectForExport(db: Db, scope: ExportScope): ExportSelection {
  let claims = listClaims(db, { documentId: scope.documentId });
  if (scope.filter) {
    const matching = claimIdsMatching(db, scope.filter);
    claims = claims.filter((c) => matching.has(c.id));
  }
  let documents = scope.documentId ? [getDocument(db, scope.documentId)] : listDocuments(db);
  if (scope.filter) {
    const withClaims = new Set(claims.map((c) => c.documentId));
    documents = documents.filter((d) => withClaims.has(d.id));
  }
  documents.sort((a, b) => a.meta.title.localeCompare(b.meta.title) || a.id.localeCompare(b.id));
  const mentions = scope.filter
    ? []
    : listMentions(
        db,
        documents.map((d) => d.id),
      );
  const claimIds = new Set(claims.map((c) => c.id));
  const relations = listRelations(db).filter(
    (r) => claimIds.has(r.fromClaimId) || claimIds.has(r.toClaimId),
  );
  const whole = !scope.documentId && !scope.filter;
  const referenced = new Set<string>(
    [
      ...claims.flatMap((c) => [c.claimantId, c.placeId, ...c.subjectIds]),
      ...mentions.map((m) => m.entityId),
    ].filter((id): id is EntityId => !!id),
  );
  const entities = listEntities(db).filter((e) => whole || referenced.has(e.id));
  return { documents, claims, mentions, entities, relations };
}

function listMentions(db: Db, documentIds: string[]): Mention[] {
  const rows = db
    .prepare(
      `SELECT * FROM mentions WHERE document_id IN (SELECT value FROM json_each(?))
       ORDER BY document_id, start, id`,
    )
    .all(JSON.stringify(documentIds)) as MentionRow[];
  return rows.map(toMention);
}

/** A passage as exported: code point position, quote, page. */
export interface Located {
  position: { start: number; end: number };
  quote: { exact: string; prefix: string; suffix: string };
  page: PageRef | null;
}

export type Locator = (anchor: TextAnchor) => Located;

/**
 * Calls `each` once per exported document with its claims and mentions and a locator that converts
 * anchors to code points, loading each document's text once and keeping only one in memory.
 */
export function forEachDocument(
  db: Db,
  selection: ExportSelection,
  each: (doc: DocumentSummary, locate: Locator, claims: Claim[], mentions: Mention[]) => void,
): void {
  const claims = groupBy(selection.claims, (c) => c.documentId);
  const mentions = groupBy(selection.mentions, (m) => m.documentId);
  for (const doc of selection.documents) {
    const docClaims = claims.get(doc.id) ?? [];
    const docMentions = mentions.get(doc.id) ?? [];
    if (docClaims.length === 0 && docMentions.length === 0) continue;
    const content = getDocumentContent(db, doc.id);
    const toCodePoints = codePointConverter(content.text);
    const locate: Locator = (a) => ({
      position: { start: toCodePoints(a.start), end: toCodePoints(a.end) },
      quote: { exact: a.exact, prefix: a.prefix, suffix: a.suffix },
      page: pageOf(content.pages, a.start),
    });
    each(doc, locate, docClaims, docMentions);
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}

/** The page holding a UTF-16 offset (pages are contiguous and ordered). */
export function pageOf(pages: PageSpan[], offset: number): PageRef | null {
  let lo = 0;
  let hi = pages.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pages[mid]!;
    if (offset < p.start) hi = mid - 1;
    else if (offset >= p.end && mid < pages.length - 1) lo = mid + 1;
    else return { index: p.index, label: p.label };
  }
  return null;
}
