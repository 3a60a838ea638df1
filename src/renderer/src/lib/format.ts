import type { DocumentSummary, MediaType } from '../../../shared/model';

const TYPE_LABEL: Record<MediaType, string> = {
  'text/plain': 'TXT',
  'text/markdown': 'MD',
  'text/html': 'HTML',
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/epub+zip': 'EPUB',
};

export const typeLabel = (t: MediaType): string => TYPE_LABEL[t] ?? 'FILE';

export const documentTitle = (d: DocumentSummary): string => d.meta.title.trim() || d.fileName;

/** "12 Mar 2026": unambiguous across locales, short enough for a dense list. */
export function shortDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

/**
 * One formatter for every count: `n.toLocaleString()` builds a new one per call, which made the
 * entity list (two counts for each of 5,000 entities) take most of a second to render.
 */
const COUNT = new Intl.NumberFormat();

export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${COUNT.format(n)} ${n === 1 ? one : many}`;
