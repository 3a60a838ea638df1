/**
 * The contract of notebooks (issue 20): rich-text findings with claims embedded as live nodes.
 * Spread into the one `api` map in api.ts. Like the other feature contracts, it imports no values
 * from api.ts (which imports this file).
 */
import { z } from 'zod';
import { id, method } from './api-declare';
import type { Brand, ClaimId, DocumentId, EntityId } from './model';

export type NotebookId = Brand<string, 'NotebookId'>;
export type CollectionId = Brand<string, 'CollectionId'>;

export const notebookId = id<NotebookId>('nbk');
const entityId = id<EntityId>('ent');
const documentId = id<DocumentId>('doc');
const claimId = id<ClaimId>('clm');
/** collections arrive with the library work (issue 16); a notebook can already name one */
export const collectionId = id<CollectionId>('col');

/** A notebook's content: Lexical's serialized editor state as JSON text. */
export const MAX_NOTEBOOK_CONTENT_CHARS = 50 * 1024 * 1024;

const title = z.string().trim().min(1, 'must not be empty').max(1000);

/** What a notebook is about, if anything: listed under that entity, document or collection. */
export const notebookTies = z.strictObject({
  entityId: entityId.nullable().optional(),
  documentId: documentId.nullable().optional(),
  collectionId: collectionId.nullable().optional(),
});

export interface NotebookSummary {
  id: NotebookId;
  title: string;
  entityId: EntityId | null;
  documentId: DocumentId | null;
  collectionId: CollectionId | null;
  /** of the content: up by one with every save; a save names the revision it edits */
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface Notebook extends NotebookSummary {
  /** Lexical's serialized editor state (JSON text) */
  content: string;
}

export interface NotebookSaved {
  revision: number;
  updatedAt: string;
}

/**
 * How a claim embedded in a notebook looks now. `deleted`: the claim is gone from the workspace;
 * the node keeps showing its last snapshot, marked as a deleted claim.
 */
export type ClaimCard =
  | {
      id: ClaimId;
      deleted: false;
      documentId: DocumentId;
      documentTitle: string;
      statement: string;
      /** the claim's passages joined with " … " */
      quote: string;
      pages: string | null;
      /** the claim's grade ("B2") where graded, else null */
      grade: string | null;
      /** the first passage, code points of the canonical text, to open it in the reader */
      start: number;
      end: number;
      updatedAt: string;
    }
  | { id: ClaimId; deleted: true };

export const NOTEBOOK_EXPORT_FORMATS = ['md', 'html', 'docx'] as const;
export type NotebookExportFormat = (typeof NOTEBOOK_EXPORT_FORMATS)[number];

/** An exported notebook: bytes, since DOCX is binary (Markdown and HTML are UTF-8). */
export interface NotebookFile {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
}

export const notebooksApi = {
  /** All notebooks, or those tied to one entity, document or collection; newest first. */
  'notebooks.list': method(
    z.strictObject({
      entityId: entityId.optional(),
      documentId: documentId.optional(),
      collectionId: collectionId.optional(),
    }),
  ).returns<NotebookSummary[]>(),
  'notebooks.get': method(z.strictObject({ id: notebookId })).returns<Notebook>(),
  'notebooks.create': method(
    z.strictObject({
      title,
      ...notebookTies.shape,
      content: z.string().max(MAX_NOTEBOOK_CONTENT_CHARS).optional(),
    }),
  ).returns<Notebook>(),
  /**
   * Autosave: stores the whole content in one transaction (acknowledged = durable). Refused as a
   * conflict when the notebook was saved elsewhere since `baseRevision`, so two windows never
   * overwrite each other silently.
   */
  'notebooks.save': method(
    z.strictObject({
      id: notebookId,
      baseRevision: z.number().int().positive(),
      content: z.string().min(1).max(MAX_NOTEBOOK_CONTENT_CHARS),
    }),
  ).returns<NotebookSaved>(),
  'notebooks.update': method(
    z.strictObject({
      id: notebookId,
      patch: z.strictObject({ title: title.optional(), ...notebookTies.shape }),
    }),
  ).returns<NotebookSummary>(),
  /** Undoable (history.undo brings it back as it was). */
  'notebooks.delete': method(z.strictObject({ id: notebookId })).returns<{
    deleted: NotebookSummary;
  }>(),
  /** The live state of claims embedded in a notebook (the editor's claim nodes read these). */
  'notebooks.claimCards': method(z.strictObject({ ids: z.array(claimId).max(20_000) })).returns<
    ClaimCard[]
  >(),
  'notebooks.export': method(
    z.strictObject({
      id: notebookId,
      format: z.enum(NOTEBOOK_EXPORT_FORMATS),
      /** a CSL style shipped with the app (see citations); the default when omitted */
      style: z.string().max(200).optional(),
      /** add an appendix with each cited quote, its source, pages and file hash */
      appendix: z.boolean().default(false),
    }),
  ).returns<NotebookFile>(),
} as const;
