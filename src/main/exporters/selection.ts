import { codePointConverter } from '../../shared/anchor';
import { pageAt, pageRange, type PageRange } from '../../shared/pages';
import type { ClaimFilter, PageRef } from '../../shared/api-search';
import type {
  Claim,
  ClaimRelation,
  DocumentId,
  DocumentSummary,
  Entity,
  Mention,
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

/**
 * What an export holds, shared by the JSON and W3C exporters. Claims and mentions are not here: they
 * are loaded one document at a time by forEachDocument, so an export of 100,000 claims never holds
 * every record as objects at once (building and collecting them cost more than reading them).
 */
export interface ExportSelection {
  documents: DocumentSummary[];
  /** the claims a filter picked; null: every claim of the documents */
  claimIds: Set<string> | null;
  /** none when exporting a filter: the export is those claims */
  withMentions: boolean;
  /** the documents with claims or mentions to export (of 5,000, often a few) */
  withRecords: Set<string>;
  /** everything: all entities; otherwise those the claims and mentions refer to */
  entities: Entity[];
  /** every relation that has an exported claim at either end */
  relations: ClaimRelation[];
}

export function selectForExport(db: Db, scope: ExportScope): ExportSelection {
  const keys = (
    scope.documentId
      ? db.prepare('SELECT id, document_id FROM claims WHERE document_id = ?').all(scope.documentId)
      : db.prepare('SELECT id, document_id FROM claims').all()
  ) as { id: string; document_id: string }[];
  const matching = scope.filter ? claimIdsMatching(db, scope.filter) : null;
  const selected = matching ? keys.filter((k) => matching.has(k.id)) : keys;
  const claimIds = new Set(selected.map((k) => k.id));

  let documents = scope.documentId ? [getDocument(db, scope.documentId)] : listDocuments(db);
  if (matching) {
    const withClaims = new Set(selected.map((k) => k.document_id));
    documents = documents.filter((d) => withClaims.has(d.id));
  }
  documents.sort((a, b) => a.meta.title.localeCompare(b.meta.title) || a.id.localeCompare(b.id));
  const withMentions = !scope.filter;
  const withRecords = new Set(selected.map((k) => k.document_id));
  if (withMentions)
    for (const id of db.prepare('SELECT DISTINCT document_id FROM mentions').pluck().all())
      withRecords.add(id as string);

  const relations = listRelations(db).filter(
    (r) => claimIds.has(r.fromClaimId) || claimIds.has(r.toClaimId),
  );
  const whole = !scope.documentId && !scope.filter;
  const referenced = whole
    ? null
    : referencedEntities(db, [...claimIds], withMentions ? documents.map((d) => d.id) : []);
  const entities = listEntities(db).filter((e) => !referenced || referenced.has(e.id));
  return {
    documents,
    claimIds: matching ? claimIds : null,
    withMentions,
    withRecords,
    entities,
    relations,
  };
}

/** The entities the claims (claimant, place, subjects) and the documents' mentions refer to. */
function referencedEntities(db: Db, claimIds: string[], documentIds: string[]): Set<string> {
  const ids = db
    .prepare(
      `WITH picked(id) AS (SELECT value FROM json_each(@claims))
       SELECT claimant_id FROM claims WHERE id IN picked AND claimant_id IS NOT NULL
       UNION SELECT place_id FROM claims WHERE id IN picked AND place_id IS NOT NULL
       UNION SELECT entity_id FROM claim_subjects WHERE claim_id IN picked
       UNION SELECT entity_id FROM mentions
         WHERE document_id IN (SELECT value FROM json_each(@documents))`,
    )
    .pluck()
    .all({ claims: JSON.stringify(claimIds), documents: JSON.stringify(documentIds) });
  return new Set(ids as string[]);
}

function listMentions(db: Db, documentId: string): Mention[] {
  const rows = db
    .prepare('SELECT * FROM mentions WHERE document_id = ? ORDER BY start, id')
    .all(documentId) as MentionRow[];
  return rows.map(toMention);
}

/** A passage as exported: code point position, quote, its first page and its page range. */
export interface Located {
  position: { start: number; end: number };
  quote: { exact: string; prefix: string; suffix: string };
  /** the page the passage starts on (kept from version 1) */
  page: PageRef | null;
  /** the pages it runs over: start and end differ across a page break */
  pages: PageRange | null;
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
  for (const doc of selection.documents) {
    if (!selection.withRecords.has(doc.id)) continue;
    const { claimIds } = selection;
    let claims = listClaims(db, { documentId: doc.id });
    if (claimIds) claims = claims.filter((c) => claimIds.has(c.id));
    const mentions = selection.withMentions ? listMentions(db, doc.id) : [];
    if (claims.length === 0 && mentions.length === 0) continue;
    const content = getDocumentContent(db, doc.id);
    const toCodePoints = codePointConverter(content.text);
    const locate: Locator = (a) => ({
      position: { start: toCodePoints(a.start), end: toCodePoints(a.end) },
      quote: { exact: a.exact, prefix: a.prefix, suffix: a.suffix },
      page: pageAt(content.pages, a.start),
      pages: pageRange(content.pages, a.start, a.end),
    });
    each(doc, locate, claims, mentions);
  }
}
