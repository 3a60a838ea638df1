import { useEffect, useState } from 'react';
import type { MentionInfo } from '../../../../shared/api-entities';
import type { DocumentId } from '../../../../shared/model';
import { invoke } from '../../api';

const NONE: MentionInfo[] = [];

/**
 * The open document's entity mentions, re-read whenever entities or mentions may have changed
 * (`version` from the entity store: accept, merge, rename, delete, undo...).
 */
export function useDocumentMentions(
  documentId: DocumentId | null,
  version: number,
  onError: (message: string) => void,
): MentionInfo[] {
  const [state, setState] = useState<{ documentId: DocumentId | null; list: MentionInfo[] }>({
    documentId: null,
    list: NONE,
  });
  useEffect(() => {
    if (!documentId) return;
    let live = true;
    invoke('mentions.list', { documentId }).then(
      (list) => live && setState({ documentId, list }),
      (e: unknown) =>
        live && onError(`Could not load the entity mentions: ${(e as Error).message ?? e}`),
    );
    return () => {
      live = false;
    };
  }, [documentId, version, onError]);
  // the previous document's mentions must never be drawn over this one's text
  return state.documentId === documentId ? state.list : NONE;
}
