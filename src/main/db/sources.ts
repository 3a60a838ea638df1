import {
  CSL_FIELDS,
  cslDate,
  isoDate,
  nameText,
  parseName,
  type CslField,
  type CslItem,
  type Provenance,
} from '../../shared/csl';
import type { DocumentId, DocumentMeta, MediaType, SourceId } from '../../shared/model';
import type { Source } from '../../shared/api-sources';
import { AppError, notFound } from '../errors';
import { newId, now } from '../ids';
import type { Db } from './open';

interface SourceRow {
  id: string;
  csl: string;
  provenance: string;
  created_at: string;
  updated_at: string;
  document_ids: string;
  claim_count: number;
}

const SOURCE_COLUMNS = `s.id, s.csl, s.provenance, s.created_at, s.updated_at,
  (SELECT json_group_array(d.id) FROM documents d WHERE d.source_id = s.id) AS document_ids,
  (SELECT count(*) FROM claims c JOIN documents d ON d.id = c.document_id WHERE d.source_id = s.id)
    AS claim_count`;

function toSource(row: SourceRow): Source {
  return {
    id: row.id as SourceId,
    csl: JSON.parse(row.csl) as CslItem,
    provenance: JSON.parse(row.provenance) as Provenance,
    documentIds: JSON.parse(row.document_ids) as DocumentId[],
    claimCount: row.claim_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A new source; every field given is marked with its origin (unconfirmed unless said). */
export function insertSource(
  db: Db,
  csl: CslItem,
  origins: Partial<Record<CslField, string>> = {},
  confirmed = false,
): SourceId {
  const id = newId<SourceId>('src');
  const provenance: Provenance = {};
  for (const field of CSL_FIELDS) {
    if (csl[field] !== undefined)
      provenance[field] = { from: origins[field] ?? 'import', confirmed };
  }
  const at = now();
  const { id: _ignored, ...stored } = csl;
  void _ignored;
  db.prepare(
    'INSERT INTO sources (id, csl, provenance, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  ).run(id, JSON.stringify(stored), JSON.stringify(provenance), at, at);
  return id;
}

export function getSource(db: Db, id: SourceId): Source {
  const row = db.prepare(`SELECT ${SOURCE_COLUMNS} FROM sources s WHERE s.id = ?`).get(id) as
    SourceRow | undefined;
  if (!row) throw notFound('source', id);
  return toSource(row);
}

export function listSources(db: Db): Source[] {
  const rows = db
    .prepare(`SELECT ${SOURCE_COLUMNS} FROM sources s ORDER BY s.created_at DESC, s.rowid DESC`)
    .all() as SourceRow[];
  return rows.map(toSource);
}

export function sourceIdOfDocument(db: Db, documentId: DocumentId): SourceId {
  const id = db.prepare('SELECT source_id FROM documents WHERE id = ?').pluck().get(documentId) as
    string | null | undefined;
  if (id === undefined) throw notFound('document', documentId);
  if (id === null) throw new AppError('internal', `Document ${documentId} has no source.`);
  return id as SourceId;
}

/**
 * Whether the researcher vouched for any of the source's fields: confirmed or edited them, or brought
 * them from their reference manager (imported references count as confirmed).
 */
export const sourceIsCurated = (provenance: Provenance): boolean =>
  Object.values(provenance).some((origin) => origin?.confirmed === true);

/** A patch of CSL fields: a value sets the field, null removes it. */
export type CslPatch = { [K in CslField]?: CslItem[K] | null };

/**
 * The researcher's edit: the fields given change and count as confirmed (the researcher has seen
 * them), with "edited" as their origin where the value changed.
 */
export function updateSource(db: Db, id: SourceId, patch: CslPatch): Source {
  const source = getSource(db, id);
  const csl: CslItem = { ...source.csl };
  const provenance: Provenance = { ...source.provenance };
  for (const [field, value] of Object.entries(patch) as [CslField, unknown][]) {
    if (value === undefined) continue;
    const same = JSON.stringify(csl[field]) === JSON.stringify(value);
    if (value === null || (Array.isArray(value) && value.length === 0) || value === '') {
      delete csl[field];
      delete provenance[field];
    } else {
      (csl as Record<string, unknown>)[field] = value;
      provenance[field] =
        same && provenance[field]
          ? { ...provenance[field]!, confirmed: true }
          : { from: 'edited by the researcher', confirmed: true };
    }
  }
  if (!csl.type) csl.type = 'document';
  db.prepare('UPDATE sources SET csl = ?, provenance = ?, updated_at = ? WHERE id = ?').run(
    JSON.stringify(csl),
    JSON.stringify(provenance),
    now(),
    id,
  );
  refreshDocumentMeta(db, id);
  return getSource(db, id);
}

/** Confirms found fields as they are (all of them, or those named). */
export function confirmSource(db: Db, id: SourceId, fields?: readonly CslField[]): Source {
  const source = getSource(db, id);
  const provenance: Provenance = { ...source.provenance };
  for (const [field, origin] of Object.entries(provenance) as [CslField, { from: string }][]) {
    if (!fields || fields.includes(field))
      provenance[field] = { from: origin.from, confirmed: true };
  }
  db.prepare('UPDATE sources SET provenance = ?, updated_at = ? WHERE id = ?').run(
    JSON.stringify(provenance),
    now(),
    id,
  );
  return getSource(db, id);
}

/**
 * Makes a document a file of another source. Its former source goes when no file is left, its
 * fields filling those the target lacks (so nothing the researcher entered is lost).
 */
export function attachDocument(db: Db, documentId: DocumentId, target: SourceId): void {
  const former = sourceIdOfDocument(db, documentId);
  if (former === target) return;
  getSource(db, target);
  db.prepare('UPDATE documents SET source_id = ? WHERE id = ?').run(target, documentId);
  const left = db.prepare('SELECT count(*) FROM documents WHERE source_id = ?').pluck().get(former);
  if (left === 0) absorb(db, target, former);
  refreshDocumentMeta(db, target);
}

/** Merges `from` into `into`: its files move, its fields fill the empty ones, it goes. */
export function mergeSources(db: Db, into: SourceId, from: SourceId): void {
  if (into === from) return;
  getSource(db, into);
  getSource(db, from);
  db.prepare('UPDATE documents SET source_id = ? WHERE source_id = ?').run(into, from);
  absorb(db, into, from);
}

function absorb(db: Db, into: SourceId, from: SourceId): void {
  const target = getSource(db, into);
  const gone = getSource(db, from);
  const csl = { ...target.csl } as Record<string, unknown>;
  const provenance: Provenance = { ...target.provenance };
  for (const [field, value] of Object.entries(gone.csl)) {
    const missing = csl[field] === undefined || (field === 'type' && csl[field] === 'document');
    if (!missing) continue;
    csl[field] = value;
    const origin = gone.provenance[field as CslField];
    if (origin) provenance[field as CslField] = origin;
  }
  db.prepare('UPDATE sources SET csl = ?, provenance = ?, updated_at = ? WHERE id = ?').run(
    JSON.stringify(csl),
    JSON.stringify(provenance),
    now(),
    into,
  );
  db.prepare('DELETE FROM sources WHERE id = ?').run(from);
  refreshDocumentMeta(db, into);
}

/**
 * Writes the source's metadata into its documents' `meta` column, which the SQL of search, the
 * claims table and mentions reads titles from. The source is the truth; every write to a source
 * or to which source a document belongs ends here.
 */
export function refreshDocumentMeta(db: Db, id: SourceId): void {
  const row = db.prepare('SELECT csl FROM sources WHERE id = ?').pluck().get(id) as
    string | undefined;
  if (row === undefined) return;
  const csl = JSON.parse(row) as CslItem;
  const documents = db
    .prepare('SELECT id, file_name FROM documents WHERE source_id = ?')
    .all(id) as { id: string; file_name: string }[];
  const write = db.prepare('UPDATE documents SET meta = ? WHERE id = ?');
  for (const d of documents)
    write.run(
      JSON.stringify(metaFromCsl(csl, d.file_name.replace(/\.[^.]*$/, '') || d.file_name)),
      d.id,
    );
}

/** The document metadata the reader, search and exports show, from the source's CSL-JSON. */
export function metaFromCsl(csl: CslItem, fallbackTitle: string): DocumentMeta {
  return {
    title: csl.title?.trim() || fallbackTitle,
    authors: (csl.author ?? []).map(nameText).filter(Boolean),
    publishedDate: isoDate(csl.issued),
    publisher: csl.publisher ?? null,
    sourceUrl: csl.URL ?? null,
    language: csl.language ?? null,
  };
}

/** The old metadata patch (documents.updateMeta) as a CSL patch. */
export function cslPatchFromMeta(meta: Partial<DocumentMeta>): CslPatch {
  const patch: CslPatch = {};
  if (meta.title !== undefined) patch.title = meta.title;
  if (meta.authors !== undefined) patch.author = meta.authors.map(parseName);
  if (meta.publishedDate !== undefined) patch.issued = cslDate(meta.publishedDate);
  if (meta.publisher !== undefined) patch.publisher = meta.publisher;
  if (meta.sourceUrl !== undefined) patch.URL = meta.sourceUrl;
  if (meta.language !== undefined) patch.language = meta.language;
  return patch;
}

/** Each document's source and file type, for hits to be told apart by work (source-groups.ts). */
export function filesOf(
  db: Db,
  documentIds: readonly DocumentId[],
): Map<DocumentId, { sourceId: SourceId; mediaType: MediaType }> {
  const rows = db
    .prepare(
      `SELECT id, source_id, media_type FROM documents
       WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify([...new Set(documentIds)])) as {
    id: DocumentId;
    source_id: SourceId;
    media_type: MediaType;
  }[];
  return new Map(
    rows.map((r) => [r.id, { sourceId: r.source_id, mediaType: r.media_type }] as const),
  );
}
