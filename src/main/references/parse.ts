/**
 * Reading reference files (RIS, BibTeX/BibLaTeX, CSL-JSON) into CSL-JSON items with citation-js.
 * A file is read whole or not at all: a malformed one is refused with the line at fault, so a
 * researcher never gets half a library and a guess at what was left out.
 */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CslItem } from '../../shared/csl';
import { AppError } from '../errors';

export type ReferenceFormat = 'ris' | 'bibtex' | 'csl-json';

const refuse = (fileName: string, why: string) =>
  new AppError(
    'invalid_input',
    `"${fileName}" cannot be imported: ${why} Nothing was imported from this file.`,
  );

export function referenceFormat(fileName: string, text: string): ReferenceFormat | null {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'ris') return 'ris';
  if (ext === 'bib' || ext === 'bibtex' || ext === 'biblatex') return 'bibtex';
  if (ext === 'json') return 'csl-json';
  const start = text.trimStart();
  if (/^TY {2}- /m.test(text)) return 'ris';
  if (start.startsWith('[') || start.startsWith('{')) return 'csl-json';
  if (/^\s*@\w+\s*[{(]/m.test(text)) return 'bibtex';
  return null;
}

/** The items of a reference file; AppError naming the line for a malformed one. */
export function parseReferences(fileName: string, text: string): CslItem[] {
  const format = referenceFormat(fileName, text);
  if (!format)
    throw refuse(fileName, 'it is not a RIS, BibTeX or CSL-JSON file (.ris, .bib, .json).');
  const items =
    format === 'ris'
      ? parseRis(fileName, text)
      : format === 'bibtex'
        ? parseBibtex(fileName, text)
        : parseCslJson(fileName, text);
  if (items.length === 0) throw refuse(fileName, 'it holds no references.');
  return items.map(tidy);
}

const RIS_LINE = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/;

/**
 * RIS, record by record (TY … ER), each checked line by line first: citation-js reads a stray line
 * into the field before it, which would silently corrupt the reference.
 */
function parseRis(fileName: string, text: string): CslItem[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const items: CslItem[] = [];
  let record: { start: number; lines: string[]; doi?: string } | null = null;
  lines.forEach((raw, index) => {
    const line = raw.trimEnd();
    const number = index + 1;
    if (line.trim() === '') return;
    const m = RIS_LINE.exec(line);
    if (!m) {
      throw refuse(
        fileName,
        `line ${number} is not a RIS line ("TAG  - value"): "${line.slice(0, 60)}".`,
      );
    }
    const [, tag, value = ''] = m;
    if (tag === 'TY') {
      if (record)
        throw refuse(
          fileName,
          `the record starting on line ${record.start} has no "ER  -" before line ${number}.`,
        );
      record = { start: number, lines: [line] };
      return;
    }
    if (!record) throw refuse(fileName, `line ${number} comes before any record ("TY  -").`);
    record.lines.push(line);
    if (tag === 'DO' && value.trim()) record.doi = value.trim();
    if (tag === 'ER') {
      const parsed = plugins.input.chain(`${record.lines.join('\n')}\n`, {
        generateGraph: false,
        forceType: '@ris/file',
      });
      for (const item of parsed as CslItem[]) {
        // citation-js's RIS reader drops DO in records that mix old and new tags
        if (record.doi && !item.DOI) item.DOI = record.doi;
        items.push(item);
      }
      record = null;
    }
  });
  if (record)
    throw refuse(
      fileName,
      `the record starting on line ${(record as { start: number }).start} never ends ("ER  -").`,
    );
  return items;
}

function parseBibtex(fileName: string, text: string): CslItem[] {
  try {
    return plugins.input.chain(text, {
      generateGraph: false,
      forceType: '@biblatex/text',
    }) as CslItem[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /at line (\d+) col (\d+)/.exec(message);
    const what = message.split('\n')[0]!.replace(/ at line \d+ col \d+:?$/, '');
    throw refuse(
      fileName,
      at
        ? `BibTeX syntax error on line ${at[1]}, column ${at[2]} (${what}).`
        : `BibTeX syntax error (${what.slice(0, 200)}).`,
    );
  }
}

function parseCslJson(fileName: string, text: string): CslItem[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const position = Number(/position (\d+)/.exec(String(error))?.[1] ?? NaN);
    const line = Number.isNaN(position) ? null : text.slice(0, position).split('\n').length;
    throw refuse(fileName, `it is not valid JSON${line ? ` (line ${line})` : ''}.`);
  }
  const list = Array.isArray(data) ? data : [data];
  list.forEach((item, i) => {
    const ok =
      item &&
      typeof item === 'object' &&
      !Array.isArray(item) &&
      typeof (item as CslItem).type === 'string' &&
      (typeof (item as CslItem).title === 'string' || Array.isArray((item as CslItem).author));
    if (!ok) {
      throw refuse(
        fileName,
        `item ${i + 1} is not a CSL-JSON item (it needs a "type" and a "title" or "author").`,
      );
    }
  });
  return list as CslItem[];
}

/** Drops citation-js's bookkeeping and the file's own id (ours is given on import). */
function tidy(item: CslItem): CslItem {
  const { _graph, id, ...rest } = item as CslItem & { _graph?: unknown };
  void _graph;
  void id;
  return { ...rest, type: typeof rest.type === 'string' && rest.type ? rest.type : 'document' };
}
