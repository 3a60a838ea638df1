/**
 * The contract of search, the claims table, saved filters, exports, backups, workspace bundles and
 * claims JSON import (issue 5). Spread into the one `api` map in api.ts.
 *
 * This file must not import values from api.ts: api.ts imports this one, and an import cycle between
 * the two would leave `api` half-built for whichever module loads first. So the two small helpers
 * below repeat api.ts's `method` and `id` exactly.
 */
import { z } from 'zod';
import type { ExportFile } from './api';
import { CREDIBILITIES, RELIABILITIES, type ClaimGrade } from './grading';
import type { PageRange } from './pages';
import { LIMITS } from './limits';
import {
  CERTAINTIES,
  REVIEW_STATUSES,
  STANCES,
  type Certainty,
  type ClaimId,
  type DocumentId,
  type EntityId,
  type ReviewStatus,
  type Stance,
} from './model';
import { id, method } from './api-declare';
import type { SourcedHit } from './source-groups';

const documentId = id<DocumentId>('doc');
const entityId = id<EntityId>('ent');
const shortText = z.string().max(LIMITS.maxNameChars);

// ---------------------------------------------------------------- search

export const SEARCH_KINDS = ['passages', 'claims', 'entities', 'notebooks'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** A stretch of `Snippet.text` to highlight (code points of the snippet's text). */
export interface Highlight {
  start: number;
  end: number;
}

/**
 * A short excerpt around the match, as plain text with the matched words as ranges: the renderer
 * builds the highlighting itself and never renders HTML from the backend.
 */
export interface Snippet {
  text: string;
  highlights: Highlight[];
  /** text was cut before / after the excerpt (show an ellipsis) */
  truncatedStart: boolean;
  truncatedEnd: boolean;
}

export interface PageRef {
  /** 0-based page index in the file */
  index: number;
  label: string;
}

/**
 * A passage of a document's text. `start`/`end`: the first match, code points of the canonical
 * text. The same passage in other files of the document's source is this one hit, its places in
 * `also` (shared/source-groups.ts).
 */
export interface PassageHit extends SourcedHit {
  documentId: DocumentId;
  documentTitle: string;
  start: number;
  end: number;
  page: PageRef | null;
  snippet: Snippet;
  /** bm25, lower is better; 0 when the results are not ordered by relevance */
  score: number;
  /**
   * Found because it names an entity the query named (`entity:"…"`, or words of its name or an
   * alias), not by the query's own words: which entity, and how the passage names it.
   */
  via?: PassageVia;
}

/** A passage hit as found in one file, before search() adds its source (db/search.ts). */
export type RawPassageHit = Omit<PassageHit, 'sourceId' | 'mediaType' | 'also'>;

export interface PassageVia {
  entityId: EntityId;
  entityName: string;
  /** by the entity's name, one of its aliases, or an accepted mention (whatever its text) */
  as: 'name' | 'alias' | 'mention';
  /** the words of the passage that name it */
  text: string;
}

export interface ClaimHit {
  claimId: ClaimId;
  documentId: DocumentId;
  documentTitle: string;
  statement: string;
  /** where the snippet comes from */
  field: 'statement' | 'quote' | 'note';
  snippet: Snippet;
  /** the claim's first passage (code points), to open it in the reader */
  start: number;
  end: number;
  score: number;
}

export interface EntityHit {
  entityId: EntityId;
  kind: string;
  name: string;
  field: 'name' | 'alias';
  snippet: Snippet;
  score: number;
}

/** A notebook whose title or written text matches (issue 20). */
export interface NotebookHit {
  notebookId: string;
  title: string;
  field: 'title' | 'text';
  snippet: Snippet;
  score: number;
}

/**
 * How a kind's results are ordered: by relevance (bm25); newest first when a query matches so many
 * passages that ranking them all would be slow (say so, and suggest a narrower query); in reading
 * order when searching inside one document.
 */
export type SearchOrder = 'relevance' | 'newest' | 'position';

export interface SearchResults {
  passages: PassageHit[];
  claims: ClaimHit[];
  entities: EntityHit[];
  notebooks: NotebookHit[];
  /** more results of that kind exist beyond `limit` */
  more: Record<SearchKind, boolean>;
  order: Record<SearchKind, SearchOrder>;
}

export const searchInput = z.strictObject({
  query: z.string().max(1000),
  kinds: z.array(z.enum(SEARCH_KINDS)).min(1).max(SEARCH_KINDS.length).optional(),
  limit: z.number().int().min(1).max(200).default(20),
  /** passages and claims of this document only */
  documentId: documentId.optional(),
});

// ---------------------------------------------------------------- claims table

const dateBound = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date like 2018, 2018-11 or 2018-11-07');

/**
 * Every field narrows the result (AND). `eventDate` bounds are inclusive and match by prefix, so
 * {from: '2018-11', to: '2018-11'} is "in November 2018" and {from: '2018'} "2018 or later"; a
 * range event date (2018-11-07/2018-11-08) counts by its start.
 */
export const claimFilter = z.strictObject({
  /** words in the statement, quote or note (search syntax; every bare word is a prefix) */
  text: z.string().max(1000).optional(),
  documentId: documentId.optional(),
  /** page label as shown (PDFs) */
  page: shortText.optional(),
  /** null: claims without a claimant */
  claimantId: entityId.nullable().optional(),
  subjectId: entityId.optional(),
  placeId: entityId.optional(),
  type: shortText.optional(),
  stance: z.enum(STANCES).optional(),
  /** null: certainty not set */
  certainty: z.enum(CERTAINTIES).nullable().optional(),
  eventDate: z.strictObject({ from: dateBound.optional(), to: dateBound.optional() }).optional(),
  tag: shortText.optional(),
  status: z.enum(REVIEW_STATUSES).optional(),
  hasRelations: z.boolean().optional(),
  /** the claim's reliability (its claimant's, else its source's); null: not graded */
  reliability: z.enum(RELIABILITIES).nullable().optional(),
  /** the claim's credibility; null: not graded */
  credibility: z
    .number()
    .int()
    .refine((n) => (CREDIBILITIES as readonly number[]).includes(n), 'must be 1–6')
    .nullable()
    .optional(),
});
export type ClaimFilter = z.output<typeof claimFilter>;

export const CLAIM_COLUMNS = [
  'statement',
  'quote',
  'document',
  'page',
  'claimant',
  'subjects',
  'type',
  'stance',
  'certainty',
  'eventDate',
  'tags',
  'status',
  'relations',
  'grade',
  'createdAt',
  'updatedAt',
] as const;
export type ClaimColumn = (typeof CLAIM_COLUMNS)[number];

export const claimSort = z.strictObject({
  column: z.enum(CLAIM_COLUMNS),
  direction: z.enum(['asc', 'desc']).default('asc'),
});
export type ClaimSort = z.output<typeof claimSort>;

export interface NamedRef {
  id: EntityId;
  name: string;
}

/** One row of the claims table. */
export interface ClaimTableRow {
  id: ClaimId;
  documentId: DocumentId;
  documentTitle: string;
  statement: string;
  /** the claim's passages joined with " … " */
  quote: string;
  /** the first passage, code points of the canonical text */
  start: number;
  end: number;
  /** the page the claim starts on, and the pages it runs over ("pp. 1–2") */
  page: PageRef | null;
  pages: PageRange | null;
  claimant: NamedRef | null;
  subjects: NamedRef[];
  place: NamedRef | null;
  type: string;
  stance: Stance;
  certainty: Certainty | null;
  eventDate: string | null;
  tags: string[];
  status: ReviewStatus;
  relationsCount: number;
  /** reliability by THE rule (claimant, else source) and the claim's credibility */
  grade: ClaimGrade;
  /** how many claims support it, from how many independent origins; circular reporting flagged */
  support: { supporters: number; independentOrigins: number; circular: boolean };
  note: string;
  createdAt: string;
  updatedAt: string;
}

export interface ClaimTablePage {
  rows: ClaimTableRow[];
  /** all rows matching the filter */
  total: number;
}

export interface SavedFilter {
  name: string;
  filter: ClaimFilter;
  sort: ClaimSort | null;
  createdAt: string;
  updatedAt: string;
}

// ---------------------------------------------------------------- backups, bundles, import

export const BACKUP_FILE_NAME = /^claimdesk-\d{8}-\d{6}(-\d+)?(-auto|-before-restore)?\.sqlite$/;

export interface BackupInfo {
  fileName: string;
  /** manual: "Backup now"; auto: rotating; before-restore: the safety copy a restore makes */
  kind: 'manual' | 'auto' | 'before-restore';
  createdAt: string;
  byteSize: number;
}

export interface RestoreOutcome {
  restored: BackupInfo;
  /** the workspace as it was just before the restore */
  safetyCopy: BackupInfo;
  schemaVersion: number;
  /** the data changed under the renderer: reload every view */
  reloadRequired: true;
}

export interface BundleImportOutcome {
  /** rows imported per table */
  counts: Record<string, number>;
  /** the backup made of this workspace before its own work was replaced (`replace`) */
  backup?: string;
}

export interface SkippedClaim {
  claimId: string;
  documentId: string;
  sha256: string;
  title: string;
  reason: 'document_missing' | 'passage_not_found';
}

/** A record the file and this workspace both have, with different content. */
export interface ImportConflict {
  kind: 'claim' | 'entity' | 'mention';
  id: string;
  /** kept_local unless the import was asked to replace */
  resolution: 'kept_local' | 'replaced';
}

export interface ClaimsImportOutcome {
  /** updated: replaced on `onConflict: 'replace'` only */
  claims: { created: number; updated: number; unchanged: number };
  entities: { created: number; updated: number; unchanged: number };
  mentions: { created: number; updated: number; unchanged: number };
  relations: { created: number; unchanged: number };
  skipped: SkippedClaim[];
  conflicts: ImportConflict[];
  warnings: string[];
}

export const searchApi = {
  'search.query': method(searchInput).returns<SearchResults>(),

  'claims.query': method(
    z.strictObject({
      filter: claimFilter.default({}),
      sort: claimSort.optional(),
      limit: z.number().int().min(1).max(1000).default(100),
      offset: z.number().int().min(0).default(0),
    }),
  ).returns<ClaimTablePage>(),
  'filters.list': method(z.strictObject({})).returns<SavedFilter[]>(),
  'filters.save': method(
    z.strictObject({
      name: z.string().trim().min(1).max(200),
      filter: claimFilter,
      sort: claimSort.nullable().optional(),
    }),
  ).returns<SavedFilter>(),
  'filters.delete': method(z.strictObject({ name: z.string().min(1).max(200) })).returns<{
    deleted: boolean;
  }>(),

  'export.claims': method(
    z.strictObject({
      format: z.enum(['json', 'w3c', 'csv']).default('json'),
      documentId: documentId.optional(),
      filter: claimFilter.optional(),
    }),
  ).returns<ExportFile>(),

  'backup.now': method(z.strictObject({})).returns<BackupInfo>(),
  'backup.list': method(z.strictObject({})).returns<BackupInfo[]>(),
  'backup.restore': method(
    z.union([
      z.strictObject({
        fileName: z.string().max(200).regex(BACKUP_FILE_NAME, 'must be the name of a backup'),
      }),
      z.strictObject({ latest: z.literal(true) }),
    ]),
  ).returns<RestoreOutcome>(),

  'bundle.export': method(z.strictObject({})).returns<ExportFile>(),
  'bundle.import': method(
    z.strictObject({
      text: z.string().min(1).max(LIMITS.maxRequestBytes),
      /** replace this workspace's own work (saved filters, history…; never documents), after a backup */
      replace: z.boolean().optional(),
    }),
  ).returns<BundleImportOutcome>(),
  'claims.importJson': method(
    z.strictObject({
      text: z.string().min(1).max(LIMITS.maxRequestBytes),
      /** a claim or entity this workspace has with other content: keep ours (default) or replace */
      onConflict: z.enum(['keep', 'replace']).optional(),
    }),
  ).returns<ClaimsImportOutcome>(),
} as const;
