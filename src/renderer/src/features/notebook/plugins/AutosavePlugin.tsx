import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef } from 'react';
import type { NotebookId } from '../../../../../shared/api-notebooks';
import { invoke } from '../../../api';
import { NOTEBOOK_LOAD_TAG } from './LoadContentPlugin';

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed';

interface Props {
  notebookId: NotebookId;
  revision: number;
  onState: (state: SaveState, message?: string) => void;
}

const DELAY_MS = 700;

/**
 * Saves the notebook a moment after the researcher stops typing, one save at a time, each naming
 * the revision it edits. "Saved" is shown only once the backend acknowledged the write (which is
 * then durable); a refused save (conflict, bad content) is reported and nothing is retried blindly.
 * Leaving the notebook saves what is pending at once.
 */
export function AutosavePlugin({ notebookId, revision, onState }: Props) {
  const [editor] = useLexicalComposerContext();
  const state = useRef({ revision, dirty: false, saving: false, timer: 0 as number | undefined });
  const onStateRef = useRef(onState);
  onStateRef.current = onState;

  useEffect(() => {
    const s = state.current;
    s.revision = revision;
    const save = async () => {
      window.clearTimeout(s.timer);
      s.timer = undefined;
      if (s.saving || !s.dirty) return;
      s.saving = true;
      s.dirty = false;
      onStateRef.current('saving');
      const content = JSON.stringify(editor.getEditorState().toJSON());
      try {
        const saved = await invoke('notebooks.save', {
          id: notebookId,
          baseRevision: s.revision,
          content,
        });
        s.revision = saved.revision;
        onStateRef.current(s.dirty ? 'unsaved' : 'saved');
      } catch (error) {
        s.dirty = true;
        onStateRef.current('failed', error instanceof Error ? error.message : String(error));
        s.saving = false;
        return;
      }
      s.saving = false;
      if (s.dirty) schedule();
    };
    const schedule = () => {
      window.clearTimeout(s.timer);
      s.timer = window.setTimeout(() => void save(), DELAY_MS);
    };
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
      // selection moves change nothing worth saving
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      if (tags.has(NOTEBOOK_LOAD_TAG)) return;
      s.dirty = true;
      onStateRef.current('unsaved');
      schedule();
    });
    const flush = () => void save();
    window.addEventListener('pagehide', flush);
    return () => {
      unregister();
      window.removeEventListener('pagehide', flush);
      void save();
    };
  }, [editor, notebookId, revision]);
  return null;
}
