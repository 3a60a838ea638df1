import { basename } from 'node:path';
import type { ReferenceImportOutcome } from '../../shared/api-sources';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { decodeText } from '../importers/decode';
import { ImportError } from '../importers/errors';
import { importReferenceItems } from './import';
import { parseReferences } from './parse';

/** Reference files are small; a larger one is almost certainly not one. */
const MAX_REFERENCE_BYTES = 50 * 1024 * 1024;

/** Imports a RIS, BibTeX or CSL-JSON file: all its references, or (malformed) none. */
export function importReferenceFile(
  db: Db,
  fileName: string,
  bytes: Uint8Array,
): ReferenceImportOutcome {
  if (bytes.byteLength > MAX_REFERENCE_BYTES) {
    throw new AppError(
      'too_large',
      `"${fileName}" is ${(bytes.byteLength / 1024 / 1024).toFixed(0)} MB; reference files up to 50 MB are imported.`,
    );
  }
  // a Zotero database picked as a file: its attachments and collections live beside it, so the
  // library is imported from its folder instead
  if (
    basename(fileName.replace(/\\/g, '/')) === 'zotero.sqlite' ||
    new TextDecoder().decode(bytes.subarray(0, 16)) === 'SQLite format 3\u0000'
  ) {
    throw new AppError(
      'invalid_input',
      `"${basename(fileName)}" is a database, not a references file. To bring in a Zotero ` +
        'library, use "Import Zotero library…" (or claimdesk import-references ZOTERO_DIR) with its data folder.',
    );
  }
  let text: string;
  try {
    text = decodeText(bytes);
  } catch (error) {
    // empty, binary or undecodable: the decoder's reason, as a refusal of this file
    if (error instanceof ImportError)
      throw new AppError('invalid_input', `"${fileName}" cannot be imported: ${error.message}`);
    throw error;
  }
  const items = parseReferences(fileName, text);
  return importReferenceItems(db, items, `reference file ${fileName}`);
}
