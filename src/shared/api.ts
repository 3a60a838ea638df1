/**
 * THE contract between renderer and backend: one map from method name to input schema and output
 * type. The backend registry (src/main/rpc.ts) validates every input against these schemas; the
 * renderer's client (src/renderer/src/api.ts) infers its types from this map, so renaming a method
 * breaks the build, not the user.
 *
 * Every position in an input or an answer (`start`/`end` of passages, mentions, hits, highlights,
 * blocks, pages, PDF items) counts Unicode code points of the text it points into, as the exports
 * and the CLI do: src/shared/wire-offsets.ts says which fields they are and converts them.
 */
import { z } from 'zod';
import type { MenuActionId } from './menu-actions';
import { analysisApi } from './api-analysis';
import { searchApi } from './api-search';
import { entitiesApi, entityId } from './api-entities';
import { sourcesApi } from './api-sources';
import { libraryApi } from './api-library';
import { notebooksApi } from './api-notebooks';
import { jobKey, ocrApi, ocrLanguages } from './api-ocr';
import { LIMITS } from './limits';
import { claimPatch, partialDate } from './claim-rules';
import {
  type Claim,
  type ClaimId,
  type DocumentContent,
  type DocumentId,
  type DocumentSummary,
  type MediaType,
} from './model';
import type { OcrPage } from './ocr';
import { id, method } from './api-declare';

export { id, method } from './api-declare';

export const documentId = id<DocumentId>('doc');
export const claimId = id<ClaimId>('clm');

const shortText = z.string().max(LIMITS.maxNameChars);
/** A passage to quote: [start, end) in code points of the canonical text (wire-offsets.ts). */
const span = z.strictObject({
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
});

export const metaPatch = z.strictObject({
  title: shortText.min(1).optional(),
  authors: z.array(shortText).max(200).optional(),
  publishedDate: partialDate.nullable().optional(),
  publisher: shortText.nullable().optional(),
  sourceUrl: z
    .url({ protocol: /^https?$/ })
    .max(LIMITS.maxNameChars)
    .nullable()
    .optional(),
  language: z
    .string()
    .max(35)
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
    .nullable()
    .optional(),
});

export { claimPatch, partialDate };

export interface AppInfo {
  version: string;
  shell: 'electron' | 'serve' | 'cli';
  dataDir: string;
  schemaVersion: number;
}

export interface ImportOutcome {
  status: 'imported' | 'duplicate';
  document: DocumentSummary;
}

/** The original file of a document, byte for byte as imported (the PDF page view renders it). */
export interface DocumentFile {
  bytes: Uint8Array;
  mediaType: MediaType;
}

/**
 * How one PDF page's text items map to canonical text: `items[i]` is for the i-th item of pdf.js's
 * `page.getTextContent()` (called without options, i.e. `{ includeMarkedContent: false,
 * disableNormalization: false }`, with this app's pdfjs-dist version; equally the i-th entry of
 * `TextLayer#textDivs` built from that content). It is the canonical [start, end) in code points (as
 * every position of the API), character k of the item mapping to start + min(k, end - start) once
 * both are counted in one unit (the renderer converts to UTF-16 with the document's text), or null
 * for an item with no visible text or one dropped from the text flow (running header, footer, page
 * number).
 */
export interface PageMap {
  items: ([number, number] | null)[];
  /** a page OCR read: its items are these words, not pdf.js's (api-ocr.ts) */
  ocr?: OcrPage;
}

export interface HistoryStep {
  /** what was undone or redone, for the status line ("Undid: delete claim") */
  label: string;
  documentIds: DocumentId[];
}

export interface ExportFile {
  fileName: string;
  mediaType: string;
  text: string;
}

/** Menu commands of the desktop shell: action ids, run by the renderer's action registry. */
export type ShellCommand = MenuActionId;

