/**
 * Markdown (CommonMark + GFM) → canonical text + structure, via mdast-util-from-markdown.
 *
 * - headings → heading (level); paragraphs → paragraph; blockquote → quote (one block per
 *   paragraph); fenced/indented code → code; thematic breaks are dropped.
 * - lists → one `list-item` block per item, `level` = nesting depth (1 = top), `ordered` from the
 *   list. An item's paragraphs are joined with "\n" inside that one block (so one bullet stays one
 *   block); a nested list ends the item's block and its items follow at level + 1; any text of
 *   the item after a nested list becomes a further list-item block at the item's level. Task list
 *   items keep their box as "[ ] " / "[x] ".
 * - GFM tables → one `table-row` block per row (header row included), cells separated by "\t".
 * - GFM footnotes: a reference `[^1]` becomes its label "1" with a superscript mark; definitions
 *   become `footnote` blocks at the end of the text, in definition order, as "1 text" with a
 *   superscript mark over the label (several paragraphs are joined with "\n").
 * - emphasis, strong, inline code, links (http/https/mailto only), strikethrough → marks.
 * - raw HTML is never live: inline `<sup>`/`<sub>`/`<em>`/`<b>`/`<code>`/`<del>`/`<a href>` give
 *   marks, `<br>` gives "\n", other tags are dropped and their text kept (script/style text is
 *   dropped); HTML blocks go through the HTML importer's text-only walker.
 * - images are dropped (no alt text, nothing is loaded); link reference definitions are dropped.
 * - a paragraph that opens with a superscript number (`<sup>1</sup> The law…`, as in converted
 *   reports) becomes a `footnote` block where it stands (see StructureBuilder).
 * - soft line breaks become spaces; hard breaks (two trailing spaces, backslash, `<br>`) "\n".
 *
 * - YAML front matter (a `---` … `---` block at the very top) is metadata, not body text: its fields
 *   become the source's (metadata/front-matter.ts, each found "from front matter") and it is left
 *   out of the canonical text, which — as for all Markdown — is the rendered text, not the file's
 *   characters; claim positions are positions in that text, so they stay exact. A block that is not
 *   valid YAML (or not a set of fields) gives no metadata and a warning, and is kept as a `code`
 *   block where it stands, so nothing the file says is hidden.
 *
 * Title: the front matter's, else the first level-1 or level-2 heading, else the first heading,
 * else the first block.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import type { FootnoteDefinition, Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { addFound, emptyFound } from '../../shared/csl';
import type { ImportedText } from '../../shared/model';
import { frontMatterFound, type FrontMatter } from '../metadata/front-matter';
import { decodeText } from './decode';
import { ImportError } from './errors';
import { appendHtml, parseHtmlFragment } from './html';
import {
  headingTitle,
  safeHref,
  structuralTitle,
  StructureBuilder,
  withNestingGuard,
  type BlockSpec,
  type MarkType,
} from './structure';

interface Ctx {
  block: BlockSpec;
  /** paragraphs join the open block with "\n" (list items, footnotes) */
  join: boolean;
  listDepth: number;
}

/** Raw inline HTML tags still open in the current phrasing container. */
interface InlineHtmlState {
  stack: { name: string; handle: number | null; suppress: boolean }[];
  suppress: number;
}

const HTML_MARKS: Record<string, MarkType> = {
  sup: 'superscript',
  sub: 'subscript',
  em: 'emphasis',
  i: 'emphasis',
  strong: 'strong',
  b: 'strong',
  code: 'code',
  kbd: 'code',
  tt: 'code',
  del: 'strikethrough',
  s: 'strikethrough',
  strike: 'strikethrough',
};

/** Raw inline elements whose text is not readable content. */
const HTML_SUPPRESSED = new Set(['script', 'style', 'template', 'noscript', 'textarea', 'title']);

const HTML_VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

export function importMarkdown(bytes: Uint8Array): ImportedText {
  return importMarkdownString(decodeText(bytes));
}

/** The Markdown importer on an already decoded string. */
export function importMarkdownString(source: string): ImportedText {
  return withNestingGuard(() => convert(source));
}

