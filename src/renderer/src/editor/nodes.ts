/**
 * What the reader's Lexical editors know about each block, and how it reaches the DOM.
 *
 * Blocks are stock Lexical nodes (ParagraphNode, HeadingNode, QuoteNode) carrying a NodeState with
 * their canonical range and presentation. Mutation listeners copy that state onto the block's DOM
 * element (data-start/data-end, classes, list marker), which is what offset mapping and styling read.
 * This keeps us off node subclasses: nothing here needs to change how Lexical edits or serializes.
 */
import { $isMarkNode, MarkNode } from '@lexical/mark';
import { LinkNode } from '@lexical/link';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { mergeRegister } from '@lexical/utils';
import {
  $getNodeByKey,
  $getState,
  ParagraphNode,
  TextNode,
  createState,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import type { Block } from '../../../shared/model';
import type { PieceMention } from '../features/reader/segments';

export interface BlockInfo {
  type: Block['type'];
  start: number;
  end: number;
  level: number;
  /** list items: the bullet or number shown before the text */
  marker: string | null;
}

const NO_BLOCK: BlockInfo = { type: 'paragraph', start: -1, end: -1, level: 0, marker: null };

export const blockState = createState('claimdesk-block', {
  parse: (v: unknown): BlockInfo => {
    if (!v || typeof v !== 'object') return NO_BLOCK;
    const o = v as Partial<BlockInfo>;
    return {
      type: o.type ?? 'paragraph',
      start: typeof o.start === 'number' ? o.start : -1,
      end: typeof o.end === 'number' ? o.end : -1,
      level: typeof o.level === 'number' ? o.level : 0,
      marker: typeof o.marker === 'string' ? o.marker : null,
    };
  },
});

/**
 * The entity mentions covering a text run. Mentions are not MarkNodes (those are claims, one id per
 * claim): they are a property of the text runs they cover, shown as a kind-specific underline.
 */
export const mentionState = createState('claimdesk-mentions', {
  parse: (v: unknown): PieceMention[] =>
    Array.isArray(v)
      ? v.filter(
          (m): m is PieceMention =>
            !!m &&
            typeof m === 'object' &&
            typeof (m as PieceMention).mentionId === 'string' &&
            typeof (m as PieceMention).kind === 'string',
        )
      : [],
});

export const READER_NODES = [HeadingNode, QuoteNode, LinkNode, MarkNode];

function decorateBlock(dom: HTMLElement, info: BlockInfo): void {
  if (info.start < 0) return;
  dom.dataset.start = String(info.start);
  dom.dataset.end = String(info.end);
  dom.classList.add(`rd-b-${info.type}`);
  if (info.level > 0) dom.style.setProperty('--level', String(info.level));
  if (info.marker !== null) dom.dataset.marker = info.marker;
}

function decorateMark(dom: HTMLElement, ids: readonly string[]): void {
  dom.dataset.claims = ids.join(' ');
  // tint deepens with each overlapping claim, up to three levels
  dom.dataset.depth = String(Math.min(ids.length, 3));
}

/** Known kinds get their own colour and underline style; custom kinds share "other". */
const STYLED_KINDS = new Set(['person', 'organization', 'place', 'event']);

function decorateText(dom: HTMLElement, mentions: readonly PieceMention[]): void {
  if (mentions.length === 0) {
    if (dom.dataset.mentions === undefined) return;
    delete dom.dataset.mentions;
    delete dom.dataset.kind;
    dom.classList.remove('rd-mention');
    return;
  }
  dom.classList.add('rd-mention');
  dom.dataset.mentions = mentions.map((m) => m.mentionId).join(' ');
  const kind = mentions[0]!.kind;
  dom.dataset.kind = STYLED_KINDS.has(kind) ? kind : 'other';
  if (mentions.length > 1) dom.dataset.overlap = 'true';
  else delete dom.dataset.overlap;
}

/**
 * Keeps block and highlight DOM attributes in step with the editor state. Returns the teardown.
 * `onRendered` runs after every batch, so the caller can re-apply selection emphasis.
 */
export function registerReaderDecorations(
  editor: LexicalEditor,
  onRendered: () => void,
): () => void {
  const withNode = <T extends LexicalNode>(key: string, f: (node: T, dom: HTMLElement) => void) => {
    const dom = editor.getElementByKey(key);
    if (!dom) return;
    editor.getEditorState().read(() => {
      const node = $getNodeByKey<T>(key);
      if (node) f(node, dom);
    });
  };
  const blocks = (mutations: Map<string, string>) => {
    for (const [key, mutation] of mutations) {
      if (mutation === 'destroyed') continue;
      withNode(key, (node, dom) => decorateBlock(dom, $getState(node, blockState)));
    }
    onRendered();
  };
  return mergeRegister(
    editor.registerMutationListener(ParagraphNode, blocks, { skipInitialization: true }),
    editor.registerMutationListener(HeadingNode, blocks, { skipInitialization: true }),
    editor.registerMutationListener(QuoteNode, blocks, { skipInitialization: true }),
    editor.registerMutationListener(
      TextNode,
      (mutations) => {
        // a section has hundreds of text runs: read the state once for the whole batch
        editor.getEditorState().read(() => {
          for (const [key, mutation] of mutations) {
            if (mutation === 'destroyed') continue;
            const dom = editor.getElementByKey(key);
            const node = $getNodeByKey(key);
            if (dom && node) decorateText(dom, $getState(node, mentionState));
          }
        });
      },
      { skipInitialization: true },
    ),
    editor.registerMutationListener(
      MarkNode,
      (mutations) => {
        for (const [key, mutation] of mutations) {
          if (mutation === 'destroyed') continue;
          withNode<LexicalNode>(key, (node, dom) => {
            if ($isMarkNode(node)) decorateMark(dom, node.getIDs());
          });
        }
        onRendered();
      },
      { skipInitialization: true },
    ),
  );
}
