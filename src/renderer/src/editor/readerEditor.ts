import { createEditor, type LexicalEditor } from 'lexical';
import { READER_NODES } from './nodes';
import { readerTheme } from './theme';

/**
 * A read-only Lexical editor for one reader section. Plain `createEditor` rather than a
 * LexicalComposer per section: dozens of these mount and unmount while scrolling, and they need no
 * plugins. `disableEvents` keeps Lexical from tracking the native selection, which the reader reads
 * itself (a selection may cross several sections, i.e. several editors).
 */
export function createReaderEditor(onError: (error: Error) => void): LexicalEditor {
  return createEditor({
    namespace: 'claimdesk-reader',
    editable: false,
    disableEvents: true,
    nodes: READER_NODES,
    theme: readerTheme,
    onError,
  });
}