function convert(source: string): ImportedText {
  const tree = fromMarkdown(source, {
    extensions: [frontmatter(['yaml']), gfm()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmFromMarkdown()],
  });
  const head = tree.children[0];
  const matter: FrontMatter | null = head?.type === 'yaml' ? frontMatterFound(head.value) : null;
  // unreadable metadata stays visible, exactly as written, fences included; so does the front
  // matter of a file that has nothing else (its only text is never refused as empty)
  const raw =
    head?.type === 'yaml'
      ? source.slice(head.position?.start.offset ?? 0, head.position?.end.offset ?? 0) || head.value
      : null;
  const build = (keepRaw: boolean): ImportedText => {
    const builder = new StructureBuilder();
    const walker = new MarkdownWalker(builder, tree);
    if (keepRaw && raw) {
      builder.startBlock({ type: 'code' });
      builder.text(raw, { type: 'code' });
      builder.endBlock();
    }
    walker.flow(tree.children, { block: { type: 'paragraph' }, join: false, listDepth: 0 });
    walker.footnoteBlocks();
    return builder.finish({}, matter?.warning ? [matter.warning] : []);
  };
  let keepRaw = !!matter?.warning;
  let result: ImportedText;
  try {
    result = build(keepRaw);
  } catch (error) {
    if (!(error instanceof ImportError && error.code === 'empty' && raw && !keepRaw)) throw error;
    keepRaw = true;
    result = build(true);
  }
  // the kept front matter is not the title of last resort
  const titled = keepRaw ? { ...result, blocks: result.blocks.slice(1) } : result;
  const found = matter?.found ?? emptyFound();
  addFound(found, 'title', headingTitle(titled, 2) ?? headingTitle(titled), 'the first heading');
  if (Object.keys(found.csl).length > 0) result.found = found;
  const title = structuralTitle(titled, 2);
  if (title) result.meta.title = title;
  return result;
}

class MarkdownWalker {
  private readonly definitions = new Map<string, string>();
  private readonly footnotes: FootnoteDefinition[] = [];

  constructor(
    private readonly b: StructureBuilder,
    tree: Root,
  ) {
    const collect = (node: Nodes): void => {
      if (node.type === 'definition') {
        if (!this.definitions.has(node.identifier)) this.definitions.set(node.identifier, node.url);
      } else if (node.type === 'footnoteDefinition') {
        this.footnotes.push(node);
      }
      if ('children' in node) for (const child of node.children) collect(child);
    };
    collect(tree);
  }

  flow(children: RootContent[], ctx: Ctx): void {
    for (const child of children) this.block(child, ctx);
  }

  private block(node: RootContent, ctx: Ctx): void {
    const b = this.b;
    switch (node.type) {
      case 'paragraph':
        if (ctx.join) {
          if (b.hasContent()) b.lineBreak();
          b.ensureBlock(ctx.block);
          this.phrasing(node.children, ctx);
        } else {
          b.startBlock(ctx.block);
          this.phrasing(node.children, ctx);
          b.endBlock();
        }
        return;
      case 'heading':
        b.startBlock({ type: 'heading', level: node.depth });
        this.phrasing(node.children, ctx);
        b.endBlock();
        return;
      case 'thematicBreak':
        b.endBlock();
        return;
      case 'blockquote':
        b.endBlock();
        this.flow(node.children, { ...ctx, block: { type: 'quote' }, join: false });
        b.endBlock();
        return;
      case 'list': {
        b.endBlock();
        const depth = ctx.listDepth + 1;
        const spec: BlockSpec = { type: 'list-item', level: depth, ordered: !!node.ordered };
        for (const item of node.children) {
          b.startBlock(spec);
          const inner: Ctx = { block: spec, join: true, listDepth: depth };
          if (typeof item.checked === 'boolean') {
            b.text(item.checked ? '[x] ' : '[ ] ', spec);
            this.continueLine(item.children, inner);
          } else {
            this.flow(item.children, inner);
          }
          b.endBlock();
        }
        return;
      }
      case 'code':
        b.startBlock({ type: 'code' });
        b.text(node.value, { type: 'code' });
        b.endBlock();
        return;
      case 'html':
        if (!ctx.join) b.endBlock();
        appendHtml(b, parseHtmlFragment(node.value), {
          block: ctx.block,
          join: ctx.join,
          listDepth: ctx.listDepth,
        });
        if (!ctx.join) b.endBlock();
        return;
      case 'table':
        b.endBlock();
        for (const row of node.children) {
          b.startBlock({ type: 'table-row' });
          row.children.forEach((cell, i) => {
            if (i > 0) b.cell();
            this.phrasing(cell.children, { ...ctx, block: { type: 'table-row' } });
          });
          b.endBlock();
        }
        return;
      case 'definition':
      case 'footnoteDefinition':
      case 'yaml':
        return;
      default:
        // anything else with children (extensions): walk as flow or phrasing
        if ('children' in node) {
          this.flow((node as Parent).children as RootContent[], ctx);
        }
    }
  }

