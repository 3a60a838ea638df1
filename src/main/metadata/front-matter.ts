/**
 * Markdown front matter (a YAML block between `---` lines at the very top, as Jekyll, Hugo, Pandoc
 * and Quarto write it) → the fields of the work's source, each found "from front matter".
 *
 * Keys are the ones those tools document (Pandoc's title/subtitle/author/date/abstract/lang, the
 * CSL-YAML names, and a few common aliases). A date is taken only when it is one (`date: today` or
 * `last-modified`, as Quarto allows, states nothing). A block that is not valid YAML, or not a set
 * of fields, gives no metadata and a note saying why; the importer keeps its text (markdown.ts).
 */
import { parse, YAMLParseError } from 'yaml';
import {
  addFound,
  cslDate,
  CSL_TYPES,
  emptyFound,
  parseName,
  type CslName,
  type CslTextField,
  type FoundMeta,
} from '../../shared/csl';
import { parseWrittenDate } from './dates';

export interface FrontMatter {
  found: FoundMeta;
  /** why the block gave no metadata (malformed YAML, not a mapping), for the import's warnings */
  warning: string | null;
}

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** Text fields and the keys that give them, first key first. */
const TEXT_KEYS: [CslTextField, string[]][] = [
  ['container-title', ['container-title', 'journal', 'publication', 'booktitle']],
  ['publisher', ['publisher']],
  ['publisher-place', ['publisher-place', 'place', 'location']],
  ['volume', ['volume']],
  ['issue', ['issue', 'number-of-issue']],
  ['page', ['page', 'pages']],
  ['DOI', ['doi', 'DOI']],
  ['ISBN', ['isbn', 'ISBN']],
  ['URL', ['url', 'URL', 'link', 'canonical_url', 'canonical']],
  ['abstract', ['abstract', 'description', 'summary']],
];

export function frontMatterFound(yamlText: string): FrontMatter {
  const found = emptyFound();
  let data: unknown;
  try {
    // YAML 1.2 core schema: `2019-03-12` stays a string, as written; aliases are capped (yaml's
    // default) so a "billion laughs" block cannot blow up
    data = parse(yamlText, { prettyErrors: true, uniqueKeys: false });
  } catch (error) {
    const where =
      error instanceof YAMLParseError && error.linePos
        ? ` (line ${error.linePos[0].line + 1} of the file)`
        : '';
    return {
      found,
      warning:
        `The front matter (the block between the --- lines at the top) is not valid YAML${where}, ` +
        'so no metadata was taken from it; it is kept in the text as it is. Fix it and import the file again to have it read.',
    };
  }
  if (data === null || data === undefined) return { found, warning: null };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      found,
      warning:
        'The front matter (the block between the --- lines at the top) is not a list of fields ' +
        '(such as "title: …"), so no metadata was taken from it; it is kept in the text as it is.',
    };
  }
  const fields = data as Record<string, unknown>;
  const from = (name: string) => `front matter (${name})`;

  const title = text(fields.title);
  const subtitle = text(fields.subtitle);
  // CSL keeps a subtitle in the title, after a colon
  addFound(found, 'title', title && subtitle ? `${title}: ${subtitle}` : title, from('title'));
  for (const name of ['author', 'authors', 'creator']) {
    addFound(found, 'author', names(fields[name]), from(name));
  }
  addFound(found, 'editor', names(fields.editor), from('editor'));
  for (const name of ['date', 'issued', 'published', 'publishDate', 'pubdate']) {
    addFound(found, 'issued', dateOf(fields[name]), from(name));
  }
  const type = text(fields.type);
  if (type && (CSL_TYPES as readonly string[]).includes(type))
    addFound(found, 'type', type, from('type'));
  for (const name of ['lang', 'language']) {
    const lang = text(fields[name]);
    if (lang && LANGUAGE_TAG.test(lang)) addFound(found, 'language', lang, from(name));
  }
  for (const [field, keys] of TEXT_KEYS) {
    for (const name of keys) addFound(found, field, text(fields[name]), from(name));
  }
  if (found.csl.URL && !/^https?:\/\//i.test(found.csl.URL)) {
    delete found.csl.URL;
    delete found.from.URL;
  }
  return { found, warning: null };
}

/** A scalar as text (numbers as written: `volume: 12`), or null. */
function text(value: unknown): string | null {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim() || null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/**
 * Creators as written in front matter: one string ("Jane Roe", or several joined by ";"), a list
 * of strings, or a list of objects — Pandoc/Quarto's `{ name: … }` (name itself a string or
 * `{ given, family }`) or CSL's `{ family, given }` / `{ literal }`.
 */
function names(value: unknown): CslName[] | null {
  const list = Array.isArray(value) ? value : [value];
  const out: CslName[] = [];
  for (const entry of list.slice(0, 500)) {
    if (typeof entry === 'string') {
      for (const part of entry.split(';')) if (part.trim()) out.push(parseName(part));
    } else if (entry && typeof entry === 'object') {
      const name = personName(entry as Record<string, unknown>);
      if (name) out.push(name);
    }
  }
  return out.length ? out : null;
}

function personName(entry: Record<string, unknown>): CslName | null {
  const nested = entry.name;
  if (typeof nested === 'string') return nested.trim() ? parseName(nested) : null;
  if (nested && typeof nested === 'object') return personName(nested as Record<string, unknown>);
  const family = text(entry.family);
  const given = text(entry.given);
  const literal = text(entry.literal);
  if (family) return given ? { family, given } : { family };
  return literal ? { literal } : null;
}

/** A stated date: "2019-03-12", "12 March 2019", 2019, or CSL's `{ date-parts: [[2019, 3]] }`. */
function dateOf(value: unknown): { 'date-parts': number[][] } | null {
  if (value instanceof Date && !Number.isNaN(value.getTime()))
    return cslDate(value.toISOString().slice(0, 10));
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const parts = (value as Record<string, unknown>)['date-parts'];
    if (!Array.isArray(parts) || !Array.isArray(parts[0])) return null;
    const first = (parts[0] as unknown[]).slice(0, 3);
    if (first.length === 0 || !first.every((n) => Number.isInteger(Number(n)))) return null;
    return cslDate(first.map((n, i) => String(Number(n)).padStart(i === 0 ? 4 : 2, '0')).join('-'));
  }
  const written = text(value);
  return written ? cslDate(parseWrittenDate(written)) : null;
}
