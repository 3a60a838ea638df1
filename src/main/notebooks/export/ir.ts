import {
  CLAIM_NODE_TYPE,
  MENTION_NODE_TYPE,
  TEXT_FORMAT,
  type JsonNode,
  type SerializedClaim,
} from '../../../shared/notebook-json';

/**
 * A notebook as the three writers (Markdown, HTML, DOCX) need it: blocks of styled runs, with each
 * embedded claim turned into its quote and a numbered note. Built once from the stored Lexical
 * JSON, so the three formats cannot disagree about what the notebook says or how notes are numbered.
 */

export interface Style {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
  sub?: boolean;
  sup?: boolean;
}

export type Inline =
  | { kind: 'text'; text: string; style: Style }
  | { kind: 'link'; url: string; children: Inline[] }
  | { kind: 'break' }
  /** an embedded claim: its quote, then note number `note` */
  | { kind: 'claim'; quote: string; note: number }
  | { kind: 'mention'; text: string };

export interface ListItem {
  inlines: Inline[];
  /** nested lists */
  lists: ListBlock[];
}

export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  start: number;
  items: ListItem[];
}

export type Block =
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; inlines: Inline[] }
  | { kind: 'quote'; inlines: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'rule' }
  | ListBlock
  | { kind: 'table'; rows: { header: boolean; cells: Inline[][] }[] };

export interface NotebookIr {
  blocks: Block[];
  /** note n (1-based) is notes[n - 1]: which claim it cites, in order of appearance */
  notes: SerializedClaim[];
}

/** Only these schemes become links in an export; anything else stays plain text. */
const SAFE_URL = /^(https?:|mailto:)/i;

/** `quoteOf`: the quote to show for an embedded claim (its live quote; the snapshot by default). */
export function toIr(
  root: JsonNode,
  quoteOf: (claim: SerializedClaim) => string = (claim) => claim.last.quote,
): NotebookIr {
  const notes: SerializedClaim[] = [];

  const styleOf = (format: unknown): Style => {
    const f = typeof format === 'number' ? format : 0;
    const style: Style = {};
    if (f & TEXT_FORMAT.bold) style.bold = true;
    if (f & TEXT_FORMAT.italic) style.italic = true;
    if (f & TEXT_FORMAT.underline) style.underline = true;
    if (f & TEXT_FORMAT.strikethrough) style.strike = true;
    if (f & TEXT_FORMAT.code) style.code = true;
    if (f & TEXT_FORMAT.subscript) style.sub = true;
    if (f & TEXT_FORMAT.superscript) style.sup = true;
    return style;
  };

  const inlines = (node: JsonNode): Inline[] => {
    const out: Inline[] = [];
    for (const child of node.children ?? []) {
      switch (child.type) {
        case 'text':
        case 'code-highlight':
          out.push({ kind: 'text', text: String(child.text ?? ''), style: styleOf(child.format) });
          break;
        case MENTION_NODE_TYPE:
          out.push({ kind: 'mention', text: String(child.text ?? '') });
          break;
        case 'tab':
          out.push({ kind: 'text', text: '\t', style: {} });
          break;
        case 'linebreak':
          out.push({ kind: 'break' });
          break;
        case 'link':
        case 'autolink': {
          const url = typeof child.url === 'string' ? child.url : '';
          const inner = inlines(child);
          if (SAFE_URL.test(url)) out.push({ kind: 'link', url, children: inner });
          else out.push(...inner);
          break;
        }
        case CLAIM_NODE_TYPE: {
          const claim = child as unknown as SerializedClaim;
          notes.push(claim);
          // a quote over paragraphs or pages reads as one run of text inside a sentence
          const quote = quoteOf(claim).replace(/\s*\n\s*/g, ' ');
          out.push({ kind: 'claim', quote, note: notes.length });
          break;
        }
        default:
          // a block where an inline was expected (Lexical does not make these): keep its text
          out.push(...inlines(child));
      }
    }
    return out;
  };

  const list = (node: JsonNode): ListBlock => {
    const items: ListItem[] = [];
    for (const item of node.children ?? []) {
      const nested = (item.children ?? []).filter((c) => c.type === 'list');
      const own = { ...item, children: (item.children ?? []).filter((c) => c.type !== 'list') };
      // Lexical nests a list as a list item holding only the list: attach it to the item before
      if (nested.length > 0 && own.children.length === 0 && items.length > 0) {
        items[items.length - 1]!.lists.push(...nested.map(list));
        continue;
      }
      items.push({ inlines: inlines(own), lists: nested.map(list) });
    }
    const start = typeof node.start === 'number' && node.start > 0 ? node.start : 1;
    return { kind: 'list', ordered: node.listType === 'number', start, items };
  };

  const blocks = (node: JsonNode): Block[] => {
    const out: Block[] = [];
    for (const child of node.children ?? []) {
      switch (child.type) {
        case 'paragraph':
          out.push({ kind: 'paragraph', inlines: inlines(child) });
          break;
        case 'heading': {
          const level = Number(/^h([1-6])$/.exec(String(child.tag))?.[1] ?? 1);
          out.push({ kind: 'heading', level: level as 1, inlines: inlines(child) });
          break;
        }
        case 'quote':
          out.push({ kind: 'quote', inlines: inlines(child) });
          break;
        case 'code':
          out.push({ kind: 'code', text: plain(inlines(child)) });
          break;
        case 'horizontalrule':
          out.push({ kind: 'rule' });
          break;
        case 'list':
          out.push(list(child));
          break;
        case 'table':
          out.push({
            kind: 'table',
            rows: (child.children ?? []).map((row) => ({
              header: (row.children ?? []).some((cell) => Number(cell.headerState) & 1),
              // a cell holds paragraphs: their runs, a line break between them
              cells: (row.children ?? []).map((cell) =>
                (cell.children ?? []).flatMap((p, i) => [
                  ...(i > 0 ? [{ kind: 'break' } as const] : []),
                  ...inlines(p),
                ]),
              ),
            })),
          });
          break;
        default:
          // inline content directly under the root (not made by Lexical): one paragraph
          out.push({
            kind: 'paragraph',
            inlines: inlines({ type: 'paragraph', children: [child] }),
          });
      }
    }
    return out;
  };

  return { blocks: blocks(root), notes };
}

/** The text of runs without styling (code blocks, alt texts). */
export function plain(runs: Inline[]): string {
  return runs
    .map((r) => {
      switch (r.kind) {
        case 'text':
        case 'mention':
          return r.text;
        case 'break':
          return '\n';
        case 'link':
          return plain(r.children);
        case 'claim':
          return `“${r.quote}”`;
      }
    })
    .join('');
}
