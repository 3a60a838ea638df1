import type { Block, PageSpan } from '../../shared/model';
import type { Db } from './open';

/**
 * The full-text index (schema in migrations/0002-search.ts). Claims and entities are indexed by
 * triggers in SQL. Document text is cut into paragraph-sized chunks here, in JavaScript, because SQL
 * cannot cut a 2.5-million-character text in UTF-16 offsets: a trigger on `documents` queues the
 * document and `indexPendingDocuments` (run before every search) chunks what is queued.
 */

/** Tables derived from the others: never exported in a bundle, rebuilt by triggers instead. */
export const DERIVED_TABLES = [
  'search_chunks',
  'search_queue',
  'search_keys',
  'document_pages',
  // whether a text has astral characters (migration 0013), filled when first asked for
  'document_text_astral',
] as const;

/**
 * Length-preserving folding applied to indexed text and to queries. unicode61 removes Latin
 * diacritics but keeps "ё" apart from "е", and Russian print mostly writes "е" for both. Every fold
 * maps one UTF-16 unit to one, so offsets into folded text are offsets into the original.
 */
export const FOLDS: readonly [string, string][] = [
  ['ё', 'е'],
  ['Ё', 'Е'],
];

export function foldForSearch(text: string): string {
  let out = text;
  for (const [from, to] of FOLDS) out = out.replaceAll(from, to);
  return out;
}

/** The same folding as an SQL expression over `expr`. */
export function foldSql(expr: string): string {
  return FOLDS.reduce((sql, [from, to]) => `replace(${sql}, '${from}', '${to}')`, expr);
}

/** Longer blocks are cut near this length, so snippets and offsets stay local. */
const MAX_CHUNK = 2000;

export interface Chunk {
  start: number;
  end: number;
}

/**
 * Cuts a document's text into chunks: its blocks (paragraphs, headings, list items), never across a
 * page, long blocks cut at a space. A match offset inside a chunk plus the chunk's start is the
 * match's offset in the document.
 */
export function chunkDocument(text: string, blocks: Block[], pages: PageSpan[]): Chunk[] {
  const segments: Chunk[] =
    blocks.length > 0 ? blocks.map((b) => ({ start: b.start, end: b.end })) : paragraphs(text);
  const pageEnds = pages.map((p) => p.end).filter((end) => end > 0 && end < text.length);
  return segments
    .flatMap((segment) => splitAt(segment, pageEnds))
    .flatMap((part) => splitLong(text, part))
    .filter((c) => /\S/.test(text.slice(c.start, c.end)));
}

/** Paragraphs separated by blank lines, for documents stored without blocks. */
function paragraphs(text: string): Chunk[] {
  const out: Chunk[] = [];
  const separator = /\n[ \t]*\n\s*/g;
  let start = 0;
  for (let m = separator.exec(text); m; m = separator.exec(text)) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** Cuts a segment at the page ends inside it (`cuts` ascending; binary search, as PDFs have thousands). */
function splitAt(segment: Chunk, cuts: number[]): Chunk[] {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cuts[mid]! <= segment.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Chunk[] = [];
  let start = segment.start;
  for (let i = lo; i < cuts.length && cuts[i]! < segment.end; i++) {
    out.push({ start, end: cuts[i]! });
    start = cuts[i]!;
  }
  out.push({ start, end: segment.end });
  return out;
}

function splitLong(text: string, segment: Chunk): Chunk[] {
  const out: Chunk[] = [];
  let start = segment.start;
  while (segment.end - start > MAX_CHUNK) {
    let cut = start + MAX_CHUNK;
    // cut after the last space in the final 20%, else hard (but never inside a surrogate pair)
    const space = text.lastIndexOf(' ', cut);
    if (space > start + MAX_CHUNK * 0.8) cut = space + 1;
    else if (isLowSurrogate(text.charCodeAt(cut))) cut--;
    out.push({ start, end: cut });
    start = cut;
  }
  out.push({ start, end: segment.end });
  return out;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Chunks and indexes every document queued by the triggers. Each document's chunks get consecutive
 * ids (one transaction, nothing else inserting), which lets a search inside one document restrict
 * the full-text index to a rowid range. Returns how many documents were indexed.
 */
export function indexPendingDocuments(db: Db): number {
  const queued = db.prepare('SELECT document_id FROM search_queue LIMIT 1');
  if (!queued.get()) return 0;
  return db.transaction(() => {
    const ids = db.prepare('SELECT document_id FROM search_queue').pluck().all() as string[];
    const load = db.prepare('SELECT text, structure FROM documents WHERE id = ?');
    const clear = db.prepare('DELETE FROM search_chunks WHERE document_id = ?');
    const insert = db.prepare(
      'INSERT INTO search_chunks (document_id, start, text) VALUES (?, ?, ?)',
    );
    for (const id of ids) {
      clear.run(id);
      const row = load.get(id) as { text: string; structure: string } | undefined;
      if (row) {
        const structure = JSON.parse(row.structure) as { blocks?: Block[]; pages?: PageSpan[] };
        for (const c of chunkDocument(row.text, structure.blocks ?? [], structure.pages ?? [])) {
          insert.run(id, c.start, row.text.slice(c.start, c.end));
        }
      }
    }
    db.prepare('DELETE FROM search_queue').run();
    return ids.length;
  })();
}
