/**
 * The domain model shared by backend and renderer. No Node, Electron or DOM imports here.
 *
 * Offsets (`start`/`end`) count Unicode code points of a document's canonical text wherever they
 * cross a public boundary: the RPC API (api*.ts), exports and the CLI (the W3C Web Annotation
 * model). Inside the backend (storage, search, anchoring) and inside the reader (Lexical, the DOM)
 * they count UTF-16 code units, the unit of JavaScript strings; wire-offsets.ts is the one place
 * that knows which fields are offsets and converts them, both ways.
 */
import type { OcrPage } from './ocr';

import type { FoundMeta } from './csl';

declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type DocumentId = Brand<string, 'DocumentId'>;
export type ClaimId = Brand<string, 'ClaimId'>;
export type EntityId = Brand<string, 'EntityId'>;
export type MentionId = Brand<string, 'MentionId'>;
export type RelationId = Brand<string, 'RelationId'>;
/** the bibliographic item a document is a file of (see csl.ts) */
export type SourceId = Brand<string, 'SourceId'>;

/** ISO-8601 UTC timestamp, e.g. 2026-11-22T06:30:00.000Z */
export type Timestamp = string;

export type MediaType =
  | 'text/plain'
  | 'text/markdown'
  | 'text/html'
  | 'application/pdf'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'application/epub+zip';

/**
 * One structural block of canonical text: the reader renders one Lexical block per Block.
 * start/end, here and in InlineMark and PageSpan: code points at the API (top of this file).
 */
export interface Block {
  type: 'heading' | 'paragraph' | 'list-item' | 'quote' | 'code' | 'table-row' | 'footnote';
  /** heading level 1-6, or list nesting depth (1 = top level) */
  level?: number;
  /** list items: ordered lists show numbers */
  ordered?: boolean;
  start: number;
  end: number;
}

/** Inline formatting over a range of canonical text. Never changes the text itself. */
export interface InlineMark {
  type: 'emphasis' | 'strong' | 'code' | 'link' | 'superscript' | 'subscript' | 'strikethrough';
  start: number;
  end: number;
  /** links only: shown to the user, never followed automatically */
  href?: string;
}

/** Where one PDF page's text lies in the canonical text. */
export interface PageSpan {
  /** 0-based page index in the file */
  index: number;
  /** the page label the PDF declares (e.g. "iv", "12"), or the 1-based number */
  label: string;
  start: number;
  end: number;
}

export interface DocumentMeta {
  title: string;
  authors: string[];
  /** full or partial ISO date: 2018, 2018-11, 2018-11-07 */
  publishedDate: string | null;
  publisher: string | null;
  sourceUrl: string | null;
  /** BCP-47 language tag, e.g. "en", "ru" */
  language: string | null;
}

/**
 * What every importer returns: the canonical text and how it is structured.
 * `blocks` are in text order, non-overlapping, and cover every non-whitespace character of `text`.
 */
export interface ImportedText {
  text: string;
  blocks: Block[];
  marks: InlineMark[];
  /** PDFs only; empty for other types */
  pages: PageSpan[];
  /**
   * PDFs only: per page, per pdf.js text item (`page.getTextContent()` with pdf.js's defaults, the
   * same pdfjs-dist version), the canonical [start, end) the item's text became, or null when the
   * item has no visible text or was dropped (running header, footer, page number). Character k of
   * an item maps to start + min(k, end - start). Stored apart from the document's structure.
   */
  pageItems?: (readonly [number, number] | null)[][];
  /** PDFs only: the pages OCR read (their page map items are these words), in page order */
  ocrPages?: OcrPage[];
  /** metadata found in the file; the importer fills what it can, the rest is null/empty */
  meta: Partial<DocumentMeta>;
  /**
   * what the importer found about the work as CSL-JSON, each field with where it came from; where
   * absent, `meta` is used, labelled by the file type
   */
  found?: FoundMeta;
  /** problems that did not stop the import, e.g. "no selectable text — scanned?" */
  warnings: string[];
}

