/**
 * The contract of the library's organisation (issue 16): the trash and collections. Spread into
 * the one `api` map in api.ts. Like api-entities.ts it imports nothing from api.ts (no cycle).
 */
import { z } from 'zod';
import { LIMITS } from './limits';
import type { DocumentId } from './model';
import { id, method } from './api-declare';

export type CollectionId = string & { readonly __brand: 'CollectionId' };

const documentId = id<DocumentId>('doc');
export const collectionId = id<CollectionId>('col');
/** a bulk action's documents: at least one, at most a library's worth */
const documentIds = z.array(documentId).min(1).max(100_000);
const collectionName = z.string().trim().min(1, 'must not be empty').max(LIMITS.maxNameChars);

/** What goes with documents into the trash (and comes back with them). */
export interface TrashCounts {
  claims: number;
  mentions: number;
  relations: number;
}

export interface TrashEntry extends TrashCounts {
  documentId: DocumentId;
  title: string;
  trashedAt: string;
  sha256: string;
}

export interface EmptyTrashOutcome extends TrashCounts {
  documents: number;
  /** original files removed from the store (none while a backup still names them) */
  filesRemoved: number;
  /**
   * bibliographic records removed because their last file went (only those holding nothing the
   * researcher confirmed or edited; see db/trash.ts)
   */
  sources: number;
}

export interface Collection {
  id: CollectionId;
  name: string;
  parentId: CollectionId | null;
  documentCount: number;
}

/** A stored original that is not as imported (claimdesk check, the background check). */
export interface FileProblem {
  sha256: string;
  state: 'missing' | 'altered';
  /** the documents whose original it is (title and id) */
  documents: { id: string; title: string }[];
}

/**
 * The background check after open (the full integrity check, foreign keys, claim rules, every
 * stored original's hash). `damaged`: the database itself is damaged, so the workspace is now
 * read-only; `problems`: it is sound, but something it names is not (a missing or altered file).
 */
export interface WorkspaceCheckStatus {
  state: 'not_started' | 'running' | 'ok' | 'problems' | 'damaged' | 'failed';
  progress: { step: 'integrity' | 'foreign_keys' | 'files'; done: number; total: number } | null;
  /** what was found, for people; null while running and when all is well */
  message: string | null;
  fileProblems: FileProblem[];
}

export const libraryApi = {
  'workspace.checkStatus': method(z.strictObject({})).returns<WorkspaceCheckStatus>(),
  'documents.trash': method(z.strictObject({ ids: documentIds })).returns<TrashCounts>(),
  'trash.list': method(z.strictObject({})).returns<TrashEntry[]>(),
  'trash.restore': method(z.strictObject({ ids: documentIds })).returns<null>(),
  /** without ids: the whole trash */
  'trash.empty': method(
    z.strictObject({ ids: documentIds.optional() }),
  ).returns<EmptyTrashOutcome>(),
  'collections.list': method(z.strictObject({})).returns<Collection[]>(),
  'collections.create': method(
    z.strictObject({ name: collectionName, parentId: collectionId.nullable().optional() }),
  ).returns<Collection>(),
  'collections.rename': method(
    z.strictObject({ id: collectionId, name: collectionName }),
  ).returns<Collection>(),
  /** the collection and its sub-collections; the documents stay in the library */
  'collections.delete': method(z.strictObject({ id: collectionId })).returns<null>(),
  'collections.members': method(z.strictObject({ id: collectionId })).returns<DocumentId[]>(),
  'collections.add': method(z.strictObject({ id: collectionId, documentIds })).returns<null>(),
  'collections.remove': method(z.strictObject({ id: collectionId, documentIds })).returns<null>(),
  /** bulk move: out of `from` (when given) into `to` */
  'collections.move': method(
    z.strictObject({ documentIds, from: collectionId.nullable(), to: collectionId }),
  ).returns<null>(),
};
