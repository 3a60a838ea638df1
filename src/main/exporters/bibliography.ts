/**
 * The bibliography export: the sources of the exported claims (everything, one document, or a
 * filter's claims, as the claims export scopes them) as RIS, BibTeX or CSL-JSON, written by
 * citation-js so that reference managers read them back.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { BibliographyFormat } from '../../shared/api-sources';
import type { CslItem } from '../../shared/csl';
import type { Db } from '../db/open';
import { getSource } from '../db/sources';
import type { SourceId } from '../../shared/model';
import { selectForExport, type ExportScope } from './selection';

/** The sources whose documents have exported claims (all sources for a whole export). */
export function exportedSources(db: Db, scope: ExportScope): { id: SourceId; csl: CslItem }[] {
  const whole = !scope.documentId && !scope.filter;
  let ids: string[];
  if (whole) {
    ids = db.prepare('SELECT id FROM sources ORDER BY created_at, id').pluck().all() as string[];
  } else {
    const selection = selectForExport(db, scope);
    const documents = selection.documents.filter(
      (d) => !scope.filter || selection.withRecords.has(d.id),
    );
    ids = [...new Set(documents.map((d) => d.sourceId))];
  }
  return ids.map((id) => {
    const source = getSource(db, id as SourceId);
    return { id: source.id, csl: source.csl };
  });
}

/** A citation key people can type: family name + year ("orumbayeva2023"), unique in the file. */
function citationKeys(items: { id: SourceId; csl: CslItem }[]): string[] {
  const used = new Map<string, number>();
  return items.map(({ csl }) => {
    const given = typeof csl['citation-key'] === 'string' ? csl['citation-key'] : '';
    const first = csl.author?.[0];
    const name = (first?.family ?? first?.literal ?? csl.title ?? 'source')
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]/g, '')
      .toLowerCase()
      .slice(0, 20);
    const base = given || `${name || 'source'}${csl.issued?.['date-parts']?.[0]?.[0] ?? ''}`;
    const n = used.get(base) ?? 0;
    used.set(base, n + 1);
    return n === 0 ? base : `${base}${String.fromCharCode(96 + Math.min(n, 26))}`;
  });
}

export function bibliographyText(db: Db, scope: ExportScope, format: BibliographyFormat): string {
  const sources = exportedSources(db, scope);
  const keys = citationKeys(sources);
  const items = sources.map(({ csl }, i) => ({ ...csl, id: keys[i]!, 'citation-key': keys[i]! }));
  if (format === 'csl-json') return `${JSON.stringify(items, null, 2)}\n`;
  if (items.length === 0) return '';
  return new Cite(items).format(format === 'ris' ? 'ris' : 'bibtex', { format: 'text' });
}
