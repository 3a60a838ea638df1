/**
 * Zip bombs in DOCX files. A .docx is a ZIP package; mammoth inflates and parses its XML parts
 * into a DOM that takes ~100 bytes of memory per byte of XML, so a 340 KB file holding 100 MB of
 * XML ran a worker out of memory after 80 s. The sizes the package declares in its central
 * directory are checked before anything is inflated. A package that understates them is inflated,
 * but jszip then refuses the entry (inflated size ≠ declared size) before any XML is parsed.
 */
import JSZip from 'jszip';
import { ImportError } from './errors';

/**
 * Most unpacked XML a DOCX may hold: ~30 MB is a 1,500-page report, and parses in ~3 GB.
 * Documented in docs/security.md (Limits).
 */
export const MAX_DOCX_XML_BYTES = 32 * 1024 * 1024;

export interface ZipEntrySize {
  name: string;
  uncompressed: number;
}

/** The entries of a ZIP's central directory (ZIP64 aware), or null when there is none to read. */
export function zipEntrySizes(bytes: Uint8Array): ZipEntrySize[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  // end of central directory: 22 bytes plus a comment of up to 65,535, at the very end
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(eocd - 20) === 0x07064b50) {
    const zip64 = u64(eocd - 20 + 8);
    if (zip64 + 56 > bytes.length || u32(zip64) !== 0x06064b50) return null;
    count = u64(zip64 + 32);
    offset = u64(zip64 + 48);
  }
  const entries: ZipEntrySize[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) return null;
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    let uncompressed = u32(at + 24);
    if (uncompressed === 0xffffffff) {
      // the real size is the first field of the ZIP64 extra block
      for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength;) {
        const id = u16(e);
        const size = u16(e + 2);
        if (id === 0x0001 && e + 12 <= bytes.length) {
          uncompressed = u64(e + 4);
          break;
        }
        e += 4 + size;
      }
    }
    entries.push({ name, uncompressed });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Refuses a DOCX whose parts that the converter may parse would unpack beyond MAX_DOCX_XML_BYTES.
 *
 * Not only the parts named `.xml`: mammoth follows `_rels/.rels` to the main document whatever its
 * name (a 306 KB file whose main part was `word/main.bin`, 100 MB of XML, took 85 s and 4.7 GB),
 * and from there the styles, numbering, notes and comments parts. So every part named by a
 * relationship counts too, except images, which are never read (docx.ts gives mammoth an image
 * converter that does not read them). The `.rels` parts themselves are counted before any is
 * inflated, so reading them stays within the limit.
 */
export async function checkDocxUnpackedSize(fileName: string, bytes: Uint8Array): Promise<void> {
  const entries = zipEntrySizes(bytes);
  if (!entries) return; // not a readable ZIP: the DOCX importer explains that
  const sizes = new Map(entries.map((e) => [e.name, e.uncompressed]));
  const counted = new Set(entries.filter((e) => /\.(xml|rels)$/i.test(e.name)).map((e) => e.name));
  const total = () => [...counted].reduce((sum, name) => sum + (sizes.get(name) ?? 0), 0);
  if (total() <= MAX_DOCX_XML_BYTES) {
    for (const name of await relationshipTargets(bytes, entries))
      if (sizes.has(name)) counted.add(name);
  }
  const size = total();
  if (size > MAX_DOCX_XML_BYTES) {
    const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
    throw new ImportError(
      'too_large',
      `"${fileName}" unpacks to ${mb(size)} of document XML; Claimdesk reads DOCX files of up to ` +
        `${mb(MAX_DOCX_XML_BYTES)} (about 1,500 pages). Split the document, or save it as PDF, and import that.`,
    );
  }
}

/** Every package part named by a relationship other than an image or an external link. */
async function relationshipTargets(bytes: Uint8Array, entries: ZipEntrySize[]): Promise<string[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return []; // the DOCX importer says the package is damaged
  }
  const targets: string[] = [];
  for (const { name } of entries) {
    const match = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(name);
    const file = match && zip.file(name);
    if (!match || !file) continue;
    let xml: string;
    try {
      xml = await file.async('string');
    } catch {
      continue;
    }
    const base = match[1]!; // the folder of the part these relationships belong to
    for (const [tag] of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      const attr = (key: string) => new RegExp(`\\b${key}\\s*=\\s*["']([^"']*)["']`).exec(tag)?.[1];
      const target = attr('Target');
      if (!target || /External/i.test(attr('TargetMode') ?? '')) continue;
      if (/\/image$/i.test(attr('Type') ?? '')) continue;
      targets.push(resolvePartName(base, target));
    }
  }
  return targets;
}

/** A relationship target as a ZIP entry name: absolute from the package root, else relative to `base`. */
export function resolvePartName(base: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : base + target;
  const parts: string[] = [];
  for (const segment of decodeURIComponentSafe(path).split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
