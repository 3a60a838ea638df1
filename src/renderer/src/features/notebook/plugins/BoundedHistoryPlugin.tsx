import { registerHistory } from '@lexical/history';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';

/**
 * Undo within the editor (Ctrl+Z / Ctrl+Shift+Z), bounded: a long writing session keeps the last
 * MAX_DEPTH steps instead of every editor state since the notebook opened (each holds the tree).
 * Registered after LoadContentPlugin, it starts from the loaded notebook: the load is not an undo
 * step and the first edit's undo returns to it. (Clearing the history after the load instead
 * dispatched a command whose update read the DOM selection, forcing a layout of the whole
 * notebook: about a second at open in the bench.)
 */
export const MAX_DEPTH = 300;

export function BoundedHistoryPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      registerHistory(
        editor,
        { current: { editor, editorState: editor.getEditorState() }, undoStack: [], redoStack: [] },
        1000,
        undefined,
        undefined,
        MAX_DEPTH,
      ),
    [editor],
  );
  return null;
}
