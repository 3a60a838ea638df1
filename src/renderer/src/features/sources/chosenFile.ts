import { useSyncExternalStore } from 'react';
import type { DocumentId, SourceId } from '../../../../shared/model';

/**
 * Which file of a work the researcher opens hits in (the PDF or the TXT of one source), chosen in
 * search results or suggested mentions and kept for the session, for both.
 */
let chosen: ReadonlyMap<SourceId, DocumentId> = new Map();
const listeners = new Set<() => void>();

export function chooseFile(sourceId: SourceId, documentId: DocumentId): void {
  chosen = new Map(chosen).set(sourceId, documentId);
  for (const l of listeners) l();
}

export function useChosenFiles(): ReadonlyMap<SourceId, DocumentId> {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => chosen,
  );
}

/** The group's file hits open in: the one chosen if it is one of them, else the first (a PDF). */
export function fileFor(
  group: { sourceId: SourceId; files: readonly { documentId: DocumentId }[] },
  choices: ReadonlyMap<SourceId, DocumentId>,
): DocumentId | undefined {
  const choice = choices.get(group.sourceId);
  return group.files.some((f) => f.documentId === choice) ? choice : group.files[0]?.documentId;
}
