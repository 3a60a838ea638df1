import type { DocumentId, DocumentMeta } from '../../../shared/model';
import type { Db } from '../../db/open';

/**
 * THE one place the notebook export asks for formatted citations. Citation formatting itself
 * belongs to the sources and citations work (issue 17: citeproc-js with the shipped CSL styles);
 * when that module lands, `formatCitations` becomes a call into it and nothing else here changes.
 *
 * Until then this stand-in writes a plain "Authors, Title (year), p. X" note and the same entry
 * without the locator in the bibliography. It honours no CSL style: `style` is passed through for
 * the real formatter.
 */

export interface CitationRequest {
  /** the cited document; null when the document is gone from the workspace */
  documentId: DocumentId | null;
  /** title to fall back on when the document is gone (a deleted claim's snapshot) */
  title: string;
  /** pages cited: "12" or "12–13" */
  locator: string | null;
}

export interface Citations {
  /** one formatted note per request, in order */
  notes: string[];
  /** one entry per distinct work cited, sorted as the style sorts them */
  bibliography: string[];
}

export const DEFAULT_CITATION_STYLE = 'apa';

export function formatCitations(
  db: Db,
  _style: string | undefined,
  requests: readonly CitationRequest[],
): Citations {
  const meta = db.prepare('SELECT meta FROM documents WHERE id = ?').pluck();
  const works = new Map<string, string>();
  const notes = requests.map((r) => {
    const row = r.documentId ? (meta.get(r.documentId) as string | undefined) : undefined;
    const reference = row ? entry(JSON.parse(row) as DocumentMeta) : `${r.title}.`;
    works.set(r.documentId ?? `title:${r.title}`, reference);
    const pages = r.locator ? `, ${/[–-]/.test(r.locator) ? 'pp.' : 'p.'} ${r.locator}` : '';
    return `${reference.replace(/\.$/, '')}${pages}.`;
  });
  const bibliography = [...works.values()].sort((a, b) => a.localeCompare(b));
  return { notes, bibliography };
}

function entry(meta: DocumentMeta): string {
  const year = meta.publishedDate ? ` (${meta.publishedDate.slice(0, 4)})` : '';
  const authors = meta.authors.length > 0 ? `${meta.authors.join(', ')}, ` : '';
  const publisher = meta.publisher ? `. ${meta.publisher}` : '';
  return `${authors}${meta.title}${year}${publisher}.`;
}
