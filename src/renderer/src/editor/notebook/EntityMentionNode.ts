import {
  $applyNodeReplacement,
  TextNode,
  type DOMConversionMap,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedTextNode,
  type Spread,
} from 'lexical';
import type { EntityId } from '../../../../shared/model';
import { MENTION_NODE_TYPE } from '../../../../shared/notebook-json';

export type SerializedEntityMentionNode = Spread<
  { type: typeof MENTION_NODE_TYPE; entityId: EntityId },
  SerializedTextNode
>;

/**
 * "@Khalimov": a mention of an entity, one segmented token (Backspace removes it word by word, as
 * the playground's MentionNode), linking to the entity's page. It keeps the name as typed when it
 * was inserted; the link is the id.
 */
export class EntityMentionNode extends TextNode {
  __entityId: EntityId;

  static override getType(): string {
    return MENTION_NODE_TYPE;
  }

  static override clone(node: EntityMentionNode): EntityMentionNode {
    return new EntityMentionNode(node.__entityId, node.__text, node.__key);
  }

  constructor(entityId: EntityId, text: string, key?: NodeKey) {
    super(text, key);
    this.__entityId = entityId;
  }

  static override importJSON(json: SerializedEntityMentionNode): EntityMentionNode {
    return $createEntityMentionNode(json.entityId, json.text).updateFromJSON(json);
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedEntityMentionNode>): this {
    return super.updateFromJSON(json);
  }

  override exportJSON(): SerializedEntityMentionNode {
    return { ...super.exportJSON(), type: MENTION_NODE_TYPE, entityId: this.__entityId };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    dom.classList.add('nb-mention');
    dom.dataset.entityId = this.__entityId;
    dom.title = 'Ctrl+click opens the entity page';
    return dom;
  }

  override exportDOM(): DOMExportOutput {
    const span = document.createElement('span');
    span.dataset.entityId = this.__entityId;
    span.className = 'nb-mention';
    span.textContent = this.__text;
    return { element: span };
  }

  static override importDOM(): DOMConversionMap | null {
    return {
      span: (element: HTMLElement) =>
        element.dataset.entityId && element.classList.contains('nb-mention')
          ? {
              priority: 1,
              conversion: () => ({
                node: $createEntityMentionNode(
                  element.dataset.entityId as EntityId,
                  element.textContent ?? '',
                ),
              }),
            }
          : null,
    };
  }

  getEntityId(): EntityId {
    return this.getLatest().__entityId;
  }

  override isTextEntity(): true {
    return true;
  }

  override canInsertTextBefore(): boolean {
    return false;
  }

  override canInsertTextAfter(): boolean {
    return false;
  }
}

export function $createEntityMentionNode(entityId: EntityId, text: string): EntityMentionNode {
  const node = new EntityMentionNode(entityId, text);
  node.setMode('segmented').toggleDirectionless();
  return $applyNodeReplacement(node);
}

export function $isEntityMentionNode(
  node: LexicalNode | null | undefined,
): node is EntityMentionNode {
  return node instanceof EntityMentionNode;
}
