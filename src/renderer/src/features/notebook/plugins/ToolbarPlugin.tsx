import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  FORMAT_TEXT_COMMAND,
  type LexicalEditor,
} from 'lexical';

type Block = 'paragraph' | 'h2' | 'h3' | 'quote';

function setBlock(editor: LexicalEditor, block: Block): void {
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    $setBlocksType(selection, () =>
      block === 'paragraph'
        ? $createParagraphNode()
        : block === 'quote'
          ? $createQuoteNode()
          : $createHeadingNode(block),
    );
  });
}

/** The formatting buttons above the notebook; each has its keyboard or Markdown equivalent. */
export function ToolbarPlugin() {
  const [editor] = useLexicalComposerContext();
  const button = (label: string, title: string, run: () => void, text = label) => (
    <button
      type="button"
      className="btn btn-ghost btn-small"
      aria-label={label}
      title={title}
      // keep the editor's selection: the button acts on it
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {text}
    </button>
  );
  return (
    <div className="nb-toolbar" role="toolbar" aria-label="Formatting">
      {button(
        'Bold',
        'Bold (Ctrl+B, or **text**)',
        () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'),
        'B',
      )}
      {button(
        'Italic',
        'Italic (Ctrl+I, or *text*)',
        () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'),
        'I',
      )}
      {button('Heading', 'Heading (type "## ")', () => setBlock(editor, 'h2'), 'H')}
      {button('Subheading', 'Subheading (type "### ")', () => setBlock(editor, 'h3'), 'H3')}
      {button('Quote', 'Quote (type "> ")', () => setBlock(editor, 'quote'), '❝')}
      {button('Paragraph', 'Plain paragraph', () => setBlock(editor, 'paragraph'), '¶')}
      {button(
        'Bulleted list',
        'Bulleted list (type "- ")',
        () => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined),
        '•',
      )}
      {button(
        'Numbered list',
        'Numbered list (type "1. ")',
        () => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined),
        '1.',
      )}
      {button(
        'Table',
        'Insert a table of 3 columns and 3 rows',
        () =>
          editor.dispatchCommand(INSERT_TABLE_COMMAND, {
            columns: '3',
            rows: '3',
            includeHeaders: { rows: true, columns: false },
          }),
        '▦',
      )}
    </div>
  );
}
