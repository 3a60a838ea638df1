import { randomUUID } from 'node:crypto';
import type { Claim, ClaimRelation, Entity, Mention, TextAnchor } from '../../shared/model';
import { gradeDescription, gradeText, type ClaimGrade } from '../../shared/grading';
import { claimGrades, NO_GRADE } from '../db/grades';
import type { Db } from '../db/open';
import { ocrProvenanceOf } from './ocr-provenance';
import { forEachDocument, selectForExport, type ExportScope, type Located } from './selection';

/**
 * The W3C Web Annotation export (https://www.w3.org/TR/annotation-model/), JSON-LD: one annotation
 * per claim and per mention, one `linking` annotation per claim relation, in an
 * AnnotationCollection with a single embedded page.
 *
 * Every annotation carries its own `@context` (the standard one, then Claimdesk's small one), so a
 * tool that splits the collection still gets annotations that are valid on their own. The standard
 * vocabulary has no words for a claim's roles (claimant, subject, place) or for its stance,
 * certainty, type, event date and hedges: CLAIMDESK_CONTEXT names them, and entity bodies keep the
 * standard `identifying` purpose (which tools understand) with a `role` beside it.
 *
 * Targets name the document by the SHA-256 of its file (urn:sha256:…), so an annotation finds its
 * source whatever the file is called. Selectors are alternatives for the same passage: the quote,
 * the position (Unicode code points of the canonical text) and, for PDFs, the pages (RFC 3778
 * `page=N`, 1-based) refined by the quote.
 */

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * Claimdesk's terms, inline so that an annotation needs nothing fetched to be understood. Values
 * are plain strings (documented in docs/export-format.md); the IRIs live under a URN of ours
 * rather than a web address we cannot promise to keep.
 */
export const CLAIMDESK_CONTEXT = {
  claimdesk: 'urn:claimdesk:vocab:',
  role: 'claimdesk:role',
  claimType: 'claimdesk:claimType',
  stance: 'claimdesk:stance',
  certainty: 'claimdesk:certainty',
  eventDate: 'claimdesk:eventDate',
  hedges: { '@id': 'claimdesk:hedge', '@container': '@list' },
  // a passage read by OCR: engine, languages, confidence (docs/export-format.md), as a JSON literal
  ocr: { '@id': 'claimdesk:ocr', '@type': '@json' },
} as const;

/** THE context of every annotation (and of the collection): the standard one first, as required. */
export const W3C_CONTEXT = [ANNO_CONTEXT, CLAIMDESK_CONTEXT] as const;

/** The part an entity plays in a claim: the body's `role`. */
export type ClaimRole = 'claimant' | 'subject' | 'place';
const RFC_3778 = 'http://tools.ietf.org/rfc/rfc3778';

export const annotationIri = (kind: 'claim' | 'mention' | 'relation', id: string) =>
  `urn:claimdesk:${kind}:${id}`;

/** The Wikidata concept IRI where the entity has a Wikidata id, else a Claimdesk URN. */
export function entityIri(
  entity: Pick<Entity, 'id' | 'externalIds'> | undefined,
  id: string,
): string {
  const qid = entity?.externalIds.wikidata?.trim().match(/(?:^|\/)(Q[1-9]\d*)$/)?.[1];
  return qid ? `http://www.wikidata.org/entity/${qid}` : `urn:claimdesk:entity:${id}`;
}

type Json = Record<string, unknown>;

