/**
 * The package of an EPUB (2 or 3): `META-INF/container.xml` names the package document (OPF),
 * whose manifest lists the parts, whose spine gives the reading order, and whose metadata
 * describes the book; the table of contents is the EPUB 3 navigation document or the EPUB 2 NCX.
 * XML is read with @xmldom/xmldom, which never resolves external entities or fetches anything.
 *
 * Also here, because they need the package before anything else is inflated: the DRM refusal and
 * the size limit (every part the importer parses counts, as for DOCX).
 */
import { DOMParser } from '@xmldom/xmldom';
import type JSZip from 'jszip';
import { ImportError } from './errors';
import { MAX_DOCX_XML_BYTES, resolvePartName, zipEntrySizes } from './zip-limits';

/** xmldom's elements have the DOM's shape (its types are the DOM library's) */
export type XmlElement = Element;

export interface ManifestItem {
  id: string;
  /** the ZIP entry name, resolved against the package document's folder */
  path: string;
  mediaType: string;
  properties: string[];
}

export interface EpubPackage {
  opfPath: string;
  opf: XmlElement;
  manifest: Map<string, ManifestItem>;
  /** spine items in reading order */
  spine: ManifestItem[];
  /** the navigation document (EPUB 3) or NCX (EPUB 2), when the package names one */
  toc: ManifestItem | null;
}

const DAMAGED =
  'This EPUB is damaged: it is not a valid EPUB package, as every .epub must be. If it opens in ' +
  'an e-book reader, export or save a new copy and import that; otherwise the file may be truncated.';

/** Parses XML; null when it is not well-formed enough to hold a document element. */
export function parseXml(xml: string): XmlElement | null {
  let fatal = false;
  const doc = new DOMParser({
    errorHandler: {
      warning: () => undefined,
      error: () => undefined,
      fatalError: () => {
        fatal = true;
      },
    },
  }).parseFromString(xml, 'application/xml');
  return fatal ? null : (doc?.documentElement ?? null);
}

/** Element children with this local name (any namespace), in document order, at any depth. */
export function descendants(root: XmlElement, localName: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (node: XmlElement) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      const el = child as XmlElement;
      if (el.localName === localName) out.push(el);
      walk(el);
    }
  };
  walk(root);
  return out;
}

