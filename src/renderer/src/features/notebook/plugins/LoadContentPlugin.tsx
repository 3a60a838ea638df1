import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { SerializedEditorState } from 'lexical';
import { useEffect } from 'react';
import type { NotebookContent } from '../../../../../shared/notebook-json';

/** The tag of the update that loads the stored notebook: not an edit, so not saved back. */
export const NOTEBOOK_LOAD_TAG = 'notebook-load';

/**
 * Puts the stored notebook into the editor once every other plugin has registered; only the
 * history comes after it (BoundedHistoryPlugin starts from the loaded notebook). Registering a node transform (the list and link plugins register TextNode ones)
 * marks every node of that type dirty and runs a full update: on an editor that already held
 * 10,000 paragraphs that cost seconds at open. Loaded last, the registrations run on an empty
 * editor and the notebook is reconciled once.
 */
export function LoadContentPlugin({
  content,
  onError,
}: {
  content: NotebookContent;
  onError: (message: string) => void;
}) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    try {
      // the tree parseNotebookContent checked is a serialized editor state
      const state = editor.parseEditorState(content as unknown as SerializedEditorState);
      editor.setEditorState(state, { tag: NOTEBOOK_LOAD_TAG });
    } catch (error) {
      onError(`This notebook cannot be opened: ${(error as Error).message}`);
    }
    // the content is read once per editor (a new editor per notebook); later saves do not reload it
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);
  return null;
}
