import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import type { Entity, EntityId } from '../../../../shared/model';
import { invoke } from '../../api';
import { useNavigate } from '../entities/navigate';
import { errorMessage } from '../shell/useToasts';
import { notebookKeys } from './NotebooksView';

/**
 * The notebooks tied to an entity, on its page: each opens in the notebooks view, and a new one
 * starts tied to the entity, so the findings about a person or place are found where they are.
 */
export function EntityNotebooks({
  entity,
  onError,
}: {
  entity: Pick<Entity, 'id' | 'name'>;
  onError: (message: string) => void;
}) {
  const uid = useId();
  const client = useQueryClient();
  const navigate = useNavigate();
  const list = useQuery({
    queryKey: notebookKeys.ofEntity(entity.id as EntityId),
    queryFn: () => invoke('notebooks.list', { entityId: entity.id as EntityId }),
  });

  const create = async () => {
    try {
      const notebook = await invoke('notebooks.create', {
        title: `Notes on ${entity.name}`,
        entityId: entity.id as EntityId,
      });
      await client.invalidateQueries({ queryKey: notebookKeys.all });
      navigate.toNotebook(notebook.id);
    } catch (e) {
      onError(errorMessage(e, 'create the notebook'));
    }
  };

  const notebooks = list.data ?? [];
  return (
    <section className="ent-section" aria-labelledby={`${uid}-notebooks`}>
      <h3 className="ent-section-title" id={`${uid}-notebooks`}>
        Notebooks <span className="pane-count">{notebooks.length}</span>
        <button type="button" className="btn btn-small" onClick={() => void create()}>
          New notebook about {entity.name}
        </button>
      </h3>
      {list.isSuccess && notebooks.length === 0 && (
        <p className="field-hint">No notebook is about {entity.name} yet.</p>
      )}
      {notebooks.length > 0 && (
        <ul className="ent-refs" aria-label={`Notebooks about ${entity.name}`}>
          {notebooks.map((n) => (
            <li key={n.id}>
              <button type="button" className="ent-ref" onClick={() => navigate.toNotebook(n.id)}>
                {n.title} <span className="field-hint">{n.updatedAt.slice(0, 10)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
