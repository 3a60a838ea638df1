import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type {
  NotebookExportFormat,
  NotebookId,
  NotebookSummary,
} from '../../../../shared/api-notebooks';
import type { EntityId } from '../../../../shared/model';
import { invoke } from '../../api';
import { downloadBlob } from '../../lib/download';
import { useCitationStyle } from '../sources/citationStyle';
import { embeddedClaims, parseNotebookContent } from '../../../../shared/notebook-json';
import { claimCardsKey } from './claimCards';
import { NotebookEditor } from './NotebookEditor';
import type { SaveState } from './plugins/AutosavePlugin';

export const notebookKeys = {
  all: ['notebooks'] as const,
  /** every list; an entity's notebooks are a list under it, refreshed with the others */
  list: () => ['notebooks', 'list'] as const,
  ofEntity: (id: EntityId) => ['notebooks', 'list', { entityId: id }] as const,
  one: (id: NotebookId) => ['notebooks', 'one', id] as const,
};

const SAVE_LABEL: Record<SaveState, string> = {
  saved: 'Saved',
  unsaved: 'Not saved yet',
  saving: 'Saving…',
  failed: 'Not saved',
};

interface Props {
  active: boolean;
  openId: NotebookId | null;
  onOpen: (id: NotebookId | null) => void;
  /** a new notebook tied to this entity (from the entity page) */
  entityId?: EntityId;
  onError: (message: string) => void;
  onStatus: (message: string) => void;
}

/** The notebooks: the list beside the open one, with its title, save state and exports. */
export function NotebooksView({ active, openId, onOpen, onError, onStatus }: Props) {
  const client = useQueryClient();
  const list = useQuery({
    queryKey: notebookKeys.list(),
    queryFn: () => invoke('notebooks.list', {}),
    enabled: active,
  });
  const open = useQuery({
    queryKey: notebookKeys.one(openId ?? ('none' as NotebookId)),
    queryFn: async () => {
      const notebook = await invoke('notebooks.get', { id: openId! });
      // every embedded claim's card in one call, before the editor mounts its claim nodes
      // parsed once: the same tree names the claims and is loaded into the editor
      const content = parseNotebookContent(notebook.content);
      const ids = embeddedClaims(content.root).map((c) => c.claimId);
      const cards = await invoke('notebooks.claimCards', { ids });
      client.setQueryData(claimCardsKey(ids), cards);
      return { notebook, content, cards };
    },
    enabled: active && openId !== null,
    // the editor owns the content once open: never reload it under the researcher's caret
    staleTime: Infinity,
    gcTime: 0,
  });
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [appendix, setAppendix] = useState(true);
  const citation = useCitationStyle();

  // claims may have changed while the notebook was hidden: their cards refresh on showing it
  useEffect(() => {
    if (active) void client.invalidateQueries({ queryKey: ['claims', 'cards'] });
  }, [active, client]);

  const create = async () => {
    try {
      const notebook = await invoke('notebooks.create', { title: 'Untitled notebook' });
      await client.invalidateQueries({ queryKey: notebookKeys.list() });
      onOpen(notebook.id);
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  };

  const rename = async (notebook: NotebookSummary, title: string) => {
    if (title.trim() === '' || title === notebook.title) return;
    try {
      await invoke('notebooks.update', { id: notebook.id, patch: { title } });
      await client.invalidateQueries({ queryKey: notebookKeys.list() });
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  };

  const remove = async (notebook: NotebookSummary) => {
    try {
      await invoke('notebooks.delete', { id: notebook.id });
      onOpen(null);
      await client.invalidateQueries({ queryKey: notebookKeys.list() });
      onStatus(`Deleted notebook "${notebook.title}" (Undo brings it back)`);
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  };

  const exportAs = async (id: NotebookId, format: NotebookExportFormat) => {
    try {
      const file = await invoke('notebooks.export', {
        id,
        format,
        appendix,
        style: citation.style,
      });
      downloadBlob(file.fileName, new Blob([file.bytes as BlobPart], { type: file.mediaType }));
      onStatus(`Exported ${file.fileName}`);
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  };

  const summary = list.data?.find((n) => n.id === openId) ?? null;
  return (
    <div className="notebooks" data-scope="notebook">
      <nav className="pane notebooks-list" aria-label="Notebooks">
        <div className="pane-header">
          <h2>Notebooks</h2>
          <button type="button" className="btn btn-small" onClick={() => void create()}>
            New notebook
          </button>
        </div>
        <ul role="listbox" aria-label="Notebooks">
          {(list.data ?? []).map((n) => (
            <li
              key={n.id}
              role="option"
              aria-selected={n.id === openId}
              tabIndex={0}
              className={n.id === openId ? 'is-open' : undefined}
              onClick={() => onOpen(n.id)}
              onKeyDown={(e) => e.key === 'Enter' && onOpen(n.id)}
            >
              <span className="notebooks-title">{n.title}</span>
              <span className="notebooks-date">{n.updatedAt.slice(0, 10)}</span>
            </li>
          ))}
        </ul>
        {list.data?.length === 0 && (
          <p className="empty-note">
            No notebooks yet. A notebook holds your findings, with claims as live, cited evidence.
          </p>
        )}
      </nav>
      <section className="notebook-pane" aria-label="Notebook">
        {summary && open.data ? (
          <>
            <div className="notebook-header">
              <input
                key={summary.id}
                className="notebook-title-input"
                aria-label="Notebook title"
                defaultValue={summary.title}
                onBlur={(e) => void rename(summary, e.target.value)}
                onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
              />
              <span className={`notebook-save is-${saveState}`} role="status" aria-live="polite">
                {SAVE_LABEL[saveState]}
              </span>
              <label className="notebook-style">
                <span className="visually-hidden">Citation style</span>
                <select
                  className="input select"
                  title="Citation style of the footnotes and bibliography"
                  value={citation.style}
                  onChange={(e) => citation.setStyle(e.target.value)}
                >
                  {citation.styles.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.title}
                    </option>
                  ))}
                </select>
              </label>
              <label className="notebook-appendix">
                <input
                  type="checkbox"
                  checked={appendix}
                  onChange={(e) => setAppendix(e.target.checked)}
                />
                Evidence appendix
              </label>
              {(['md', 'html', 'docx'] as const).map((format) => (
                <button
                  key={format}
                  type="button"
                  className="btn btn-small"
                  onClick={() => void exportAs(summary.id, format)}
                >
                  {format === 'md' ? 'Markdown' : format.toUpperCase()}
                </button>
              ))}
              <button
                type="button"
                className="btn btn-ghost btn-small"
                onClick={() => void remove(summary)}
              >
                Delete
              </button>
            </div>
            <NotebookEditor
              key={open.data.notebook.id}
              notebook={open.data.notebook}
              content={open.data.content}
              cards={open.data.cards}
              onSaveState={(state, message) => {
                setSaveState(state);
                if (state === 'failed' && message)
                  onError(`The notebook was not saved: ${message}`);
                if (state === 'saved')
                  void client.invalidateQueries({ queryKey: notebookKeys.list() });
              }}
              onError={onError}
            />
          </>
        ) : (
          <p className="empty-note notebook-empty">
            {openId ? 'Opening…' : 'Open a notebook from the list, or start a new one.'}
          </p>
        )}
      </section>
    </div>
  );
}
