/**
 * A notebook's content is Lexical's serialized editor state (`editor.getEditorState().toJSON()`),
 * stored as is. This module is what the backend knows of it, without Lexical: which node types may
 * appear, the shape of our own nodes (claim, entity mention), a check that refuses anything else,
 * and walks for plain text (search) and the claims a notebook embeds. The renderer's node classes
 * (src/renderer/src/editor/notebook/) export exactly these shapes.
 */
import type { ClaimId, DocumentId, EntityId } from './model';

export const CLAIM_NODE_TYPE = 'claim';
export const MENTION_NODE_TYPE = 'entity-mention';

/** What a claim node remembers of its claim, so a deleted claim still shows its last quote. */
export interface ClaimSnapshot {
  /** the claim's document, so a deleted claim can still cite its source */
  documentId: DocumentId;
  statement: string;
  quote: string;
  documentTitle: string;
  /** page label or range ("12", "12–13"), null for documents without pages */
  pages: string | null;
}

export interface SerializedClaim {
  type: typeof CLAIM_NODE_TYPE;
  version: 1;
  claimId: ClaimId;
  last: ClaimSnapshot;
}

export interface SerializedMention {
  type: typeof MENTION_NODE_TYPE;
  version: 1;
  entityId: EntityId;
  text: string;
  format: number;
  detail: number;
  mode: string;
  style: string;
}

/** Lexical's own node types used by the notebook editor, plus ours. */
export const NOTEBOOK_NODE_TYPES = [
  'root',
  'paragraph',
  'text',
  'linebreak',
  'tab',
  'heading',
  'quote',
  'list',
  'listitem',
  'link',
  'autolink',
  'table',
  'tablerow',
  'tablecell',
  'code',
  'code-highlight',
  'horizontalrule',
  CLAIM_NODE_TYPE,
  MENTION_NODE_TYPE,
] as const;

/** Lexical's text format bits (lexical/src/LexicalConstants.ts). */
export const TEXT_FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
} as const;

/** A serialized node as far as the walks need it; every field is checked before use. */
export interface JsonNode {
  type: string;
  children?: JsonNode[];
  [key: string]: unknown;
}

/** Deeper nesting than any real notebook (lists in quotes in tables): refused as hostile. */
const MAX_DEPTH = 64;
const ID = /^(clm|ent)_[0-9a-f]{8,64}$/;
const KNOWN = new Set<string>(NOTEBOOK_NODE_TYPES);

/** A notebook's content as parseNotebookContent returns it: checked, ready for the editor. */
export interface NotebookContent {
  root: JsonNode;
}

/**
 * Parses and checks stored or submitted content. Throws an Error whose message says what is wrong
 * (the caller turns it into an invalid_input answer); never returns a half-checked tree.
 */
export function parseNotebookContent(json: string): NotebookContent {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('the content is not valid JSON');
  }
  const root = (value as { root?: unknown } | null)?.root;
  if (!isNode(root) || root.type !== 'root') {
    throw new Error('the content is not a Lexical editor state (no "root" node)');
  }
  const stack: [JsonNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) throw new Error(`the content is nested deeper than ${MAX_DEPTH} levels`);
    if (!KNOWN.has(node.type))
      throw new Error(`the content has an unknown node type "${node.type}"`);
    checkOwnNode(node);
    if (node.children !== undefined) {
      if (!Array.isArray(node.children))
        throw new Error(`a ${node.type} node's children are not a list`);
      for (const child of node.children) {
        if (!isNode(child)) throw new Error(`a ${node.type} node has a child that is not a node`);
        stack.push([child, depth + 1]);
      }
    }
  }
  return { root };
}

function isNode(value: unknown): value is JsonNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}

function checkOwnNode(node: JsonNode): void {
  if (node.type === CLAIM_NODE_TYPE) {
    const last = node.last as Partial<ClaimSnapshot> | undefined;
    if (
      typeof node.claimId !== 'string' ||
      !ID.test(node.claimId) ||
      !node.claimId.startsWith('clm_')
    )
      throw new Error('a claim node has no valid claim id');
    if (
      !last ||
      typeof last.documentId !== 'string' ||
      typeof last.statement !== 'string' ||
      typeof last.quote !== 'string' ||
      typeof last.documentTitle !== 'string' ||
      !(last.pages === null || typeof last.pages === 'string')
    )
      throw new Error(`claim node ${node.claimId} has no complete "last" snapshot`);
  } else if (node.type === MENTION_NODE_TYPE) {
    if (
      typeof node.entityId !== 'string' ||
      !ID.test(node.entityId) ||
      !node.entityId.startsWith('ent_')
    )
      throw new Error('an entity mention has no valid entity id');
  }
  if (node.text !== undefined && typeof node.text !== 'string')
    throw new Error(`a ${node.type} node's text is not a string`);
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'listitem', 'code', 'tablecell']);

/** Visits every node in document order (depth first), iteratively. */
export function walkNodes(root: JsonNode, visit: (node: JsonNode) => void): void {
  const stack: JsonNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    const children = node.children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** The text a researcher wrote (blocks on their own lines), for the full-text index. */
export function notebookPlainText(root: JsonNode): string {
  const lines: string[] = [];
  const block = (node: JsonNode): string => {
    let out = '';
    for (const child of node.children ?? []) {
      if (
        BLOCK_TYPES.has(child.type) ||
        child.type === 'list' ||
        child.type === 'table' ||
        child.type === 'tablerow'
      ) {
        flush(child);
      } else if (typeof child.text === 'string') out += child.text;
      else if (child.type === 'linebreak') out += '\n';
      else if (child.type === 'tab') out += '\t';
      else if (child.children) out += block(child);
    }
    return out;
  };
  const flush = (node: JsonNode) => {
    const text = block(node);
    if (text.trim() !== '') lines.push(text);
  };
  flush(root);
  return lines.join('\n');
}

/** The claims a notebook embeds, each once, in order of first appearance. */
export function embeddedClaims(root: JsonNode): SerializedClaim[] {
  const seen = new Map<string, SerializedClaim>();
  walkNodes(root, (node) => {
    if (node.type === CLAIM_NODE_TYPE && !seen.has(node.claimId as string))
      seen.set(node.claimId as string, node as unknown as SerializedClaim);
  });
  return [...seen.values()];
}

/** An empty notebook: one empty paragraph, as Lexical itself creates it. */
export function emptyNotebookContent(): string {
  return JSON.stringify({
    root: {
      type: 'root',
      version: 1,
      format: '',
      indent: 0,
      direction: null,
      children: [
        {
          type: 'paragraph',
          version: 1,
          format: '',
          indent: 0,
          direction: null,
          textFormat: 0,
          textStyle: '',
          children: [],
        },
      ],
    },
  });
}