export const xmlText = (el: XmlElement | null | undefined): string =>
  (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function entryText(zip: JSZip, name: string): Promise<string | null> {
  const file = zip.file(name);
  if (!file) return null;
  try {
    return await file.async('string');
  } catch {
    throw new ImportError('corrupt', DAMAGED);
  }
}

/** Reads container.xml and the package document; refuses DRM-protected books. */
export async function readPackage(zip: JSZip): Promise<EpubPackage> {
  await refuseDrm(zip);
  const container = await entryText(zip, 'META-INF/container.xml');
  const containerRoot = container === null ? null : parseXml(container);
  const rootfile = containerRoot
    ? descendants(containerRoot, 'rootfile').find((el) =>
        (el.getAttribute('media-type') || 'application/oebps-package+xml').includes('oebps'),
      )
    : undefined;
  const opfPath = rootfile ? resolvePartName('', rootfile.getAttribute('full-path') ?? '') : '';
  const opfText = opfPath ? await entryText(zip, opfPath) : null;
  const opf = opfText === null ? null : parseXml(opfText);
  if (!opf || opf.localName !== 'package') {
    throw new ImportError(
      'corrupt',
      container === null
        ? `${DAMAGED} (It has no META-INF/container.xml.)`
        : `${DAMAGED} (Its package document could not be read.)`,
    );
  }
  const base = opfPath.includes('/') ? opfPath.slice(0, opfPath.lastIndexOf('/') + 1) : '';
  const manifest = new Map<string, ManifestItem>();
  for (const item of descendants(opf, 'item')) {
    const id = item.getAttribute('id');
    const href = item.getAttribute('href');
    if (!id || !href || manifest.has(id)) continue;
    manifest.set(id, {
      id,
      path: resolvePartName(base, href.split('#')[0]!),
      mediaType: (item.getAttribute('media-type') ?? '').trim().toLowerCase(),
      properties: (item.getAttribute('properties') ?? '').split(/\s+/).filter(Boolean),
    });
  }
  const spineEl = descendants(opf, 'spine')[0];
  const spine = spineEl
    ? descendants(spineEl, 'itemref')
        .map((ref) => manifest.get(ref.getAttribute('idref') ?? ''))
        .filter((item): item is ManifestItem => !!item)
    : [];
  const items = [...manifest.values()];
  const toc =
    items.find((i) => i.properties.includes('nav')) ??
    manifest.get(spineEl?.getAttribute('toc') ?? '') ??
    items.find((i) => i.mediaType === 'application/x-dtbncx+xml') ??
    null;
  return { opfPath, opf, manifest, spine, toc };
}

/** Font obfuscation (IDPF and Adobe) hides fonts, not text: such books are not DRM-protected. */
const FONT_OBFUSCATION =
  /^(?:http:\/\/www\.idpf\.org\/2008\/embedding|http:\/\/ns\.adobe\.com\/pdf\/enc#RC)$/;

/**
 * An EPUB whose content is encrypted cannot be read without the seller's key: refused with the
 * reason. `META-INF/encryption.xml` lists encrypted parts; only font obfuscation is harmless.
 */
async function refuseDrm(zip: JSZip): Promise<void> {
  const xml = await entryText(zip, 'META-INF/encryption.xml');
  if (xml === null) return;
  const root = parseXml(xml);
  const encrypted = root
    ? descendants(root, 'EncryptedData').filter((data) => {
        const method = descendants(data, 'EncryptionMethod')[0]?.getAttribute('Algorithm') ?? '';
        return !FONT_OBFUSCATION.test(method.trim());
      })
    : [];
  if (root && encrypted.length === 0) return;
  const scheme = zip.file('META-INF/rights.xml')
    ? ' (Adobe DRM)'
    : zip.file('META-INF/license.lcpl')
      ? ' (Readium LCP)'
      : zip.file('META-INF/sinf.xml')
        ? ' (Apple FairPlay)'
        : '';
  throw new ImportError(
    'unsupported',
    `This EPUB is protected by DRM${scheme}: its text is encrypted and only the reading app it was ` +
      'bought for can open it. Claimdesk does not remove DRM. Import a DRM-free copy of the book ' +
      '(many publishers and libraries offer one), or a PDF export of it.',
  );
}

/**
 * Refuses an EPUB whose parsed parts would unpack beyond the DOCX limit, from the sizes its ZIP
 * directory declares: container.xml and the package document are counted first (and must fit
 * before they are read), then every part the importer parses — the spine's documents and the
 * table of contents — whatever their names. Images, fonts and styles are never read.
 */
export async function checkEpubUnpackedSize(
  fileName: string,
  bytes: Uint8Array,
  zip: JSZip,
): Promise<void> {
  const entries = zipEntrySizes(bytes);
  if (!entries) return; // no ZIP directory: the importer says the file is damaged
  const sizes = new Map(entries.map((e) => [e.name, e.uncompressed]));
  const counted = new Set(['META-INF/container.xml', 'META-INF/encryption.xml']);
  const total = () => [...counted].reduce((sum, name) => sum + (sizes.get(name) ?? 0), 0);
  const refuse = (size: number) => {
    const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
    throw new ImportError(
      'too_large',
      `"${fileName}" unpacks to ${mb(size)} of text documents; Claimdesk reads EPUB files of up to ` +
        `${mb(MAX_DOCX_XML_BYTES)} (about 1,500 pages). Split the book, or save it as PDF, and import that.`,
    );
  };
  if (total() > MAX_DOCX_XML_BYTES) refuse(total());
  const container = zip.file('META-INF/container.xml');
  if (!container) return;
  // the package document's own size is checked before it is inflated
  const containerRoot = parseXml(await container.async('string').catch(() => ''));
  for (const rootfile of containerRoot ? descendants(containerRoot, 'rootfile') : []) {
    counted.add(resolvePartName('', rootfile.getAttribute('full-path') ?? ''));
  }
  if (total() > MAX_DOCX_XML_BYTES) refuse(total());
  let pkg: EpubPackage;
  try {
    pkg = await readPackage(zip);
  } catch {
    return; // the importer gives the reason
  }
  for (const item of pkg.spine) counted.add(item.path);
  if (pkg.toc) counted.add(pkg.toc.path);
  if (total() > MAX_DOCX_XML_BYTES) refuse(total());
}
