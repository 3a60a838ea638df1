import {
  $applyNodeReplacement,
  DecoratorNode,
  type DOMConversionMap,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import type { ClaimId } from '../../../../shared/model';
import {
  CLAIM_NODE_TYPE,
  type ClaimSnapshot,
  type SerializedClaim,
} from '../../../../shared/notebook-json';
import { liveClaimCard, renderClaimCard } from './claimCardDom';

export type SerializedClaimNode = Spread<Omit<SerializedClaim, 'version'>, SerializedLexicalNode>;

/**
 * A claim embedded in a notebook: an inline card that shows the claim as it is now (ClaimCardsPlugin
 * draws the live claim into it, so it follows edits) and remembers the last state it showed, so a
 * claim deleted later still shows its last quote, marked as deleted, and still cites its source.
 * The id, not the node, is the claim: one claim may be embedded many times.
 *
 * A decorator without a framework view (decorate() is null): the card is plain DOM drawn by
 * renderClaimCard, because a React portal per card made a notebook of a thousand claims slow to
 * open.
 */
export class ClaimNode extends DecoratorNode<null> {
  __claimId: ClaimId;
  __last: ClaimSnapshot;

  static override getType(): string {
    return CLAIM_NODE_TYPE;
  }

  static override clone(node: ClaimNode): ClaimNode {
    return new ClaimNode(node.__claimId, node.__last, node.__key);
  }

  constructor(claimId: ClaimId, last: ClaimSnapshot, key?: NodeKey) {
    super(key);
    this.__claimId = claimId;
    this.__last = last;
  }

  static override importJSON(json: SerializedClaimNode): ClaimNode {
    return $createClaimNode(json.claimId, json.last).updateFromJSON(json);
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedClaimNode>): this {
    return super.updateFromJSON(json);
  }

  override exportJSON(): SerializedClaimNode {
    return {
      ...super.exportJSON(),
      type: CLAIM_NODE_TYPE,
      version: 1,
      claimId: this.__claimId,
      last: this.__last,
    };
  }

  /** Copy and paste between notebooks (and into other apps) carries the claim id with the quote. */
  override exportDOM(): DOMExportOutput {
    const q = document.createElement('q');
    q.dataset.claimId = this.__claimId;
    q.dataset.claimLast = JSON.stringify(this.__last);
    q.textContent = this.__last.quote;
    q.title = [this.__last.documentTitle, this.__last.pages && `p. ${this.__last.pages}`]
      .filter(Boolean)
      .join(', ');
    return { element: q };
  }

  static override importDOM(): DOMConversionMap | null {
    return {
      q: (element: HTMLElement) => {
        const id = element.dataset.claimId;
        const last = element.dataset.claimLast;
        if (!id || !last) return null;
        return {
          priority: 2,
          conversion: () => {
            try {
              return { node: $createClaimNode(id as ClaimId, JSON.parse(last) as ClaimSnapshot) };
            } catch {
              return { node: null };
            }
          },
        };
      },
    };
  }

  override createDOM(_config: EditorConfig, editor: LexicalEditor): HTMLElement {
    const span = document.createElement('span');
    // the live claim where its card is known, else the snapshot marked as loading
    const card = liveClaimCard(editor, this.__claimId);
    renderClaimCard(span, { claimId: this.__claimId, last: this.__last, card });
    return span;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): boolean {
    return true;
  }

  override getTextContent(): string {
    return `“${this.__last.quote}”`;
  }

  getClaimId(): ClaimId {
    return this.getLatest().__claimId;
  }

  getLast(): ClaimSnapshot {
    return this.getLatest().__last;
  }

  /** Records what the card showed last (called when the live claim differs). */
  setLast(last: ClaimSnapshot): this {
    const writable = this.getWritable();
    writable.__last = last;
    return writable;
  }

  override decorate(): null {
    return null;
  }
}

export function $createClaimNode(claimId: ClaimId, last: ClaimSnapshot): ClaimNode {
  return $applyNodeReplacement(new ClaimNode(claimId, last));
}

export function $isClaimNode(node: LexicalNode | null | undefined): node is ClaimNode {
  return node instanceof ClaimNode;
}
