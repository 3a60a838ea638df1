/**
 * The CLI's citation and reference commands (cli.ts stays a thin shell over these):
 *   claimdesk cite CLAIM_ID... [--style apa|chicago-author-date|mla|harvard|ID|FILE.csl]
 *   claimdesk import-references FILE|ZOTERO_DIR
 *   claimdesk bibliography [--format ris|bibtex|csl-json] [--document ID]
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { ClaimId } from '../shared/model';
import { BIBLIOGRAPHY_FORMATS, type BibliographyFormat } from '../shared/api-sources';
import type { Backend } from './backend';
import { citesOfClaims } from './citations/cite-claims';
import { formatBibliography, formatCitation } from './citations/format';
import { readStyle } from './citations/styles-db';
import { AppError } from './errors';

/** The citation (first line) and the bibliography entries (after a blank line). */
export async function citeLines(
  backend: Backend,
  claimIds: string[],
  style?: string,
): Promise<string[]> {
  if (claimIds.length === 0)
    throw new AppError(
      'invalid_input',
      'Usage: claimdesk cite CLAIM_ID... [--style apa|chicago-author-date|mla|harvard|FILE.csl]',
    );
  if (style && /\.csl$/i.test(style) && existsSync(style)) {
    // a .csl file is used as it is, without adding it to the workspace
    const xml = readFileSync(style, 'utf8');
    readStyle(xml);
    const cites = citesOfClaims(backend.db, claimIds as ClaimId[]);
    return [
      formatCitation(cites, xml),
      '',
      ...formatBibliography(
        cites.map((c) => c.item),
        xml,
      ),
    ];
  }
  const result = await backend.registry.call('citations.cite', {
    claimIds,
    ...(style ? { style } : {}),
  });
  if (!result.ok) throw new AppError(result.error.code, result.error.message);
  const { citation, bibliography } = result.value as { citation: string; bibliography: string[] };
  return [citation, '', ...bibliography];
}

export async function importReferencesCommand(
  backend: Backend,
  path: string | undefined,
): Promise<object> {
  if (!path)
    throw new AppError(
      'invalid_input',
      'Usage: claimdesk import-references FILE.ris|FILE.bib|FILE.json|ZOTERO_DIR',
    );
  if (!existsSync(path)) throw new AppError('not_found', `"${path}" does not exist.`);
  // a folder (or its zotero.sqlite) is a Zotero library; anything else a references file
  const zotero = statSync(path).isDirectory() || basename(path) === 'zotero.sqlite';
  const result = zotero
    ? await backend.registry.call('references.importZotero', { folder: resolve(path) })
    : await backend.registry.call('references.import', {
        fileName: path,
        bytes: new Uint8Array(readFileSync(path)),
      });
  if (!result.ok) throw new AppError(result.error.code, result.error.message);
  return result.value as object;
}

export function bibliographyFormat(value: string | undefined): BibliographyFormat {
  const format = value === undefined || value === 'json' ? 'ris' : value;
  if (!(BIBLIOGRAPHY_FORMATS as readonly string[]).includes(format)) {
    throw new AppError(
      'invalid_input',
      `Unknown bibliography format "${format}". Use: ${BIBLIOGRAPHY_FORMATS.join(', ')}.`,
    );
  }
  return format as BibliographyFormat;
}