export function exportW3c(db: Db, options: ExportScope & { generator: string }): Json {
  const selection = selectForExport(db, options);
  const entities = new Map(selection.entities.map((e) => [e.id as string, e]));
  const generated = new Date().toISOString();
  const generator = { id: 'urn:claimdesk:app', type: 'Software', name: options.generator };
  const common = { generator, generated };
  const items: Json[] = [];
  const grades = claimGrades(db);
  forEachDocument(db, selection, (doc, locate, claims, mentions) => {
    const ocr = ocrProvenanceOf(db, doc.id);
    // each passage says on its own whether OCR read it: a claim may quote a text page and a scan
    const target = (anchor: TextAnchor) => {
      const read = ocr?.([anchor]) ?? null;
      return {
        type: 'SpecificResource',
        source: `urn:sha256:${doc.sha256}`,
        selector: selectors(locate(anchor), doc.mediaType === 'application/pdf'),
        ...(read ? { ocr: read } : {}),
      };
    };
    for (const c of claims)
      items.push({
        ...claimAnnotation(c, entities, grades.get(c.id) ?? NO_GRADE),
        target: c.spans.map(target),
        ...common,
      });
    for (const m of mentions)
      items.push({
        ...mentionAnnotation(m, entities),
        target: [target(m.anchor)],
        ...common,
      });
  });
  for (const r of selection.relations) items.push({ ...relationAnnotation(r), ...common });
  return {
    '@context': W3C_CONTEXT,
    id: `urn:uuid:${randomUUID()}`,
    type: 'AnnotationCollection',
    label: `Claimdesk claims (${options.generator})`,
    total: items.length,
    first: { id: `urn:uuid:${randomUUID()}`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

function selectors(located: Located, pdf: boolean): Json[] {
  const quote: Json = { type: 'TextQuoteSelector', exact: located.quote.exact };
  if (located.quote.prefix) quote.prefix = located.quote.prefix;
  if (located.quote.suffix) quote.suffix = located.quote.suffix;
  const out: Json[] = [
    quote,
    { type: 'TextPositionSelector', start: located.position.start, end: located.position.end },
  ];
  // one fragment per page the passage runs over (RFC 3778 names single pages, not ranges)
  if (pdf && located.pages) {
    for (let index = located.pages.start.index; index <= located.pages.end.index; index++) {
      out.push({
        type: 'FragmentSelector',
        conformsTo: RFC_3778,
        value: `page=${index + 1}`,
        refinedBy: quote,
      });
    }
  }
  return out;
}

const identifying = (source: string, role?: ClaimRole) => ({
  type: 'SpecificResource',
  purpose: 'identifying',
  source,
  ...(role ? { role } : {}),
});

function claimAnnotation(c: Claim, entities: Map<string, Entity>, grade: ClaimGrade): Json {
  const body: Json[] = [
    { type: 'TextualBody', purpose: 'describing', value: c.statement, format: 'text/plain' },
  ];
  if (c.note)
    body.push({ type: 'TextualBody', purpose: 'commenting', value: c.note, format: 'text/plain' });
  for (const tag of c.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  // the Admiralty grade as an assessment: "B2", described in words for readers without the code
  if (gradeText(grade))
    body.push({
      type: 'TextualBody',
      purpose: 'assessing',
      value: `${gradeText(grade)} (${gradeDescription(grade)})`,
      format: 'text/plain',
    });
  // one body per role an entity plays: the same place may also be a subject
  const roles: [ClaimRole, string | null][] = [
    ['claimant', c.claimantId],
    ...c.subjectIds.map((id): [ClaimRole, string] => ['subject', id]),
    ['place', c.placeId],
  ];
  for (const [role, id] of roles)
    if (id) body.push(identifying(entityIri(entities.get(id), id), role));
  return {
    '@context': W3C_CONTEXT,
    id: annotationIri('claim', c.id),
    type: 'Annotation',
    motivation: 'describing',
    created: c.createdAt,
    modified: c.updatedAt,
    claimType: c.type,
    stance: c.stance,
    ...(c.certainty ? { certainty: c.certainty } : {}),
    ...(c.eventDate ? { eventDate: c.eventDate } : {}),
    ...(c.hedges.length > 0 ? { hedges: c.hedges } : {}),
    body,
  };
}

function mentionAnnotation(m: Mention, entities: Map<string, Entity>): Json {
  const entity = entities.get(m.entityId);
  const body: Json[] = [identifying(entityIri(entity, m.entityId))];
  if (entity) body.push({ type: 'TextualBody', purpose: 'identifying', value: entity.name });
  return {
    '@context': W3C_CONTEXT,
    id: annotationIri('mention', m.id),
    type: 'Annotation',
    motivation: 'identifying',
    created: m.createdAt,
    body,
  };
}

/** "A contradicts B": the target is A's annotation, the body links B's and names the kind. */
function relationAnnotation(r: ClaimRelation): Json {
  const body: Json[] = [
    { type: 'SpecificResource', purpose: 'linking', source: annotationIri('claim', r.toClaimId) },
    { type: 'TextualBody', purpose: 'classifying', value: r.kind },
  ];
  if (r.note)
    body.push({ type: 'TextualBody', purpose: 'commenting', value: r.note, format: 'text/plain' });
  return {
    '@context': W3C_CONTEXT,
    id: annotationIri('relation', r.id),
    type: 'Annotation',
    motivation: 'linking',
    created: r.createdAt,
    body,
    target: annotationIri('claim', r.fromClaimId),
  };
}