export const api = {
  'app.info': method(z.strictObject({})).returns<AppInfo>(),
  /**
   * Waits for the next menu command (desktop shell only; elsewhere answers null at once). The
   * preload exposes nothing but `invoke`, so menu clicks reach the renderer through this long poll.
   */
  'app.nextCommand': method(z.strictObject({})).returns<ShellCommand | null>(),

  'documents.list': method(z.strictObject({})).returns<DocumentSummary[]>(),
  'documents.get': method(z.strictObject({ id: documentId })).returns<DocumentSummary>(),
  /** the canonical text, its blocks, marks and pages ([start, end) in code points) */
  'documents.content': method(z.strictObject({ id: documentId })).returns<DocumentContent>(),
  'documents.import': method(
    z.strictObject({
      fileName: z.string().min(1).max(LIMITS.maxNameChars),
      bytes: z.instanceof(Uint8Array),
      password: z.string().max(LIMITS.maxNameChars).optional(),
      /** OCR languages for scanned pages ("eng+rus"); the workspace's defaults without */
      ocrLanguages: ocrLanguages.optional(),
      /** follow and stop this import with jobs.progress / jobs.cancel */
      job: jobKey.optional(),
    }),
  ).returns<ImportOutcome>(),
  'documents.file': method(z.strictObject({ id: documentId })).returns<DocumentFile>(),
  /** not_found for a document that is not a PDF and for a page it does not have */
  'documents.pageMap': method(
    z.strictObject({
      id: documentId,
      pageIndex: z
        .number()
        .int()
        .nonnegative()
        .max(LIMITS.maxPdfPages - 1),
    }),
  ).returns<PageMap>(),
  'documents.updateMeta': method(
    z.strictObject({ id: documentId, meta: metaPatch }),
  ).returns<DocumentSummary>(),

  /** claims, every passage's start/end in code points (as in every answer with a Claim) */
  'claims.list': method(z.strictObject({ documentId: documentId.optional() })).returns<Claim[]>(),
  'claims.create': method(
    z.strictObject({
      documentId,
      spans: z.array(span).min(1).max(LIMITS.maxSpans),
      ...claimPatch.shape,
      /**
       * Entities created for this claim in the same gesture (the tagging popover creates them as
       * they are typed): their creation joins the claim's undo step, so one Ctrl+Z removes the
       * claim and them, as long as nothing else uses them.
       */
      createdEntityIds: z.array(entityId).max(LIMITS.maxSpans).optional(),
    }),
  ).returns<Claim>(),
  'claims.update': method(z.strictObject({ id: claimId, patch: claimPatch })).returns<Claim>(),
  'claims.delete': method(z.strictObject({ id: claimId })).returns<{ deleted: Claim }>(),

  'history.undo': method(z.strictObject({})).returns<HistoryStep | null>(),
  'history.redo': method(z.strictObject({})).returns<HistoryStep | null>(),

  // search, claims table, exports (export.claims), backups, bundles: issue 5
  ...searchApi,
  ...entitiesApi,
  // sources, metadata, references import, citations, bibliographies: issue 17
  ...sourcesApi,
  ...libraryApi,
  ...analysisApi,
  ...notebooksApi,
  ...ocrApi,
} as const;

export type Api = typeof api;
export type Method = keyof Api;
export type Input<M extends Method> = z.input<Api[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Api[M]['input']>;
export type Output<M extends Method> = Api[M]['output'];

export type ErrorCode =
  | 'invalid_input'
  | 'unknown_method'
  | 'not_found'
  | 'conflict'
  | 'import_failed'
  | 'too_large'
  | 'unavailable'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** import failures carry the importer's reason (e.g. 'password_required') */
  reason?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/**
 * Methods that answer with a file. The serve shell also answers them with the file itself
 * (POST /file/<method>), so that a 175 MB export is not wrapped in a JSON reply, escaped by the
 * server and parsed again by the page before it can be saved.
 */
export const FILE_METHODS = [
  'export.claims',
  'bundle.export',
  'export.network',
  'export.bibliography',
] as const;
export type FileMethod = (typeof FILE_METHODS)[number];
export const isFileMethod = (method: string): method is FileMethod =>
  (FILE_METHODS as readonly string[]).includes(method);
// every file method really answers with an ExportFile
const fileMethodsAnswerFiles: Output<FileMethod> extends ExportFile ? true : never = true;
void fileMethodsAnswerFiles;
