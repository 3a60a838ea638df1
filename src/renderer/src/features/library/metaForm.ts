import type { DocumentMeta } from '../../../../shared/model';

/** The metadata dialog's fields as typed: authors one per line, empty optional fields meaning "none". */
export interface MetaForm {
  title: string;
  authors: string;
  publishedDate: string;
  publisher: string;
  sourceUrl: string;
  language: string;
}

export type MetaChanges = Partial<DocumentMeta>;

const OPTIONAL = ['publishedDate', 'publisher', 'sourceUrl', 'language'] as const;

export function formFromMeta(meta: DocumentMeta): MetaForm {
  return {
    title: meta.title,
    authors: meta.authors.join('\n'),
    publishedDate: meta.publishedDate ?? '',
    publisher: meta.publisher ?? '',
    sourceUrl: meta.sourceUrl ?? '',
    language: meta.language ?? '',
  };
}

/** One author per line; blank lines and surrounding spaces do not count. */
export function parseAuthors(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

/**
 * Only the fields the user changed, trimmed, with an emptied optional field as null, ready for
 * `documents.updateMeta` (which validates them). An empty object means nothing changed.
 */
export function metaChanges(before: DocumentMeta, form: MetaForm): MetaChanges {
  const changes: MetaChanges = {};
  const title = form.title.trim();
  if (title !== before.title) changes.title = title;
  const authors = parseAuthors(form.authors);
  if (authors.length !== before.authors.length || authors.some((a, i) => a !== before.authors[i])) {
    changes.authors = authors;
  }
  for (const key of OPTIONAL) {
    const value = form[key].trim();
    const next = value === '' ? null : value;
    if (next !== before[key]) changes[key] = next;
  }
  return changes;
}
