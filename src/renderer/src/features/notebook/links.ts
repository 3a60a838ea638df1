import { createContext, useContext } from 'react';
import type { ClaimCard } from '../../../../shared/api-notebooks';
import type { EntityId } from '../../../../shared/model';

/** Where a notebook's claims and mentions lead: the App provides the navigation. */
export interface NotebookLinks {
  openPassage(card: Extract<ClaimCard, { deleted: false }>): void;
  openEntity(id: EntityId): void;
}

const NOWHERE: NotebookLinks = { openPassage: () => {}, openEntity: () => {} };

export const NotebookLinksContext = createContext<NotebookLinks>(NOWHERE);

export const useNotebookLinks = () => useContext(NotebookLinksContext);
