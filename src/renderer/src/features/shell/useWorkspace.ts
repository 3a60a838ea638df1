import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MentionInfo } from '../../../../shared/api-entities';
import type {
  Claim,
  ClaimId,
  DocumentContent,
  DocumentId,
  DocumentSummary,
} from '../../../../shared/model';
import { invoke } from '../../api';
import { claimsToUnits, contentToUnits, mentionsToUnits } from '../../offsets';
import { keys } from '../../query/keys';
import { onDocumentUpdated } from '../library/documentEvents';
import { errorMessage } from './useToasts';

export interface OpenDocument {
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
 * the selected claim. It owns no data: each part is a query (query/keys.ts) that the writes which
 * change it invalidate, and a document's parts are cached under its own id, so an answer for a
 * document opened before can never land in the one opened now.
 */
export function useWorkspace(onError: (message: string) => void) {
  const qc = useQueryClient();
  const [openId, setOpenId] = useState<DocumentId | null>(docFromHash);
  const [selectedClaimId, setSelectedClaimId] = useState<ClaimId | null>(null);
  const openIdRef = useRef(openId);
  openIdRef.current = openId;

  const documentsQuery = useQuery({
    queryKey: keys.documents(),
    queryFn: () => invoke('documents.list', {}),
  });
  // the four parts of the open document, each cached under the document's id
  const id = openId ?? ('' as DocumentId);
  const enabled = openId !== null;
  const parts = useQueries({
    queries: [
      { queryKey: keys.document(id), queryFn: () => invoke('documents.get', { id }), enabled },
      { queryKey: keys.content(id), queryFn: () => invoke('documents.content', { id }), enabled },
      {
        queryKey: keys.claims(id),
        queryFn: () => invoke('claims.list', { documentId: id }),
        enabled,
      },
      {
        queryKey: keys.mentions(id),
        queryFn: () => invoke('mentions.list', { documentId: id }),
        enabled,
      },
    ],
  });
  const [summary, wireContent, wireClaims, wireMentions] = enabled
    ? [parts[0].data, parts[1].data, parts[2].data, parts[3].data]
    : [];
  // the caches hold the API's code points; the reader gets UTF-16 (offsets.ts), each part
  // converted once, so a changed claim list leaves the converted content as it was
  const content = useMemo(() => wireContent && contentToUnits(wireContent), [wireContent]);
  const text = wireContent?.text;
  const claims = useMemo(
    () => (wireClaims && text !== undefined ? claimsToUnits(wireClaims, text) : undefined),
    [wireClaims, text],
  );
  const mentions = useMemo(
    () => (wireMentions && text !== undefined ? mentionsToUnits(wireMentions, text) : undefined),
    [wireMentions, text],
  );
  const current = useMemo<OpenDocument | null>(
    () =>
      summary && content && claims && mentions ? { summary, content, claims, mentions } : null,
    [summary, content, claims, mentions],
  );
  // while the next document loads, the last one stays (the reader says what is opening)
  const lastShown = useRef<OpenDocument | null>(null);
  if (current) lastShown.current = current;
  const open = current ?? (openId ? lastShown.current : null);
  const loadingId = openId && !current ? openId : null;

  // a document that left the list (moved to the trash, an import undone) is closed, not reloaded;
  // one not yet in it (opened as its import finished) is left alone
  const listed = documentsQuery.data;
  const previousList = useRef(listed);
  useEffect(() => {
    const before = previousList.current;
    previousList.current = listed;
    if (!listed || !before || !openId) return;
    if (!before.some((d) => d.id === openId) || listed.some((d) => d.id === openId)) return;
    lastShown.current = null;
    setOpenId(null);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }, [listed, openId]);

  const failure = enabled ? (parts.find((p) => p.error)?.error ?? null) : null;
  useEffect(() => {
    if (!failure) return;
    onError(errorMessage(failure, 'open the document'));
    setOpenId(lastShown.current?.summary.id ?? null);
  }, [failure, onError]);
  useEffect(() => {
    if (documentsQuery.error) onError(errorMessage(documentsQuery.error, 'load the document list'));
  }, [documentsQuery.error, onError]);

  const shownId = current?.summary.id ?? null;
  useEffect(() => {
    if (!shownId) return;
    setSelectedClaimId(null);
    window.history.replaceState(null, '', `#doc=${shownId}`);
  }, [shownId]);
  // a selected claim that is gone (deleted, undone) is no longer selected
  useEffect(() => {
    if (claims && selectedClaimId && !claims.some((c) => c.id === selectedClaimId))
      setSelectedClaimId(null);
  }, [claims, selectedClaimId]);

  const openDocument = useCallback(async (id: DocumentId) => setOpenId(id), []);
  const refreshDocuments = useCallback(
    () => qc.invalidateQueries({ queryKey: keys.documents() }),
    [qc],
  );
  /** Re-reads the open document's claims (after delete, undo, redo). */
  const reloadClaims = useCallback(async () => {
    const id = openIdRef.current;
    if (id) await qc.invalidateQueries({ queryKey: keys.claims(id) });
  }, [qc]);

  /** Puts a claim the backend just returned into its document's list, without a round trip. */
  const putClaim = useCallback(
    (claim: Claim) =>
      qc.setQueryData<Claim[]>(keys.claims(claim.documentId), (list) =>
        !list
          ? list
          : list.some((c) => c.id === claim.id)
            ? list.map((c) => (c.id === claim.id ? claim : c))
            : [...list, claim],
      ),
    [qc],
  );

  // edited metadata: the list and the open document's header show it at once
  useEffect(
    () =>
      onDocumentUpdated((doc) => {
        qc.setQueryData<DocumentSummary[]>(keys.documents(), (list) =>
          list?.map((d) => (d.id === doc.id ? doc : d)),
        );
        qc.setQueryData(keys.document(doc.id), doc);
      }),
    [qc],
  );

  return {
    documents: documentsQuery.data ?? null,
    open,
    loadingId,
    selectedClaimId,
    setSelectedClaimId,
    refreshDocuments,
    openDocument,
    reloadClaims,
    putClaim,
    openId: () => openIdRef.current,
  };
}
