import { codePointConverter } from '../../shared/anchor';
import type { Claim, ClaimRelation, DocumentId, Entity, PageSpan } from '../../shared/model';
import { listClaims } from '../db/claims';
import { getDocumentContent, listDocuments } from '../db/documents';
import { listEntities } from '../db/entities';
import type { Db } from '../db/open';
import { listRelations } from '../db/relations';

export const CLAIMS_FORMAT = 'claimdesk.claims';
export const CLAIMS_FORMAT_VERSION = 1;

/**
 * The claims JSON export: documents, entities and claims with provenance. Positions are Unicode code
 * points into the document's canonical text (the W3C model), not JavaScript's UTF-16 offsets.
 */
export function exportClaimsJson(
  db: Db,
  options: { documentId?: DocumentId; generator: string },
): object {
  const claims = listClaims(db, { documentId: options.documentId });
  const documents = listDocuments(db).filter(
    (d) => !options.documentId || d.id === options.documentId,
  );
  const relations = groupRelations(listRelations(db));
  const entityIds = new Set(claims.flatMap(referencedEntities));
  const entities = listEntities(db).filter((e) => !options.documentId || entityIds.has(e.id));

  const claimsByDocument = new Map<string, Claim[]>();
  for (const c of claims) claimsByDocument.set(c.documentId, [...(claimsByDocument.get(c.documentId) ?? []), c]);

  const exportedClaims: object[] = [];
  for (const doc of documents) {
    const docClaims = claimsByDocument.get(doc.id);
    if (!docClaims) continue;
    const content = getDocumentContent(db, doc.id);
    const toCodePoints = codePointConverter(content.text);
    for (const claim of docClaims) {
      exportedClaims.push(exportClaim(claim, content.pages, toCodePoints, relations.get(claim.id) ?? []));
    }
  }

  return {
    format: CLAIMS_FORMAT,
    version: CLAIMS_FORMAT_VERSION,
    generator: options.generator,
    exportedAt: new Date().toISOString(),
    positionUnit: 'unicode-code-point',
    documents: documents.map((d) => ({
      id: d.id,
      title: d.meta.title,
      sha256: d.sha256,
      mediaType: d.mediaType,
      fileName: d.fileName,
      authors: d.meta.authors,
      publishedDate: d.meta.publishedDate,
      publisher: d.meta.publisher,
      sourceUrl: d.meta.sourceUrl,
      language: d.meta.language,
      pageCount: d.pageCount,
      importedAt: d.importedAt,
    })),
    entities: entities.map(exportEntity),
    claims: exportedClaims,
  };
}

function referencedEntities(c: Claim): string[] {
  return [c.claimantId, c.placeId, ...c.subjectIds].filter((x): x is NonNullable<typeof x> => !!x);
}

function groupRelations(relations: ClaimRelation[]): Map<string, object[]> {
  const byClaim = new Map<string, object[]>();
  const add = (claimId: string, value: object) => byClaim.set(claimId, [...(byClaim.get(claimId) ?? []), value]);
  for (const r of relations) {
    add(r.fromClaimId, { id: r.id, kind: r.kind, direction: 'outgoing', claimId: r.toClaimId, note: r.note });
    add(r.toClaimId, { id: r.id, kind: r.kind, direction: 'incoming', claimId: r.fromClaimId, note: r.note });
  }
  return byClaim;
}

function pageOf(pages: PageSpan[], offset: number): { index: number; label: string } | null {
  // binary search: pages are contiguous and ordered
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

function exportClaim(
  c: Claim,
  pages: PageSpan[],
  toCodePoints: (offset: number) => number,
  relations: object[],
): object {
  const spans = c.spans.map((s) => ({
    position: { start: toCodePoints(s.start), end: toCodePoints(s.end) },
    quote: { exact: s.exact, prefix: s.prefix, suffix: s.suffix },
    page: pageOf(pages, s.start),
  }));
  const first = spans[0]!;
  return {
    id: c.id,
    documentId: c.documentId,
    statement: c.statement,
    quote: first.quote,
    position: first.position,
    page: first.page,
    spans,
    claimantId: c.claimantId,
    subjectIds: c.subjectIds,
    placeId: c.placeId,
    type: c.type,
    stance: c.stance,
    certainty: c.certainty,
    hedges: c.hedges,
    eventDate: c.eventDate,
    tags: c.tags,
    note: c.note,
    status: c.status,
    relations,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

function exportEntity(e: Entity): object {
  return {
    id: e.id,
    kind: e.kind,
    name: e.name,
    aliases: e.aliases,
    description: e.description,
    externalIds: e.externalIds,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}
