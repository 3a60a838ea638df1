/**
 * DOCX → canonical text + structure: mammoth converts the document to HTML, and the HTML importer's
 * walker (`appendHtml`) turns that into blocks and marks, so both formats follow the same rules.
 *
 * - Headings come from Word's heading styles (and the Title style → level 1); "Quote" and
 *   "Intense Quote" paragraphs become quote blocks.
 * - Footnotes and endnotes: each reference becomes its number with a superscript mark; the notes
 *   become `footnote` blocks at the end ("1 text"), as for Markdown. Back-links are dropped.
 * - Images are never read or embedded (mammoth is given a converter that returns no data), and
 *   mammoth's external file access stays off.
 * - Metadata from `docProps/core.xml` (read with jszip, which mammoth itself uses): dc:title,
 *   dc:creator (split on ";"), dc:language; dcterms:created is the file's date (`found.fileDate`),
 *   never the publication date. Without a core
 *   title, the first level-1/2 heading is the title.
 *
 * Refusals: not a ZIP → `corrupt`; an encrypted (password-protected) Word file, which is an OLE
 * container rather than a ZIP → `password_required`; a legacy binary .doc → `unsupported`.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { emptyFound } from '../../shared/csl';
import type { DocumentMeta, ImportedText } from '../../shared/model';
import { ImportError } from './errors';
import { appendHtml, parseHtmlFragment } from './html';
import {
  normalizeDate,
  shortTitle,
  structuralTitle,
  StructureBuilder,
  withNestingGuard,
} from './structure';

const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  'p.Title => h1:fresh',
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
];

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export async function importDocx(bytes: Uint8Array): Promise<ImportedText> {
  if (bytes.length === 0) {
    throw new ImportError('empty', 'This file is empty (0 bytes); there is nothing to import.');
  }
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    if (containsUtf16(bytes, 'EncryptionInfo') || containsUtf16(bytes, 'EncryptedPackage')) {
      throw new ImportError(
        'password_required',
        'This Word document is protected with a password. Open it in Word, remove the password ' +
          '(File → Info → Protect Document), save it, and import it again.',
      );
    }
    throw new ImportError(
      'unsupported',
      'This looks like an old Word .doc file, not .docx. Open it in Word or LibreOffice, save it ' +
        'as .docx, and import it again.',
    );
  }
  const notZip = new ImportError(
    'corrupt',
    'This .docx file is damaged: it is not a valid ZIP package, as every .docx must be. If it ' +
      'opens in Word, save a new copy and import that; otherwise the file may be truncated.',
  );
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw notZip;

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw notZip;
  }

  let html: string;
  const warnings: string[] = [];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        ignoreEmptyParagraphs: true,
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = result.value;
    for (const m of result.messages) if (m.type === 'error') warnings.push(m.message);
  } catch (e) {
    throw new ImportError(
      'corrupt',
      `This .docx file could not be read (${(e as Error).message}). If it opens in Word, save a ` +
        'new copy and import that.',
    );
  }

  const builder = new StructureBuilder();
  withNestingGuard(() => appendHtml(builder, parseHtmlFragment(html), { docxNotes: true }));
  const fileDate = { value: null as string | null };
  const meta = await coreProperties(zip, fileDate);
  let result: ImportedText;
  try {
    result = builder.finish(meta, warnings);
  } catch (e) {
    if (e instanceof ImportError && e.code === 'empty') {
      throw new ImportError(
        'empty',
        'This Word document contains no text (it may hold only images or drawings).',
      );
    }
    throw e;
  }
  if (!result.meta.title) {
    const title = structuralTitle(result, 2);
    if (title) result.meta.title = title;
  }
  if (fileDate.value) result.found = { ...emptyFound(), fileDate: fileDate.value };
  return result;
}

async function coreProperties(
  zip: JSZip,
  fileDate: { value: string | null },
): Promise<Partial<DocumentMeta>> {
  const meta: Partial<DocumentMeta> = {};
  const file = zip.file('docProps/core.xml');
  if (!file) return meta;
  let xml: string;
  try {
    xml = await file.async('string');
  } catch {
    return meta;
  }
  const title = xmlElementText(xml, 'title');
  if (title) meta.title = shortTitle(title, 300);
  const creator = xmlElementText(xml, 'creator');
  if (creator) {
    const authors = creator
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
    if (authors.length) meta.authors = authors;
  }
  // dcterms:created is when the file was made (often a template's date), not when the work was
  // published: kept apart as the file's date (issue 17), like a PDF's CreationDate
  const created = normalizeDate(xmlElementText(xml, 'created'));
  if (created) fileDate.value = created;
  const language = xmlElementText(xml, 'language');
  if (language) meta.language = language;
  return meta;
}

/** Text of the first element with this local name (any namespace prefix), entities decoded. */
function xmlElementText(xml: string, localName: string): string | null {
  const re = new RegExp(
    `<(?:[\\w.-]+:)?${localName}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${localName}\\s*>)`,
  );
  const m = re.exec(xml);
  const raw = m?.[1];
  if (!raw) return null;
  const text = raw
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => safeCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => safeCodePoint(parseInt(d, 10)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return text || null;
}

function safeCodePoint(n: number): string {
  return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
}

function containsUtf16(bytes: Uint8Array, needle: string): boolean {
  const pattern = Buffer.from(needle, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(pattern);
}
