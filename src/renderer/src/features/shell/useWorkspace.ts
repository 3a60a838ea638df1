import { useCallback, useEffect, useRef, useState } from 'react';
import type { MentionInfo } from '../../../../shared/api-entities';
import type {
  Claim,
  ClaimId,
  DocumentContent,
  DocumentId,
  DocumentSummary,
} from '../../../../shared/model';
import { invoke } from '../../api';
import { onDocumentUpdated } from '../library/documentEvents';
import { errorMessage } from './useToasts';

interface OpenDocument {
  summary: DocumentSummary;
  content: DocumentContent;
  claims: Claim[];
  /** entity mentions, loaded with the text so the reader draws them from the start */
  mentions: MentionInfo[];
}

/** The open document survives a reload through the URL fragment (#doc=…). */
const docFromHash = (): DocumentId | null => {
  const m = /^#doc=([\w-]+)$/.exec(window.location.hash);
  return m ? (m[1] as DocumentId) : null;
};

/**
 * The renderer's view of the workspace: the document list, the open document with its claims, and
 * the selected claim. It owns no data: every change goes to the backend and comes back from it.
 */
export function useWorkspace(onError: (message: string) => void) {
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [open, setOpen] = useState<OpenDocument | null>(null);
  const [loadingId, setLoadingId] = useState<DocumentId | null>(null);
  const [selectedClaimId, setSelectedClaimId] = useState<ClaimId | null>(null);
  const openIdRef = useRef<DocumentId | null>(null);

  const refreshDocuments = useCallback(async () => {
    try {
      setDocuments(await invoke('documents.list', {}));
    } catch (e) {
      onError(errorMessage(e, 'load the document list'));
    }
  }, [onError]);

  const openDocument = useCallback(
    async (id: DocumentId) => {
      if (openIdRef.current === id) return;
      openIdRef.current = id;
      setLoadingId(id);
      try {
        const [summary, content, claims, mentions] = await Promise.all([
          invoke('documents.get', { id }),
          invoke('documents.content', { id }),
          invoke('claims.list', { documentId: id }),
          invoke('mentions.list', { documentId: id }),
        ]);
        if (openIdRef.current !== id) return; // another document was opened meanwhile
        setOpen({ summary, content, claims, mentions });
        setSelectedClaimId(null);
        window.history.replaceState(null, '', `#doc=${id}`);
      } catch (e) {
        if (openIdRef.current === id) openIdRef.current = null;
        onError(errorMessage(e, 'open the document'));
      } finally {
        setLoadingId((current) => (current === id ? null : current));
      }
    },
    [onError],
  );

  /** Re-reads the open document's claims (after create, delete, undo, redo). */
  const reloadClaims = useCallback(async () => {
    const id = openIdRef.current;
    if (!id) return;
    try {
      const claims = await invoke('claims.list', { documentId: id });
      setOpen((o) => (o && o.summary.id === id ? { ...o, claims } : o));
      setSelectedClaimId((sel) => (sel && claims.some((c) => c.id === sel) ? sel : null));
    } catch (e) {
      onError(errorMessage(e, 'reload the claims'));
    }
  }, [onError]);

  /** Re-reads the open document's entity mentions (after tagging, accepting, merging, undo...). */
  const reloadMentions = useCallback(async () => {
    const id = openIdRef.current;
    if (!id) return;
    try {
      const mentions = await invoke('mentions.list', { documentId: id });
      setOpen((o) => (o && o.summary.id === id ? { ...o, mentions } : o));
    } catch (e) {
      onError(errorMessage(e, 'reload the entity mentions'));
    }
  }, [onError]);

  /** Puts a claim the backend just returned into the open document's list. */
  const putClaim = useCallback((claim: Claim) => {
    setOpen((o) => {
      if (!o || o.summary.id !== claim.documentId) return o;
      const exists = o.claims.some((c) => c.id === claim.id);
      return {
        ...o,
        claims: exists
          ? o.claims.map((c) => (c.id === claim.id ? claim : c))
          : [...o.claims, claim],
      };
    });
  }, []);

  // edited metadata: the list and the open document's header show it at once
  useEffect(
    () =>
      onDocumentUpdated((doc) => {
        setDocuments((list) => list && list.map((d) => (d.id === doc.id ? doc : d)));
        setOpen((o) => (o && o.summary.id === doc.id ? { ...o, summary: doc } : o));
      }),
    [],
  );

  useEffect(() => {
    void refreshDocuments();
    const fromHash = docFromHash();
    if (fromHash) void openDocument(fromHash);
  }, [refreshDocuments, openDocument]);

  return {
    documents,
    open,
    loadingId,
    selectedClaimId,
    setSelectedClaimId,
    refreshDocuments,
    openDocument,
    reloadClaims,
    reloadMentions,
    putClaim,
    openId: () => openIdRef.current,
  };
}
