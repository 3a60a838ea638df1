import type { ClaimCard } from '../../shared/api-notebooks';
import type { JsonNode } from '../../shared/notebook-json';

/**
 * Lexical editor states for tests, in the exact serialized shapes Lexical 0.52 writes (and our
 * claim and mention nodes export), so the backend is tested on what the editor really sends.
 */
const element = (type: string, children: JsonNode[], extra: Record<string, unknown> = {}) => ({
  type,
  version: 1,
  format: '',
  indent: 0,
  direction: 'ltr',
  children,
  ...extra,
});

export const text = (value: string, format = 0): JsonNode => ({
  type: 'text',
  version: 1,
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
});

export const paragraph = (...children: JsonNode[]) =>
  element('paragraph', children, { textFormat: 0, textStyle: '' });
export const heading = (tag: 'h1' | 'h2' | 'h3', ...children: JsonNode[]) =>
  element('heading', children, { tag });
export const quote = (...children: JsonNode[]) => element('quote', children);
export const link = (url: string, ...children: JsonNode[]) =>
  element('link', children, { url, rel: null, target: null, title: null });
export const listItem = (value: number, ...children: JsonNode[]) =>
  element('listitem', children, { value });
export const list = (listType: 'bullet' | 'number', ...items: JsonNode[]) =>
  element('list', items, { listType, start: 1, tag: listType === 'number' ? 'ol' : 'ul' });
export const table = (...rows: JsonNode[][][]) =>
  element(
    'table',
    rows.map((cells, r) =>
      element(
        'tablerow',
        cells.map((cell) =>
          element('tablecell', [paragraph(...cell)], { headerState: r === 0 ? 1 : 0, colSpan: 1 }),
        ),
      ),
    ),
  );

/** A claim node as the editor embeds it, its snapshot taken from the claim's card. */
export const claimNode = (card: Extract<ClaimCard, { deleted: false }>): JsonNode => ({
  type: 'claim',
  version: 1,
  claimId: card.id,
  last: {
    documentId: card.documentId,
    statement: card.statement,
    quote: card.quote,
    documentTitle: card.documentTitle,
    pages: card.pages,
  },
});

export const mention = (entityId: string, name: string): JsonNode => ({
  type: 'entity-mention',
  version: 1,
  entityId,
  text: `@${name}`,
  format: 0,
  detail: 0,
  mode: 'segmented',
  style: '',
});

export const editorState = (...blocks: JsonNode[]) =>
  JSON.stringify({ root: element('root', blocks) });
