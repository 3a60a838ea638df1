import { useCallback, useMemo } from 'react';
import type { NotebookId } from '../../../../shared/api-notebooks';
import type { EntityId } from '../../../../shared/model';
import type { Navigate } from '../entities/navigate';
import { entityFilter, ROLE_LABEL } from '../table/entityFilter';
import type { ClaimsTableState } from '../table/useClaimsTable';
import { errorMessage } from '../shell/useToasts';
import type { SearchOption } from './results';
import type { RevealTarget } from './useRevealTarget';

interface Options {
  reveal: (target: RevealTarget) => void;
  setView: (view: 'reader' | 'table') => void;
  /** a notebook search hit: the notebook, in the notebooks view */
  openNotebook: (id: NotebookId) => void;
  table: ClaimsTableState;
  onStatus: (message: string) => void;
  onError: (message: string) => void;
}

/**
 * Where things lead: a search hit to a passage or claim in the reader, or an entity's claims in the
 * table; entity pages and related claims to a claim or passage (`navigate`).
 */
export function useSearchNavigation({
  reveal,
  setView,
  openNotebook,
  table,
  onStatus,
  onError,
}: Options) {
  const navigate = useMemo<Navigate>(
    () => ({
      toClaim: (documentId, claimId, start = 0, end = 0) => {
        setView('reader');
        reveal({ documentId, claimId, start, end });
      },
      toPassage: (documentId, start, end) => {
        setView('reader');
        reveal({ documentId, start, end });
      },
      toNotebook: openNotebook,
    }),
    [reveal, setView, openNotebook],
  );

  const showEntityClaims = useCallback(
    async (id: EntityId, name: string) => {
      try {
        const { role, filter, count } = await entityFilter(id);
        table.setFilter(filter, { [id]: name });
        setView('table');
        onStatus(
          count === 0 ? `No claims name ${name} yet` : `Claims with ${name} as ${ROLE_LABEL[role]}`,
        );
      } catch (e) {
        onError(errorMessage(e, 'show the claims about this entity'));
      }
    },
    [table, setView, onStatus, onError],
  );

  const openSearchHit = useCallback(
    (option: SearchOption) => {
      if (option.kind === 'entities') {
        void showEntityClaims(option.hit.entityId, option.hit.name);
        return;
      }
      if (option.kind === 'notebooks') {
        openNotebook(option.hit.notebookId as NotebookId);
        return;
      }
      const { hit } = option;
      setView('reader');
      reveal({
        documentId: hit.documentId,
        start: hit.start,
        end: hit.end,
        ...(option.kind === 'claims' ? { claimId: option.hit.claimId } : {}),
      });
    },
    [reveal, setView, openNotebook, showEntityClaims],
  );
  return { navigate, openSearchHit };
}
