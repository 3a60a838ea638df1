import { useQueryClient } from '@tanstack/react-query';
import type { RefObject } from 'react';
import type { Claim } from '../../../../shared/model';
import { invoke } from '../../api';
import { claimsChanged } from '../../query/invalidate';
import type { EntityStore } from '../entities/store';
import { useTagging } from '../mentions/useTagging';
import type { ReaderHandle } from '../reader/Reader';
import type { View } from '../shell/globalActions';
import { errorMessage } from '../shell/useToasts';
import { confirmLongSelection } from './longSelection';
import type { useWorkspace } from '../shell/useWorkspace';

interface Options {
  ws: ReturnType<typeof useWorkspace>;
  entities: EntityStore;
  readerRef: RefObject<ReaderHandle | null>;
  view: View;
  onStatus: (message: string) => void;
  info: (message: string, action?: { label: string; run: () => void }) => void;
  error: (message: string) => void;
  undo: () => void;
}

/** Creating (C, E, and the selection toolbar's buttons, which run the same actions) and deleting claims, with what each says back. */
export function useClaimCommands(o: Options) {
  const { ws, readerRef, error } = o;
  const qc = useQueryClient();
  const tagging = useTagging({
    store: o.entities,
    readerRef,
    documentId: ws.open?.summary.id ?? null,
    text: ws.open?.content.text ?? '',
    onClaimCreated: (claim) => {
      ws.putClaim(claim);
      ws.setSelectedClaimId(claim.id);
      o.onStatus('Claim created');
      void claimsChanged(qc, claim.documentId);
    },
    onMentionCreated: (name) => o.onStatus(`Tagged a mention of ${name}`),
  });

  const tag = (mode: 'claim' | 'mention') => {
    const key = mode === 'claim' ? 'C' : 'E';
    if (o.view !== 'reader') o.info(`Passages are tagged in the reader: press R to go back to it.`);
    else if (!ws.open) error(`Open a document and select a passage first, then press ${key}.`);
    else if (!confirmLongSelection(readerRef.current?.selectionSpans() ?? [])) return;
    else if (!tagging.start(mode))
      error(`Select a passage in the document first, then press ${key}.`);
  };

  const deleteClaim = async (claim: Claim) => {
    try {
      await invoke('claims.delete', { id: claim.id });
      ws.setSelectedClaimId(null);
      await claimsChanged(qc, claim.documentId);
      o.info('Claim deleted', { label: 'Undo', run: o.undo });
    } catch (e) {
      error(errorMessage(e, 'delete the claim'));
    }
  };

  return { tagging, tag, deleteClaim };
}
