/**
 * Builds one reader section's Lexical content from canonical blocks. Runs inside editor.update().
 * The text is never changed: every character of text[block.start, block.end) lands in exactly one
 * TextNode or LineBreakNode, in order, so DOM offsets map straight back to canonical offsets.
 */
import { $createLinkNode, type LinkNode } from '@lexical/link';
import { $createMarkNode, type MarkNode } from '@lexical/mark';
import { $createHeadingNode, $createQuoteNode, type HeadingTagType } from '@lexical/rich-text';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $setState,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import type { Block, InlineMark } from '../../../shared/model';
import {
  blockPieces,
  sameClaims,
  type Highlight,
  type MentionSpan,
  type Piece,
} from '../features/reader/segments';
import { blockState, mentionState } from './nodes';

export interface SectionInput {
  text: string;
  blocks: readonly Block[];
  marks: readonly InlineMark[];
  highlights: readonly Highlight[];
  /** entity mentions in this section */
  mentions?: readonly MentionSpan[];
  /** list markers by block start (numbering runs across sections, so it is computed once) */
  markers: ReadonlyMap<number, string>;
}

export function $buildSection(input: SectionInput): void {
  const root = $getRoot();
  root.clear();
  for (const block of input.blocks) {
    const element = $createBlockElement(block);
    $setState(element, blockState, {
      type: block.type,
      start: block.start,
      end: block.end,
      level: block.type === 'heading' ? 0 : (block.level ?? 0),
      marker: input.markers.get(block.start) ?? null,
    });
    $appendPieces(
      element,
      blockPieces(input.text, block, input.marks, input.highlights, input.mentions),
    );
    root.append(element);
  }
}

function $createBlockElement(block: Block): ElementNode {
  switch (block.type) {
    case 'heading': {
      const level = Math.min(6, Math.max(1, block.level ?? 2));
      return $createHeadingNode(`h${level}` as HeadingTagType);
    }
    case 'quote':
      return $createQuoteNode();
    default:
      // list items, code, table rows and footnotes are paragraphs styled by their block type
      return $createParagraphNode();
  }
}

/**
 * Appends pieces, grouping runs covered by the same claims into one MarkNode and runs with the same
 * link into one LinkNode inside it.
 */
function $appendPieces(block: ElementNode, pieces: Piece[]): void {
  let mark: MarkNode | null = null;
  let markIds: readonly string[] = [];
  let link: LinkNode | null = null;
  let linkHref: string | null = null;
  for (const piece of pieces) {
    if (!sameClaims(piece.claimIds, markIds) || (mark === null && piece.claimIds.length > 0)) {
      mark = piece.claimIds.length > 0 ? $createMarkNode(piece.claimIds) : null;
      markIds = piece.claimIds;
      if (mark) block.append(mark);
      link = null;
      linkHref = null;
    }
    const parent: ElementNode = mark ?? block;
    let node: LexicalNode;
    if (piece.kind === 'break') {
      node = $createLineBreakNode();
      link = null;
      linkHref = null;
    } else {
      const textNode = $createTextNode(piece.text);
      for (const format of piece.formats) textNode.toggleFormat(format);
      if (piece.mentions.length > 0) {
        $setState(textNode, mentionState, piece.mentions);
        // Lexical would merge it into a plain neighbour and lose where the mention ends
        textNode.toggleUnmergeable();
      }
      node = textNode;
      if (piece.href !== null) {
        if (link === null || linkHref !== piece.href) {
          // links are shown, never followed: the reader blocks clicks, the title shows the target
          link = $createLinkNode(piece.href, { title: piece.href, rel: 'noreferrer noopener' });
          linkHref = piece.href;
          parent.append(link);
        }
        link.append(node);
        continue;
      }
      link = null;
      linkHref = null;
    }
    parent.append(node);
  }
}
