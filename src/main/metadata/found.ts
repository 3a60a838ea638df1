/**
 * What an import found about the work, as the fields of its new source: the importer's own findings
 * (with their origins) first, then the basic metadata every importer reports, labelled by file type.
 */
import { addFound, cslDate, emptyFound, parseName, type FoundMeta } from '../../shared/csl';
import type { DocumentMeta, ImportedText, MediaType } from '../../shared/model';
import { cleanMetadata } from '../../shared/clean-text';

const ORIGIN: Record<MediaType, string> = {
  'application/pdf': 'PDF document information',
  'text/html': 'HTML metadata',
  'text/markdown': 'Markdown',
  'text/plain': 'the text',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
    'Word document properties',
  'application/epub+zip': 'EPUB package',
};

/** The found metadata of an import, every text cleaned of control and direction characters. */
export function foundOfImport(mediaType: MediaType, content: ImportedText): FoundMeta {
  const found: FoundMeta = content.found
    ? {
        csl: { ...content.found.csl },
        from: { ...content.found.from },
        fileDate: content.found.fileDate,
      }
    : emptyFound();
  addFromMeta(found, content.meta, ORIGIN[mediaType]);
  return cleanFound(found);
}

export function addFromMeta(found: FoundMeta, meta: Partial<DocumentMeta>, from: string): void {
  addFound(found, 'title', meta.title, from);
  addFound(found, 'author', meta.authors?.map(parseName), from);
  addFound(found, 'issued', cslDate(meta.publishedDate), from);
  addFound(found, 'publisher', meta.publisher, from);
  addFound(found, 'URL', meta.sourceUrl, from);
  addFound(found, 'language', meta.language, from);
}

/** Every string of the found fields cleaned; fields left empty are dropped. */
function cleanFound(found: FoundMeta): FoundMeta {
  const csl: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(found.csl)) {
    const cleaned = cleanValue(value);
    if (cleaned !== undefined) csl[field] = cleaned;
    else delete found.from[field as keyof FoundMeta['from']];
  }
  return { ...found, csl };
}

function cleanValue(value: unknown): unknown {
  if (typeof value === 'string') return cleanMetadata(value) || undefined;
  if (Array.isArray(value)) {
    const items = value.map(cleanValue).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, cleanValue(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value;
}
