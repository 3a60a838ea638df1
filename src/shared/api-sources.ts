/**
 * The contract of sources (the works documents are files of), their metadata, references import,
 * citations and bibliographies (issue 17). Spread into the one `api` map in api.ts.
 */
import { z } from 'zod';
import type { ExportFile } from './api';
import { claimFilter, type ClaimFilter } from './api-search';
import { CSL_FIELDS, CSL_TEXT_FIELDS, type CslItem, type Provenance } from './csl';
import { LIMITS } from './limits';
import type { ClaimId, DocumentId, SourceId, Timestamp } from './model';
import { id, method } from './api-declare';

export const sourceId = id<SourceId>('src');
const documentId = id<DocumentId>('doc');
const claimId = id<ClaimId>('clm');

export interface Source {
  id: SourceId;
  csl: CslItem;
  provenance: Provenance;
  /** its files; none for a reference imported without one */
  documentIds: DocumentId[];
  claimCount: number;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

const text = z.string().trim().max(LIMITS.maxNameChars);
const cslName = z
  .strictObject({
    family: text.optional(),
    given: text.optional(),
    literal: text.optional(),
  })
  .refine((n) => Boolean(n.family || n.literal), 'a name needs a family name or a full name');
const cslDatePatch = z.strictObject({
  'date-parts': z
    .array(z.array(z.number().int().min(-9999).max(9999)).min(1).max(3))
    .min(1)
    .max(2),
});

const textField = (f: (typeof CSL_TEXT_FIELDS)[number]) =>
  f === 'abstract'
    ? z.string().max(LIMITS.maxFieldChars)
    : f === 'URL'
      ? z.url({ protocol: /^https?$/ }).max(LIMITS.maxNameChars)
      : f === 'language'
        ? z
            .string()
            .max(35)
            .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or ru')
        : text;

/** Every editable CSL field; a value sets it, null (or an empty value) removes it. */
export const cslPatch = z.strictObject({
  type: text.min(1).nullable().optional(),
  ...(Object.fromEntries(
    CSL_TEXT_FIELDS.map((f) => [f, textField(f).nullable().optional()]),
  ) as Record<(typeof CSL_TEXT_FIELDS)[number], z.ZodOptional<z.ZodNullable<z.ZodString>>>),
  author: z.array(cslName).max(500).nullable().optional(),
  editor: z.array(cslName).max(500).nullable().optional(),
  issued: cslDatePatch.nullable().optional(),
});

export const BIBLIOGRAPHY_FORMATS = ['ris', 'bibtex', 'csl-json'] as const;
export type BibliographyFormat = (typeof BIBLIOGRAPHY_FORMATS)[number];

export interface CitationStyle {
  id: string;
  title: string;
  builtin: boolean;
}

export interface CitationResult {
  /** the in-text citation (or note) with each claim's page or page range */
  citation: string;
  /** the cited sources' bibliography entries, in the style's order */
  bibliography: string[];
  style: string;
}

export interface ReferenceImportOutcome {
  /** sources created (waiting for a file unless matched) */
  created: number;
  /** references matched to sources already here (by DOI or title): their empty fields filled */
  matched: number;
  /** attachments that were named but not found (Zotero) */
  missingFiles: string[];
  /** attachments found but not imported, each with the reason ("a.pdf: This PDF is damaged…") */
  failedFiles: string[];
  /** documents imported from attachments (Zotero) */
  files: number;
  collections: number;
  /** documents whose metadata the import filled (their sources were matched) */
  updatedDocuments: DocumentId[];
}

const styleId = z.string().min(1).max(200);

export const sourcesApi = {
  'sources.list': method(z.strictObject({})).returns<Source[]>(),
  'sources.get': method(z.strictObject({ id: sourceId })).returns<Source>(),
  'sources.update': method(z.strictObject({ id: sourceId, patch: cslPatch })).returns<Source>(),
  /** confirms found fields as they are: all, or those named */
  'sources.confirm': method(
    z.strictObject({ id: sourceId, fields: z.array(z.enum(CSL_FIELDS)).max(50).optional() }),
  ).returns<Source>(),
  /** makes the document a file of the source (its former source goes when left without files) */
  'sources.attach': method(z.strictObject({ documentId, sourceId })).returns<Source>(),
  /** merges `from` into `into`: files move, empty fields are filled, `from` goes */
  'sources.merge': method(z.strictObject({ into: sourceId, from: sourceId })).returns<Source>(),

  'citations.styles': method(z.strictObject({})).returns<CitationStyle[]>(),
  /** adds a researcher's .csl style (its XML); answers the style as listed */
  'citations.addStyle': method(
    z.strictObject({
      xml: z
        .string()
        .min(1)
        .max(2 * 1024 * 1024),
    }),
  ).returns<CitationStyle>(),
  'citations.cite': method(
    z.strictObject({ claimIds: z.array(claimId).min(1).max(500), style: styleId.optional() }),
  ).returns<CitationResult>(),

  /** the sources of the exported claims (all, one document's, or a filter's) as RIS, BibTeX or CSL-JSON */
  'export.bibliography': method(
    z.strictObject({
      format: z.enum(BIBLIOGRAPHY_FORMATS).default('ris'),
      documentId: documentId.optional(),
      filter: claimFilter.optional(),
    }),
  ).returns<ExportFile>(),

  'references.import': method(
    z.strictObject({
      fileName: z.string().min(1).max(LIMITS.maxNameChars),
      bytes: z.instanceof(Uint8Array),
    }),
  ).returns<ReferenceImportOutcome>(),
  /**
   * a Zotero data folder (or its zotero.sqlite) on this machine, read-only: items as sources,
   * their attachments as files, collections as collections
   */
  'references.importZotero': method(
    z.strictObject({ folder: z.string().trim().min(1).max(4096) }),
  ).returns<ReferenceImportOutcome>(),
} as const;

/** The scope of a bibliography export, like the claims export's. */
export interface BibliographyScope {
  documentId?: DocumentId;
  filter?: ClaimFilter;
}
