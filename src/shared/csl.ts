/**
 * Sources as CSL-JSON (the Citation Style Language's data model, used by Zotero, citeproc-js and
 * Pandoc), so that a source can be cited in any CSL style and exchanged as RIS, BibTeX or CSL-JSON
 * without a mapping of our own in between. Only the fields Claimdesk edits are typed; an imported
 * item may carry more, and they are kept.
 */

/** A person (family + given) or an organization/unsplittable name (literal). */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

/** CSL dates: date-parts [[year, month?, day?]] (two for a range), or a raw string as given. */
export interface CslDate {
  'date-parts'?: number[][];
  raw?: string;
}

export const CSL_TYPES = [
  'article-journal',
  'article-magazine',
  'article-newspaper',
  'book',
  'chapter',
  'report',
  'thesis',
  'webpage',
  'post-weblog',
  'paper-conference',
  'manuscript',
  'interview',
  'speech',
  'legislation',
  'legal_case',
  'dataset',
  'document',
] as const;

/** What the library and the metadata dialog call each type. */
export const CSL_TYPE_LABELS: Record<(typeof CSL_TYPES)[number], string> = {
  'article-journal': 'Journal article',
  'article-magazine': 'Magazine article',
  'article-newspaper': 'Newspaper article',
  book: 'Book',
  chapter: 'Book chapter',
  report: 'Report',
  thesis: 'Thesis',
  webpage: 'Web page',
  'post-weblog': 'Blog post',
  'paper-conference': 'Conference paper',
  manuscript: 'Manuscript',
  interview: 'Interview',
  speech: 'Speech',
  legislation: 'Legislation',
  legal_case: 'Legal case',
  dataset: 'Dataset',
  document: 'Document',
};

/** A type's label; a type Claimdesk does not list (kept from an import) reads as written. */
export const cslTypeLabel = (type: string): string =>
  (CSL_TYPE_LABELS as Record<string, string>)[type] ?? type.replace(/[-_]/g, ' ');

/** The text fields, in the order the metadata dialog shows them. */
export const CSL_TEXT_FIELDS = [
  'title',
  'container-title',
  'publisher',
  'publisher-place',
  'volume',
  'issue',
  'page',
  'DOI',
  'ISBN',
  'URL',
  'language',
  'number',
  'abstract',
] as const;
export type CslTextField = (typeof CSL_TEXT_FIELDS)[number];

/** Every field a source's metadata can hold (and that carries a provenance). */
export const CSL_FIELDS = ['type', ...CSL_TEXT_FIELDS, 'author', 'editor', 'issued'] as const;
export type CslField = (typeof CSL_FIELDS)[number];

export type CslItem = { [K in CslTextField]?: string } & {
  id?: string;
  type: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: CslDate;
  /** fields Claimdesk does not edit, kept as imported */
  [other: string]: unknown;
};

/** "Jane Q. Public" / "Public, Jane Q." / an organization → a CSL name. */
export function parseName(text: string): CslName {
  const name = text.replace(/\s+/g, ' ').trim();
  if (name.includes(',')) {
    const [family, ...given] = name.split(',');
    return { family: family!.trim(), given: given.join(',').trim() };
  }
  const words = name.split(' ');
  // one word, or a name that reads like an organization, is kept whole
  if (words.length < 2 || /\b(?:of|for|and|the|inc|ltd|office|institute|university)\b/i.test(name))
    return { literal: name };
  // particles ("van der", "de") belong to the family name
  let cut = words.length - 1;
  while (
    cut > 1 &&
    /^(?:van|von|der|den|de|del|della|di|da|du|la|le|bin|ibn|al)$/i.test(words[cut - 1]!)
  )
    cut--;
  return { family: words.slice(cut).join(' '), given: words.slice(0, cut).join(' ') };
}

/** A CSL name as people write it: "Jane Q. Public". */
export function nameText(name: CslName): string {
  if (name.literal) return name.literal;
  return [name.given, name.family].filter(Boolean).join(' ');
}

/**
 * The creators a list shows for a work: its authors, else its editors, each by family name (a
 * name kept whole as written), so that sorting by creator sorts by surname.
 */
export function listedCreators(item: Pick<CslItem, 'author' | 'editor'>): string[] {
  const names = item.author?.length ? item.author : (item.editor ?? []);
  return names.map((n) => (n.literal ?? n.family ?? n.given ?? '').trim()).filter(Boolean);
}

/**
 * A partial ISO date (2018, 2018-11, 2018-11-07) or a range of two joined by "/" → CSL date-parts;
 * null when it is not one.
 */
export function cslDate(iso: string | null | undefined): { 'date-parts': number[][] } | null {
  const ends = (iso ?? '').split('/');
  if (ends.length > 2) return null;
  const parts: number[][] = [];
  for (const end of ends) {
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(end);
    if (!m) return null;
    parts.push(m.slice(1).filter(Boolean).map(Number));
  }
  return { 'date-parts': parts };
}

/** CSL date → partial ISO date (a range as "start/end"); null without a year. */
export function isoDate(date: CslDate | null | undefined): string | null {
  const ends = (date?.['date-parts'] ?? []).slice(0, 2).map(isoParts);
  if (ends.length === 0 || ends.some((e) => e === null)) return null;
  return ends.join('/');
}

function isoParts(parts: number[]): string | null {
  const [year, month, day] = parts;
  if (!Number.isInteger(year)) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (!month) return String(year).padStart(4, '0');
  return `${String(year).padStart(4, '0')}-${pad(month)}${day ? `-${pad(day)}` : ''}`;
}

/** The year a library column shows, or null. */
export const cslYear = (item: CslItem): number | null =>
  item.issued?.['date-parts']?.[0]?.[0] ?? null;

/** Where a field's value came from ("PDF XMP dc:title", "first page", "citation_doi"…). */
export interface FieldOrigin {
  from: string;
  /** false: found on import and shown as "found" until the researcher confirms or edits it */
  confirmed: boolean;
}
export type Provenance = Partial<Record<CslField, FieldOrigin>>;

/** What an importer found about the work a file holds, field by field, with where each came from. */
export interface FoundMeta {
  csl: Partial<CslItem>;
  from: Partial<Record<CslField, string>>;
  /** the file's own creation date (PDF CreationDate, DOCX dcterms:created): never a publication date */
  fileDate?: string | null;
}

/** Adds a field found somewhere unless an earlier (better) origin already gave it. */
export function addFound<K extends CslField>(
  found: FoundMeta,
  field: K,
  value: CslItem[K] | null | undefined,
  from: string,
): void {
  const empty =
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0);
  if (empty || found.csl[field] !== undefined) return;
  found.csl[field] = typeof value === 'string' ? (value.trim() as CslItem[K]) : value;
  found.from[field] = from;
}

export const emptyFound = (): FoundMeta => ({ csl: {}, from: {} });
