import { createContext, use } from 'react';
import type { NotebookId } from '../../../../shared/api-notebooks';
import type { ClaimId, DocumentId } from '../../../../shared/model';

/**
 * How entity pages, related claims and suggestions jump to a passage: open its document in the
 * reader, scroll to it and flash it. Provided by the app, which owns the reader.
 */
export interface Navigate {
  toClaim: (documentId: DocumentId, claimId: ClaimId, start?: number, end?: number) => void;
  toPassage: (documentId: DocumentId, start: number, end: number) => void;
  /** a notebook about the entity, in the notebooks view */
  toNotebook: (id: NotebookId) => void;
}

export const NavigateContext = createContext<Navigate | null>(null);

const nowhere: Navigate = { toClaim: () => {}, toPassage: () => {}, toNotebook: () => {} };

export const useNavigate = (): Navigate => use(NavigateContext) ?? nowhere;
