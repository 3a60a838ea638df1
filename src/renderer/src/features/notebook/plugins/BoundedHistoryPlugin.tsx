import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';

/**
 * Undo within the editor (Ctrl+Z / Ctrl+Shift+Z), bounded: a long writing session keeps the last
 * MAX_DEPTH steps instead of every editor state since the notebook opened (each holds the tree).
 */
export const MAX_DEPTH = 300;

export function BoundedHistoryPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () => registerHistory(editor, createEmptyHistoryState(), 1000, undefined, undefined, MAX_DEPTH),
    [editor],
  );
  return null;
}