  /** Flow content whose first paragraph continues the current line (after a label or a box). */
  private continueLine(children: RootContent[], ctx: Ctx): void {
    const [first, ...rest] = children;
    if (first?.type === 'paragraph') {
      this.phrasing(first.children, ctx);
      this.flow(rest, ctx);
    } else {
      this.flow(children, ctx);
    }
  }

  /** GFM footnote definitions, as footnote blocks at the end. */
  footnoteBlocks(): void {
    const b = this.b;
    for (const def of this.footnotes) {
      const spec: BlockSpec = { type: 'footnote' };
      b.startBlock(spec);
      const h = b.openMark('superscript');
      b.text(def.label ?? def.identifier, spec);
      b.closeMark(h);
      b.text(' ', spec);
      this.continueLine(def.children as RootContent[], { block: spec, join: true, listDepth: 0 });
      b.endBlock();
    }
  }

  private phrasing(children: PhrasingContent[], ctx: Ctx): void {
    const state: InlineHtmlState = { stack: [], suppress: 0 };
    for (const child of children) this.inline(child, ctx, state);
    for (const open of state.stack.reverse()) {
      if (open.handle !== null) this.b.closeMark(open.handle);
    }
  }

  private inline(node: PhrasingContent, ctx: Ctx, state: InlineHtmlState): void {
    const b = this.b;
    const children = (nodes: PhrasingContent[]): void => {
      for (const child of nodes) this.inline(child, ctx, state);
    };
    const marked = (type: MarkType, nodes: PhrasingContent[], href?: string): void => {
      const h = b.openMark(type, href);
      children(nodes);
      b.closeMark(h);
    };
    switch (node.type) {
      case 'text':
        if (state.suppress === 0) b.text(node.value.replace(/[\n\u00a0]/g, ' '), ctx.block);
        return;
      case 'emphasis':
        return marked('emphasis', node.children);
      case 'strong':
        return marked('strong', node.children);
      case 'delete':
        return marked('strikethrough', node.children);
      case 'inlineCode': {
        const h = b.openMark('code');
        b.text(node.value.replace(/\n/g, ' '), ctx.block);
        b.closeMark(h);
        return;
      }
      case 'break':
        b.lineBreak();
        return;
      case 'link': {
        const href = safeHref(node.url);
        return href ? marked('link', node.children, href) : children(node.children);
      }
      case 'linkReference': {
        const href = safeHref(this.definitions.get(node.identifier));
        return href ? marked('link', node.children, href) : children(node.children);
      }
      case 'footnoteReference': {
        const h = b.openMark('superscript');
        b.text(node.label ?? node.identifier, ctx.block);
        b.closeMark(h);
        return;
      }
      case 'image':
      case 'imageReference':
        return;
      case 'html':
        this.inlineHtml(node.value, state);
        return;
      default:
        if ('children' in node) children((node as Parent).children as PhrasingContent[]);
    }
  }

  /** One raw inline tag (micromark gives each tag, comment or declaration as its own node). */
  private inlineHtml(value: string, state: InlineHtmlState): void {
    const b = this.b;
    const tag = value.trim();
    const close = /^<\/\s*([a-zA-Z][\w:-]*)\s*>$/.exec(tag);
    if (close) {
      const name = (close[1] as string).toLowerCase();
      const idx = state.stack.map((e) => e.name).lastIndexOf(name);
      if (idx < 0) return;
      while (state.stack.length > idx) {
        const open = state.stack.pop();
        if (!open) break;
        if (open.handle !== null) b.closeMark(open.handle);
        if (open.suppress) state.suppress--;
      }
      return;
    }
    const open = /^<([a-zA-Z][\w:-]*)/.exec(tag);
    if (!open) return; // comment, declaration, processing instruction, CDATA
    const name = (open[1] as string).toLowerCase();
    if (name === 'br') {
      b.lineBreak();
      return;
    }
    if (HTML_VOID.has(name) || /\/\s*>$/.test(tag)) return;
    let handle: number | null = null;
    let suppress = false;
    const mark = HTML_MARKS[name];
    if (mark) {
      handle = b.openMark(mark);
    } else if (name === 'a') {
      const el = parseHtmlFragment(tag).childNodes[0];
      const raw = el && 'attrs' in el ? el.attrs.find((a) => a.name === 'href')?.value : undefined;
      const href = safeHref(raw);
      if (href) handle = b.openMark('link', href);
    } else if (HTML_SUPPRESSED.has(name)) {
      suppress = true;
      state.suppress++;
    }
    state.stack.push({ name, handle, suppress });
  }
}
