/**
 * HTML → canonical text + structure, with parse5 as a pure parser: nothing is executed, fetched or
 * rendered; only text nodes are read, so script, event handlers and remote resources are inert.
 *
 * The DOM-to-structure walk (`appendHtml`) is shared with the DOCX importer (mammoth's HTML) and
 * the Markdown importer (raw HTML blocks).
 *
 * Readable content: the longest `<article>` if it holds a fair share of the page's text, else
 * `<main>`, else `<body>`. Site chrome and non-text elements are dropped (see DROPPED); `header`
 * and `footer` are dropped unless they are inside an `<article>` (where they hold the headline and
 * byline). Elements marked `hidden`, `aria-hidden="true"` or `style="display:none"` are dropped.
 *
 * Mapping: h1–h6 → heading; p, div and other block containers → paragraph (or the surrounding
 * quote / list item); ul/ol/li → list-item with nesting depth; blockquote → quote; pre → code;
 * tr → table-row with cells separated by "\t"; br → "\n"; em/i, strong/b, code/kbd/samp/tt, a,
 * sup, sub, del/s/strike → marks. Links keep only absolute http(s)/mailto targets (relative ones
 * are resolved against `<base>`/canonical URL when known). Images are dropped (alt text too).
 * Inside a list item, paragraphs join with "\n" so one item stays one block.
 */
