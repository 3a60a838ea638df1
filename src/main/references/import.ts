/**
 * Bringing references in: each is matched to a source already here by DOI, then by title; a match
 * gets the fields it lacks, anything else becomes a source waiting for a file. The researcher's
 * reference manager is curated data, so imported fields count as confirmed.
 */
import type { ReferenceImportOutcome } from '../../shared/api-sources';
import { CSL_FIELDS, type CslField, type CslItem } from '../../shared/csl';
import type { Db } from '../db/open';
import { getSource, insertSource, listSources, refreshDocumentMeta } from '../db/sources';
import type { SourceId } from '../../shared/model';
import { cleanMetadata } from '../../shared/clean-text';

export const normalTitle = (title: unknown) =>
  typeof title === 'string'
    ? title
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim()
    : '';

export const normalDoi = (doi: unknown) =>
  typeof doi === 'string'
    ? doi
        .trim()
        .replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '')
        .toLowerCase()
    : '';

/** Finds sources by DOI or title; built once per import, updated as sources are created. */
export class SourceMatcher {
  private readonly byDoi = new Map<string, SourceId>();
  private readonly byTitle = new Map<string, SourceId>();
  constructor(db: Db) {
    for (const source of listSources(db)) this.add(source.id, source.csl);
  }
  add(id: SourceId, csl: Partial<CslItem>): void {
    const doi = normalDoi(csl.DOI);
    const title = normalTitle(csl.title);
    if (doi && !this.byDoi.has(doi)) this.byDoi.set(doi, id);
    if (title.length >= 8 && !this.byTitle.has(title)) this.byTitle.set(title, id);
  }
  match(csl: Partial<CslItem>): SourceId | null {
    return this.byDoi.get(normalDoi(csl.DOI)) ?? this.byTitle.get(normalTitle(csl.title)) ?? null;
  }
}

/** Cleans every string of an item (control and direction characters), keeping its shape. */
export function cleanItem(item: CslItem): CslItem {
  const clean = (value: unknown): unknown =>
    typeof value === 'string'
      ? cleanMetadata(value)
      : Array.isArray(value)
        ? value.map(clean)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]))
          : value;
  return clean(item) as CslItem;
}

/**
 * Adds or fills one source from a reference. Returns the source and whether it was new. Fields the
 * matched source has are never overwritten: the researcher may have corrected them.
 */
export function putReference(
  db: Db,
  matcher: SourceMatcher,
  reference: CslItem,
  origin: string,
): { id: SourceId; created: boolean } {
  const item = cleanItem(reference);
  const existing = matcher.match(item);
  if (!existing) {
    const origins = Object.fromEntries(CSL_FIELDS.map((f) => [f, origin])) as Record<
      CslField,
      string
    >;
    const id = insertSource(db, item, origins, true);
    matcher.add(id, item);
    return { id, created: true };
  }
  const current = getSource(db, existing).csl as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(item)) {
    const lacking =
      current[field] === undefined || (field === 'type' && current.type === 'document');
    if (lacking && value !== undefined && value !== null && value !== '') patch[field] = value;
  }
  if (Object.keys(patch).length > 0) {
    fillSource(db, existing, patch, origin);
  }
  return { id: existing, created: false };
}

/** Sets fields (including ones Claimdesk does not edit), marking the edited ones with the origin. */
function fillSource(db: Db, id: SourceId, patch: Record<string, unknown>, origin: string): void {
  const source = getSource(db, id);
  const provenance = { ...source.provenance };
  for (const field of Object.keys(patch))
    if ((CSL_FIELDS as readonly string[]).includes(field))
      provenance[field as CslField] = { from: origin, confirmed: true };
  db.prepare('UPDATE sources SET csl = ?, provenance = ?, updated_at = ? WHERE id = ?').run(
    JSON.stringify({ ...source.csl, ...patch }),
    JSON.stringify(provenance),
    new Date().toISOString(),
    id,
  );
  refreshDocumentMeta(db, id);
}

/** Imports parsed references in one transaction. */
export function importReferenceItems(
  db: Db,
  items: readonly CslItem[],
  origin: string,
): ReferenceImportOutcome {
  const outcome: ReferenceImportOutcome = {
    updatedDocuments: [],
    created: 0,
    matched: 0,
    missingFiles: [],
    failedFiles: [],
    files: 0,
    collections: 0,
  };
  db.transaction(() => {
    const matcher = new SourceMatcher(db);
    for (const item of items) {
      const { id, created } = putReference(db, matcher, item, origin);
      if (created) outcome.created += 1;
      else {
        outcome.matched += 1;
        outcome.updatedDocuments.push(...getSource(db, id).documentIds);
      }
    }
  })();
  return outcome;
}
