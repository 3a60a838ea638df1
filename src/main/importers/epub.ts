/**
 * EPUB (2 and 3) → canonical text + structure.
 *
 * - The spine's XHTML documents, in spine order (non-linear ones too: they are part of the book),
 *   each read with parse5 and walked by the HTML importer's walker (`appendHtml`), so EPUB text
 *   follows the same rules as HTML. A chapter's header and footer are content here (there is no
 *   site around a book). Images, styles, fonts and scripts are never read.
 * - Chapters as headings: a chapter the table of contents names (EPUB 3 nav, else EPUB 2 NCX) and
 *   that does not start with a heading of its own gets one, with the contents' label, at the
 *   contents' nesting depth.
 * - Metadata from the package document (metadata/epub-meta.ts); without a title there, the first
 *   heading is the title.
 * - A chapter that is missing or unreadable is left out with a warning naming it.
 *
 * Refusals: not a ZIP or no readable package → `corrupt`; DRM → `unsupported` with the reason;
 * too much text to unpack → `too_large` (epub-package.ts, checked before anything is inflated).
 */
import JSZip from 'jszip';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import type { ImportedText } from '../../shared/model';
import { opfFound } from '../metadata/epub-meta';
import { decodeText } from './decode';
import {
  descendants,
  parseXml,
  readPackage,
  xmlText,
  type EpubPackage,
  type XmlElement,
} from './epub-package';
import { ImportError } from './errors';
import { appendHtml } from './html';
import { shortTitle, structuralTitle, StructureBuilder, withNestingGuard } from './structure';
import { resolvePartName } from './zip-limits';

type Node = DefaultTreeAdapterTypes.Node;

const CONTENT_TYPES = new Set(['application/xhtml+xml', 'text/html', 'application/xml']);

/** Opens the EPUB's ZIP, or refuses it as damaged. */
export async function openEpubZip(bytes: Uint8Array): Promise<JSZip> {
  const notZip = new ImportError(
    'corrupt',
    'This .epub file is damaged: it is not a valid ZIP package, as every EPUB must be. If it opens ' +
      'in an e-book reader, save a new copy and import that; otherwise the file may be truncated.',
  );
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw notZip;
  try {
    return await JSZip.loadAsync(bytes);
  } catch {
    throw notZip;
  }
}

export async function importEpub(bytes: Uint8Array): Promise<ImportedText> {
  const zip = await openEpubZip(bytes);
  const pkg = await readPackage(zip);
  const contents = await tableOfContents(zip, pkg);
  const builder = new StructureBuilder();
  const warnings: string[] = [];
  for (const item of pkg.spine) {
    if (!CONTENT_TYPES.has(item.mediaType)) continue;
    const file = zip.file(item.path);
    let html: string;
    try {
      if (!file) throw new Error('it is missing from the package');
      html = decodeText(await file.async('uint8array'));
    } catch (error) {
      warnings.push(
        `The chapter "${item.path}" could not be read and was left out: ${(error as Error).message}`,
      );
      continue;
    }
    const body = bodyOf(parse(html));
    const entry = contents.get(item.path);
    if (entry && !startsWithHeading(body)) {
      builder.startBlock({ type: 'heading', level: Math.min(entry.depth, 6) });
      builder.text(entry.label, { type: 'heading', level: Math.min(entry.depth, 6) });
      builder.endBlock();
    }
    withNestingGuard(() => appendHtml(builder, body, { inArticle: true }));
    builder.endBlock();
  }
  let result: ImportedText;
  try {
    result = builder.finish({}, warnings);
  } catch (e) {
    if (e instanceof ImportError && e.code === 'empty') {
      throw new ImportError(
        'empty',
        'This EPUB contains no text (its pages may be only images, as in a scanned or comic book).',
      );
    }
    throw e;
  }
  result.found = opfFound(pkg.opf);
  const title = structuralTitle(result, 2);
  if (title) result.meta.title = title;
  return result;
}

interface ContentsEntry {
  label: string;
  depth: number;
}

/** The table of contents as chapter file → its first label and depth (1 = top level). */
async function tableOfContents(zip: JSZip, pkg: EpubPackage): Promise<Map<string, ContentsEntry>> {
  const out = new Map<string, ContentsEntry>();
  const toc = pkg.toc;
  const file = toc && zip.file(toc.path);
  if (!toc || !file) return out;
  const root = parseXml(await file.async('string').catch(() => ''));
  if (!root) return out;
  const base = toc.path.includes('/') ? toc.path.slice(0, toc.path.lastIndexOf('/') + 1) : '';
  const add = (href: string | null, label: string, depth: number) => {
    if (!href || !label || /^[a-z][a-z0-9+.-]*:/i.test(href)) return;
    const path = resolvePartName(base, href.split('#')[0]!);
    if (path && !out.has(path)) out.set(path, { label: shortTitle(label, 300), depth });
  };
  if (root.localName === 'ncx') {
    const walk = (parent: XmlElement, depth: number) => {
      for (let n = parent.firstChild; n; n = n.nextSibling) {
        const el = n as XmlElement;
        if (n.nodeType !== 1 || el.localName !== 'navPoint') continue;
        const label = xmlText(descendants(el, 'text')[0]);
        add(descendants(el, 'content')[0]?.getAttribute('src') ?? null, label, depth);
        walk(el, depth + 1);
      }
    };
    const navMap = descendants(root, 'navMap')[0];
    if (navMap) walk(navMap, 1);
    return out;
  }
  const navs = descendants(root, 'nav');
  const nav =
    navs.find((n) => /\btoc\b/.test(n.getAttribute('epub:type') ?? '')) ?? navs[0] ?? null;
  if (!nav) return out;
  for (const a of descendants(nav, 'a')) {
    let depth = 0;
    for (let p = a.parentNode; p && p !== nav; p = p.parentNode)
      if ((p as XmlElement).localName === 'li') depth++;
    add(a.getAttribute('href'), xmlText(a), Math.max(depth, 1));
  }
  return out;
}

const isElement = (node: Node): node is DefaultTreeAdapterTypes.Element => 'tagName' in node;
const childrenOf = (node: Node): Node[] => ('childNodes' in node ? node.childNodes : []);

/** The document's body (parse5 always makes one). */
function bodyOf(doc: DefaultTreeAdapterTypes.Document): Node {
  const html = childrenOf(doc).find((n) => isElement(n) && n.tagName === 'html');
  return (html && childrenOf(html).find((n) => isElement(n) && n.tagName === 'body')) ?? doc;
}

const HEADING = /^h[1-6]$/;
const SKIPPED = new Set(['script', 'style', 'template', 'noscript']);

/** True when the first visible text of the chapter is inside a heading. */
function startsWithHeading(root: Node): boolean {
  const first = (node: Node, inHeading: boolean): boolean | null => {
    if (node.nodeName === '#text') {
      return /\S/.test((node as DefaultTreeAdapterTypes.TextNode).value) ? inHeading : null;
    }
    if (isElement(node) && SKIPPED.has(node.tagName)) return null;
    const heading = inHeading || (isElement(node) && HEADING.test(node.tagName));
    for (const child of childrenOf(node)) {
      const found = first(child, heading);
      if (found !== null) return found;
    }
    return null;
  };
  return first(root, false) === true;
}
