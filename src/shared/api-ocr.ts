/**
 * The OCR part of the contract (scanned documents): languages, re-running OCR, and following or
 * stopping a long import. Kept apart from api.ts so that file stays a map.
 */
import { z } from 'zod';
import { id, method } from './api-declare';
import { LIMITS } from './limits';
import type { DocumentId, DocumentSummary } from './model';
import { parseLanguages } from './ocr';

/** "eng+rus": validated by the one parser (shared/ocr.ts), normalised to lower case. */
export const ocrLanguages = z
  .string()
  .max(200)
  .regex(/^[a-zA-Z]{3}(?:_[a-zA-Z]{3,5})?(?:\+[a-zA-Z]{3}(?:_[a-zA-Z]{3,5})?)*$/, {
    message: 'must be Tesseract language codes joined by "+", e.g. eng+rus',
  })
  .superRefine((s, ctx) => {
    const parsed = parseLanguages(s);
    if ('problem' in parsed) ctx.addIssue({ code: 'custom', message: parsed.problem });
  })
  .transform((s) => (parseLanguages(s) as { languages: string[] }).languages);

const documentId = id<DocumentId>('doc');

/** A key the caller makes up to follow and stop its own long call (e.g. a random UUID). */
export const jobKey = z.string().regex(/^[\w-]{8,100}$/);

export interface JobProgress {
  /** reading the file, then OCR of its scanned pages */
  stage: 'reading' | 'ocr';
  /** pages OCR has finished, of `pages` */
  done: number;
  pages: number;
}

export interface OcrLanguage {
  code: string;
  origin: 'workspace' | 'bundled' | 'system';
}

export interface OcrLanguages {
  available: OcrLanguage[];
  /** what imports use unless told otherwise, e.g. ["eng", "rus"] */
  defaults: string[];
}

/** A claim or mention a new OCR run could not place again: listed for the researcher to fix. */
export interface Orphan {
  kind: 'claim' | 'mention';
  id: string;
  quote: string;
}

export interface OcrRunOutcome {
  document: DocumentSummary;
  /** pages OCR read in this run */
  pages: number;
  /** the languages they were read in, e.g. ["eng", "rus"] */
  languages: string[];
  /** claims and mentions placed on the new text (exactly or approximately) */
  kept: number;
  orphans: Orphan[];
  /** dismissed name suggestions whose passage is gone (nothing left to suggest there) */
  dismissalsDropped: number;
}

export const ocrApi = {
  'ocr.languages': method(z.strictObject({})).returns<OcrLanguages>(),
  'ocr.setDefaults': method(z.strictObject({ languages: ocrLanguages })).returns<OcrLanguages>(),
  /** copies a `.traineddata` file into the workspace after checking it is Tesseract data */
  'ocr.addLanguage': method(
    z.strictObject({
      code: z.string().max(20),
      bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= LIMITS.maxFileBytes),
    }),
  ).returns<OcrLanguages>(),
  /** OCR of a document's scanned pages again (e.g. in other languages); claims re-anchored */
  'ocr.rerun': method(
    z.strictObject({
      id: documentId,
      languages: ocrLanguages.optional(),
      password: z.string().max(1_000).optional(),
      job: jobKey.optional(),
    }),
  ).returns<OcrRunOutcome>(),
  'jobs.progress': method(z.strictObject({ job: jobKey })).returns<JobProgress | null>(),
  'jobs.cancel': method(z.strictObject({ job: jobKey })).returns<{ cancelled: boolean }>(),
} as const;
