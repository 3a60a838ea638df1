/** The pages OCR read (migration 0005): their words, and which engine read them. */
import type { DocumentId } from '../../shared/model';
import type { OcrPage, OcrRun, OcrWord } from '../../shared/ocr';
import type { Db } from './open';

type PackedWord = [
  string,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  0 | 1,
  number,
];

const pack = (w: OcrWord): PackedWord => [
  w.str,
  ...w.transform,
  w.width,
  w.height,
  w.eol ? 1 : 0,
  w.confidence,
];

const unpack = (p: PackedWord): OcrWord => ({
  str: p[0],
  transform: [p[1], p[2], p[3], p[4], p[5], p[6]],
  width: p[7],
  height: p[8],
  eol: p[9] === 1,
  confidence: p[10],
});

/** Stores recognised pages (replacing what an earlier run stored for the same pages). */
export function insertOcrPages(db: Db, id: DocumentId, pages: readonly OcrPage[]): void {
  const insert = db.prepare(
    `INSERT OR REPLACE INTO ocr_pages (document_id, page_index, engine, version, languages, dpi, words)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const page of pages) {
    insert.run(
      id,
      page.index,
      page.engine,
      page.version,
      page.languages.join('+'),
      page.dpi,
      JSON.stringify(page.words.map(pack)),
    );
  }
}

interface Row {
  page_index: number;
  engine: string;
  version: string;
  languages: string;
  dpi: number;
  words: string;
}

const toPage = (row: Row): OcrPage => ({
  index: row.page_index,
  engine: row.engine,
  version: row.version,
  languages: row.languages.split('+'),
  dpi: row.dpi,
  words: (JSON.parse(row.words) as PackedWord[]).map(unpack),
});

export function getOcrPage(db: Db, id: DocumentId, pageIndex: number): OcrPage | null {
  const row = db
    .prepare('SELECT * FROM ocr_pages WHERE document_id = ? AND page_index = ?')
    .get(id, pageIndex) as Row | undefined;
  return row ? toPage(row) : null;
}

export function getOcrPages(db: Db, id: DocumentId): OcrPage[] {
  const rows = db
    .prepare('SELECT * FROM ocr_pages WHERE document_id = ? ORDER BY page_index')
    .all(id) as Row[];
  return rows.map(toPage);
}

/** Per document, which pages OCR read and how (the run of its first page; runs are per document). */
export function ocrRuns(
  db: Db,
  ids: readonly DocumentId[],
): Map<DocumentId, OcrRun & { pages: number[] }> {
  const out = new Map<DocumentId, OcrRun & { pages: number[] }>();
  const select = db.prepare(
    'SELECT page_index, engine, version, languages, dpi FROM ocr_pages WHERE document_id = ? ORDER BY page_index',
  );
  for (const id of ids) {
    const rows = select.all(id) as Omit<Row, 'words'>[];
    if (rows.length === 0) continue;
    const first = rows[0]!;
    out.set(id, {
      engine: first.engine,
      version: first.version,
      languages: first.languages.split('+'),
      dpi: first.dpi,
      pages: rows.map((r) => r.page_index),
    });
  }
  return out;
}

export function deleteOcrPages(db: Db, id: DocumentId): void {
  db.prepare('DELETE FROM ocr_pages WHERE document_id = ?').run(id);
}
