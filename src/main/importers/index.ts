import { extname } from 'node:path';
import { LIMITS } from '../../shared/limits';
import type { ImportedText, MediaType } from '../../shared/model';
import { importDocx } from './docx';
import { importEpub, openEpubZip } from './epub';
import { checkEpubUnpackedSize } from './epub-package';
import { ImportError } from './errors';
import { importHtml } from './html';
import { importMarkdown } from './markdown';
import { importPdf, type PdfImportOptions } from './pdf';
import { importText } from './text';
import { checkDocxUnpackedSize } from './zip-limits';

const BY_EXTENSION: Record<string, MediaType> = {
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.md': 'text/markdown',
  '.markdown': 'text/markdown',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xhtml': 'text/html',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.epub': 'application/epub+zip',
};

export const SUPPORTED_EXTENSIONS = Object.keys(BY_EXTENSION);

const startsWith = (bytes: Uint8Array, ascii: string) =>
  bytes.length >= ascii.length && [...ascii].every((c, i) => bytes[i] === c.charCodeAt(0));

/**
 * The media type, from the file's first bytes where they are conclusive (a PDF named .txt is still a
 * PDF) and from its extension otherwise.
 */
export function detectMediaType(fileName: string, bytes: Uint8Array): MediaType {
  if (startsWith(bytes, '%PDF-')) return 'application/pdf';
  const byName = BY_EXTENSION[extname(fileName).toLowerCase()];
  if (!byName) {
    throw new ImportError(
      'unsupported',
      `Claimdesk cannot read "${extname(fileName) || 'extension-less'}" files. ` +
        `Supported: ${SUPPORTED_EXTENSIONS.join(', ')}. Convert the file (e.g. save as PDF) and import it again.`,
    );
  }
  // a zip (DOCX) or PDF named otherwise is caught by the importers' own checks
  return byName;
}

export interface ExtractOptions {
  password?: string;
  /** how a PDF is read: in parts by several threads, from bytes the caller gives up (pool.ts) */
  pdf?: Omit<PdfImportOptions, 'password'>;
}

/** Turns a file's bytes into canonical text and structure, or throws ImportError. */
export async function extractDocument(
  fileName: string,
  bytes: Uint8Array,
  options: ExtractOptions = {},
): Promise<{ mediaType: MediaType; content: ImportedText }> {
  if (bytes.byteLength === 0) {
    throw new ImportError('empty', `"${fileName}" is empty (0 bytes). Nothing was imported.`);
  }
  if (bytes.byteLength > LIMITS.maxFileBytes) {
    throw new ImportError(
      'too_large',
      `"${fileName}" is ${(bytes.byteLength / 1024 / 1024).toFixed(0)} MB; Claimdesk imports files up to ` +
        `${LIMITS.maxFileBytes / 1024 / 1024} MB. Split the file and import the parts.`,
    );
  }
  const mediaType = detectMediaType(fileName, bytes);
  if (mediaType === BY_EXTENSION['.docx']) await checkDocxUnpackedSize(fileName, bytes);
  if (mediaType === 'application/epub+zip')
    await checkEpubUnpackedSize(fileName, bytes, await openEpubZip(bytes));
  const content = await extractAs(mediaType, bytes, options);
  if (content.text.length > LIMITS.maxTextChars) {
    throw new ImportError(
      'too_large',
      `"${fileName}" holds ${content.text.length.toLocaleString('en')} characters of text; the limit is ` +
        `${LIMITS.maxTextChars.toLocaleString('en')}. Split the file and import the parts.`,
    );
  }
  return { mediaType, content };
}

function extractAs(
  mediaType: MediaType,
  bytes: Uint8Array,
  options: ExtractOptions,
): Promise<ImportedText> | ImportedText {
  switch (mediaType) {
    case 'application/pdf':
      return importPdf(bytes, { ...options.pdf, password: options.password });
    case 'text/markdown':
      return importMarkdown(bytes);
    case 'text/html':
      return importHtml(bytes);
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
      return importDocx(bytes);
    case 'application/epub+zip':
      return importEpub(bytes);
    case 'text/plain':
      return importText(bytes);
  }
}
