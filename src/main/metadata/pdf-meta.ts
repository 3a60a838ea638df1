/**
 * What a PDF says about the work it holds, field by field with its origin: the XMP metadata, the
 * document information dictionary, the title page (its largest text near the top, the names under
 * it) and the identifiers in the first pages' text. The file's CreationDate is the file's date, kept
 * apart: a 2019 report converted to PDF in 2026 was not published in 2026.
 */
import {
  addFound,
  cslDate,
  emptyFound,
  parseName,
  type CslName,
  type FoundMeta,
} from '../../shared/csl';
import type { Line } from '../importers/pdf-layout';
import { datelineDate, parseWrittenDate } from './dates';
import { findArxiv, findDoi, findIsbn } from './identifiers';
import { isPersonName, splitNames } from './names';
import { cleanTitle, pdfDate, splitAuthors } from './pdf-info';

export interface PdfFacts {
  info: Record<string, string>;
  xmp: Record<string, string>;
  /** the lines of the first pages (two are enough for a title page and its identifiers) */
  firstPages: Line[][];
  lang: string | null;
}

export function pdfFound({ info, xmp, firstPages, lang }: PdfFacts): FoundMeta {
  const found = emptyFound();
  const str = (v: string | undefined) => (v ?? '').trim();

  // XMP first: publishers write it deliberately; Info is often a word processor's leftovers
  addFound(found, 'title', cleanTitle(str(xmp['dc:title'])), 'PDF XMP (dc:title)');
  addFound(found, 'author', names(splitAuthors(str(xmp['dc:creator']))), 'PDF XMP (dc:creator)');
  addFound(found, 'DOI', doiOf(str(xmp['prism:doi'] ?? xmp['pdfx:doi'])), 'PDF XMP (prism:doi)');
  const xmpDate = str(
    xmp['prism:publicationdate'] ??
      xmp['prism:coverdate'] ??
      xmp['prism:publicationDate'] ??
      xmp['prism:coverDate'],
  );
  addFound(found, 'issued', cslDate(parseWrittenDate(xmpDate)), 'PDF XMP (prism:publicationDate)');
  addFound(
    found,
    'container-title',
    str(xmp['prism:publicationname'] ?? xmp['prism:publicationName']),
    'PDF XMP (prism:publicationName)',
  );
  addFound(found, 'publisher', str(xmp['dc:publisher']), 'PDF XMP (dc:publisher)');

  addFound(found, 'title', cleanTitle(str(info.Title)), 'PDF document information (Title)');
  addFound(
    found,
    'author',
    names(splitAuthors(str(info.Author))),
    'PDF document information (Author)',
  );

  const page = titlePage(firstPages[0] ?? []);
  addFound(found, 'title', page.title, 'the first page (its title)');
  addFound(
    found,
    'author',
    page.authors.map(parseName),
    'the first page (the names under its title)',
  );
  addFound(found, 'issued', cslDate(page.date), 'the first page (a dateline)');

  const firstText = (firstPages[0] ?? []).map((l) => l.text).join('\n');
  const text = firstPages.map((lines) => lines.map((l) => l.text).join('\n')).join('\n');
  addFound(found, 'DOI', findDoi(text, firstText), 'the text (a DOI)');
  addFound(found, 'ISBN', findIsbn(text), 'the text (an ISBN)');
  const arxiv = findArxiv(text);
  if (arxiv) {
    addFound(found, 'number', `arXiv:${arxiv}`, 'the text (an arXiv id)');
    addFound(found, 'URL', `https://arxiv.org/abs/${arxiv}`, 'the text (an arXiv id)');
  }
  const language = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(str(info.Language || lang || ''))
    ? str(info.Language || lang || '')
    : null;
  addFound(found, 'language', language, 'PDF document information (Language)');
  found.fileDate = pdfDate(str(info.CreationDate)) ?? pdfDate(str(xmp['xmp:createdate']));
  return found;
}

const names = (list: string[]): CslName[] => list.map(parseName);
const doiOf = (raw: string) => (raw ? findDoi(`doi: ${raw.replace(/^doi:\s*/i, '')}`) : null);

/** Lines closer than this many font sizes belong to one block (a wrapped title, an address). */
const BLOCK_GAP = 1.6;

function blocksOf(lines: Line[]): Line[][] {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    const previous = current[current.length - 1];
    const apart =
      previous &&
      (previous.y - line.y > BLOCK_GAP * Math.max(previous.size, line.size) ||
        Math.abs(previous.size - line.size) > 0.15 * Math.max(previous.size, line.size));
    if (apart) {
      blocks.push(current);
      current = [];
    }
    current.push(line);
  }
  if (current.length) blocks.push(current);
  return blocks;
}

/** Wrapped lines as one string; a hyphen that broke a word at a line end goes. */
function joinLines(lines: Line[]): string {
  return lines
    .map((l) => l.text)
    .reduce((text, line) =>
      /\p{Ll}-$/u.test(text) && /^\p{Ll}/u.test(line)
        ? text.slice(0, -1) + line
        : `${text} ${line}`,
    )
    .replace(/\s+/g, ' ')
    .trim();
}

const STOP =
  /^(?:abstract|summary|keywords?|key words|introduction|contents|table of contents|doi\b|\d+\.?\s+introduction)/i;

function looksLikeTitle(text: string, lines: number): boolean {
  if (lines > 4 || text.length < 8 || text.length > 300) return false;
  if (!/^[\p{Lu}\p{N}"“‘']/u.test(text)) return false;
  if (text.split(' ').length < 2) return false;
  if (/[.;,:]$/.test(text) && !/\b[A-Z]\.$/.test(text)) return false; // a sentence, not a title
  if (STOP.test(text) || datelineDate(text) || /@|https?:\/\//.test(text)) return false;
  return true;
}

/**
 * The title page: the title is the largest text near the top (the first block when all text is one
 * size, as in a PDF printed from a plain text), if it reads like a title; the authors are the
 * names in the blocks under it, before the abstract (affiliations and e-mail lines are skipped).
 */
export function titlePage(page: Line[]): {
  title: string | null;
  authors: string[];
  date: string | null;
} {
  const lines = page.filter((l) => l.upright).slice(0, 60);
  const date =
    lines
      .slice(0, 30)
      .map((l) => datelineDate(l.text))
      .find(Boolean) ?? null;
  const blocks = blocksOf(lines);
  if (blocks.length === 0) return { title: null, authors: [], date };
  const top = blocks.slice(0, 8);
  const largest = Math.max(...top.map((b) => b[0]!.size));
  const body = median(lines.map((l) => l.size));
  // a larger title near the top, or with one size throughout, the first block
  const index = largest > body * 1.15 ? top.findIndex((b) => b[0]!.size >= largest * 0.98) : 0;
  const block = blocks[index]!;
  const title = joinLines(block);
  if (!looksLikeTitle(title, block.length)) return { title: null, authors: [], date };
  const authors: string[] = [];
  for (const next of blocks.slice(index + 1, index + 12)) {
    const first = next[0]!.text.replace(/^by\s+/i, '');
    if (STOP.test(first)) break;
    const candidates = splitNames(first);
    if (candidates.length > 0 && candidates.every(isPersonName)) {
      for (const name of candidates) if (!authors.includes(name)) authors.push(name);
      continue;
    }
    // prose: the text has begun
    if (next.length > 4 || (first.length > 90 && /[.!?]$/.test(joinLines(next)))) break;
  }
  return { title, authors, date };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