export interface DocumentSummary {
  id: DocumentId;
  sha256: string;
  mediaType: MediaType;
  fileName: string;
  byteSize: number;
  pageCount: number | null;
  /** the work's metadata as the reader and exports show it: derived from the source's CSL-JSON */
  meta: DocumentMeta;
  sourceId: SourceId;
  /** the source's CSL type ("report", "article-journal"…): the library's Type column */
  cslType: string;
  /** the source's authors (else editors) as the library lists them: family names, or whole names */
  creators: string[];
  /** metadata fields found on import that the researcher has not confirmed yet (CSL names) */
  found: string[];
  /** the file's own creation date (e.g. a PDF's CreationDate): not when the work was published */
  fileDate: string | null;
  warnings: string[];
  importedAt: Timestamp;
  updatedAt: Timestamp;
  claimCount: number;
}

export interface DocumentContent {
  id: DocumentId;
  text: string;
  blocks: Block[];
  marks: InlineMark[];
  pages: PageSpan[];
}

/**
 * A passage, findable again even if extraction changes (the Hypothesis model):
 * position (start/end) plus quote (exact with ~32 characters of context either side).
 */
export interface TextAnchor {
  /** code points at the API, UTF-16 code units inside (see the top of this file) */
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export const ENTITY_KINDS = ['person', 'organization', 'place', 'event', 'other'] as const;
export const CLAIM_TYPES = [
  'event',
  'statistic',
  'attribution',
  'assessment',
  'policy',
  'other',
] as const;
export const STANCES = ['asserts', 'denies', 'questions'] as const;
export const CERTAINTIES = ['confirmed', 'likely', 'alleged', 'disputed'] as const;
export const REVIEW_STATUSES = ['draft', 'reviewed'] as const;
/**
 * How one claim relates to another (from → to). `cites` and `derived_from` record provenance: the
 * from-claim took its information from the to-claim, so the two are not independent (see
 * src/main/analysis/corroboration.ts).
 */
export const RELATION_KINDS = [
  'supports',
  'contradicts',
  'repeats',
  'refines',
  'cites',
  'derived_from',
] as const;

export type Stance = (typeof STANCES)[number];
export type Certainty = (typeof CERTAINTIES)[number];
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export type RelationKind = (typeof RELATION_KINDS)[number];

export interface ExternalIds {
  wikidata?: string;
  url?: string;
}

export interface Entity {
  id: EntityId;
  /** one of the workspace's entity kinds (default ENTITY_KINDS; editable per workspace) */
  kind: string;
  name: string;
  aliases: string[];
  description: string;
  externalIds: ExternalIds;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface Mention {
  id: MentionId;
  documentId: DocumentId;
  entityId: EntityId;
  anchor: TextAnchor;
  createdAt: Timestamp;
}

export interface Claim {
  id: ClaimId;
  documentId: DocumentId;
  /** one or more passages; a claim can span paragraphs */
  spans: TextAnchor[];
  /** the claim in the researcher's words; defaults to the quote */
  statement: string;
  claimantId: EntityId | null;
  subjectIds: EntityId[];
  /** one of the workspace's claim types (default CLAIM_TYPES) */
  type: string;
  stance: Stance;
  certainty: Certainty | null;
  /** hedging cue words found in the quote ("reportedly", "alleged", ...) */
  hedges: string[];
  /** full or partial date or range: 2018, 2018-11, 2018-11-07/2018-11-08 */
  eventDate: string | null;
  placeId: EntityId | null;
  tags: string[];
  note: string;
  status: ReviewStatus;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ClaimRelation {
  id: RelationId;
  fromClaimId: ClaimId;
  toClaimId: ClaimId;
  kind: RelationKind;
  note: string;
  createdAt: Timestamp;
}
