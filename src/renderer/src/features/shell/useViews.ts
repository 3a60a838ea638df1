import { useCallback, useState } from 'react';
import type { NotebookId } from '../../../../shared/api-notebooks';
import type { EntityId } from '../../../../shared/model';
import type { BoardFocus } from '../analysis/AnalysisLayers';
import type { EntitiesPane } from '../entities/EntitiesView';
import type { View } from './globalActions';

/**
 * Which view is in front and what each view shows: the reader (library, document, claims), the
 * claims table, the entities, the analysis views or the notebooks. All stay mounted; these are the
 * ways one view sends the researcher to another.
 */
export function useViews() {
  const [view, setView] = useState<View>('reader');
  const [entitiesPane, setEntitiesPane] = useState<EntitiesPane>({ type: 'suggestions' });
  const [boardFocus, setBoardFocus] = useState<BoardFocus | null>(null);
  const [notebookId, setNotebookId] = useState<NotebookId | null>(null);

  const openEntity = useCallback((id: EntityId) => {
    setEntitiesPane({ type: 'entity', id });
    setView('entities');
  }, []);
  const openSuggestions = useCallback(() => {
    setEntitiesPane({ type: 'suggestions' });
    setView('entities');
  }, []);
  const openNotebook = useCallback((id: NotebookId) => {
    setNotebookId(id);
    setView('notebooks');
  }, []);

  return {
    view,
    setView,
    entitiesPane,
    setEntitiesPane,
    boardFocus,
    setBoardFocus,
    notebookId,
    setNotebookId,
    openEntity,
    openSuggestions,
    openNotebook,
  };
}
