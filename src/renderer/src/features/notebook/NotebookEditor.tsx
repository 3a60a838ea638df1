import {
  ELEMENT_TRANSFORMERS,
  LINK,
  TEXT_FORMAT_TRANSFORMERS,
  type Transformer,
} from '@lexical/markdown';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { useMemo } from 'react';
import type { ClaimCard, Notebook } from '../../../../shared/api-notebooks';
import type { NotebookContent } from '../../../../shared/notebook-json';
import { NOTEBOOK_NODES } from '../../editor/notebook/nodes';
import { notebookTheme } from '../../editor/notebook/theme';
import { AutosavePlugin, type SaveState } from './plugins/AutosavePlugin';
import { BoundedHistoryPlugin } from './plugins/BoundedHistoryPlugin';
import { ClaimCardsPlugin } from './plugins/ClaimCardsPlugin';
import { ClaimPlugin } from './plugins/ClaimPlugin';
import { ClaimTypeaheadPlugin } from './plugins/ClaimTypeaheadPlugin';
import { ControlledTypingPlugin } from './plugins/ControlledTypingPlugin';
import { LoadContentPlugin } from './plugins/LoadContentPlugin';
import { MentionLinkPlugin } from './plugins/MentionLinkPlugin';
import { MentionTypeaheadPlugin } from './plugins/MentionTypeaheadPlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';

/** Markdown shortcuts while typing: "# " heading, "> " quote, "- " and "1. " lists, **bold**, links. */
const SHORTCUTS: Transformer[] = [...ELEMENT_TRANSFORMERS, ...TEXT_FORMAT_TRANSFORMERS, LINK];

const safeUrl = (url: string) => /^(https?:|mailto:)/i.test(url);

interface Props {
  notebook: Notebook;
  /** its stored content, parsed and checked (parseNotebookContent) */
  content: NotebookContent;
  /** the cards of the claims it embeds, fetched with it */
  cards: readonly ClaimCard[];
  onSaveState: (state: SaveState, message?: string) => void;
  onError: (message: string) => void;
}

/**
 * One notebook in a Lexical editor: rich text with the usual keys (Ctrl+B/I/U, Markdown
 * shortcuts, bounded undo), claims as live nodes (`[[`, drag and drop) and `@` mentions, saved as
 * the researcher types. Each concern is one plugin; keyed by notebook so switching notebooks
 * starts a fresh editor from the stored state.
 */
export function NotebookEditor({ notebook, content, cards, onSaveState, onError }: Props) {
  const initialConfig = useMemo(
    () => ({
      namespace: `notebook-${notebook.id}`,
      nodes: NOTEBOOK_NODES,
      theme: notebookTheme,
      // loaded by LoadContentPlugin once the plugins are registered
      onError: (error: Error) => onError(error.message),
    }),
    // a new editor per notebook; later saves do not reload it
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [notebook.id],
  );
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <ToolbarPlugin />
      <div className="nb-editor-scroll">
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              className="nb-editor"
              aria-label={`Notebook: ${notebook.title}`}
              aria-multiline
              spellCheck
            />
          }
          placeholder={
            <div className="nb-placeholder">
              Write your finding. Type [[ to cite a claim, @ to mention an entity, or drag a claim
              here.
            </div>
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      <ControlledTypingPlugin />
      <ListPlugin />
      <LinkPlugin validateUrl={safeUrl} />
      <TablePlugin />
      <MarkdownShortcutPlugin transformers={SHORTCUTS} />
      <ClaimPlugin onError={onError} />
      <ClaimCardsPlugin initial={cards} />
      <ClaimTypeaheadPlugin />
      <MentionTypeaheadPlugin />
      <MentionLinkPlugin />
      <AutosavePlugin notebookId={notebook.id} revision={notebook.revision} onState={onSaveState} />
      <LoadContentPlugin content={content} onError={onError} />
      <BoundedHistoryPlugin />
    </LexicalComposer>
  );
}