import { parse, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import type { DocumentMeta, ImportedText } from '../../shared/model';
import { decodeText } from './decode';
import {
  normalizeDate,
  safeHref,
  shortTitle,
  structuralTitle,
  StructureBuilder,
  withNestingGuard,
  type BlockSpec,
  type MarkType,
} from './structure';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;
type TextNode = DefaultTreeAdapterTypes.TextNode;

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** Never read: non-text content, executable content, site chrome, form controls. */
const DROPPED = new Set([
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'canvas',
  'img',
  'picture',
  'video',
  'audio',
  'source',
  'track',
  'map',
  'area',
  'nav',
  'form',
  'button',
  'input',
  'select',
  'option',
  'optgroup',
  'textarea',
  'datalist',
  'meta',
  'link',
  'base',
  'param',
  'dialog',
]);

/** Chrome unless inside an article. */
const CHROME = new Set(['header', 'footer']);

/** Containers whose content starts and ends a block. */
const BLOCKS = new Set([
  'html',
  'body',
  'p',
  'div',
  'section',
  'article',
  'main',
  'aside',
  'address',
  'figure',
  'figcaption',
  'dl',
  'dt',
  'dd',
  'details',
  'summary',
  'center',
  'hgroup',
  'fieldset',
  'legend',
  'caption',
  'search',
  'header',
  'footer',
]);

const MARKS: Record<string, MarkType> = {
  em: 'emphasis',
  i: 'emphasis',
  strong: 'strong',
  b: 'strong',
  code: 'code',
  kbd: 'code',
  samp: 'code',
  tt: 'code',
  sup: 'superscript',
  sub: 'subscript',
  del: 'strikethrough',
  s: 'strikethrough',
  strike: 'strikethrough',
};

const ROLE_CHROME = new Set(['navigation', 'banner', 'contentinfo', 'search']);

export interface HtmlWalkOptions {
  /** The kind of block loose text opens (default: paragraph). */
  block?: BlockSpec;
  /** Paragraphs join into the current block with "\n" (inside list items). */
  join?: boolean;
  /** Current list nesting depth. */
  listDepth?: number;
  /** Resolve relative links against this absolute URL. */
  baseUrl?: string | null;
  /** The root is (inside) an article: keep its header/footer. */
  inArticle?: boolean;
  /** mammoth output: footnote/endnote lists become footnote blocks, back-links are dropped. */
  docxNotes?: boolean;
}

interface Ctx {
  block: BlockSpec;
  join: boolean;
  /** inside a heading, table cell or pre: nested blocks do not break the current block */
  flat: boolean;
  pre: boolean;
  listDepth: number;
  ordered: boolean;
  inArticle: boolean;
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function isText(node: Node): node is TextNode {
  return node.nodeName === '#text';
}

function attr(el: Element, name: string): string | null {
  for (const a of el.attrs) if (a.name === name) return a.value;
  return null;
}

function childrenOf(node: Node): Node[] {
  return 'childNodes' in node ? node.childNodes : [];
}

function isHidden(el: Element): boolean {
  if (attr(el, 'hidden') !== null) return true;
  if (attr(el, 'aria-hidden')?.trim().toLowerCase() === 'true') return true;
  const role = attr(el, 'role')?.trim().toLowerCase();
  if (role && ROLE_CHROME.has(role)) return true;
  const style = attr(el, 'style');
  return !!style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i.test(style);
}

/** Browser-like whitespace for normal flow text; NBSP becomes a space; soft hyphens vanish. */
function flowText(s: string): string {
  return s.replace(/[\t\n\r\f \u00a0]+/g, ' ').replace(/\u00ad/g, '');
}

class HtmlWalker {
  private noteCount = 0;

  constructor(
    private readonly b: StructureBuilder,
    private readonly opts: HtmlWalkOptions,
  ) {}

  children(node: Node, ctx: Ctx): void {
    for (const child of childrenOf(node)) this.node(child, ctx);
  }

  node(node: Node, ctx: Ctx): void {
    if (isText(node)) {
      this.b.text(ctx.pre ? node.value : flowText(node.value), ctx.block);
      return;
    }
    if (!isElement(node)) {
      // document, fragment: walk; comments, doctype: nothing
      if (node.nodeName === '#document' || node.nodeName === '#document-fragment') {
        this.children(node, ctx);
      }
      return;
    }
    if (node.namespaceURI !== HTML_NS) return; // svg, MathML
    const tag = node.tagName;
    if (DROPPED.has(tag) || isHidden(node)) return;
    if (CHROME.has(tag) && !ctx.inArticle) return;
    const b = this.b;

    if (/^h[1-6]$/.test(tag)) {
      if (ctx.flat) return this.spaced(node, ctx);
      b.startBlock({ type: 'heading', level: Number(tag[1]) });
      this.children(node, { ...ctx, flat: true });
      b.endBlock();
      return;
    }

    switch (tag) {
      case 'br':
        if (ctx.pre) b.text('\n', ctx.block);
        else b.lineBreak();
        return;
      case 'hr':
        if (!ctx.flat) b.endBlock();
        else b.text(' ');
        return;
      case 'wbr':
        return;
      case 'ul':
      case 'ol':
      case 'menu': {
        if (ctx.flat) return this.spaced(node, ctx);
        const depth = ctx.listDepth + 1;
        const ordered = tag === 'ol';
        b.endBlock();
        this.children(node, {
          ...ctx,
          listDepth: depth,
          ordered,
          join: true,
          block: { type: 'list-item', level: depth, ordered },
        });
        b.endBlock();
        return;
      }
      case 'li':
        return this.listItem(node, ctx);
      case 'blockquote':
        if (ctx.flat) return this.spaced(node, ctx);
        b.endBlock();
        this.children(node, { ...ctx, block: { type: 'quote' }, join: false });
        b.endBlock();
        return;
      case 'pre':
      case 'listing':
      case 'xmp':
      case 'plaintext':
        if (ctx.flat) return this.spaced(node, ctx);
        b.startBlock({ type: 'code' });
        this.children(node, { ...ctx, pre: true, flat: true, block: { type: 'code' } });
        b.endBlock();
        return;
      case 'table':
      case 'thead':
      case 'tbody':
      case 'tfoot':
        if (ctx.flat) return this.spaced(node, ctx);
        b.endBlock();
        this.children(node, ctx);
        b.endBlock();
        return;
      case 'colgroup':
      case 'col':
        return;
      case 'tr':
        return this.tableRow(node, ctx);
      case 'td':
      case 'th':
        return this.spaced(node, { ...ctx, flat: true });
      case 'a':
        return this.anchor(node, ctx);
    }

    const mark = MARKS[tag];
    if (mark && !(mark === 'code' && ctx.pre)) {
      const h = b.openMark(mark);
      this.children(node, ctx);
      b.closeMark(h);
      return;
    }

    if (BLOCKS.has(tag)) {
      const inner = tag === 'article' ? { ...ctx, inArticle: true } : ctx;
      return this.paragraphLike(node, inner);
    }
    // span, font, u, small, abbr, time, custom elements, unknown tags: their text, inline
    this.children(node, ctx);
  }

  /** Block-level container: its own block(s), a line inside a list item, or spaces when flat. */
  private paragraphLike(el: Element, ctx: Ctx): void {
    const b = this.b;
    if (ctx.flat) return this.spaced(el, ctx);
    if (ctx.join) {
      if (b.hasContent()) b.lineBreak();
      this.children(el, ctx);
      b.lineBreak();
      return;
    }
    b.endBlock();
    this.children(el, ctx);
    b.endBlock();
  }

  private spaced(el: Element, ctx: Ctx): void {
    this.b.text(' ');
    this.children(el, ctx);
    this.b.text(' ');
  }

  private listItem(el: Element, ctx: Ctx): void {
    const b = this.b;
    if (ctx.flat) return this.spaced(el, ctx);
    const id = attr(el, 'id') ?? '';
    if (this.opts.docxNotes && /^(?:foot|end)note-/.test(id)) {
      const spec: BlockSpec = { type: 'footnote' };
      b.startBlock(spec);
      const h = b.openMark('superscript');
      b.text(String(++this.noteCount));
      b.closeMark(h);
      b.text(' ');
      // the first paragraph continues the label's line
      const inner: Ctx = { ...ctx, block: spec, join: true };
      let first = true;
      for (const child of childrenOf(el)) {
        if (first && isElement(child) && child.tagName === 'p') {
          this.children(child, inner);
          b.lineBreak();
          first = false;
        } else {
          if (isElement(child)) first = false;
          this.node(child, inner);
        }
      }
      b.endBlock();
      return;
    }
    const spec: BlockSpec = {
      type: 'list-item',
      level: Math.max(ctx.listDepth, 1),
      ordered: ctx.ordered,
    };
    b.startBlock(spec);
    this.children(el, { ...ctx, block: spec, join: true });
    b.endBlock();
  }

  private tableRow(el: Element, ctx: Ctx): void {
    const b = this.b;
    if (ctx.flat) return this.spaced(el, ctx);
    const spec: BlockSpec = { type: 'table-row' };
    b.startBlock(spec);
    const inner: Ctx = { ...ctx, flat: true, pre: false, join: false, block: spec };
    let first = true;
    for (const child of childrenOf(el)) {
      if (!isElement(child)) continue; // whitespace between cells
      if (child.tagName === 'td' || child.tagName === 'th') {
        if (!first) b.cell();
        first = false;
        this.children(child, inner);
      } else {
        this.node(child, inner);
      }
    }
    b.endBlock();
  }

  private anchor(el: Element, ctx: Ctx): void {
    const raw = attr(el, 'href');
    if (this.opts.docxNotes && raw) {
      // mammoth: back-link "↑" from a note to its reference
      if (/^#(?:foot|end)note-ref-/.test(raw)) return;
      // the reference itself, "[1]": keep the number (the <sup> around it gives the mark)
      if (/^#(?:foot|end)note-/.test(raw)) {
        this.b.text(textContent(el).replace(/^\s*\[(.*)\]\s*$/, '$1'), ctx.block);
        return;
      }
    }
    const href = safeHref(raw, this.opts.baseUrl);
    if (!href) return this.children(el, ctx);
    const h = this.b.openMark('link', href);
    this.children(el, ctx);
    this.b.closeMark(h);
  }
}

/** The text of an element's subtree, ignoring dropped elements. */
export function textContent(node: Node): string {
  if (isText(node)) return node.value;
  if (isElement(node) && DROPPED.has(node.tagName)) return '';
  let s = '';
  for (const child of childrenOf(node)) s += textContent(child);
  return s;
}

/**
 * Walks `root` (a document, fragment or element) and appends its readable content to `builder`.
 * Used by the HTML, DOCX and Markdown importers. The last block is left open (the caller ends it,
 * so raw HTML inside a Markdown list item can continue that item).
 */
export function appendHtml(
  builder: StructureBuilder,
  root: Node,
  options: HtmlWalkOptions = {},
): void {
  const ctx: Ctx = {
    block: options.block ?? { type: 'paragraph' },
    join: options.join ?? false,
    flat: false,
    pre: false,
    listDepth: options.listDepth ?? 0,
    ordered: options.block?.ordered ?? false,
    inArticle: options.inArticle ?? false,
  };
  const walker = new HtmlWalker(builder, options);
  if (isElement(root)) {
    // the root's own tag decides nothing except article-ness; its children are the content
    const inner = root.tagName === 'article' ? { ...ctx, inArticle: true } : ctx;
    walker.children(root, inner);
  } else {
    walker.children(root, ctx);
  }
}

/** Parses an HTML fragment (no document wrapper) with parse5. */
export function parseHtmlFragment(html: string): DefaultTreeAdapterTypes.DocumentFragment {
  return parseFragment(html);
}

export function importHtml(bytes: Uint8Array): ImportedText {
  const source = decodeText(bytes);
  return withNestingGuard(() => convert(source));
}

function convert(source: string): ImportedText {
  const doc = parse(source);
  const found = extractHtmlMeta(doc);
  const root = chooseContentRoot(doc);
  const builder = new StructureBuilder();
  appendHtml(builder, root, {
    baseUrl: found.baseUrl ?? found.meta.sourceUrl ?? null,
    inArticle: hasAncestorOrSelf(doc, root, 'article'),
  });
  const result = builder.finish(found.meta);
  if (!result.meta.title) {
    const title = structuralTitle(result, 1);
    if (title) result.meta.title = title;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// content root

function findAll(node: Node, tag: string, out: Element[] = []): Element[] {
  for (const child of childrenOf(node)) {
    if (!isElement(child)) continue;
    if (child.tagName === tag) out.push(child);
    if (!DROPPED.has(child.tagName)) findAll(child, tag, out);
  }
  return out;
}

function readableLength(node: Node): number {
  return textContent(node).replace(/\s+/g, ' ').trim().length;
}

/** The longest article, else main, else body — when it holds at least a quarter of the body text. */
function chooseContentRoot(doc: DefaultTreeAdapterTypes.Document): Node {
  const body = findAll(doc, 'body')[0];
  if (!body) return doc;
  const bodyLength = readableLength(body);
  const enough = (el: Element | undefined): el is Element =>
    !!el && readableLength(el) >= bodyLength * 0.25 && readableLength(el) > 0;
  const articles = findAll(body, 'article')
    .map((el) => ({ el, len: readableLength(el) }))
    .sort((a, b) => b.len - a.len);
  const article = articles[0]?.el;
  if (enough(article)) return article;
  const main = findAll(body, 'main')[0];
  if (enough(main)) return main;
  return body;
}

function hasAncestorOrSelf(doc: Node, target: Node, tag: string): boolean {
  const path: Element[] = [];
  const search = (node: Node): boolean => {
    if (node === target) return true;
    for (const child of childrenOf(node)) {
      if (!isElement(child)) continue;
      path.push(child);
      if (search(child)) return true;
      path.pop();
    }
    return false;
  };
  if (!search(doc)) return false;
  return path.some((el) => el.tagName === tag);
}

// ---------------------------------------------------------------------------------------------
// metadata

interface FoundMeta {
  meta: Partial<DocumentMeta>;
  baseUrl: string | null;
}

function extractHtmlMeta(doc: DefaultTreeAdapterTypes.Document): FoundMeta {
  const metas = new Map<string, string[]>();
  let titleTag: string | null = null;
  let canonical: string | null = null;
  let baseHref: string | null = null;
  let lang: string | null = null;
  const linkedData: string[] = [];

  const visit = (node: Node): void => {
    for (const child of childrenOf(node)) {
      if (!isElement(child)) continue;
      const tag = child.tagName;
      if (tag === 'html') lang = attr(child, 'lang') ?? attr(child, 'xml:lang');
      else if (tag === 'title' && titleTag === null) {
        titleTag = childrenOf(child).map(textContent).join('');
      } else if (tag === 'meta') {
        const key = (attr(child, 'property') ?? attr(child, 'name') ?? attr(child, 'http-equiv'))
          ?.trim()
          .toLowerCase();
        const content = attr(child, 'content')?.trim();
        if (key && content) metas.set(key, [...(metas.get(key) ?? []), content]);
      } else if (tag === 'link') {
        const rel = (attr(child, 'rel') ?? '').toLowerCase().split(/\s+/);
        if (rel.includes('canonical') && canonical === null) canonical = attr(child, 'href');
      } else if (tag === 'base' && baseHref === null) {
        baseHref = attr(child, 'href');
      } else if (
        tag === 'script' &&
        (attr(child, 'type') ?? '').trim().toLowerCase() === 'application/ld+json'
      ) {
        linkedData.push(childrenOf(child).map(textContent).join(''));
      }
      if (tag !== 'svg' && tag !== 'math' && tag !== 'template') visit(child);
    }
  };
  visit(doc);

  const first = (...keys: string[]): string | null => {
    for (const k of keys) {
      const v = metas.get(k)?.[0];
      if (v) return v;
    }
    return null;
  };
  const meta: Partial<DocumentMeta> = {};
  // schema.org JSON-LD: after citation_* and Dublin Core, before Open Graph and the <title>
  const ld = linkedDataWork(linkedData);

  const title =
    first('citation_title', 'dc.title') ??
    ld.title ??
    first('og:title', 'twitter:title') ??
    titleTag;
  if (title && title.trim()) meta.title = shortTitle(title, 300);

  const authors: string[] = [];
  for (const key of ['author', 'citation_author', 'dc.creator', 'article:author']) {
    for (const v of metas.get(key) ?? []) {
      if (/^https?:\/\//i.test(v)) continue; // article:author is often a profile URL
      for (const name of v.split(';')) {
        const n = name.replace(/\s+/g, ' ').trim();
        if (n && !authors.includes(n)) authors.push(n);
      }
    }
  }
  for (const name of ld.authors) if (!authors.includes(name)) authors.push(name);
  if (authors.length) meta.authors = authors;

  const date = normalizeDate(
    first('citation_publication_date', 'citation_date', 'dc.date') ??
      ld.datePublished ??
      first(
        'article:published_time',
        'dcterms.created',
        'date',
        'pubdate',
        'publish-date',
        'publication_date',
      ),
  );
  if (date) meta.publishedDate = date;

  const publisher =
    first('citation_publisher', 'dc.publisher') ?? ld.publisher ?? first('og:site_name');
  if (publisher) meta.publisher = publisher.replace(/\s+/g, ' ');

  const sourceUrl = safeHref(canonical) ?? safeHref(ld.url) ?? safeHref(first('og:url'));
  if (sourceUrl && !sourceUrl.startsWith('mailto:')) meta.sourceUrl = sourceUrl;

  const language =
    (lang as string | null)?.trim() ||
    first('content-language')?.split(',')[0]?.trim() ||
    ld.language ||
    first('og:locale')?.replace('_', '-') ||
    null;
  if (language) meta.language = language;

  const base = safeHref(baseHref as string | null, meta.sourceUrl ?? null);
  return { meta, baseUrl: base && !base.startsWith('mailto:') ? base : null };
}

interface LinkedDataWork {
  title: string | null;
  authors: string[];
  datePublished: string | null;
  publisher: string | null;
  url: string | null;
  language: string | null;
}

/** schema.org types that describe the work a page holds (not the site, a person or a breadcrumb). */
const WORK_TYPES =
  /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|ScholarlyArticle|Report|BlogPosting|TechArticle|Book|Chapter|CreativeWork|WebPage|Thesis|LegalDocument|Legislation)$/;

/**
 * The work described by a page's JSON-LD blocks (schema.org), or empty fields: the first node of
 * a work type, looked for at the top level, in lists and in `@graph`. Broken JSON is skipped, as
 * a browser would; values are plain strings or names taken from `{ "name": … }` objects.
 */
function linkedDataWork(blocks: string[]): LinkedDataWork {
  const none: LinkedDataWork = {
    title: null,
    authors: [],
    datePublished: null,
    publisher: null,
    url: null,
    language: null,
  };
  const nodes: Record<string, unknown>[] = [];
  const collect = (value: unknown, depth: number): void => {
    if (depth > 4 || !value || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.slice(0, 100).forEach((v) => collect(v, depth + 1));
    const node = value as Record<string, unknown>;
    nodes.push(node);
    collect(node['@graph'], depth + 1);
  };
  for (const block of blocks.slice(0, 20)) {
    try {
      collect(JSON.parse(block), 0);
    } catch {
      // not JSON: ignored, as browsers and search engines do
    }
  }
  const isWork = (node: Record<string, unknown>) =>
    [node['@type']].flat().some((t) => typeof t === 'string' && WORK_TYPES.test(t));
  const work = nodes.filter(isWork).sort((a, b) => rank(a) - rank(b))[0];
  if (!work) return none;
  const text = (value: unknown): string | null => {
    const v = Array.isArray(value) ? value[0] : value;
    if (typeof v === 'string') return v.replace(/\s+/g, ' ').trim() || null;
    if (v && typeof v === 'object') return text((v as Record<string, unknown>).name);
    return null;
  };
  const authors = [work.author, work.creator]
    .flat()
    .map((a) => text(a))
    .filter((a): a is string => !!a && !/^https?:\/\//i.test(a));
  return {
    title: text(work.headline) ?? text(work.name),
    authors: [...new Set(authors)],
    datePublished: text(work.datePublished) ?? text(work.dateCreated),
    publisher: text(work.publisher),
    url: text(work.url),
    language: text(work.inLanguage),
  };
}

/** Articles before generic pages: a WebPage node often wraps the article a page holds. */
function rank(node: Record<string, unknown>): number {
  const types = [node['@type']].flat();
  return types.includes('WebPage') || types.includes('CreativeWork') ? 1 : 0;
}
